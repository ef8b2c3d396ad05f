/**
 * `xinzhi estimate --data F --model M.json [--json]`: panel regressions from a
 * model file (src/core/estimate). With --json one document,
 * `{models: [{coefficients: {term: {estimate, se, t, p}}, n, ...}]}`; otherwise
 * a regression table as papers print it (stars, standard errors in
 * parentheses, N, within R², fixed-effect and cluster rows), models side by side.
 */
import { modelReading } from '../../core/estimate/model-common.ts';
import type { Command } from 'commander';
import { XinzhiError } from '../../core/errors.ts';
import { bi, type Lang } from '../../core/i18n.ts';
import { checkEstimateModels, type EstimateModel } from '../../core/estimate/model.ts';
import type { FeResult } from '../../core/estimate/fe.ts';
import { type EstimateResult, modelColumns, runEstimateAsync } from '../../core/estimate/run.ts';
import { estimateParts, estimateRunners } from '../io/estimate-pool.ts';
import { loadSpecFile } from '../io/load-spec.ts';
import { readPanelFile } from '../io/read.ts';
import { textTable } from './analyze/input.ts';
import { pickLang, positiveIntOption, printJson } from './util.ts';
import { stars } from '../../core/stats/stars.ts';
import { COMMAND_SUMMARIES } from './summaries.ts';
import { didLines, didTableColumns, writeDidPlots } from './estimate-did.ts';
import { isSpatial, spatialColumns, spatialContext, spatialLines, spatialTableColumn } from './estimate-spatial.ts';
import { writeFile } from 'node:fs/promises';
import { rasterizeSvg } from '../io/rasterize.ts';
import { estimateCsv, estimateReportDocx, estimateReportHtml, estimateWorkbook } from '../report/estimate-report.ts';

interface EstimateOptions {
  data: string;
  model: string;
  json?: boolean;
  plot?: string;
  lang?: string;
  html?: string;
  docx?: string;
  xlsx?: string;
  csv?: string;
  paren?: string;
  jobs?: string;
}

/** One column of the regression table: an estimated equation. */
interface Column {
  label: string;
  fit: FeResult;
  cluster: string | null;
}

/** The equations of the results: one per FE model, the steps of a mediation. */
function columnsOf(res: EstimateResult, lang: Lang): Column[] {
  return res.models.flatMap((m): Column[] => {
    if (m.type === 'fe')
      return [
        {
          label: m.y,
          fit: m,
          cluster: m.model.cluster2 ? `${m.model.cluster} + ${m.model.cluster2}` : m.model.cluster,
        },
      ];
    if (m.type === 'moderation') return [{ label: m.y, fit: { ...m, type: 'fe' }, cluster: m.model.cluster }];
    if (m.type === 'iv') {
      const fit = {
        ...m,
        type: 'fe',
        r2Within: Number.NaN,
        options: { ...m.options, dropSingletons: false },
      } as unknown as FeResult;
      return [{ label: `${m.y} (2SLS)`, fit, cluster: m.model.cluster }];
    }
    if (m.type === 'threshold') {
      const fit = {
        ...m,
        type: 'fe',
        fe: m.model.fe,
        options: { se: m.options.se, preset: m.options.preset, dropSingletons: false },
      } as unknown as FeResult;
      return [{ label: lang === 'zh' ? `${m.y}（门槛）` : `${m.y} (threshold)`, fit, cluster: m.model.cluster }];
    }
    if (m.type === 'did' || m.type === 'event-study') return didTableColumns(m, lang);
    if (isSpatial(m)) return spatialTableColumn(m, lang);
    const step = (label: string, fit: FeResult | undefined) => (fit ? [{ label, fit, cluster: m.model.cluster }] : []);
    const M = m.model.m ?? 'M';
    return [
      ...step(lang === 'zh' ? `${m.y}（总效应）` : `${m.y} (total)`, m.steps.total),
      ...step(M, m.steps.xToM),
      ...step(lang === 'zh' ? `${m.y}（含中介）` : `${m.y} (with M)`, m.steps.outcome),
    ];
  });
}

