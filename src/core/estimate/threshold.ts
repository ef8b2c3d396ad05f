/**
 * Panel threshold regression with unit fixed effects (Hansen 1999, "Threshold
 * effects in non-dynamic panels", J. Econometrics 93: 345–368):
 *
 *   y_it = μ_i + β₁'x_it·1(q_it ≤ γ₁) + β₂'x_it·1(γ₁ < q_it ≤ γ₂) + … + δ'c_it + e_it
 *
 * x: regressors whose slope switches with the regime; c: controls that do not.
 *   Estimation  — within transformation (each variable less its unit mean; with
 *                 time effects also less the period mean, plus the grand mean);
 *                 γ̂ minimises the within SSR S(γ) over a grid of observed q values.
 *   Sequential  — γ̂₁ from the single model; γ̂₂ʳ given γ̂₁; refinement γ̂₁ʳ given
 *                 γ̂₂ʳ; γ̂₃ given (γ̂₁ʳ, γ̂₂ʳ) (Hansen §4; the third is not refined).
 *   Tests       — F_k = (S_{k−1} − S_k(γ̂_k)) / σ̂²_k, σ̂²_k = S_k(γ̂_k)/(N − absorbed df)
 *                 (Hansen's n(T − 1) with unit effects), S_{k−1} the SSR of the model
 *                 with k − 1 thresholds as reported; p-values and critical values from
 *                 the fixed-regressor bootstrap: x, c and q held fixed, the unit
 *                 vectors of residuals of the k-threshold model drawn with replacement
 *                 and added to the fitted values of the (k − 1)-threshold model, the
 *                 sequential estimation repeated on each draw (seeded);
 *                 p = share of draws with F* > F.
 *   Intervals   — LR(γ) = (S(γ) − S(γ̂)) / σ̂², σ̂² = S(γ̂)/(N − absorbed df), over the
 *                 scan that estimated γ̂; the set {γ: LR(γ) ≤ c(α)},
 *                 c(α) = −2 ln(1 − √(1 − α)) (7.35 at 95 %), reported as its hull.
 *   Grid        — candidates are observed q values leaving at least ⌈trim·N⌉
 *                 observations in every regime; "all" takes every distinct value,
 *                 a number G the order statistics at G evenly spaced ranks of the
 *                 trimmed range (all distinct values when there are at most G).
 *   Convention  — "le": q ≤ γ in the lower regime (Hansen's paper and code, Stata
 *                 xthreg's irecode); "lt": q < γ.
 * S(γ) for every candidate comes from running sums over q sorted once (the moments
 * of x·1(q ≤ γ) with the fixed design), not from refitting.
 *
 * @example estimateThreshold(data, { thresholds: 1, trim: [0.01], grid: 300, convention: 'le', timeEffects: false, bootstrap: [300], seed: 1, level: 0.95, se: 'cluster', preset: 'stata' }).thresholds
 */
import seedrandom from 'seedrandom';
import { ols } from '../regression/ols.ts';
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { factorOf } from './absorb.ts';
import { type CoefficientRow, estimateFe } from './fe.ts';
import type { SePreset, SeType } from './vcov.ts';
import { float64Of } from '../stats/gather.ts';

export const THRESHOLD_CONVENTIONS = ['le', 'lt'] as const;
export type ThresholdConvention = (typeof THRESHOLD_CONVENTIONS)[number];

export interface ThresholdData {
  y: ArrayLike<number>;
  /** Regime-dependent regressors by name. */
  x: Record<string, ArrayLike<number>>;
  /** Regime-independent controls by name. */
  controls: Record<string, ArrayLike<number>>;
  /** Threshold variable. */
  q: ArrayLike<number>;
  unit: ArrayLike<string | number>;
  time: ArrayLike<string | number>;
  /** Cluster ids for the slopes' standard errors (se = "cluster"). */
  cluster?: ArrayLike<string | number>;
  /** Data file, named in error messages. */
  source?: string;
}

export interface ThresholdOptions {
  thresholds: 1 | 2 | 3;
  /** Share trimmed at each end, one per threshold. */
  trim: number[];
  grid: 'all' | number;
  convention: ThresholdConvention;
  /** Also absorb period effects (two-way within transformation of the balanced panel). */
  timeEffects: boolean;
  /** Bootstrap draws per test (0 = no p-value). */
  bootstrap: number[];
  seed: number;
  /** Confidence level of the LR intervals. */
  level: number;
  se: SeType;
  preset: SePreset;
}

