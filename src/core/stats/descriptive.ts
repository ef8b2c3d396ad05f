/**
 * Descriptive statistics over plain arrays. NaN is not skipped: callers
 * decide what to do with missing values before calling.
 */
export type Vec = ArrayLike<number>;

/** Σ x_i, Neumaier-compensated so long sums stay exact to the last digits. */
export function sum(x: Vec): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

/** Arithmetic mean. */
export function mean(x: Vec): number {
  return sum(x) / x.length;
}

/**
 * Variance: Σ(x−x̄)² / (n−1) for `sample` (default, as R's var and
 * pandas' .var()) or / n for `population` (NumPy's default ddof=0).
 */
export function variance(x: Vec, kind: 'sample' | 'population' = 'sample'): number {
  const n = x.length;
  const m = mean(x);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - m;
    ss += d * d;
  }
  return ss / (kind === 'sample' ? n - 1 : n);
}

/** Standard deviation, sqrt(variance). */
export function sd(x: Vec, kind: 'sample' | 'population' = 'sample'): number {
  return Math.sqrt(variance(x, kind));
}

/** Pearson correlation r = Σ(x−x̄)(y−ȳ) / sqrt(Σ(x−x̄)² Σ(y−ȳ)²); NaN when either is constant. */
export function pearson(x: Vec, y: Vec): number {
  const n = x.length;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return NaN;
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Quantile with linear interpolation between order statistics
 * (R's type 7, NumPy's default "linear"): h = (n−1)p.
 */
export function quantileSorted(sorted: Vec, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Quantile of an unsorted vector (R type 7). */
export function quantile(x: Vec, p: number): number {
  const s = Float64Array.from(x).sort();
  return quantileSorted(s, p);
}

/** Median (R type 7 at p = 0.5). */
export function median(x: Vec): number {
  return quantile(x, 0.5);
}