/** The regression table (rows of cells) of every equation side by side. */
export function regressionTable(res: EstimateResult, lang: Lang): { headers: string[]; rows: string[][] } {
  const L = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const cols = columnsOf(res, lang);
  const terms = [...new Set(cols.flatMap((c) => Object.keys(c.fit.coefficients)))];
  const headers = ['', ...cols.map((c, i) => `(${i + 1}) ${c.label}`)];
  const rows: string[][] = [];
  for (const t of terms) {
    const cell = (c: Column) => c.fit.coefficients[t];
    rows.push([t, ...cols.map((c) => (cell(c) ? `${cell(c).estimate.toFixed(4)}${stars(cell(c).p)}` : ''))]);
    rows.push(['', ...cols.map((c) => (cell(c) ? `(${cell(c).se.toFixed(4)})` : ''))]);
  }
  rows.push([L('观测数 N', 'N'), ...cols.map((c) => String(c.fit.n))]);
  rows.push([
    L('组内 R²', 'R² (within)'),
    ...cols.map((c) => (Number.isNaN(c.fit.r2Within) ? '—' : c.fit.r2Within.toFixed(4))),
  ]);
  const ivs = res.models.filter((m) => m.type === 'iv');
  if (ivs.length) {
    rows.push([
      L('第一阶段 F', 'First-stage F'),
      ...cols.map((c) => {
        const f = (c.fit as unknown as { firstStageF?: Record<string, number> }).firstStageF;
        return f
          ? Object.values(f)
              .map((v) => v.toFixed(2))
              .join(' / ')
          : '';
      }),
    ]);
  }
  if (ivs.length) {
    const ident = (c: Column) =>
      c.fit as unknown as { craggDonaldF?: number; kleibergenPaap?: { rkLM: number; rkLMp: number; rkWaldF: number } };
    const fmt = (v: number | undefined, d: number) => (v === undefined || !Number.isFinite(v) ? '' : v.toFixed(d));
    if (cols.some((c) => ident(c).kleibergenPaap)) {
      rows.push([
        L('KP rk LM (p)', 'KP rk LM (p)'),
        ...cols.map((c) => {
          const kp = ident(c).kleibergenPaap;
          return kp ? `${fmt(kp.rkLM, 3)} (${fmt(kp.rkLMp, 4)})` : '';
        }),
      ]);
      rows.push([L('KP rk Wald F', 'KP rk Wald F'), ...cols.map((c) => fmt(ident(c).kleibergenPaap?.rkWaldF, 2))]);
    }
    rows.push([L('Cragg–Donald F', 'Cragg–Donald F'), ...cols.map((c) => fmt(ident(c).craggDonaldF, 2))]);
  }
  const fes = [...new Set(cols.flatMap((c) => c.fit.fe))];
  for (const f of fes) {
    rows.push([
      L(`${f} 固定效应`, `${f} FE`),
      ...cols.map((c) => (c.fit.fe.includes(f) ? L('是', 'Yes') : L('否', 'No'))),
    ]);
  }
  rows.push([L('聚类', 'Cluster'), ...cols.map((c) => c.cluster ?? '—')]);
  rows.push([
    L('标准误', 'SE'),
    ...cols.map((c) => (c.fit.options.se === 'cluster' ? `cluster (${c.fit.options.preset})` : c.fit.options.se)),
  ]);
  return { headers, rows };
}

