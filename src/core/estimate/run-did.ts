/**
 * Runs the DID family of a model file on a panel — `"type": "did"` (treat ×
 * post, or a cohort column with the Callaway–Sant'Anna or static TWFE
 * estimator) and `"type": "event-study"` — with the optional placebo, and
 * words one sentence per model. The estimators are did.ts, event-study.ts,
 * cs.ts and placebo.ts; this module reads the panel's columns for them.
 *
 * @example runDid(panel, checkEstimateModel({ type: 'did', y: 'y', treat: 'treat', post: 'post', unit: 'unit', time: 'year', cluster: 'unit' }))
 */
import { type Problem, XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { cellWhere } from '../panel/problems.ts';
import type { Panel } from '../panel/types.ts';
import { type CsResult, callawaySantAnna } from './cs.ts';
import { type AttRow, cohortTwfe, type DidResult, estimateDid } from './did.ts';
import { type EventStudyResult, eventStudy } from './event-study.ts';
import type { FeOptions } from './fe.ts';
import type { EstimateModel } from './model.ts';
import { type ModelCommon, noP } from './model-common.ts';
import seedrandom from 'seedrandom';
import { type PlaceboResult, placeboSummary, shuffle } from './placebo.ts';
import { float64Of } from '../stats/gather.ts';

/** did with treat × post, or with a cohort and the static TWFE estimator. */
export type DidModelResult = DidResult & ModelCommon & { placebo?: PlaceboResult };

/** did with a cohort and the Callaway–Sant'Anna estimator; `att` and `coefficients.ATT` are the simple aggregation. */
export type CsModelResult = CsResult &
  ModelCommon & {
    type: 'did';
    estimator: 'cs';
    att: AttRow;
    coefficients: Record<string, { estimate: number; se: number; t: number; p: number }>;
    /** Observations used (units × periods). */
    n: number;
    placebo?: PlaceboResult;
  };

export type EventStudyModelResult = EventStudyResult & ModelCommon;

export type DidFamilyResult = DidModelResult | CsModelResult | EventStudyModelResult;

/** Columns of the DID fields: treat and post are numbers, cohort is read as text (an empty cell is "never treated"). */
export function didColumns(m: EstimateModel): { numeric: string[]; labels: string[] } {
  const d = m.did;
  if (!d) return { numeric: [], labels: [] };
  return { numeric: d.treat && d.post ? [d.treat, d.post] : [], labels: d.cohort ? [d.cohort] : [] };
}

function columnOf(panel: Panel, name: string): ArrayLike<string | number> {
  if (name === panel.unitKey) return panel.unit;
  if (name === panel.timeKey) return panel.time;
  const c = panel.labels?.[name] ?? panel.columns[name];
  if (c) return c;
  throw new XinzhiError({
    code: 'estimate-column',
    severity: 'error',
    ...(panel.source ? { file: panel.source } : {}),
    column: name,
    message: bi(`数据中没有列 "${name}"`, `the data have no column "${name}"`),
    fix: bi('核对模型文件中的列名', 'check the column names in the model file'),
  });
}

/** Periods as numbers (relative periods and cohorts need arithmetic on time). */
function numericTime(panel: Panel): number[] {
  return panel.time.map((t, r) => {
    const v = typeof t === 'number' ? t : Number(String(t).trim());
    if (String(t).trim() === '' || !Number.isFinite(v))
      throw new XinzhiError({
        ...cellWhere(panel, r, panel.timeKey ?? 'time'),
        code: 'estimate-did-time',
        severity: 'error',
        message: bi(
          `时期 "${t}" 不是数字，无法计算相对处理时期`,
          `period "${t}" is not a number: relative periods need numeric time`,
        ),
        fix: bi('时间列使用年份等数字（如 2015）', 'use numeric periods in the time column (e.g. years such as 2015)'),
      });
    return v;
  });
}

/** Cohorts per row: 0 or empty = never treated; one value per unit; anything else is an error naming the row. */
export function cohortColumn(panel: Panel, name: string): Float64Array {
  const raw = columnOf(panel, name);
  const out = new Float64Array(raw.length);
  const problems: Problem[] = [];
  const ofUnit = new Map<string, number>();
  for (let r = 0; r < raw.length; r++) {
    const v = raw[r];
    const s = typeof v === 'number' ? (Number.isNaN(v) ? '' : String(v)) : String(v ?? '').trim();
    const g = s === '' ? 0 : Number(s);
    if (!Number.isFinite(g) || g < 0) {
      problems.push({
        ...cellWhere(panel, r, name),
        code: 'estimate-did-cohort',
        severity: 'error',
        message: bi(`cohort "${s}" 不是时期`, `cohort "${s}" is not a period`),
        fix: bi(
          '填首次处理的时期（如 2016）；从未处理填 0 或留空',
          'give the first treated period (e.g. 2016); 0 or empty for never treated',
        ),
      });
      continue;
    }
    out[r] = g;
    const u = panel.unit[r];
    const seen = ofUnit.get(u);
    if (seen === undefined) ofUnit.set(u, g);
    else if (seen !== g)
      problems.push({
        ...cellWhere(panel, r, name),
        code: 'estimate-did-cohort',
        severity: 'error',
        message: bi(`单位 ${u} 的 cohort 前后不一（${seen} 与 ${g}）`, `unit ${u} has two cohorts (${seen} and ${g})`),
        fix: bi(
          'cohort 是单位首次处理的时期，同一单位各行应相同',
          'cohort is the unit’s first treated period: the same on every row of the unit',
        ),
      });
  }
  if (problems.length) throw new XinzhiError(problems.slice(0, 50));
  return out;
}

/**
 * The DID-family result of a model; `placeboEstimatesGiven` are the
 * placebo's estimates when computed elsewhere (placeboEstimates on
 * placeboDraws, on several threads: runEstimateAsync).
 */
export function runDid(panel: Panel, m: EstimateModel, placeboEstimatesGiven?: number[]): DidFamilyResult {
  const d = m.did!;
  const { base, opts } = didInputs(panel, m);
  const common = { name: m.name, y: m.y, model: m };
  const placebo = (actual: number): PlaceboResult | undefined =>
    d.placebo
      ? placeboSummary(
          actual,
          placeboEstimatesGiven ?? placeboEstimates(panel, m, placeboDraws(panel, m)),
          d.placebo.seed,
        )
      : undefined;

  if (m.type === 'event-study') {
    const time = numericTime(panel);
    const cohort = cohortColumn(panel, d.cohort!);
    const r = eventStudy({ ...base, time, cohort }, { ...opts, ...(d.window ? { window: d.window } : {}), bin: d.bin });
    return { ...r, ...common, interpretation: eventSentence(r) };
  }
  if (d.design === 'treat-post') {
    const treat = columnOf(panel, d.treat!) as ArrayLike<number>;
    const post = columnOf(panel, d.post!) as ArrayLike<number>;
    const r = estimateDid({ ...base, treat, post }, opts, { treat: d.treat!, post: d.post! });
    const pl = placebo(r.att.estimate);
    return { ...r, ...common, interpretation: attSentence(r.att, m.y, pl), ...(pl ? { placebo: pl } : {}) };
  }
  const time = numericTime(panel);
  const cohort = cohortColumn(panel, d.cohort!);
  if (d.estimator === 'twfe') {
    const r = cohortTwfe({ ...base, time, cohort }, opts);
    const pl = placebo(r.att.estimate);
    return { ...r, ...common, interpretation: attSentence(r.att, m.y, pl), ...(pl ? { placebo: pl } : {}) };
  }
  const cs = callawaySantAnna({ unit: panel.unit, time, y: base.y, cohort }, { control: d.control, base: d.base });
  const s = cs.aggregations.simple;
  const att: AttRow = { estimate: s.estimate, se: s.se, t: s.z, p: s.p, ci: s.ci, df: Number.POSITIVE_INFINITY };
  const pl = placebo(s.estimate);
  return {
    ...cs,
    ...common,
    type: 'did',
    estimator: 'cs',
    att,
    coefficients: { ATT: { estimate: s.estimate, se: s.se, t: s.z, p: s.p } },
    n: cs.units * cs.periods.length,
    interpretation: attSentence(att, m.y, pl, cs),
    ...(pl ? { placebo: pl } : {}),
  };
}

/** The columns and options the estimators of a DID model take. */
function didInputs(panel: Panel, m: EstimateModel) {
  const y = columnOf(panel, m.y) as ArrayLike<number>;
  const controls = Object.fromEntries(m.controls.map((c) => [c, columnOf(panel, c) as ArrayLike<number>]));
  const fe = Object.fromEntries(m.fe.map((f) => [f, columnOf(panel, f)]));
  const cluster = m.cluster ? columnOf(panel, m.cluster) : undefined;
  const opts: FeOptions = { se: m.se, preset: m.preset, dropSingletons: m.dropSingletons };
  return { base: { y, controls, fe, ...(cluster ? { cluster } : {}) }, opts };
}

/** One placebo draw: the value each unit gets (treat, or cohort; in first-seen unit order) and, for treat × post with "units-and-dates", the common treatment date. */
export interface PlaceboDraw {
  values: number[];
  date?: number;
}

/** What a model's placebo reassigns: the unit-level values and the dates a draw can take. */
function placeboPlan(panel: Panel, m: EstimateModel) {
  const d = m.did!;
  const spec = d.placebo!;
  if (d.design === 'treat-post') {
    const { value, row } = perUnit(panel, columnOf(panel, d.treat!) as ArrayLike<number>, d.treat!);
    const time = spec.mode === 'units-and-dates' ? numericTime(panel) : null;
    const dates = time ? [...new Set(time)].sort((a, b) => a - b).slice(1) : [];
    return { treatPost: true, value, row, time, dates };
  }
  const time = numericTime(panel);
  const { value, row } = perUnit(panel, cohortColumn(panel, d.cohort!), 'cohort');
  const dates = [...new Set(time)].sort((a, b) => a - b).slice(1);
  return { treatPost: false, value, row, time, dates };
}

/**
 * The placebo draws of a DID model, read from its seeded generator in draw
 * order: treat × post shuffles treat across units (with "units-and-dates"
 * also one random common date); cohort designs shuffle the cohorts (with
 * "units-and-dates" each treated unit a random first period). Drawn before
 * any estimate, so the draws can be estimated anywhere and give the numbers
 * one thread gives.
 */
export function placeboDraws(panel: Panel, m: EstimateModel): PlaceboDraw[] {
  const spec = m.did!.placebo!;
  const plan = placeboPlan(panel, m);
  const rng = seedrandom(String(spec.seed));
  return Array.from({ length: spec.draws }, (): PlaceboDraw => {
    let drawn = shuffle(plan.value, rng);
    if (plan.treatPost)
      return plan.time ? { values: drawn, date: plan.dates[Math.floor(rng() * plan.dates.length)] } : { values: drawn };
    if (spec.mode === 'units-and-dates')
      drawn = drawn.map((g) => (g === 0 ? 0 : plan.dates[Math.floor(rng() * plan.dates.length)]));
    return { values: drawn };
  });
}

/** The model's estimate under each placebo draw (the ATT of its estimator), in draw order. */
export function placeboEstimates(panel: Panel, m: EstimateModel, draws: readonly PlaceboDraw[]): number[] {
  const d = m.did!;
  const plan = placeboPlan(panel, m);
  const { base, opts } = didInputs(panel, m);
  const n = panel.unit.length;
  const assigned = (values: number[]) => float64Of(n, (i) => values[plan.row.get(panel.unit[i])!]);
  if (d.design === 'treat-post') {
    const names = { treat: d.treat!, post: d.post! };
    const post = columnOf(panel, d.post!) as ArrayLike<number>;
    const time = plan.time;
    return draws.map((dr) => {
      const p = time && dr.date !== undefined ? float64Of(time.length, (i) => (time[i] >= dr.date! ? 1 : 0)) : post;
      return estimateDid({ ...base, treat: assigned(dr.values), post: p }, opts, names).att.estimate;
    });
  }
  const time = plan.time!;
  if (d.estimator === 'twfe')
    return draws.map((dr) => cohortTwfe({ ...base, time, cohort: assigned(dr.values) }, opts).att.estimate);
  const csOpts = { control: d.control, base: d.base };
  return draws.map(
    (dr) =>
      callawaySantAnna({ unit: panel.unit, time, y: base.y, cohort: assigned(dr.values) }, csOpts).aggregations.simple
        .estimate,
  );
}

/** Unit-level values of a column (the first row of each unit), in first-seen unit order; an error if the column varies within a unit. */
function perUnit(
  panel: Panel,
  values: ArrayLike<number>,
  name: string,
): { units: string[]; value: number[]; row: Map<string, number> } {
  const row = new Map<string, number>();
  const units: string[] = [];
  const value: number[] = [];
  for (let r = 0; r < values.length; r++) {
    const u = panel.unit[r];
    const k = row.get(u);
    if (k === undefined) {
      row.set(u, units.length);
      units.push(u);
      value.push(values[r]);
    } else if (value[k] !== values[r]) {
      throw new XinzhiError({
        ...cellWhere(panel, r, name),
        code: 'estimate-placebo',
        severity: 'error',
        message: bi(
          `安慰剂检验按单位重新分配处理，但 ${name} 在单位 ${u} 内不唯一`,
          `the placebo reassigns treatment by unit, but ${name} varies within unit ${u}`,
        ),
        fix: bi('treat 应为单位层面的处理组虚拟变量', 'treat must be a unit-level treatment-group dummy'),
      });
    }
  }
  return { units, value, row };
}

const pct = (p: number) => (p < 0.01 ? 1 : p < 0.05 ? 5 : p < 0.1 ? 10 : 0);

/** One sentence on the ATT (and the placebo when run). */
function attSentence(a: AttRow, y: string, placebo?: PlaceboResult, cs?: CsResult): { zh: string; en: string } {
  const lvl = pct(a.p);
  const how = cs
    ? bi(
        `Callaway–Sant'Anna 估计的平均处理效应（按处理组规模加权的处理后 ATT(g,t)）`,
        `The Callaway–Sant'Anna average treatment effect on the treated (post-treatment ATT(g,t) weighted by cohort size)`,
      )
    : bi(
        '双重差分估计的平均处理效应',
        'The difference-in-differences estimate of the average treatment effect on the treated',
      );
  const sig = !Number.isFinite(a.p)
    ? noP('ATT')
    : lvl
      ? bi(`在 ${lvl}% 水平上显著（p = ${a.p.toPrecision(3)}）`, `significant at ${lvl}% (p = ${a.p.toPrecision(3)})`)
      : bi(`在 10% 水平上不显著（p = ${a.p.toPrecision(3)}）`, `not significant at 10% (p = ${a.p.toPrecision(3)})`);
  const pl = placebo
    ? bi(
        `；${placebo.draws} 次随机分配的安慰剂估计均值为 ${placebo.mean.toPrecision(3)}，其中 ${(placebo.share * 100).toFixed(1)}% 的绝对值不小于实际估计`,
        `; of ${placebo.draws} placebo estimates by random assignment (mean ${placebo.mean.toPrecision(3)}), ${(placebo.share * 100).toFixed(1)}% are at least as large in absolute value`,
      )
    : { zh: '', en: '' };
  return {
    zh: `${how.zh}：处理使 ${y} 平均${a.estimate >= 0 ? '提高' : '降低'} ${Math.abs(a.estimate).toPrecision(4)}，${sig.zh}${pl.zh}。`,
    en: `${how.en}: treatment ${a.estimate >= 0 ? 'raises' : 'lowers'} ${y} by ${Math.abs(a.estimate).toPrecision(4)} on average, ${sig.en}${pl.en}.`,
  };
}

/** One sentence on an event study: the pre-trend test and the effect at period 0. */
function eventSentence(r: EventStudyResult): { zh: string; en: string } {
  const pt = r.pretrend;
  const e0 = r.periods.find((p) => p.period === 0)!;
  const pre = pt
    ? !Number.isFinite(pt.p)
      ? bi(
          '处理前各期系数的联合检验无法计算（标准误为 0 或缺失），不判断平行趋势',
          'the joint test of the leads cannot be computed (zero or missing standard errors): parallel pre-trends are not judged',
        )
      : pt.p < 0.1
        ? bi(
            `处理前各期系数联合检验 F = ${pt.F.toFixed(3)}（p = ${pt.p.toPrecision(3)}），拒绝平行趋势，需谨慎解读`,
            `the leads are jointly significant (F = ${pt.F.toFixed(3)}, p = ${pt.p.toPrecision(3)}): parallel pre-trends are rejected, read the effects with care`,
          )
        : bi(
            `处理前各期系数联合不显著（F = ${pt.F.toFixed(3)}，p = ${pt.p.toPrecision(3)}），与平行趋势假设一致`,
            `the leads are jointly insignificant (F = ${pt.F.toFixed(3)}, p = ${pt.p.toPrecision(3)}), consistent with parallel pre-trends`,
          )
    : bi('窗口内没有处理前时期，无法检验平行趋势', 'the window has no lead: parallel pre-trends are not tested');
  const lvl = pct(e0.p);
  const e0p = Number.isFinite(e0.p) ? null : noP('period 0');
  return {
    zh: `事件研究（基期为处理前一期）：${pre.zh}；处理当期效应 ${e0.estimate.toPrecision(4)}${e0p ? `（${e0p.zh}）` : lvl ? `（${lvl}% 水平显著）` : '（10% 水平不显著）'}。`,
    en: `Event study (reference: the period before treatment): ${pre.en}; the effect in the first treated period is ${e0.estimate.toPrecision(4)}${e0p ? ` (${e0p.en})` : lvl ? ` (significant at ${lvl}%)` : ' (not significant at 10%)'}.`,
  };
}
