/**
 * The tables of an estimation run as papers print them, in one structure that
 * the HTML report, the Word document, the CSV and the XLSX workbook all show:
 * - the regression table (esttab / etable layout): the estimated equations
 *   side by side, coefficients with stars, standard errors (or t / z) in
 *   parentheses, N, within R², per-type rows (first-stage F, thresholds,
 *   ρ / λ), fixed-effect and cluster rows, the standard-error type named by
 *   its preset, and a note with the stars legend;
 * - each model type's own block: the indirect effect and its tests
 *   (mediation), simple slopes (moderation), group estimates and difference
 *   tests (heterogeneity), thresholds, F tests and regimes (threshold), the
 *   ATT, event-study periods, pre-trend test, Callaway–Sant'Anna ATT(g,t) and
 *   aggregations and the placebo (DID family), impacts and tests (spatial).
 * Every number is taken from the results object unchanged; a cell keeps the
 * full-precision value and the decimals it is shown with, so the workbook can
 * store the value and the documents the rounded text.
 *
 * @example estimateTables(runEstimate(panel, models), 'zh')[0].rows
 */
import type { FeResult } from '../../core/estimate/fe.ts';
import type { EstimateModelResult, EstimateResult } from '../../core/estimate/run.ts';
import type { SePreset } from '../../core/estimate/vcov.ts';
import { bi, type Bilingual, type Lang } from '../../core/i18n.ts';
import { stars } from '../../core/stats/stars.ts';
import { fixed } from './tables.ts';

/** A number shown with `d` decimals, optionally with significance stars and in parentheses / brackets. */
export interface NumCell {
  v: number;
  d: number;
  stars?: string;
  wrap?: 'paren' | 'bracket';
}

/** Text (the same in both languages), text per language, a number, or empty. */
export type EstCell = string | Bilingual | NumCell | null;

export interface EstTable {
  /** Stable id (HTML id, XLSX sheet order). */
  id: string;
  caption: Bilingual;
  /** Header cells; the first column holds row labels (text), the others numbers or text. */
  head: Bilingual[];
  rows: EstCell[][];
  /** Columns (after the first) that hold text rather than numbers. */
  textColumns?: number[];
  note?: Bilingual;
}

export interface EstTableOptions {
  /** What goes in parentheses under a coefficient: the standard error (default) or the t / z statistic. */
  paren?: 'se' | 't';
  /** Decimals of coefficients and standard errors [4]. */
  decimals?: number;
}

const plain = (s: string): Bilingual => bi(s, s);
const num = (v: number, d: number, extra: Omit<NumCell, 'v' | 'd'> = {}): NumCell => ({ v, d, ...extra });

/** The text of a cell as the documents show it ("—" for a missing number). */
export function cellText(c: EstCell, lang: Lang): string {
  if (c === null) return '';
  if (typeof c === 'string') return c;
  if ('zh' in c) return c[lang];
  const s = fixed(c.v, c.d);
  const body = s === '—' ? s : s + (c.stars ?? '');
  return c.wrap === 'paren' ? `(${body})` : c.wrap === 'bracket' ? `[${body}]` : body;
}

/** Excel number format showing a cell as cellText does (value kept at full precision). */
export function cellNumFmt(c: NumCell): string {
  const digits = c.d > 0 ? `0.${'0'.repeat(c.d)}` : '0';
  const star = c.stars ? `"${c.stars}"` : '';
  const [l, r] = c.wrap === 'paren' ? ['(', ')'] : c.wrap === 'bracket' ? ['[', ']'] : ['', ''];
  const one = `${l ? `"${l}"` : ''}${digits}${star}${r ? `"${r}"` : ''}`;
  return `${one};${l ? `"${l}"` : ''}-${digits}${star}${r ? `"${r}"` : ''}`;
}