/** One step of the sequential estimation: a scan of S(γ) with the other thresholds fixed. */
export interface ThresholdStep {
  /** "1", "2", "1r" (refinement of the first given the second), "3". */
  step: string;
  estimate: number;
  /** Minimum SSR of the scan. */
  ssr: number;
  /** LR interval (hull of {γ: LR(γ) ≤ c(α)}). */
  ci: [number, number];
  /** Candidate thresholds and their LR statistics. */
  gamma: number[];
  lr: number[];
  /** Candidates left out because the design was singular there. */
  singular: number;
}

export interface ThresholdTest {
  /** "0 vs 1", "1 vs 2", "2 vs 3". */
  hypothesis: string;
  F: number;
  ssrNull: number;
  ssrAlt: number;
  pValue: number | null;
  /** Bootstrap critical values at 10 %, 5 %, 1 % (R type-7 quantiles of F*). */
  crit: { '10%': number; '5%': number; '1%': number } | null;
  draws: number;
  seed: number;
}

export interface ThresholdRegime {
  regime: number;
  /** Bounds (−Infinity / Infinity at the ends; null in JSON). */
  lower: number;
  upper: number;
  label: string;
  n: number;
}

export interface ThresholdResult {
  type: 'threshold';
  thresholds: number[];
  F: number[];
  pValue: (number | null)[];
  ci: [number, number][];
  steps: ThresholdStep[];
  tests: ThresholdTest[];
  regimes: ThresholdRegime[];
  coefficients: Record<string, CoefficientRow>;
  vcov: number[][];
  n: number;
  units: number;
  periods: number;
  ssr: number;
  sigma2: number;
  r2Within: number;
  df: number;
  clusters: number | null;
  fe: string[];
  /** c(α) of the intervals. */
  lrCritical: number;
  options: ThresholdOptions;
}

/** c(α) = −2 ln(1 − √(1 − α)) (Hansen 1999, eq. 16; 7.35 at α = 0.05). @example lrCritical(0.95) // 7.352 */
export function lrCritical(level: number): number {
  return -2 * Math.log(1 - Math.sqrt(level));
}

const fail = (zh: string, en: string, fixZh: string, fixEn: string, column?: string): never => {
  throw new XinzhiError({
    code: 'estimate-threshold',
    severity: 'error',
    ...(column ? { column } : {}),
    message: bi(zh, en),
    fix: bi(fixZh, fixEn),
  });
};

/** Cholesky inverse of a symmetric k×k matrix (row-major); null when not positive definite. */
function spdInverse(a: Float64Array, k: number): Float64Array | null {
  const L = new Float64Array(k * k);
  let scale = 0;
  for (let i = 0; i < k; i++) scale = Math.max(scale, Math.abs(a[i * k + i]));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * k + j];
      for (let m = 0; m < j; m++) s -= L[i * k + m] * L[j * k + m];
      if (i === j) {
        if (!(s > 1e-11 * scale)) return null;
        L[i * k + i] = Math.sqrt(s);
      } else L[i * k + j] = s / L[j * k + j];
    }
  }
  // inverse of L, then L⁻ᵀ L⁻¹
  const Li = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    Li[i * k + i] = 1 / L[i * k + i];
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let m = j; m < i; m++) s -= L[i * k + m] * Li[m * k + j];
      Li[i * k + j] = s / L[i * k + i];
    }
  }
  const inv = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let m = i; m < k; m++) s += Li[m * k + i] * Li[m * k + j];
      inv[i * k + j] = s;
      inv[j * k + i] = s;
    }
  return inv;
}

/** The data laid out for scanning: balanced panel checked, q sorted once. */
interface Context {
  N: number;
  units: number;
  periods: number;
  unitOf: Int32Array;
  timeOf: Int32Array;
  /** Row of (unit u, period t) at u·T + t. */
  cell: Int32Array;
  /** Rows in ascending q. */
  order: Int32Array;
  /** Distinct q values ascending, and the number of rows with q ≤ each. */
  values: Float64Array;
  countLe: Int32Array;
  /** Regime-dependent regressors (raw), row-major N × kx. */
  X: Float64Array;
  kx: number;
  /** Within-transformed [x, controls], column-major. */
  base: Float64Array[];
  timeEffects: boolean;
  /** N − absorbed df. */
  dfResid: number;
  convention: ThresholdConvention;
}

