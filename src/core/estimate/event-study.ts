/**
 * Event study (dynamic two-way FE DID) around a staggered treatment date:
 *
 *   y_it = Σ_{e ≠ −1} β_e · 1{t − G_i = e} + controls + α_i + γ_t + ε_it
 *
 * G_i is unit i's first treated period (0 = never treated: every dummy 0).
 * Relative period e = t − G_i counts in the units of the time column (years).
 * The period before treatment, e = −1, is the omitted reference (β_{−1} = 0).
 * Window [lo, hi] (lo ≤ −2, hi ≥ 0): with `bin`, periods beyond an end are
 * pooled into that end (lo and hi stand for "lo or earlier", "hi or later");
 * without it the treated units' observations outside the window are dropped
 * and counted (`outsideWindow`). Default window: every relative period observed.
 * Pre-trend test: Wald W = β̂_preᵀ V̂_pre⁻¹ β̂_pre over the leads e ≤ −2,
 * F = W / q on (q, df), df that of the model's t tests (G − 1 when clustered).
 * Standard errors: the model's preset (Stata's by default), as `reghdfe y
 * lead* lag*, absorb(unit year) vce(cluster unit)`.
 * Without never-treated units the ends must be binned (else one reference
 * period does not identify the effects; an error says so).
 * Source: Jacobson, LaLonde & Sullivan (1993); Borusyak, Jaravel & Spiess (2024) on binning.
 *
 * @example eventStudy({ y, time, cohort, controls: {}, fe: { unit, year }, cluster: unit }, { se: 'cluster', preset: 'stata', bin: false }).pretrend.p
 */
import { Matrix, solve } from 'ml-matrix';
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { fUpperP } from '../stats/distributions.ts';
import { type AttRow, attRow } from './did.ts';
import { estimateFe, type FeOptions, type FeResult } from './fe.ts';

export interface EventStudyData {
  y: ArrayLike<number>;
  /** Period of each observation (numbers). */
  time: ArrayLike<number>;
  /** First treated period of the observation's unit; 0 = never treated. */
  cohort: ArrayLike<number>;
  controls: Record<string, ArrayLike<number>>;
  fe: Record<string, ArrayLike<string | number>>;
  cluster?: ArrayLike<string | number>;
}

export interface EventStudyOptions extends FeOptions {
  /** Relative periods kept, [lo, hi] with lo ≤ −2 and hi ≥ 0 (default: all observed). */
  window?: [number, number];
  /** Pool the periods beyond the window into its ends (default false: drop them). */
  bin?: boolean;
}

/** One point of the event-study plot. */
export interface EventPoint extends AttRow {
  period: number;
  /** The coefficient's name in `coefficients` (null for the reference period). */
  term: string | null;
  reference: boolean;
}

export type EventStudyResult = Omit<FeResult, 'type'> & {
  type: 'event-study';
  /** Relative periods with estimate, se, t, p and interval; the reference −1 has estimate 0. */
  periods: EventPoint[];
  reference: -1;
  window: [number, number];
  binned: boolean;
  /** Treated observations dropped as outside the window (without binning). */
  outsideWindow: number;
  /** Joint test that every lead (e ≤ −2) is zero; null without leads. */
  pretrend: { F: number; df1: number; df2: number; p: number; wald: number } | null;
};

/** Term name of relative period e: pre_k for e = −k, post_k for e = k ≥ 0 (Stata papers' naming). */
export function eventTerm(e: number): string {
  return e < 0 ? `pre_${-e}` : `post_${e}`;
}