/** Lines on the indirect effects of mediation models and the simple slopes of moderation models. */
function mediationLines(res: EstimateResult, lang: Lang): string[] {
  const out: string[] = [];
  for (const m of res.models) {
    if (m.type === 'moderation') {
      const at = {
        low: lang === 'zh' ? '低（−1 SD）' : 'low (−1 SD)',
        mean: lang === 'zh' ? '均值' : 'mean',
        high: lang === 'zh' ? '高（+1 SD）' : 'high (+1 SD)',
      };
      out.push(
        (lang === 'zh' ? '简单斜率：' : 'Simple slopes: ') +
          m.slopes.map((s) => `${at[s.at]} ${s.estimate.toFixed(4)}${stars(s.p)} (${s.se.toFixed(4)})`).join('; '),
      );
      continue;
    }
    if (m.type !== 'mediation') continue;
    out.push(m.note[lang]);
    const ab = m.indirect;
    if (!ab) continue;
    const f = (v: number | null) => (v === null ? '—' : v.toFixed(4));
    out.push(
      lang === 'zh'
        ? `间接效应 ab = ${f(ab.estimate)}（a = ${f(ab.a)}，b = ${f(ab.b)}）；总效应 c = ${f(m.total ?? null)}，直接效应 c′ = ${f(m.direct ?? null)}`
        : `Indirect effect ab = ${f(ab.estimate)} (a = ${f(ab.a)}, b = ${f(ab.b)}); total c = ${f(m.total ?? null)}, direct c′ = ${f(m.direct ?? null)}`,
    );
    out.push(
      `Sobel z = ${f(ab.sobel.z)}, p = ${f(ab.sobel.p)}; Aroian z = ${f(ab.aroian.z)}, p = ${f(ab.aroian.p)}; Goodman z = ${f(ab.goodman.z)}, p = ${f(ab.goodman.p)}`,
    );
    const bs = ab.bootstrap;
    if (bs) {
      out.push(
        lang === 'zh'
          ? `聚类自助法（${bs.draws} 次，种子 ${bs.seed}）：${bs.level * 100}% 百分位区间 [${f(bs.percentile[0])}, ${f(bs.percentile[1])}]，偏差校正区间 [${f(bs.biasCorrected[0])}, ${f(bs.biasCorrected[1])}]`
          : `Cluster bootstrap (${bs.draws} draws, seed ${bs.seed}): ${bs.level * 100}% percentile interval [${f(bs.percentile[0])}, ${f(bs.percentile[1])}], bias-corrected [${f(bs.biasCorrected[0])}, ${f(bs.biasCorrected[1])}]`,
      );
    }
  }
  return out;
}

/** Per threshold model: the threshold estimates with LR intervals, the bootstrap F tests and the regimes. */
export function thresholdLines(res: EstimateResult, lang: Lang): string[] {
  const L = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const g = (v: number) => String(Number(v.toPrecision(6)));
  const out: string[] = [];
  for (const m of res.models) {
    if (m.type !== 'threshold') continue;
    const o = m.options;
    const level = Math.round(o.level * 100);
    out.push(
      L(
        `${m.name}：门槛模型（Hansen 1999），门槛变量 ${m.model.threshold!.q}，第一区制 ${o.convention === 'le' ? 'q ≤ γ' : 'q < γ'}，修剪 ${o.trim.join('/')}，网格 ${o.grid === 'all' ? '全部取值' : `${o.grid} 点`}（第一步候选值 ${m.steps[0].gamma.length} 个），平衡面板 ${m.units} × ${m.periods}`,
        `${m.name}: threshold model (Hansen 1999), threshold variable ${m.model.threshold!.q}, first regime ${o.convention === 'le' ? 'q ≤ γ' : 'q < γ'}, trim ${o.trim.join('/')}, grid ${o.grid === 'all' ? 'all values' : `${o.grid} points`} (${m.steps[0].gamma.length} candidates in step 1), balanced panel ${m.units} × ${m.periods}`,
      ),
    );
    out.push(
      textTable(
        [L('门槛', 'Threshold'), L('估计值', 'Estimate'), L(`${level}% 置信区间（LR）`, `${level}% CI (LR)`)],
        m.thresholds.map((v, k) => [`γ${k + 1}`, g(v), `[${g(m.ci[k][0])}, ${g(m.ci[k][1])}]`]),
      ),
    );
    const f = (v: number | null | undefined, d = 4) => (v === null || v === undefined ? '—' : v.toFixed(d));
    out.push(
      textTable(
        [
          L('门槛效应检验', 'Threshold test'),
          'F',
          'p',
          L('临界值 10%', 'Crit. 10%'),
          '5%',
          '1%',
          L('自助次数', 'Draws'),
        ],
        m.tests.map((t, k) => [
          L(['单一门槛', '双重门槛', '三重门槛'][k], ['Single', 'Double', 'Triple'][k]) + ` (${t.hypothesis})`,
          f(t.F, 3),
          f(t.pValue),
          f(t.crit?.['10%'], 3),
          f(t.crit?.['5%'], 3),
          f(t.crit?.['1%'], 3),
          String(t.draws),
        ]),
      ),
    );
    out.push(
      L(
        `区制：${m.regimes.map((r) => `[${r.regime}] ${r.label}（N=${r.n}）`).join('；')}；自助法为固定回归元自助（Hansen 1999），种子 ${m.tests[0]?.seed}。`,
        `Regimes: ${m.regimes.map((r) => `[${r.regime}] ${r.label} (N=${r.n})`).join('; ')}; fixed-regressor bootstrap (Hansen 1999), seed ${m.tests[0]?.seed}.`,
      ),
    );
  }
  return out;
}

