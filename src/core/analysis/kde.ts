/**
 * Kernel density estimation of a distribution per time, for the "distribution
 * dynamics" figures of the regional-disparity literature (3-D / ridgeline
 * kernel density plots) and a summary of how the distribution shifts.
 *
 *   f̂(x) = (1 / (n h)) Σ_i K((x − x_i) / h)        evaluated exactly (no binning)
 *
 * Kernels, with h the standard deviation of the kernel (R's `density`
 * convention, so that the bandwidth rules below mean the same for both):
 *   gaussian:      K(u) = φ(u) = exp(−u²/2) / √(2π)
 *   epanechnikov:  K(u) = 3/(4√5) · (1 − u²/5) for |u| < √5, else 0
 *                  (R: a = h√5, K_h(t) = 3/4 · (1 − (t/a)²) / a)
 *
 * Bandwidth rules (R, stats::bw.nrd0 / bw.nrd; Silverman 1986 §3.4.2; Scott 1992):
 *   silverman (R bw.nrd0): h = 0.9 · min(σ̂, IQR/1.34) · n^(−1/5); if that minimum is 0,
 *              σ̂ is used, then |x_1|, then 1 (as R does).
 *   scott     (R bw.nrd):  h = 1.06 · min(σ̂, IQR/1.34) · n^(−1/5) (R's "more common variation
 *              given by Scott (1992)"; note it also takes the minimum with IQR/1.34).
 *   scipy-scott:           h = σ̂ · n^(−1/5), the bandwidth of SciPy's gaussian_kde with
 *              bw_method="scott" (a different number from R's bw.nrd; offered for comparison).
 *   or a given positive number.
 * σ̂ is the sample standard deviation (n − 1) and the IQR uses R's type-7 quantiles.
 *
 * The grid is shared by all times so the result is a matrix density[t][g]
 * ready for a 3-D surface or a ridgeline chart: by default 512 equally spaced
 * points from min_t (min x_t − cut·h_t) to max_t (max x_t + cut·h_t) with cut = 3,
 * which for a single time is exactly R's `density` default grid. (R's
 * `density` itself approximates f̂ by FFT over binned data; the values here are
 * the exact sum.)
 *
 * `at`: the density of every time also at user-given points (same kernel and
 * each time's bandwidth, exact sum), for tables such as "density at 0.2, 0.4"
 * that papers print beside the figure.
 */
import { XinzhiError } from '../errors.ts';
import { bi, type Bilingual } from '../i18n.ts';
import type { Time } from '../panel/types.ts';
import { mean as meanOf, sd as sdOf, quantileSorted } from '../stats/descriptive.ts';
import { sliceByTime, type Locate } from './distribution-by-time.ts';
import { gather } from '../stats/gather.ts';

export type Kernel = 'gaussian' | 'epanechnikov';
export type BandwidthRule = 'silverman' | 'scott' | 'scipy-scott';

const SQRT5 = Math.sqrt(5);
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

function sortedCopy(x: ArrayLike<number>): Float64Array {
  return Float64Array.from(x).sort();
}

function needTwo(x: ArrayLike<number>, rule: string): void {
  if (x.length < 2) {
    throw new XinzhiError({
      code: 'too-few-observations',
      severity: 'error',
      message: bi(
        `带宽规则 ${rule} 至少需要 2 个观测值（现有 ${x.length} 个）`,
        `the bandwidth rule ${rule} needs at least 2 observations (got ${x.length})`,
      ),
      fix: bi(
        '给定数值带宽（如 0.05；命令行 --bw 0.05），或合并时期',
        'give a numeric bandwidth such as 0.05 (command line: --bw 0.05), or pool periods',
      ),
    });
  }
}

/** R's bw.nrd0: 0.9 · min(sd, IQR/1.34) · n^(−1/5), falling back to sd, |x_1|, 1 when the minimum is 0. */
export function bwNrd0(x: ArrayLike<number>): number {
  needTwo(x, 'silverman (bw.nrd0)');
  const s = sortedCopy(x);
  const hi = sdOf(x);
  let lo = Math.min(hi, (quantileSorted(s, 0.75) - quantileSorted(s, 0.25)) / 1.34);
  if (!lo) lo = hi || Math.abs(x[0]) || 1;
  return 0.9 * lo * Math.pow(x.length, -0.2);
}

/** R's bw.nrd: 1.06 · min(sd, IQR/1.34) · n^(−1/5). */
export function bwNrd(x: ArrayLike<number>): number {
  needTwo(x, 'scott (bw.nrd)');
  const s = sortedCopy(x);
  const h = (quantileSorted(s, 0.75) - quantileSorted(s, 0.25)) / 1.34;
  return 1.06 * Math.min(sdOf(x), h) * Math.pow(x.length, -1 / 5);
}