/** The standard-error type of an equation, named by its small-sample preset. */
export function seLabel(se: string, preset: SePreset | string): Bilingual {
  if (se === 'iid') return bi('常规（同方差）', 'conventional (iid)');
  if (se === 'hc1') return bi('异方差稳健（HC1）', 'heteroskedasticity-robust (HC1)');
  if (se !== 'cluster') return plain(se);
  const p: Record<string, Bilingual> = {
    stata: bi('聚类稳健（Stata 约定：xtreg, fe / reghdfe）', 'cluster-robust (Stata: xtreg, fe / reghdfe)'),
    plm: bi('聚类稳健（R plm vcovHC "sss" 约定）', 'cluster-robust (R plm vcovHC "sss")'),
    lsdv: bi('聚类稳健（LSDV / areg 约定）', 'cluster-robust (LSDV / areg)'),
    none: bi('聚类稳健（CR0，无小样本校正）', 'cluster-robust (CR0, no small-sample factor)'),
    'plm-hc1': bi('聚类稳健（R plm vcovHC "HC1" 约定：N/(N − K)）', 'cluster-robust (R plm vcovHC "HC1": N/(N − K))'),
  };
  return p[preset] ?? bi(`聚类稳健（${preset}）`, `cluster-robust (${preset})`);
}

/** One equation of the regression table. */
interface Equation {
  label: Bilingual;
  coefficients: Record<string, { estimate: number; se: number; t?: number; z?: number; p: number }>;
  n: number;
  r2Within: number | null;
  fe: string[];
  cluster: string | null;
  se: Bilingual;
  /** z rather than t (maximum likelihood). */
  z?: boolean;
  firstStageF?: Record<string, number>;
  /** IV: identification statistics (ivreg2's footer). */
  identification?: { kpLM?: number; kpLMp?: number; kpF?: number; cdF: number };
  thresholds?: number[];
}

function feEquation(label: Bilingual, fit: FeResult, cluster: string | null | undefined): Equation {
  return {
    label,
    coefficients: fit.coefficients,
    n: fit.n,
    r2Within: fit.r2Within,
    fe: fit.fe,
    cluster: cluster ?? null,
    se: seLabel(fit.options.se, fit.options.preset),
  };
}

/** The equations of one model, in table order. */
function equationsOf(m: EstimateModelResult): Equation[] {
  const y = m.y;
  switch (m.type) {
    case 'fe':
      return [feEquation(plain(y), m, m.model.cluster2 ? `${m.model.cluster} + ${m.model.cluster2}` : m.model.cluster)];
    case 'moderation':
      return [feEquation(plain(y), { ...m, type: 'fe' }, m.model.cluster)];
    case 'iv':
      return [
        {
          label: plain(`${y} (2SLS)`),
          coefficients: m.coefficients,
          n: m.n,
          r2Within: null,
          fe: m.model.fe,
          cluster: m.model.cluster ?? null,
          se: seLabel(m.options.se, m.options.preset),
          firstStageF: m.firstStageF,
          identification: {
            cdF: m.craggDonaldF,
            ...(m.kleibergenPaap
              ? { kpLM: m.kleibergenPaap.rkLM, kpLMp: m.kleibergenPaap.rkLMp, kpF: m.kleibergenPaap.rkWaldF }
              : {}),
          },
        },
      ];
    case 'threshold':
      return [
        {
          label: bi(`${y}（门槛）`, `${y} (threshold)`),
          coefficients: m.coefficients,
          n: m.n,
          r2Within: m.r2Within,
          fe: m.model.fe,
          cluster: m.model.cluster ?? null,
          se: seLabel(m.options.se, m.options.preset),
          thresholds: m.thresholds,
        },
      ];
    case 'mediation': {
      const M = m.model.m ?? 'M';
      const out: Equation[] = [];
      if (m.steps.total) out.push(feEquation(bi(`${y}（总效应）`, `${y} (total)`), m.steps.total, m.model.cluster));
      out.push(feEquation(plain(M), m.steps.xToM, m.model.cluster));
      if (m.steps.outcome)
        out.push(feEquation(bi(`${y}（含中介）`, `${y} (with ${M})`), m.steps.outcome, m.model.cluster));
      return out;
    }
    case 'did':
      if (m.estimator === 'cs') return [];
      return [feEquation(plain(`${y} (DID)`), { ...m, type: 'fe' } as FeResult, m.model.cluster)];
    case 'event-study':
      return [
        feEquation(bi(`${y}（事件研究）`, `${y} (event study)`), { ...m, type: 'fe' } as FeResult, m.model.cluster),
      ];
    default: {
      const extra = [...(m.rho ? [['rho', m.rho] as const] : []), ...(m.lambda ? [['lambda', m.lambda] as const] : [])];
      return [
        {
          label: bi(`${y}（${m.type.toUpperCase()}，极大似然）`, `${y} (${m.type.toUpperCase()}, ML)`),
          coefficients: { ...m.coefficients, ...Object.fromEntries(extra) },
          n: m.n,
          r2Within: null,
          fe: m.model.fe,
          cluster: null,
          se:
            m.options.info === 'observed'
              ? bi('极大似然（观测信息矩阵）', 'ML (observed information)')
              : bi('极大似然（期望信息矩阵）', 'ML (expected information)'),
          z: true,
        },
      ];
    }
  }
}