export function eventStudy(data: EventStudyData, opts: EventStudyOptions): EventStudyResult {
  const n = data.y.length;
  const rel = new Float64Array(n).fill(Number.NaN);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    if (data.cohort[i] === 0) continue;
    rel[i] = data.time[i] - data.cohort[i];
    lo = Math.min(lo, rel[i]);
    hi = Math.max(hi, rel[i]);
  }
  if (!Number.isFinite(lo)) {
    throw new XinzhiError({
      code: 'estimate-event-no-treated',
      severity: 'error',
      message: bi('没有处理单位（cohort 全为 0 或空）', 'no treated units (every cohort is 0 or empty)'),
      fix: bi('在 cohort 列填写首次处理的时期', 'give the first treated period in the cohort column'),
    });
  }
  const window: [number, number] = opts.window ?? [lo, hi];
  if (!opts.bin && !Array.from(data.cohort).some((g) => g === 0)) {
    // without a never-treated group, unit and time effects span a linear trend in relative time:
    // one reference period is not enough (Borusyak, Jaravel & Spiess 2024)
    throw new XinzhiError({
      code: 'estimate-event-no-never',
      severity: 'error',
      message: bi(
        '没有从未处理的单位：仅以 −1 为基期时，各相对时期的系数无法识别',
        'no never-treated units: with −1 as the only reference the relative-period effects are not identified',
      ),
      fix: bi(
        '设置 "window" 并加上 "bin": true（合并两端），或加入从未处理的单位',
        'give a "window" with "bin": true (pooled ends), or add never-treated units',
      ),
    });
  }
  if (!(window[0] <= -2 && window[1] >= 0 && Number.isInteger(window[0]) && Number.isInteger(window[1]))) {
    throw new XinzhiError({
      code: 'estimate-event-window',
      severity: 'error',
      column: 'window',
      message: bi(
        `事件窗口 [${window[0]}, ${window[1]}] 须包含至少一个提前期（≤ −2）和当期 0（−1 为基期）`,
        `the event window [${window[0]}, ${window[1]}] must hold a lead (≤ −2) and period 0 (−1 is the reference)`,
      ),
      fix: bi(
        '写成 "window": [-4, 4] 之类，或去掉 window 使用全部相对时期',
        'write e.g. "window": [-4, 4], or leave window out to use every relative period',
      ),
    });
  }
  const keep: number[] = [];
  let outside = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(rel[i])) {
      keep.push(i);
      continue;
    }
    if (rel[i] < window[0] || rel[i] > window[1]) {
      if (!opts.bin) {
        outside++;
        continue;
      }
      rel[i] = Math.min(Math.max(rel[i], window[0]), window[1]);
    }
    keep.push(i);
  }
  const periods = [...new Set(keep.map((i) => rel[i]).filter((e) => !Number.isNaN(e) && e !== -1))].sort(
    (a, b) => a - b,
  );
  const pick = <T>(v: ArrayLike<T>) => keep.map((i) => v[i]);
  const x: Record<string, number[]> = {};
  for (const e of periods) x[eventTerm(e)] = keep.map((i) => (rel[i] === e ? 1 : 0));
  for (const [k, v] of Object.entries(data.controls)) x[k] = pick(v);
  const fe = Object.fromEntries(Object.entries(data.fe).map(([k, v]) => [k, pick(v)]));
  const fit = estimateFe({ y: pick(data.y), x, fe, ...(data.cluster ? { cluster: pick(data.cluster) } : {}) }, opts);
  const { type: _t, ...rest } = fit;
  const points: EventPoint[] = periods.map((e) => ({
    period: e,
    term: eventTerm(e),
    reference: false,
    ...attRow(fit.coefficients[eventTerm(e)], fit.df),
  }));
  points.push({
    period: -1,
    term: null,
    reference: true,
    estimate: 0,
    se: 0,
    t: Number.NaN,
    p: Number.NaN,
    ci: [0, 0],
    df: fit.df,
  });
  points.sort((a, b) => a.period - b.period);
  return {
    ...rest,
    type: 'event-study',
    periods: points,
    reference: -1,
    window,
    binned: opts.bin ?? false,
    outsideWindow: outside,
    pretrend: pretrendTest(fit, periods.filter((e) => e <= -2).map(eventTerm)),
  };
}

/** Wald F of the leads being jointly zero under the model's variance. */
function pretrendTest(fit: FeResult, leads: string[]): EventStudyResult['pretrend'] {
  if (leads.length === 0) return null;
  const terms = Object.keys(fit.coefficients);
  const idx = leads.map((t) => terms.indexOf(t));
  const b = idx.map((j) => fit.coefficients[terms[j]].estimate);
  const V = idx.map((a) => idx.map((c) => fit.vcov[a][c]));
  const z = solve(new Matrix(V), Matrix.columnVector(b)).to1DArray();
  const wald = b.reduce((s, v, j) => s + v * z[j], 0);
  const q = leads.length;
  const F = wald / q;
  return { F, df1: q, df2: fit.df, p: fUpperP(F, q, fit.df), wald };
}