/** SciPy gaussian_kde(bw_method="scott") in one dimension: sd · n^(−1/5). */
export function bwScipyScott(x: ArrayLike<number>): number {
  needTwo(x, 'scipy-scott');
  return sdOf(x) * Math.pow(x.length, -1 / 5);
}

/** Bandwidth from a rule or a given number; errors if it is not positive and finite. */
export function bandwidth(x: ArrayLike<number>, bw: BandwidthRule | number): number {
  const h = typeof bw === 'number' ? bw : bw === 'silverman' ? bwNrd0(x) : bw === 'scott' ? bwNrd(x) : bwScipyScott(x);
  if (!(h > 0) || !Number.isFinite(h)) {
    throw new XinzhiError({
      code: 'bad-bandwidth',
      severity: 'error',
      message: bi(
        `带宽为 ${h}，须为正数${typeof bw === 'string' ? `（规则 ${bw}：标准差或四分位距为 0）` : ''}`,
        `the bandwidth is ${h}; it must be positive${typeof bw === 'string' ? ` (rule ${bw}: the sd or the IQR is 0)` : ''}`,
      ),
      fix: bi(
        '改用 silverman 规则（有回退；命令行 --bw silverman）或给定正数带宽',
        'use the silverman rule, which has a fallback (command line: --bw silverman), or give a positive number',
      ),
    });
  }
  return h;
}

/** The kernel K_h(t) = K(t/h)/h with h the kernel's standard deviation. */
export function kernelValue(kernel: Kernel, t: number, h: number): number {
  if (kernel === 'gaussian') {
    const u = t / h;
    return (INV_SQRT_2PI * Math.exp(-0.5 * u * u)) / h;
  }
  const a = h * SQRT5;
  const r = Math.abs(t) / a;
  return r < 1 ? (0.75 * (1 - r * r)) / a : 0;
}

/**
 * Exact density f̂(g) = (1/n) Σ_i K_h(g − x_i) at each grid point.
 * Gaussian: every term in data order, except those with u² > 1600 (|u| > 40),
 * where exp(−u²/2) < exp(−800) underflows to exactly 0 in double precision,
 * so skipping them leaves every sum bit for bit unchanged. Epanechnikov: only
 * the points within a = h√5 of the grid point, from a window over the sorted data.
 */
export function densityAt(
  x: ArrayLike<number>,
  grid: ArrayLike<number>,
  h: number,
  kernel: Kernel = 'gaussian',
): Float64Array {
  const n = x.length;
  const G = grid.length;
  const out = new Float64Array(G);
  if (kernel === 'epanechnikov') {
    // Only points within a = h√5 contribute: walk a window over sorted data.
    const s = sortedCopy(x);
    const a = h * SQRT5;
    let lo = 0;
    for (let g = 0; g < G; g++) {
      const v = grid[g];
      while (lo < n && s[lo] <= v - a) lo++;
      const hi = v + a;
      let acc = 0;
      for (let i = lo; i < n && s[i] < hi; i++) {
        // kernelValue('epanechnikov', v − s_i, h), inlined.
        const r = Math.abs(v - s[i]) / a;
        acc += r < 1 ? (0.75 * (1 - r * r)) / a : 0;
      }
      out[g] = acc / n;
    }
    return out;
  }
  const xs = x instanceof Float64Array ? x : Float64Array.from(x);
  const norm = n * h;
  for (let g = 0; g < G; g++) {
    const v = grid[g];
    let acc = 0;
    for (let i = 0; i < n; i++) {
      const u = (v - xs[i]) / h;
      if (u * u > 1600) continue; // exp(−u²/2) is exactly 0
      acc += Math.exp(-0.5 * u * u);
    }
    out[g] = (acc * INV_SQRT_2PI) / norm;
  }
  return out;
}

/** `points` equally spaced values from `from` to `to` (R's seq(from, to, length.out)). */
export function linspace(from: number, to: number, points: number): Float64Array {
  const out = new Float64Array(points);
  if (points === 1) {
    out[0] = from;
    return out;
  }
  const by = (to - from) / (points - 1);
  for (let i = 0; i < points; i++) out[i] = from + i * by;
  out[points - 1] = to;
  return out;
}

export interface KdePeak {
  x: number;
  height: number;
  /** height / max density of that time. */
  relativeHeight: number;
}