async function readData(path: string, models: EstimateModel[]) {
  const { unit, time } = models[0];
  if (models.some((m) => m.unit !== unit || m.time !== time)) {
    throw new XinzhiError({
      code: 'estimate-model',
      severity: 'error',
      message: bi('同一模型文件中各模型的 unit 和 time 必须相同', 'all models of one file must share unit and time'),
      fix: bi('把不同面板的模型放到不同文件中', 'put models of different panels in separate files'),
    });
  }
  const numeric = [...new Set(models.flatMap((m) => [...modelColumns(m).numeric, ...spatialColumns(m)]))];
  const labels = [...new Set(models.flatMap((m) => modelColumns(m).labels))].filter((c) => !numeric.includes(c));
  const { panel, problems } = await readPanelFile(path, { unit, time, columns: numeric, labels });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new XinzhiError(errors);
  return panel;
}

/** --paren: "se" (default) or "t"; anything else is an error naming the choices. */
function parenOption(v: string | undefined): 'se' | 't' {
  if (v === undefined || v === 'se' || v === 't') return v ?? 'se';
  throw new XinzhiError({
    code: 'estimate-paren',
    severity: 'error',
    message: bi(`--paren 的取值 "${v}" 无效`, `--paren "${v}" is not a valid choice`),
    fix: bi(
      '写 --paren se（标准误）或 --paren t（t 值）',
      'use --paren se (standard errors) or --paren t (t statistics)',
    ),
  });
}

