/**
 * Terminal formatting of the DID family of `xinzhi estimate`: the regression
 * columns of DID and event-study models, the ATT line, the event-study and
 * Callaway–Sant'Anna tables, the pre-trend test and the placebo summary
 * (bilingual), and the event-study plots as SVG. Numbers come from src/core/estimate/run-did.ts unchanged.
 */
import { writeFileSync } from 'node:fs';
import { XinzhiError } from '../../core/errors.ts';
import type { FeResult } from '../../core/estimate/fe.ts';
import type { EstimateResult } from '../../core/estimate/run.ts';
import type { CsModelResult, DidFamilyResult } from '../../core/estimate/run-did.ts';
import type { PlaceboResult } from '../../core/estimate/placebo.ts';
import { bi, type Lang } from '../../core/i18n.ts';
import { stars } from '../../core/stats/stars.ts';
import { estimatePlots } from '../report/event-study-chart.ts';
import { textTable } from './analyze/input.ts';

const f4 = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : '—');
const ci = (c: [number, number]) => `[${f4(c[0])}, ${f4(c[1])}]`;

/** Regression-table columns of a DID-family model (none for Callaway–Sant'Anna, which is not a regression). */
export function didTableColumns(
  m: DidFamilyResult,
  lang: Lang,
): Array<{ label: string; fit: FeResult; cluster: string | null }> {
  if (m.type === 'did' && m.estimator === 'cs') return [];
  const label =
    m.type === 'event-study' ? (lang === 'zh' ? `${m.y}（事件研究）` : `${m.y} (event study)`) : `${m.y} (DID)`;
  return [{ label, fit: { ...m, type: 'fe' } as FeResult, cluster: m.model.cluster }];
}

function placeboLines(p: PlaceboResult, mode: string, lang: Lang): string[] {
  const q = p.quantiles;
  return lang === 'zh'
    ? [
        `安慰剂检验（随机分配处理，${mode === 'units' ? '重新分配处理单位' : '重新分配处理单位与时期'}，${p.draws} 次，种子 ${p.seed}）：均值 ${f4(p.mean)}，标准差 ${f4(p.sd)}，分位数 2.5% ${f4(q.q025)} / 50% ${f4(q.q50)} / 97.5% ${f4(q.q975)}；绝对值不小于实际估计 ${f4(p.actual)} 的比例 ${p.share.toFixed(4)}`,
      ]
    : [
        `Placebo by random assignment (${mode === 'units' ? 'treated units reassigned' : 'treated units and dates reassigned'}, ${p.draws} draws, seed ${p.seed}): mean ${f4(p.mean)}, SD ${f4(p.sd)}, quantiles 2.5% ${f4(q.q025)} / 50% ${f4(q.q50)} / 97.5% ${f4(q.q975)}; share at least as large in absolute value as the actual ${f4(p.actual)}: ${p.share.toFixed(4)}`,
      ];
}

function csLines(m: CsModelResult, lang: Lang): string[] {
  const L = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const o = m.options;
  const out = [
    L(
      `${m.name}：Callaway–Sant'Anna（2021）交错双重差分，对照组 ${o.control === 'never' ? '从未处理' : '尚未处理'}，处理前基期 ${o.base === 'varying' ? '逐期（varying）' : '统一（universal）'}，${m.units} 个单位 × ${m.periods.length} 期，从未处理 ${m.neverTreated} 个；标准误来自影响函数（按单位聚类），区间为正态 ${Math.round(o.level * 100)}%`,
      `${m.name}: Callaway–Sant'Anna (2021) staggered DID, ${o.control === 'never' ? 'never-treated' : 'not-yet-treated'} controls, ${o.base} base period, ${m.units} units × ${m.periods.length} periods, ${m.neverTreated} never treated; standard errors from the influence function (clustered by unit), normal ${Math.round(o.level * 100)}% intervals`,
    ),
  ];
  if (m.alwaysTreated)
    out.push(
      L(
        `删去 ${m.alwaysTreated} 个在首期或之前已处理的单位（无处理前时期）。`,
        `${m.alwaysTreated} units treated in or before the first period dropped (no pre-period).`,
      ),
    );
  if (m.skipped.length)
    out.push(
      L(
        `无对照单位而未估计的 (g,t)：${m.skipped.map((c) => `(${c.g},${c.t})`).join(' ')}`,
        `(g,t) cells without control units, not estimated: ${m.skipped.map((c) => `(${c.g},${c.t})`).join(' ')}`,
      ),
    );
  out.push(
    textTable(
      [
        L('处理组 g', 'Cohort g'),
        L('时期 t', 'Period t'),
        L('基期', 'Base'),
        'ATT(g,t)',
        L('标准误', 'SE'),
        L('置信区间', 'CI'),
      ],
      m.gt.map((c) => [String(c.g), String(c.t), String(c.base), `${f4(c.estimate)}${stars(c.p)}`, f4(c.se), ci(c.ci)]),
    ),
  );
  const a = m.aggregations;
  const row = (name: string, e: { estimate: number; se: number; p: number; ci: [number, number] }) => [
    name,
    `${f4(e.estimate)}${stars(e.p)}`,
    f4(e.se),
    ci(e.ci),
  ];
  out.push(
    textTable(
      [L('汇总', 'Aggregation'), 'ATT', L('标准误', 'SE'), L('置信区间', 'CI')],
      [
        row(L('简单加权（simple）', 'simple'), a.simple),
        row(L('事件时间平均（dynamic, e ≥ 0）', 'dynamic (mean over e ≥ 0)'), a.dynamic.overall),
        row(L('按处理组（group）', 'group'), a.group.overall),
        row(L('按日历时期（calendar）', 'calendar'), a.calendar.overall),
        ...a.dynamic.byEventTime.map((d) => row(`e = ${d.e}`, d)),
      ],
    ),
  );
  return out;
}