const STARS_NOTE = bi('*** p<0.01，** p<0.05，* p<0.1。', '*** p<0.01, ** p<0.05, * p<0.1.');

/** The regression table: every equation of every model side by side. */
export function regressionTable(res: EstimateResult, opts: EstTableOptions = {}): EstTable {
  const d = opts.decimals ?? 4;
  const paren = opts.paren ?? 'se';
  const eqs = res.models.flatMap(equationsOf);
  const terms = [...new Set(eqs.flatMap((e) => Object.keys(e.coefficients)))];
  const rows: EstCell[][] = [];
  for (const t of terms) {
    rows.push([
      t,
      ...eqs.map((e) =>
        e.coefficients[t] ? num(e.coefficients[t].estimate, d, { stars: stars(e.coefficients[t].p) }) : null,
      ),
    ]);
    rows.push([
      '',
      ...eqs.map((e) => {
        const c = e.coefficients[t];
        if (!c) return null;
        return num(paren === 'se' ? c.se : (c.t ?? c.z ?? Number.NaN), paren === 'se' ? d : 3, { wrap: 'paren' });
      }),
    ]);
  }
  const L = (b: Bilingual) => b;
  rows.push([L(bi('观测数', 'N')), ...eqs.map((e) => num(e.n, 0))]);
  rows.push([L(bi('组内 R²', 'R² (within)')), ...eqs.map((e) => (e.r2Within === null ? null : num(e.r2Within, 4)))]);
  if (eqs.some((e) => e.firstStageF)) {
    const endog = [...new Set(eqs.flatMap((e) => Object.keys(e.firstStageF ?? {})))];
    for (const k of endog)
      rows.push([
        L(bi(`第一阶段 F（${k}）`, `First-stage F (${k})`)),
        ...eqs.map((e) => (e.firstStageF?.[k] === undefined ? null : num(e.firstStageF[k], 2))),
      ]);
  }
  const idRow = (label: Bilingual, get: (e: Equation) => number | undefined, d: number) => {
    if (eqs.some((e) => get(e) !== undefined))
      rows.push([L(label), ...eqs.map((e) => (get(e) === undefined ? null : num(get(e)!, d)))]);
  };
  idRow(bi('Kleibergen–Paap rk LM 统计量', 'Kleibergen–Paap rk LM statistic'), (e) => e.identification?.kpLM, 3);
  idRow(bi('Kleibergen–Paap rk LM p 值', 'Kleibergen–Paap rk LM p-value'), (e) => e.identification?.kpLMp, 4);
  idRow(bi('Kleibergen–Paap rk Wald F', 'Kleibergen–Paap rk Wald F'), (e) => e.identification?.kpF, 2);
  idRow(bi('Cragg–Donald Wald F', 'Cragg–Donald Wald F'), (e) => e.identification?.cdF, 2);
  const most = Math.max(0, ...eqs.map((e) => e.thresholds?.length ?? 0));
  for (let k = 0; k < most; k++)
    rows.push([
      L(bi(`门槛值 γ${k + 1}`, `Threshold γ${k + 1}`)),
      ...eqs.map((e) => (e.thresholds?.[k] === undefined ? null : num(e.thresholds[k], 4))),
    ]);
  for (const f of [...new Set(eqs.flatMap((e) => e.fe))])
    rows.push([
      L(bi(`${f} 固定效应`, `${f} FE`)),
      ...eqs.map((e) => (e.fe.includes(f) ? L(bi('是', 'Yes')) : L(bi('否', 'No')))),
    ]);
  rows.push([L(bi('聚类', 'Cluster')), ...eqs.map((e) => e.cluster ?? '—')]);
  rows.push([L(bi('标准误', 'SE')), ...eqs.map((e) => L(e.se))]);
  const seTypes = [...new Map(eqs.map((e) => [e.se.en, e.se])).values()];
  const inParen =
    paren === 'se'
      ? bi('括号内为标准误', 'Standard errors in parentheses')
      : bi(
          `括号内为 t 统计量${eqs.some((e) => e.z) ? '（极大似然模型为 z）' : ''}`,
          `t statistics in parentheses${eqs.some((e) => e.z) ? ' (z for ML models)' : ''}`,
        );
  return {
    id: 'regression',
    caption: bi('回归结果', 'Regression results'),
    head: [bi('变量', 'Variable'), ...eqs.map((e, i) => bi(`(${i + 1}) ${e.label.zh}`, `(${i + 1}) ${e.label.en}`))],
    rows,
    note: bi(
      `${inParen.zh}（${seTypes.map((s) => s.zh).join('；')}）；${STARS_NOTE.zh}`,
      `${inParen.en} (${seTypes.map((s) => s.en).join('; ')}); ${STARS_NOTE.en}`,
    ),
  };
}