export function registerEstimate(program: Command): void {
  program
    .command('estimate')
    .description(COMMAND_SUMMARIES.estimate)
    .requiredOption('--data <file>', 'panel data (CSV, XLSX, JSON) / 面板数据')
    .requiredOption('--model <file>', 'model file (JSON or YAML), see docs/estimation.md / 模型文件')
    .option('--json', 'print one JSON document / 输出一个 JSON 文档')
    .option('--plot <file.svg>', 'event-study plot(s) as SVG / 事件研究图（SVG）')
    .option('--lang <lang>', 'zh or en / 语言')
    .option('--html <file>', 'also write the tables as a standalone HTML report / 另存 HTML 报告')
    .option('--docx <file>', 'also write the report as a Word document / 另存 Word 报告')
    .option('--xlsx <file>', 'also write the tables as XLSX (full precision) / 另存 XLSX（全精度）')
    .option('--csv <file>', 'also write the tables as CSV / 另存 CSV')
    .option('--paren <se|t>', 'in parentheses: standard errors (se, default) or t / 括号内：标准误或 t 值')
    .option(
      '--jobs <n>',
      'worker threads for the mediation bootstrap, the DID placebo and the permutation test (default: one per CPU core for large panels; the same results with any number) / 中介效应自助法、安慰剂检验与置换检验的线程数（结果与线程数无关）',
    )
    .action(async (opts: EstimateOptions) => {
      const lang = pickLang(opts.lang);
      const models = checkEstimateModels(await loadSpecFile(opts.model, '--model'), opts.model);
      const panel = await readData(opts.data, models);
      const jobs = positiveIntOption('--jobs', opts.jobs);
      // the mediation bootstrap, DID placebo and permutation draws of a large panel on one worker thread per core (the same numbers)
      const res = await runEstimateAsync(panel, models, await spatialContext(panel, models), {
        ...estimateRunners,
        parts: estimateParts(jobs),
      });
      if (opts.plot) writeDidPlots(res, opts.plot, lang);
      const doc = { paren: parenOption(opts.paren) };
      if (opts.html) await writeFile(opts.html, estimateReportHtml(res, lang, doc));
      if (opts.docx) await writeFile(opts.docx, await estimateReportDocx(res, lang, rasterizeSvg, doc));
      if (opts.xlsx) await writeFile(opts.xlsx, await estimateWorkbook(res, lang, doc));
      if (opts.csv) await writeFile(opts.csv, estimateCsv(res, lang, doc));
      if (opts.json) {
        printJson({
          models: res.models,
        });
        return;
      }
      const { headers, rows } = regressionTable(res, lang);
      const out = [
        lang === 'zh' ? '面板回归（固定效应）' : 'Panel regression (fixed effects)',
        textTable(headers, rows),
        lang === 'zh'
          ? '括号内为标准误；*** p<0.01, ** p<0.05, * p<0.1。'
          : 'Standard errors in parentheses; *** p<0.01, ** p<0.05, * p<0.1.',
        ...mediationLines(res, lang),
        ...didLines(res, lang),
        ...thresholdLines(res, lang),
        ...spatialLines(res, lang),
        ...res.models.map((m) => `${m.name}: ${modelReading(m)[lang]}`),
        ...res.models.flatMap((m) =>
          m.type === 'fe' && m.heterogeneity
            ? [
                `${m.name}: ${lang === 'zh' ? '分组估计' : 'by group'} (${m.model.by}) — ${m.heterogeneity.groups
                  .map(
                    (g) =>
                      `${g.group} ${g.coefficient.estimate.toFixed(4)}${stars(g.coefficient.p)} (${g.coefficient.se.toFixed(4)}, N=${g.n})`,
                  )
                  .join('; ')}; ${
                  lang === 'zh' ? '组间系数差异（交互项）检验' : 'equal-slope test (interaction form)'
                } F(${m.heterogeneity.interaction.df1}, ${m.heterogeneity.interaction.df2}) = ${m.heterogeneity.interaction.F.toFixed(3)}, p = ${m.heterogeneity.interaction.p.toFixed(4)}${
                  m.heterogeneity.permutation
                    ? `; ${lang === 'zh' ? '费舍尔置换检验' : "Fisher's permutation test"} (${m.heterogeneity.permutation.draws}, seed ${m.heterogeneity.permutation.seed}): p = ${m.heterogeneity.permutation.p.toFixed(4)}`
                    : ''
                }${
                  m.heterogeneity.suest
                    ? `; ${lang === 'zh' ? '似无相关检验 suest' : 'seemingly-unrelated test (suest)'} χ²(${m.heterogeneity.suest.df}) = ${m.heterogeneity.suest.chi2.toFixed(3)}, p = ${m.heterogeneity.suest.p.toFixed(4)}`
                    : ''
                }`,
              ]
            : [],
        ),
        ...res.models.flatMap((m) =>
          m.framework
            ? [
                lang === 'zh'
                  ? `${m.name}：${m.type === 'moderation' ? '调节变量' : '中介变量'}代表框架节点「${m.framework.name.zh}」（${m.framework.id}）；依据：${m.framework.cites.map((c) => c.zh).join('；')}`
                  : `${m.name}: the ${m.type === 'moderation' ? 'moderator' : 'mediator'} stands for the framework node "${m.framework.name.en}" (${m.framework.id}); source: ${m.framework.cites.map((c) => c.en).join('; ')}`,
              ]
            : [],
        ),
        ...res.models.flatMap((m) =>
          m.type === 'fe' && m.singletons > 0
            ? [
                lang === 'zh'
                  ? `模型 ${m.name}：删去 ${m.singletons} 个单例观测（reghdfe 约定）。`
                  : `Model ${m.name}: ${m.singletons} singleton observations dropped (as reghdfe).`,
              ]
            : [],
        ),
      ];
      process.stdout.write(out.join('\n') + '\n');
    });
}