export interface KdeSummary {
  time: Time | null;
  n: number;
  mean: number;
  median: number;
  /** Grid point of the highest density (first one on ties). */
  mode: number;
  /** Sample standard deviation (n − 1). */
  sd: number;
  /** Interquartile range (type-7 quantiles). */
  iqr: number;
  bandwidth: number;
  /** Height of the highest density. */
  maxDensity: number;
  /** Local maxima of the density on the grid whose height ≥ peakThreshold × max, left to right. */
  peaks: KdePeak[];
  /** Moment skewness g1 = m3 / m2^(3/2) (population moments, as scipy.stats.skew with bias=True). */
  skewness: number;
  /** Direction of the tail from mean vs median: right (mean > median), left (mean < median), symmetric. */
  tail: 'right' | 'left' | 'symmetric';
  /** Change from the previous time (absent for the first). */
  change?: { mean: number; mode: number; sd: number; maxDensity: number; peaks: number; text: Bilingual };
}

export interface KdeResult {
  kernel: Kernel;
  bandwidthRule: BandwidthRule | 'given';
  cut: number;
  peakThreshold: number;
  times: Array<Time | null>;
  grid: Float64Array;
  /** density[t][g] on the shared grid. */
  density: Float64Array[];
  summaries: KdeSummary[];
  /** The density at the user-given points (option `at`): values[t][p]. */
  at?: { points: number[]; values: Float64Array[] };
}

export interface KdeOptions {
  kernel?: Kernel;
  /** A rule or a positive number (default "silverman"). */
  bw?: BandwidthRule | number;
  /** Grid size (default 512). */
  points?: number;
  /** Grid extends cut × h beyond the data (default 3, R's cut). */
  cut?: number;
  from?: number;
  to?: number;
  /** Minimum peak height relative to the time's maximum density (default 0.05). */
  peakThreshold?: number;
  locate?: Locate;
  column?: string;
  /** Also evaluate every time's density at these points. */
  at?: number[];
}

/** Interior local maxima (a plateau counts once, at its middle) with height ≥ threshold × max. */
export function findPeaks(grid: ArrayLike<number>, f: ArrayLike<number>, threshold = 0.05): KdePeak[] {
  let max = 0;
  for (let g = 0; g < f.length; g++) if (f[g] > max) max = f[g];
  const peaks: KdePeak[] = [];
  if (max <= 0) return peaks;
  let g = 1;
  while (g < f.length - 1) {
    if (f[g] > f[g - 1]) {
      let e = g;
      while (e + 1 < f.length && f[e + 1] === f[g]) e++;
      if (e + 1 < f.length && f[e + 1] < f[g]) {
        const mid = Math.floor((g + e) / 2);
        if (f[g] >= threshold * max) peaks.push({ x: grid[mid], height: f[g], relativeHeight: f[g] / max });
      }
      g = e + 1;
    } else g++;
  }
  return peaks;
}

function skewnessOf(x: ArrayLike<number>, m: number): number {
  let m2 = 0;
  let m3 = 0;
  for (let i = 0; i < x.length; i++) {
    const d = x[i] - m;
    m2 += d * d;
    m3 += d * d * d;
  }
  m2 /= x.length;
  m3 /= x.length;
  return m2 > 0 ? m3 / Math.pow(m2, 1.5) : 0;
}

function describeChange(prev: KdeSummary, cur: KdeSummary): Bilingual {
  const zh: string[] = [];
  const en: string[] = [];
  const rel = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b), 1e-300);
  if (!rel(cur.mode, prev.mode)) {
    zh.push(cur.mode > prev.mode ? '主峰右移' : '主峰左移');
    en.push(cur.mode > prev.mode ? 'main peak moved right' : 'main peak moved left');
  }
  if (!rel(cur.maxDensity, prev.maxDensity)) {
    zh.push(cur.maxDensity > prev.maxDensity ? '峰值升高' : '峰值下降');
    en.push(cur.maxDensity > prev.maxDensity ? 'peak higher' : 'peak lower');
  }
  if (!rel(cur.sd, prev.sd)) {
    zh.push(cur.sd > prev.sd ? '分布变宽（离散程度上升）' : '分布变窄（离散程度下降）');
    en.push(cur.sd > prev.sd ? 'wider (more dispersion)' : 'narrower (less dispersion)');
  }
  if (cur.peaks.length !== prev.peaks.length) {
    zh.push(`峰数 ${prev.peaks.length} → ${cur.peaks.length}`);
    en.push(`peaks ${prev.peaks.length} → ${cur.peaks.length}`);
  }
  return zh.length ? { zh: zh.join('，'), en: en.join(', ') } : { zh: '无变化', en: 'no change' };
}