function within(
  ctx: Pick<Context, 'N' | 'units' | 'periods' | 'unitOf' | 'timeOf' | 'timeEffects'>,
  v: ArrayLike<number>,
) {
  const { N, units, periods, unitOf, timeOf } = ctx;
  const mu = new Float64Array(units);
  for (let i = 0; i < N; i++) mu[unitOf[i]] += v[i];
  for (let u = 0; u < units; u++) mu[u] /= periods;
  const out = new Float64Array(N);
  if (!ctx.timeEffects) {
    for (let i = 0; i < N; i++) out[i] = v[i] - mu[unitOf[i]];
    return out;
  }
  const mt = new Float64Array(periods);
  let all = 0;
  for (let i = 0; i < N; i++) {
    mt[timeOf[i]] += v[i];
    all += v[i];
  }
  for (let t = 0; t < periods; t++) mt[t] /= units;
  all /= N;
  for (let i = 0; i < N; i++) out[i] = v[i] - mu[unitOf[i]] - mt[timeOf[i]] + all;
  return out;
}

/** Balanced-panel check and the sorted layout. */
function context(data: ThresholdData, opts: ThresholdOptions): Context {
  const N = data.y.length;
  const uf = factorOf(data.unit);
  const tf = factorOf(data.time);
  const units = uf.levels;
  const periods = tf.levels;
  const cell = new Int32Array(units * periods).fill(-1);
  for (let i = 0; i < N; i++) {
    const c = uf.codes[i] * periods + tf.codes[i];
    if (cell[c] !== -1)
      fail(
        `单位 ${String(data.unit[i])} 在时期 ${String(data.time[i])} 有重复观测`,
        `unit ${String(data.unit[i])} has two rows for period ${String(data.time[i])}`,
        '每个单位每期只保留一行',
        'keep one row per unit and period',
      );
    cell[c] = i;
  }
  const missing = cell.indexOf(-1);
  if (missing !== -1) {
    const u = Math.floor(missing / periods);
    const row = uf.codes.indexOf(u);
    const label = new Map<number, string>();
    for (let i = 0; i < N; i++) label.set(tf.codes[i], String(data.time[i]));
    const lacks: string[] = [];
    for (let t = 0; t < periods; t++) if (cell[u * periods + t] === -1) lacks.push(label.get(t)!);
    const list = lacks.slice(0, 5).join(', ') + (lacks.length > 5 ? ', …' : '');
    fail(
      `门槛模型需要平衡面板（Hansen 1999）：单位 ${String(data.unit[row])} 缺少时期 ${list}（共 ${periods} 期）`,
      `the threshold model needs a balanced panel (Hansen 1999): unit ${String(data.unit[row])} lacks period ${list} (of ${periods})`,
      '补齐缺失的单位-时期，或只保留每期都有数据的单位',
      'fill the missing unit-periods, or keep only the units observed in every period',
    );
  }
  if (periods < 2)
    fail('门槛模型需要至少 2 个时期', 'the threshold model needs at least 2 periods', '使用面板数据', 'use panel data');
  const q = data.q;
  const order = Int32Array.from({ length: N }, (_, i) => i).sort((a, b) => q[a] - q[b]);
  const values: number[] = [];
  const countLe: number[] = [];
  for (let p = 0; p < N; p++) {
    const v = q[order[p]];
    if (values.length && values[values.length - 1] === v) countLe[countLe.length - 1] = p + 1;
    else {
      values.push(v);
      countLe.push(p + 1);
    }
  }
  const xNames = Object.keys(data.x);
  const kx = xNames.length;
  const X = new Float64Array(N * kx);
  xNames.forEach((name, j) => {
    const col = data.x[name];
    for (let i = 0; i < N; i++) X[i * kx + j] = col[i];
  });
  const partial = { N, units, periods, unitOf: uf.codes, timeOf: tf.codes, timeEffects: opts.timeEffects };
  const base = [...xNames.map((k) => data.x[k]), ...Object.values(data.controls)].map((c) => within(partial, c));
  const absorbed = units + (opts.timeEffects ? periods - 1 : 0);
  return {
    ...partial,
    cell,
    order,
    values: Float64Array.from(values),
    countLe: Int32Array.from(countLe),
    X,
    kx,
    base,
    dfResid: N - absorbed,
    convention: opts.convention,
  };
}

/** Rows in the lower part when the threshold is the k-th distinct value. */
function lowerCount(ctx: Context, k: number): number {
  return ctx.convention === 'le' ? ctx.countLe[k] : k > 0 ? ctx.countLe[k - 1] : 0;
}