const est = (r: { estimate: number; p: number }, d = 4): NumCell => num(r.estimate, d, { stars: stars(r.p) });
const nz = (v: number | null | undefined, d = 4): EstCell => (v === null || v === undefined ? null : num(v, d));

/** The type-specific tables of one model (none for a plain FE model without groups). */
function blockTables(m: EstimateModelResult, k: number): EstTable[] {
  const id = (s: string) => `m${k + 1}-${s}`;
  const tag = (zh: string, en: string) => bi(`${m.name}：${zh}`, `${m.name}: ${en}`);
  const out: EstTable[] = [];
  if (m.type === 'fe' && m.heterogeneity) {
    const h = m.heterogeneity;
    out.push({
      id: id('groups'),
      caption: tag(`分组估计（${m.model.by}）`, `by group (${m.model.by})`),
      head: [
        bi('组', 'Group'),
        bi(`${h.term} 系数`, `${h.term} coefficient`),
        bi('标准误', 'SE'),
        plain('p'),
        plain('N'),
      ],
      rows: h.groups.map((g) => [
        g.group,
        est(g.coefficient),
        num(g.coefficient.se, 4),
        num(g.coefficient.p, 4),
        num(g.n, 0),
      ]),
    });
    out.push({
      id: id('group-tests'),
      caption: tag('组间系数差异检验', 'tests of equal coefficients'),
      head: [bi('检验', 'Test'), bi('统计量', 'Statistic'), plain('df1'), plain('df2'), plain('p')],
      rows: [
        [
          bi('交互项 F 检验', 'interaction F test'),
          num(h.interaction.F, 3),
          num(h.interaction.df1, 0),
          num(h.interaction.df2, 0),
          num(h.interaction.p, 4),
        ],
        ...(h.permutation
          ? [
              [
                bi(
                  `费舍尔置换检验（${h.permutation.draws} 次，种子 ${h.permutation.seed}）`,
                  `Fisher permutation test (${h.permutation.draws} draws, seed ${h.permutation.seed})`,
                ),
                num(h.permutation.difference, 4),
                null,
                null,
                num(h.permutation.p, 4),
              ] as EstCell[],
            ]
          : []),
        ...(h.suest
          ? [
              [
                bi(
                  `似无相关检验 suest（χ²，${h.suest.vce === 'cluster' ? '聚类稳健' : '异方差稳健'}）`,
                  `seemingly-unrelated test, suest (χ², ${h.suest.vce === 'cluster' ? 'cluster-robust' : 'heteroskedasticity-robust'})`,
                ),
                num(h.suest.chi2, 3),
                num(h.suest.df, 0),
                null,
                num(h.suest.p, 4),
              ] as EstCell[],
            ]
          : []),
      ],
      note: bi(
        `置换检验的统计量为两组系数之差。${h.suest ? `suest 检验以各组得分合并的联合稳健方差（${h.suest.preset === 'stata' ? `小样本因子 M/(M − 1)，M = ${h.suest.clusters}` : '无小样本因子'}）检验各组系数相等。` : ''}`,
        `The statistic of the permutation test is the difference of the two groups’ coefficients.${h.suest ? ` The suest test uses the joint robust variance of the stacked group scores (${h.suest.preset === 'stata' ? `small-sample factor M/(M − 1), M = ${h.suest.clusters}` : 'no small-sample factor'}) to test equal coefficients.` : ''}`,
      ),
    });
  }
  if (m.type === 'mediation' && m.indirect) {
    const ab = m.indirect;
    const bs = ab.bootstrap;
    out.push({
      id: id('indirect'),
      caption: tag('中介效应', 'indirect effect'),
      head: [bi('项目', 'Item'), bi('数值', 'Value')],
      rows: [
        [bi('间接效应 ab', 'indirect effect ab'), num(ab.estimate, 4)],
        ['a (X → M)', num(ab.a, 4)],
        ['b (M → Y | X)', num(ab.b, 4)],
        [bi('总效应 c', 'total effect c'), nz(m.total)],
        [bi('直接效应 c′', 'direct effect c′'), nz(m.direct)],
        [bi('中介效应占比 ab/c', 'share mediated ab/c'), nz(m.proportion)],
        ...(bs
          ? ([
              [
                bi(
                  `聚类自助法标准误（${bs.draws} 次，种子 ${bs.seed}）`,
                  `cluster bootstrap SE (${bs.draws} draws, seed ${bs.seed})`,
                ),
                num(bs.se, 4),
              ],
              [
                bi(`${bs.level * 100}% 百分位区间下限`, `${bs.level * 100}% percentile interval, lower`),
                num(bs.percentile[0], 4),
              ],
              [
                bi(`${bs.level * 100}% 百分位区间上限`, `${bs.level * 100}% percentile interval, upper`),
                num(bs.percentile[1], 4),
              ],
              [
                bi(`${bs.level * 100}% 偏差校正区间下限`, `${bs.level * 100}% bias-corrected interval, lower`),
                num(bs.biasCorrected[0], 4),
              ],
              [
                bi(`${bs.level * 100}% 偏差校正区间上限`, `${bs.level * 100}% bias-corrected interval, upper`),
                num(bs.biasCorrected[1], 4),
              ],
            ] as EstCell[][])
          : []),
      ],
      note: m.note,
    });
    out.push({
      id: id('sobel'),
      caption: tag('间接效应检验', 'tests of the indirect effect'),
      head: [bi('检验', 'Test'), plain('z'), plain('p')],
      rows: (['sobel', 'aroian', 'goodman'] as const).map((t) => [
        t[0].toUpperCase() + t.slice(1),
        nz(ab[t].z),
        nz(ab[t].p),
      ]),
    });
  }
  if (m.type === 'moderation') {
    const at = {
      low: bi('低（均值 − 1 SD）', 'low (mean − 1 SD)'),
      mean: bi('均值', 'mean'),
      high: bi('高（均值 + 1 SD）', 'high (mean + 1 SD)'),
    };
    out.push({
      id: id('slopes'),
      caption: tag(`${m.model.x[0]} 的简单斜率`, `simple slopes of ${m.model.x[0]}`),
      head: [
        bi(`${m.model.z} 取值`, `${m.model.z} at`),
        plain(m.model.z ?? 'Z'),
        bi('斜率', 'Slope'),
        bi('标准误', 'SE'),
        plain('t'),
        plain('p'),
      ],
      rows: m.slopes.map((s) => [at[s.at], num(s.z, 4), est(s), num(s.se, 4), num(s.t, 3), num(s.p, 4)]),
      note: bi('交互项按样本均值中心化。', 'The interaction uses variables centred at their sample means.'),
    });
  }
  if (m.type === 'threshold') {
    const o = m.options;
    const level = Math.round(o.level * 100);
    out.push({
      id: id('thresholds'),
      caption: tag('门槛估计值', 'threshold estimates'),
      head: [
        bi('门槛', 'Threshold'),
        bi('估计值', 'Estimate'),
        bi(`${level}% 区间下限`, `${level}% CI lower`),
        bi(`${level}% 区间上限`, `${level}% CI upper`),
      ],
      rows: m.thresholds.map((g, j) => [`γ${j + 1}`, num(g, 4), num(m.ci[j][0], 4), num(m.ci[j][1], 4)]),
      note: bi(
        `Hansen (1999)；第一区制 ${o.convention === 'le' ? 'q ≤ γ' : 'q < γ'}，修剪 ${o.trim.join('/')}，网格 ${o.grid === 'all' ? '全部取值' : `${o.grid} 点`}；区间由似然比反推。`,
        `Hansen (1999); first regime ${o.convention === 'le' ? 'q ≤ γ' : 'q < γ'}, trim ${o.trim.join('/')}, grid ${o.grid === 'all' ? 'all values' : `${o.grid} points`}; intervals by inverting the likelihood ratio.`,
      ),
    });
    out.push({
      id: id('threshold-tests'),
      caption: tag('门槛效应检验（固定回归元自助法）', 'threshold tests (fixed-regressor bootstrap)'),
      head: [
        bi('检验', 'Test'),
        plain('F'),
        plain('p'),
        bi('临界值 10%', 'Crit. 10%'),
        bi('临界值 5%', 'Crit. 5%'),
        bi('临界值 1%', 'Crit. 1%'),
        bi('自助次数', 'Draws'),
      ],
      rows: m.tests.map((t) => [
        t.hypothesis,
        num(t.F, 3),
        nz(t.pValue),
        nz(t.crit?.['10%'], 3),
        nz(t.crit?.['5%'], 3),
        nz(t.crit?.['1%'], 3),
        num(t.draws, 0),
      ]),
      note: bi(`自助法种子 ${m.tests[0]?.seed ?? '—'}。`, `Bootstrap seed ${m.tests[0]?.seed ?? '—'}.`),
    });
    out.push({
      id: id('regimes'),
      caption: tag('区制', 'regimes'),
      head: [bi('区制', 'Regime'), bi('范围', 'Range'), plain('N')],
      rows: m.regimes.map((r) => [String(r.regime), r.label, num(r.n, 0)]),
      textColumns: [1],
    });
  }
  if (m.type === 'did' && m.estimator !== 'cs') {
    const a = m.att;
    out.push({
      id: id('att'),
      caption: tag(
        m.estimator === '2x2' ? '2×2 双重差分 ATT' : '双向固定效应双重差分 ATT',
        m.estimator === '2x2' ? '2×2 DID ATT' : 'two-way FE DID ATT',
      ),
      head: [
        bi('项', 'Term'),
        plain('ATT'),
        bi('标准误', 'SE'),
        plain('t'),
        plain('p'),
        bi('95% 区间下限', '95% CI lower'),
        bi('95% 区间上限', '95% CI upper'),
      ],
      rows: [[m.term, est(a), num(a.se, 4), num(a.t, 3), num(a.p, 4), num(a.ci[0], 4), num(a.ci[1], 4)]],
      ...(m.absorbedTerms.length
        ? {
            note: bi(
              `${m.absorbedTerms.join('、')} 被固定效应吸收。`,
              `${m.absorbedTerms.join(', ')} absorbed by the fixed effects.`,
            ),
          }
        : {}),
    });
  }
  if (m.type === 'event-study') {
    out.push({
      id: id('event-study'),
      caption: tag(
        `事件研究（基期 −1，窗口 [${m.window[0]}, ${m.window[1]}]）`,
        `event study (reference −1, window [${m.window[0]}, ${m.window[1]}])`,
      ),
      head: [
        bi('相对时期', 'Relative period'),
        bi('系数', 'Estimate'),
        bi('标准误', 'SE'),
        plain('p'),
        bi('95% 区间下限', '95% CI lower'),
        bi('95% 区间上限', '95% CI upper'),
      ],
      rows: m.periods.map((p) =>
        p.reference
          ? [String(p.period), bi('0（基期）', '0 (reference)'), null, null, null, null]
          : [String(p.period), est(p), num(p.se, 4), num(p.p, 4), num(p.ci[0], 4), num(p.ci[1], 4)],
      ),
      ...(m.binned ? { note: bi('窗口端点合并。', 'Window endpoints binned.') } : {}),
    });
    if (m.pretrend)
      out.push({
        id: id('pretrend'),
        caption: tag('平行趋势检验（处理前各期系数联合为 0）', 'pre-trend test (all leads zero)'),
        head: [bi('检验', 'Test'), plain('F'), plain('df1'), plain('df2'), plain('p')],
        rows: [['Wald F', num(m.pretrend.F, 3), num(m.pretrend.df1, 0), num(m.pretrend.df2, 0), num(m.pretrend.p, 4)]],
      });
  }
  if (m.type === 'did' && m.estimator === 'cs') {
    const level = Math.round(m.options.level * 100);
    out.push({
      id: id('cs-gt'),
      caption: tag("Callaway–Sant'Anna 组别—时期 ATT(g,t)", "Callaway–Sant'Anna group-time ATT(g,t)"),
      head: [
        bi('处理组 g', 'Cohort g'),
        bi('时期 t', 'Period t'),
        bi('基期', 'Base'),
        plain('ATT(g,t)'),
        bi('标准误', 'SE'),
        bi(`${level}% 区间下限`, `${level}% CI lower`),
        bi(`${level}% 区间上限`, `${level}% CI upper`),
      ],
      rows: m.gt.map((c) => [
        String(c.g),
        num(c.t, 0),
        num(c.base, 0),
        est(c),
        num(c.se, 4),
        num(c.ci[0], 4),
        num(c.ci[1], 4),
      ]),
      note: bi(
        `对照组：${m.options.control === 'never' ? '从未处理' : '尚未处理'}；标准误来自影响函数（按单位聚类）。`,
        `Controls: ${m.options.control === 'never' ? 'never treated' : 'not yet treated'}; standard errors from the influence function (clustered by unit).`,
      ),
    });
    const a = m.aggregations;
    const row = (label: EstCell, e: { estimate: number; se: number; p: number; ci: [number, number] }): EstCell[] => [
      label,
      est(e),
      num(e.se, 4),
      num(e.p, 4),
      num(e.ci[0], 4),
      num(e.ci[1], 4),
    ];
    out.push({
      id: id('cs-aggregations'),
      caption: tag('ATT 汇总', 'aggregated ATT'),
      head: [
        bi('汇总', 'Aggregation'),
        plain('ATT'),
        bi('标准误', 'SE'),
        plain('p'),
        bi(`${level}% 区间下限`, `${level}% CI lower`),
        bi(`${level}% 区间上限`, `${level}% CI upper`),
      ],
      rows: [
        row(bi('简单加权', 'simple'), a.simple),
        row(bi('事件时间平均（e ≥ 0）', 'dynamic (mean over e ≥ 0)'), a.dynamic.overall),
        row(bi('按处理组', 'group'), a.group.overall),
        row(bi('按日历时期', 'calendar'), a.calendar.overall),
        ...a.dynamic.byEventTime.map((d) => row(`e = ${d.e}`, d)),
      ],
    });
  }
  if ((m.type === 'did' || m.type === 'event-study') && 'placebo' in m && m.placebo) {
    const p = m.placebo;
    const q = p.quantiles;
    out.push({
      id: id('placebo'),
      caption: tag(
        `安慰剂检验（随机分配，${p.draws} 次，种子 ${p.seed}）`,
        `placebo by random assignment (${p.draws} draws, seed ${p.seed})`,
      ),
      head: [
        bi('项', 'Term'),
        bi('实际估计', 'Actual'),
        bi('均值', 'Mean'),
        bi('标准差', 'SD'),
        plain('2.5%'),
        plain('50%'),
        plain('97.5%'),
        bi('|安慰剂| ≥ |实际| 比例', 'Share |placebo| ≥ |actual|'),
      ],
      rows: [
        [
          plain('ATT'),
          num(p.actual, 4),
          num(p.mean, 4),
          num(p.sd, 4),
          num(q.q025, 4),
          num(q.q50, 4),
          num(q.q975, 4),
          num(p.share, 4),
        ],
      ],
    });
  }
  if (m.type === 'sdm' || m.type === 'sar' || m.type === 'sem') {
    if (m.impacts) {
      const im = m.impacts;
      out.push({
        id: id('impacts'),
        caption: tag('直接、间接与总效应', 'direct, indirect and total impacts'),
        head: [
          bi('变量', 'Variable'),
          bi('直接效应', 'Direct'),
          bi('标准误', 'SE'),
          bi('间接效应', 'Indirect'),
          bi('标准误', 'SE'),
          bi('总效应', 'Total'),
          bi('标准误', 'SE'),
        ],
        rows: Object.keys(im.direct).map((x) => [
          x,
          est(im.direct[x]),
          num(im.direct[x].se, 4, { wrap: 'paren' }),
          est(im.indirect[x]),
          num(im.indirect[x].se, 4, { wrap: 'paren' }),
          est(im.total[x]),
          num(im.total[x].se, 4, { wrap: 'paren' }),
        ]),
        note: bi(
          `效应为 (I − ρW)⁻¹(βI + θW)（LeSage & Pace 2009）；标准误由参数渐近分布模拟 ${im.draws} 次（种子 ${im.seed}）。`,
          `Impacts (I − ρW)⁻¹(βI + θW) (LeSage & Pace 2009); standard errors from ${im.draws} draws of the parameters' asymptotic distribution (seed ${im.seed}).`,
        ),
      });
    }
    const t = m.tests;
    const tests: Array<[string, { statistic: number; df: number; p: number } | undefined]> = [
      ['LM lag', t.lmLag],
      ['Robust LM lag', t.robustLmLag],
      ['LM error', t.lmError],
      ['Robust LM error', t.robustLmError],
      ['LR θ = 0 (SDM → SAR)', t.lrSar],
      ['Wald θ = 0 (SDM → SAR)', t.waldSar],
      ['LR θ + ρβ = 0 (SDM → SEM)', t.lrSem],
      ['Wald θ + ρβ = 0 (SDM → SEM)', t.waldSem],
    ];
    out.push({
      id: id('spatial-tests'),
      caption: tag('空间模型检验', 'spatial specification tests'),
      head: [bi('检验', 'Test'), bi('统计量', 'Statistic'), plain('df'), plain('p')],
      rows: tests.filter((x) => x[1]).map(([label, r]) => [label, num(r!.statistic, 3), num(r!.df, 0), num(r!.p, 4)]),
    });
    out.push({
      id: id('spatial-fit'),
      caption: tag('极大似然估计', 'maximum likelihood fit'),
      head: [bi('项目', 'Item'), bi('数值', 'Value')],
      rows: [
        [bi('对数似然', 'log-likelihood'), num(m.logLik, 3)],
        ['σ²', num(m.sigma2, 6)],
        [bi('单位数', 'units'), num(m.units, 0)],
        [bi('期数', 'periods'), num(m.periods, 0)],
      ],
    });
  }
  return out;
}

/** The regression table, then each model's own tables. */
export function estimateTables(res: EstimateResult, opts: EstTableOptions = {}): EstTable[] {
  const main = res.models.some((m) => equationsOf(m).length > 0) ? [regressionTable(res, opts)] : [];
  return [...main, ...res.models.flatMap((m, k) => blockTables(m, k))];
}