/** Kernel density per time on a shared grid, with the summary of shifts. */
export function kdeByTime(values: ArrayLike<number>, times?: ArrayLike<Time> | null, opts: KdeOptions = {}): KdeResult {
  const kernel = opts.kernel ?? 'gaussian';
  const bw = opts.bw ?? 'silverman';
  const points = opts.points ?? 512;
  const cut = opts.cut ?? 3;
  const peakThreshold = opts.peakThreshold ?? 0.05;
  if (!Number.isInteger(points) || points < 2) {
    throw new XinzhiError({
      code: 'bad-option',
      severity: 'error',
      message: bi(
        `网格点数须为 ≥ 2 的整数（现为 ${points}）`,
        `the number of grid points must be an integer ≥ 2 (got ${points})`,
      ),
      fix: bi('例如 --points 512', 'e.g. --points 512'),
    });
  }
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new XinzhiError({
        code: 'missing-value',
        severity: 'error',
        column: opts.column,
        ...(opts.locate ? opts.locate(i) : { row: i + 1 }),
        message: bi(`缺失或非有限值（${values[i]}）`, `missing or non-finite value (${values[i]})`),
        fix: bi('先处理缺失值（插补或删除该行）', 'treat missing values first (impute or drop the row)'),
      });
    }
  }
  const slices = sliceByTime(values.length, times).filter((s) => s.rows.length > 0);
  if (slices.length === 0) {
    throw new XinzhiError({
      code: 'empty',
      severity: 'error',
      column: opts.column,
      message: bi('没有观测值', 'no observations'),
      fix: bi('检查数据', 'check the data'),
    });
  }
  const xs = slices.map((s) => gather(values, s.rows));
  const hs = xs.map((x, k) => {
    try {
      return bandwidth(x, bw);
    } catch (err) {
      if (err instanceof XinzhiError && slices[k].time !== null) for (const p of err.problems) p.time = slices[k].time!;
      throw err;
    }
  });
  let from = Infinity;
  let to = -Infinity;
  xs.forEach((x, k) => {
    for (let i = 0; i < x.length; i++) {
      from = Math.min(from, x[i] - cut * hs[k]);
      to = Math.max(to, x[i] + cut * hs[k]);
    }
  });
  if (opts.from !== undefined) from = opts.from;
  if (opts.to !== undefined) to = opts.to;
  const grid = linspace(from, to, points);
  const density = xs.map((x, k) => densityAt(x, grid, hs[k], kernel));
  if (opts.at !== undefined && (opts.at.length === 0 || opts.at.some((v) => !Number.isFinite(v)))) {
    throw new XinzhiError({
      code: 'bad-option',
      severity: 'error',
      message: bi(
        `求值点须为有限数（现为 ${JSON.stringify(opts.at)}）`,
        `evaluation points must be finite numbers (got ${JSON.stringify(opts.at)})`,
      ),
      fix: bi('例如 --at 0.1,0.2,0.3', 'e.g. --at 0.1,0.2,0.3'),
    });
  }
  const at = opts.at
    ? { points: [...opts.at], values: xs.map((x, k) => densityAt(x, opts.at!, hs[k], kernel)) }
    : undefined;
  const summaries: KdeSummary[] = xs.map((x, k) => {
    const f = density[k];
    let arg = 0;
    for (let g = 1; g < f.length; g++) if (f[g] > f[arg]) arg = g;
    const s = sortedCopy(x);
    const m = meanOf(x);
    const med = quantileSorted(s, 0.5);
    const sdv = x.length > 1 ? sdOf(x) : 0;
    const scale = Math.max(Math.abs(m), Math.abs(med), sdv, 1e-300);
    return {
      time: slices[k].time,
      n: x.length,
      mean: m,
      median: med,
      mode: grid[arg],
      sd: sdv,
      iqr: quantileSorted(s, 0.75) - quantileSorted(s, 0.25),
      bandwidth: hs[k],
      maxDensity: f[arg],
      peaks: findPeaks(grid, f, peakThreshold),
      skewness: skewnessOf(x, m),
      tail: Math.abs(m - med) <= 1e-12 * scale ? 'symmetric' : m > med ? 'right' : 'left',
    };
  });
  for (let k = 1; k < summaries.length; k++) {
    const p = summaries[k - 1];
    const c = summaries[k];
    c.change = {
      mean: c.mean - p.mean,
      mode: c.mode - p.mode,
      sd: c.sd - p.sd,
      maxDensity: c.maxDensity - p.maxDensity,
      peaks: c.peaks.length - p.peaks.length,
      text: describeChange(p, c),
    };
  }
  return {
    kernel,
    bandwidthRule: typeof bw === 'number' ? 'given' : bw,
    cut,
    peakThreshold,
    times: slices.map((s) => s.time),
    grid,
    density,
    summaries,
    ...(at ? { at } : {}),
  };
}