/** Indices of distinct q values on the grid of a stage (before the regime-size filter of the other thresholds). */
function gridOf(ctx: Context, trim: number, grid: 'all' | number): number[] {
  const { N, values } = ctx;
  const m = Math.max(1, Math.ceil(trim * N));
  const ok: number[] = [];
  for (let k = 0; k < values.length; k++) {
    const c = lowerCount(ctx, k);
    if (c >= m && N - c >= m) ok.push(k);
  }
  if (grid === 'all' || ok.length <= grid) return ok;
  // order statistics at G evenly spaced ranks of the trimmed range [m − 1, N − m − 1]
  const lo = m - 1;
  const hi = N - m - 1;
  const picked = new Set<number>();
  for (let j = 0; j < grid; j++) picked.add(distinctAtRank(ctx, lo + Math.floor((j * (hi - lo)) / (grid - 1) + 0.5)));
  const okSet = new Set(ok);
  return [...picked].filter((k) => okSet.has(k)).sort((a, b) => a - b);
}

/** Index of the distinct value that is the r-th smallest q (0-based). */
function distinctAtRank(ctx: Context, r: number): number {
  let lo = 0;
  let hi = ctx.countLe.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.countLe[mid] > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A prepared scan: the fixed design and, per candidate, the inverse of the partialled moments of x·1(lower). */
interface Scan {
  cand: number[];
  /** Rows included in the lower part at each candidate. */
  pos: number[];
  W: Float64Array[];
  Winv: Float64Array;
  Minv: (Float64Array | null)[];
  singular: number;
}

/** Columns x·1(q in the lower part of γ) for fixed thresholds, within-transformed. */
function regimeColumns(ctx: Context, fixed: number[]): Float64Array[] {
  const out: Float64Array[] = [];
  for (const k of fixed) {
    const cnt = lowerCount(ctx, k);
    for (let j = 0; j < ctx.kx; j++) {
      const raw = new Float64Array(ctx.N);
      for (let p = 0; p < cnt; p++) {
        const i = ctx.order[p];
        raw[i] = ctx.X[i * ctx.kx + j];
      }
      out.push(within(ctx, raw));
    }
  }
  return out;
}

function prepareScan(ctx: Context, fixed: number[], grid: number[], trim: number): Scan {
  const { N, kx, order, X, units, periods } = ctx;
  const m = Math.max(1, Math.ceil(trim * N));
  // candidates leave at least m rows in every regime with the fixed thresholds
  const fixedCounts = fixed.map((k) => lowerCount(ctx, k));
  const cand = grid.filter((k) => {
    if (fixed.includes(k)) return false;
    const cuts = [0, ...fixedCounts, lowerCount(ctx, k), N].sort((a, b) => a - b);
    for (let r = 1; r < cuts.length; r++) if (cuts[r] - cuts[r - 1] < m) return false;
    return true;
  });
  const W = [...ctx.base, ...regimeColumns(ctx, fixed)];
  const kw = W.length;
  const WW = new Float64Array(kw * kw);
  for (let a = 0; a < kw; a++)
    for (let b = 0; b <= a; b++) {
      let s = 0;
      const wa = W[a];
      const wb = W[b];
      for (let i = 0; i < N; i++) s += wa[i] * wb[i];
      WW[a * kw + b] = s;
      WW[b * kw + a] = s;
    }
  const Winv = spdInverse(WW, kw);
  if (!Winv)
    fail(
      '门槛模型的回归变量（或其各区制部分）完全共线',
      'the regressors of the threshold model (or their regime parts) are perfectly collinear',
      '删除重复的控制变量或不随时间变化的变量，或放宽门槛区制',
      'drop duplicated or time-invariant controls, or use fewer thresholds',
    );
  // running moments over rows in ascending q
  const pos = cand.map((k) => lowerCount(ctx, k));
  const A = new Float64Array(kx * kx); // Σ x xᵀ over lower rows
  const B = new Float64Array(kx * kw); // Σ x w*ᵀ
  const S = new Float64Array(units * kx); // per-unit sums of x over lower rows
  const R = new Float64Array(periods * kx); // per-period sums (time effects)
  const Z = new Float64Array(kx); // total
  const PU = new Float64Array(kx * kx); // Σ_u S_u S_uᵀ / T
  const PT = new Float64Array(kx * kx); // Σ_t R_t R_tᵀ / n
  const Minv: (Float64Array | null)[] = [];
  const M = new Float64Array(kx * kx);
  const BG = new Float64Array(kx * kw);
  let singular = 0;
  let p = 0;
  for (let c = 0; c < cand.length; c++) {
    for (; p < pos[c]; p++) {
      const i = order[p];
      const u = ctx.unitOf[i];
      const t = ctx.timeOf[i];
      for (let a = 0; a < kx; a++) {
        const xa = X[i * kx + a];
        for (let b = 0; b < kx; b++) {
          const xb = X[i * kx + b];
          A[a * kx + b] += xa * xb;
          // (S + x)(S + x)ᵀ − S Sᵀ = S xᵀ + x Sᵀ + x xᵀ
          PU[a * kx + b] += (S[u * kx + a] * xb + xa * S[u * kx + b] + xa * xb) / periods;
          if (ctx.timeEffects) PT[a * kx + b] += (R[t * kx + a] * xb + xa * R[t * kx + b] + xa * xb) / units;
        }
        for (let b = 0; b < kw; b++) B[a * kw + b] += xa * W[b][i];
      }
      for (let a = 0; a < kx; a++) {
        S[u * kx + a] += X[i * kx + a];
        if (ctx.timeEffects) {
          R[t * kx + a] += X[i * kx + a];
          Z[a] += X[i * kx + a];
        }
      }
    }
    // M = Z*ᵀZ* − B W⁻¹ Bᵀ, Z*ᵀZ* = A − PU (− PT + Z Zᵀ/N with time effects)
    for (let a = 0; a < kx; a++)
      for (let b = 0; b < kw; b++) {
        let s = 0;
        for (let d = 0; d < kw; d++) s += B[a * kw + d] * Winv![d * kw + b];
        BG[a * kw + b] = s;
      }
    for (let a = 0; a < kx; a++)
      for (let b = 0; b < kx; b++) {
        let s = A[a * kx + b] - PU[a * kx + b];
        if (ctx.timeEffects) s += -PT[a * kx + b] + (Z[a] * Z[b]) / N;
        for (let d = 0; d < kw; d++) s -= BG[a * kw + d] * B[b * kw + d];
        M[a * kx + b] = s;
      }
    const inv = spdInverse(M, kx);
    if (!inv) singular++;
    Minv.push(inv);
  }
  return { cand, pos, W, Winv: Winv!, Minv, singular };
}

/** S(γ) at every candidate of a scan for a (within-transformed) outcome. */
function scanSsr(ctx: Context, scan: Scan, y: Float64Array): Float64Array {
  const { N, kx, order, X } = ctx;
  const { W, Winv } = scan;
  const kw = W.length;
  const wy = new Float64Array(kw);
  for (let b = 0; b < kw; b++) {
    let s = 0;
    const w = W[b];
    for (let i = 0; i < N; i++) s += w[i] * y[i];
    wy[b] = s;
  }
  const beta = new Float64Array(kw);
  for (let a = 0; a < kw; a++) {
    let s = 0;
    for (let b = 0; b < kw; b++) s += Winv[a * kw + b] * wy[b];
    beta[a] = s;
  }
  const e = Float64Array.from(y);
  for (let b = 0; b < kw; b++) {
    const w = W[b];
    const bb = beta[b];
    for (let i = 0; i < N; i++) e[i] -= bb * w[i];
  }
  let base = 0;
  for (let i = 0; i < N; i++) base += e[i] * e[i];
  const out = new Float64Array(scan.cand.length);
  const c = new Float64Array(kx);
  let p = 0;
  for (let k = 0; k < scan.cand.length; k++) {
    for (; p < scan.pos[k]; p++) {
      const i = order[p];
      for (let a = 0; a < kx; a++) c[a] += X[i * kx + a] * e[i];
    }
    const inv = scan.Minv[k];
    if (!inv) {
      out[k] = Number.POSITIVE_INFINITY;
      continue;
    }
    let quad = 0;
    for (let a = 0; a < kx; a++) {
      let s = 0;
      for (let b = 0; b < kx; b++) s += inv[a * kx + b] * c[b];
      quad += c[a] * s;
    }
    out[k] = base - quad;
  }
  return out;
}

function argmin(v: Float64Array): number {
  let best = -1;
  for (let k = 0; k < v.length; k++) if (best === -1 || v[k] < v[best]) best = k;
  return best;
}

/** Cache of prepared scans keyed by the fixed thresholds. */
class Scans {
  private cache = new Map<string, Scan>();
  constructor(
    private ctx: Context,
    private grids: number[][],
    private trims: number[],
  ) {}
  get(stage: number, fixed: number[]): Scan {
    const key = `${stage}:${[...fixed].sort((a, b) => a - b).join(',')}`;
    let s = this.cache.get(key);
    if (!s) {
      s = prepareScan(this.ctx, fixed, this.grids[stage], this.trims[stage]);
      if (this.cache.size > 4000) this.cache.clear();
      this.cache.set(key, s);
    }
    return s;
  }
}

/** The sequential estimation on one outcome: thresholds (as distinct-value indices) and scans per step. */
interface Sequence {
  /** Threshold sets of the 1-, 2-, 3-threshold models. */
  models: number[][];
  /** Minimum SSR of the stage scan that added the k-th threshold (F's alternative). */
  stageSsr: number[];
  /** SSR of each reported model (after refinement for 2). */
  modelSsr: number[];
  steps: { step: string; scan: Scan; ssr: Float64Array; best: number }[];
}

/** Runs the stages up to `upTo` thresholds; the two-threshold model is refined when `refine` or a third follows. */
function sequence(ctx: Context, scans: Scans, y: Float64Array, upTo: number, refine: boolean): Sequence {
  const steps: Sequence['steps'] = [];
  const run = (step: string, stage: number, fixed: number[]) => {
    const scan = scans.get(stage, fixed);
    if (scan.cand.length === 0 || scan.singular === scan.cand.length) noCandidates(ctx, step);
    const ssr = scanSsr(ctx, scan, y);
    const best = argmin(ssr);
    steps.push({ step, scan, ssr, best });
    return { k: scan.cand[best], s: ssr[best] };
  };
  const one = run('1', 0, []);
  const models = [[one.k]];
  const stageSsr = [one.s];
  const modelSsr = [one.s];
  if (upTo >= 2) {
    const two = run('2', 1, [one.k]);
    stageSsr.push(two.s);
    if (!refine && upTo === 2) return { models, stageSsr, modelSsr, steps };
    const ref = run('1r', 0, [two.k]);
    models.push([ref.k, two.k].sort((a, b) => a - b));
    modelSsr.push(ref.s);
    if (upTo >= 3) {
      const three = run('3', 2, models[1]);
      stageSsr.push(three.s);
      models.push([...models[1], three.k].sort((a, b) => a - b));
      modelSsr.push(three.s);
    }
  }
  return { models, stageSsr, modelSsr, steps };
}

function noCandidates(ctx: Context, step: string): never {
  return fail(
    `门槛步骤 ${step}：在修剪比例下没有可用的门槛候选值（门槛变量不同取值太少，或某区制观测太少；共 ${ctx.values.length} 个不同取值，${ctx.N} 个观测）`,
    `threshold step ${step}: no candidate threshold is left after trimming (too few distinct values of q, or a regime with too few observations; ${ctx.values.length} distinct values, ${ctx.N} observations)`,
    '减小 trim、减少门槛个数，或换用取值更丰富的门槛变量',
    'lower "trim", ask for fewer thresholds, or use a threshold variable with more distinct values',
    'q',
  );
}

/** Within fit with regime columns at fixed thresholds: SSR, fitted values and residuals (QR, for exact reported SSRs). */
function fitAt(ctx: Context, y: Float64Array, fixed: number[]) {
  const cols = [...ctx.base, ...regimeColumns(ctx, fixed)];
  const X = Array.from({ length: ctx.N }, (_, i) => cols.map((c) => c[i]));
  const f = ols(X, y, { intercept: false });
  const resid = Float64Array.from(f.residuals);
  const fitted = float64Of(y.length, (i) => y[i] - resid[i]);
  return { ssr: f.ssr, fitted, resid };
}

/** R type-7 quantile of sorted values. */
function quantile7(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function estimateThreshold(data: ThresholdData, opts: ThresholdOptions): ThresholdResult {
  try {
    return estimate(data, opts);
  } catch (e) {
    // name the data file in every problem
    if (e instanceof XinzhiError && data.source)
      throw new XinzhiError(e.problems.map((p) => ({ file: data.source, ...p })));
    throw e;
  }
}

function estimate(data: ThresholdData, opts: ThresholdOptions): ThresholdResult {
  checkInputs(data);
  const ctx = context(data, opts);
  const K = opts.thresholds;
  const trims = Array.from({ length: K }, (_, k) => opts.trim[k] ?? opts.trim[opts.trim.length - 1]);
  const scans = new Scans(
    ctx,
    trims.map((t) => gridOf(ctx, t, opts.grid)),
    trims,
  );
  const y = within(ctx, data.y);
  const seq = sequence(ctx, scans, y, K, true);
  const crit = lrCritical(opts.level);
  const steps = seq.steps.map((s) => stepSummary(ctx, s, crit));

  // exact SSRs (QR) of the linear model, of each reported model and of each stage's alternative
  const linear = fitAt(ctx, y, []);
  const fits = seq.models.map((m) => fitAt(ctx, y, m));
  const stage2 = seq.steps.find((s) => s.step === '2');
  const alternatives = fits.map((f, k) =>
    k === 1 && stage2 ? fitAt(ctx, y, [seq.models[0][0], stage2.scan.cand[stage2.best]]) : f,
  );
  const rng = seedrandom(String(opts.seed));
  const tests = Array.from({ length: K }, (_, k) => {
    const draws = opts.bootstrap[k] ?? opts.bootstrap[opts.bootstrap.length - 1] ?? 0;
    const nullFit = k === 0 ? linear : fits[k - 1];
    return bootstrapTest(ctx, scans, k, nullFit, alternatives[k].ssr, fits[k].resid, draws, rng, opts.seed);
  });

  const gammas = seq.models[K - 1].map((k) => ctx.values[k]);
  const slopes = regimeFit(data, opts, gammas);
  // each threshold's interval from the scan that estimated it: 1 | 1r, 2 | 1r, 2, 3
  const byStep = (name: string) => steps.find((s) => s.step === name)!;
  const final = (K === 1 ? ['1'] : K === 2 ? ['1r', '2'] : ['1r', '2', '3'])
    .map(byStep)
    .sort((a, b) => a.estimate - b.estimate);
  const ssr = fits[K - 1].ssr;
  return {
    type: 'threshold',
    thresholds: gammas,
    F: tests.map((t) => t.F),
    pValue: tests.map((t) => t.pValue),
    ci: final.map((s) => s.ci),
    steps,
    tests,
    regimes: slopes.regimes,
    coefficients: slopes.fit.coefficients,
    vcov: slopes.fit.vcov,
    n: ctx.N,
    units: ctx.units,
    periods: ctx.periods,
    ssr,
    sigma2: ssr / ctx.dfResid,
    r2Within: slopes.fit.r2Within,
    df: slopes.fit.df,
    clusters: slopes.fit.clusters,
    fe: slopes.fit.fe,
    lrCritical: crit,
    options: opts,
  };
}

function checkInputs(data: ThresholdData): void {
  if (Object.keys(data.x).length === 0)
    fail(
      '门槛模型需要至少一个随区制变化的 x',
      'the threshold model needs at least one regime-dependent x',
      '在 "x" 中列出其系数随区制变化的变量',
      'list the regime-dependent regressors in "x"',
      'x',
    );
  for (let i = 0; i < data.q.length; i++)
    if (!Number.isFinite(data.q[i]))
      fail(
        '门槛变量含缺失或非有限值',
        'the threshold variable has a missing or non-finite value',
        '补齐门槛变量',
        'fill the threshold variable',
        'q',
      );
}

/** A scan as reported: its estimate, minimum SSR, LR curve and LR interval (hull of LR ≤ c(α)). */
function stepSummary(ctx: Context, s: Sequence['steps'][number], crit: number): ThresholdStep {
  const min = s.ssr[s.best];
  const sigma2 = min / ctx.dfResid;
  const gamma = s.scan.cand.map((k) => ctx.values[k]);
  const lr = Array.from(s.ssr, (v) => (v - min) / sigma2);
  const inside = gamma.filter((_, k) => lr[k] <= crit);
  return {
    step: s.step,
    estimate: ctx.values[s.scan.cand[s.best]],
    ssr: min,
    ci: [Math.min(...inside), Math.max(...inside)],
    gamma,
    lr,
    singular: s.scan.singular,
  };
}

/**
 * F test of k against k + 1 thresholds with the fixed-regressor bootstrap: each draw adds the
 * unit vectors of the alternative's residuals, drawn with replacement, to the null model's
 * fitted values and repeats the sequential estimation.
 */
function bootstrapTest(
  ctx: Context,
  scans: Scans,
  k: number,
  nullFit: { ssr: number; fitted: Float64Array },
  ssrAlt: number,
  resid: Float64Array,
  draws: number,
  rng: () => number,
  seed: number,
): ThresholdTest {
  const F = (nullFit.ssr - ssrAlt) / (ssrAlt / ctx.dfResid);
  const test: ThresholdTest = {
    hypothesis: `${k} vs ${k + 1}`,
    F,
    ssrNull: nullFit.ssr,
    ssrAlt,
    pValue: null,
    crit: null,
    draws,
    seed,
  };
  if (draws <= 0) return test;
  const { units, periods, cell } = ctx;
  const Fs = new Float64Array(draws);
  const yb = new Float64Array(ctx.N);
  let above = 0;
  for (let b = 0; b < draws; b++) {
    for (let u = 0; u < units; u++) {
      const from = Math.floor(rng() * units);
      for (let t = 0; t < periods; t++) {
        const i = cell[u * periods + t];
        yb[i] = nullFit.fitted[i] + resid[cell[from * periods + t]];
      }
    }
    const ys = within(ctx, yb);
    const sb = sequence(ctx, scans, ys, k + 1, false);
    const nullSsr = k === 0 ? scanBase(scans.get(0, []), ys) : sb.modelSsr[k - 1];
    const altSsr = sb.stageSsr[k];
    Fs[b] = (nullSsr - altSsr) / (altSsr / ctx.dfResid);
    if (Fs[b] > F) above++;
  }
  const sorted = Fs.slice().sort();
  test.pValue = above / draws;
  test.crit = { '10%': quantile7(sorted, 0.9), '5%': quantile7(sorted, 0.95), '1%': quantile7(sorted, 0.99) };
  return test;
}

/** The fixed-effects regression on x by regime ("x[1]", "x[2]", …) and the controls, and the regimes. */
function regimeFit(data: ThresholdData, opts: ThresholdOptions, gammas: number[]) {
  const K = gammas.length;
  const le = opts.convention === 'le';
  const rOf = Int32Array.from(data.q, (v) => {
    let r = 0;
    for (const g of gammas) if (le ? v > g : v >= g) r++;
    return r;
  });
  const xs: Record<string, Float64Array> = {};
  for (const [name, col] of Object.entries(data.x))
    for (let r = 0; r <= K; r++) xs[`${name}[${r + 1}]`] = float64Of(col.length, (i) => (rOf[i] === r ? col[i] : 0));
  for (const [name, col] of Object.entries(data.controls)) xs[name] = Float64Array.from(col);
  const fe: Record<string, ArrayLike<string | number>> = {
    unit: data.unit,
    ...(opts.timeEffects ? { time: data.time } : {}),
  };
  const fit = estimateFe(
    { y: data.y, x: xs, fe, ...(data.cluster ? { cluster: data.cluster } : {}) },
    { se: opts.se, preset: opts.preset, dropSingletons: false },
  );
  const fmt = (v: number) => String(Number(v.toPrecision(6)));
  const regimes: ThresholdRegime[] = Array.from({ length: K + 1 }, (_, r) => {
    const lower = r === 0 ? Number.NEGATIVE_INFINITY : gammas[r - 1];
    const upper = r === K ? Number.POSITIVE_INFINITY : gammas[r];
    // "q ≤ γ1", "γ1 < q ≤ γ2", "q > γ2" (with "lt": "q < γ1", "γ1 ≤ q < γ2", "q ≥ γ2")
    const lo = r === 0 || r === K ? '' : `${fmt(lower)} ${le ? '<' : '≤'} `;
    const hi = r === K ? ` ${le ? '>' : '≥'} ${fmt(lower)}` : ` ${le ? '≤' : '<'} ${fmt(upper)}`;
    let n = 0;
    for (let i = 0; i < rOf.length; i++) if (rOf[i] === r) n++;
    return { regime: r + 1, lower, upper, label: `${lo}q${hi}`, n };
  });
  return { fit, regimes };
}

/** SSR of the outcome on the fixed design of a scan (the linear model for the stage-1 scan). */
function scanBase(scan: Scan, y: Float64Array): number {
  const { W, Winv } = scan;
  const kw = W.length;
  const N = y.length;
  const wy = new Float64Array(kw);
  for (let b = 0; b < kw; b++) {
    let s = 0;
    for (let i = 0; i < N; i++) s += W[b][i] * y[i];
    wy[b] = s;
  }
  let yy = 0;
  for (let i = 0; i < N; i++) yy += y[i] * y[i];
  let quad = 0;
  for (let a = 0; a < kw; a++) {
    let s = 0;
    for (let b = 0; b < kw; b++) s += Winv[a * kw + b] * wy[b];
    quad += wy[a] * s;
  }
  return yy - quad;
}