/** Lines of every DID-family model: ATT, event-study table and pre-trend test, CS tables, placebo. */
export function didLines(res: EstimateResult, lang: Lang): string[] {
  const L = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const out: string[] = [];
  for (const m of res.models) {
    if (m.type === 'did' && m.estimator === 'cs') {
      out.push(...csLines(m, lang));
      if (m.placebo) out.push(...placeboLines(m.placebo, m.model.did!.placebo!.mode, lang));
    } else if (m.type === 'did') {
      const a = m.att;
      out.push(
        L(
          `${m.name}：${m.estimator === '2x2' ? '2×2 双重差分' : '双向固定效应双重差分'}，ATT（${m.term}）= ${f4(a.estimate)}${stars(a.p)}，标准误 ${f4(a.se)}，t = ${a.t.toFixed(3)}，p = ${a.p.toPrecision(3)}，95% 置信区间 ${ci(a.ci)}${m.absorbedTerms.length ? `；${m.absorbedTerms.join('、')} 被固定效应吸收` : ''}`,
          `${m.name}: ${m.estimator === '2x2' ? '2×2 DID' : 'two-way FE DID'}, ATT (${m.term}) = ${f4(a.estimate)}${stars(a.p)}, SE ${f4(a.se)}, t = ${a.t.toFixed(3)}, p = ${a.p.toPrecision(3)}, 95% CI ${ci(a.ci)}${m.absorbedTerms.length ? `; ${m.absorbedTerms.join(', ')} absorbed by the fixed effects` : ''}`,
        ),
      );
      if (m.placebo) out.push(...placeboLines(m.placebo, m.model.did!.placebo!.mode, lang));
    } else if (m.type === 'event-study') {
      out.push(
        L(
          `${m.name}：事件研究，基期 −1，窗口 [${m.window[0]}, ${m.window[1]}]${m.binned ? '（端点合并）' : m.outsideWindow ? `（窗口外 ${m.outsideWindow} 个处理组观测删去）` : ''}`,
          `${m.name}: event study, reference −1, window [${m.window[0]}, ${m.window[1]}]${m.binned ? ' (endpoints binned)' : m.outsideWindow ? ` (${m.outsideWindow} treated observations outside dropped)` : ''}`,
        ),
      );
      out.push(
        textTable(
          [L('相对时期', 'Relative period'), L('系数', 'Estimate'), L('标准误', 'SE'), L('95% 置信区间', '95% CI')],
          m.periods.map((p) =>
            p.reference
              ? [String(p.period), L('0（基期）', '0 (reference)'), '—', '—']
              : [String(p.period), `${f4(p.estimate)}${stars(p.p)}`, f4(p.se), ci(p.ci)],
          ),
        ),
      );
      const t = m.pretrend;
      if (t)
        out.push(
          L(
            `平行趋势检验（处理前各期系数联合为 0）：F(${t.df1}, ${t.df2}) = ${t.F.toFixed(3)}，p = ${t.p.toPrecision(3)}`,
            `Pre-trend test (all leads zero): F(${t.df1}, ${t.df2}) = ${t.F.toFixed(3)}, p = ${t.p.toPrecision(3)}`,
          ),
        );
    }
  }
  return out;
}

/**
 * Write the plot of every model that has one — an event study's periods, or
 * Callaway–Sant'Anna's dynamic aggregation — as SVG: to `path` when there is
 * one plot, else to `path` with "-1", "-2", … before the extension.
 * No plottable model is an error (nothing is written silently).
 */
export function writeDidPlots(res: EstimateResult, path: string, lang: Lang): string[] {
  const plots = estimatePlots(res, lang);
  if (plots.length === 0)
    throw new XinzhiError({
      code: 'estimate-plot',
      severity: 'error',
      message: bi(
        "--plot 需要事件研究或 Callaway–Sant'Anna 模型",
        "--plot needs an event-study or a Callaway–Sant'Anna model",
      ),
      fix: bi('去掉 --plot，或加入 "type": "event-study" 模型', 'drop --plot, or add an "type": "event-study" model'),
    });
  const dot = path.lastIndexOf('.');
  const files = plots.map((_, k) =>
    plots.length === 1 ? path : dot > 0 ? `${path.slice(0, dot)}-${k + 1}${path.slice(dot)}` : `${path}-${k + 1}`,
  );
  plots.forEach((p, k) => writeFileSync(files[k], p.svg));
  return files;
}
