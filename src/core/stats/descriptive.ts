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

/**
 * The power of two at or below max |x| over the finite values (1 when every
 * value is 0 or none is finite). Dividing by it is exact in floating point:
 * statistics of x / s scale back exactly, and squares cannot overflow.
 *
 * @example pow2Scale([3, -10]) // 8
 */
export function pow2Scale(x: Vec): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    const a = Math.abs(x[i]);
    if (a > m && Number.isFinite(a)) m = a;
  }
  return m > 0 ? 2 ** Math.floor(Math.log2(m)) : 1;
}

/**
 * Standard deviation, sqrt(variance). When the squares overflow or underflow
 * (values near 1e300 or 1e-300, so the variance is not a positive finite
 * number although the values differ) it is taken as 2^k · sd(x / 2^k), an exact
 * scaling; ordinary data take the first path only, so their bits and cost are
 * those of sqrt(variance).
 */
export function sd(x: Vec, kind: 'sample' | 'population' = 'sample'): number {
  const v = variance(x, kind);
  if (v > 0 && Number.isFinite(v)) return Math.sqrt(v);
  const s = pow2Scale(x);
  if (s === 1) return Math.sqrt(v);
  return (
    s *
    Math.sqrt(
      variance(
        Array.from(x, (e) => e / s),
        kind,
      ),
    )
  );
}

/**
 * Pearson correlation r = Σ(x−x̄)(y−ȳ) / sqrt(Σ(x−x̄)² Σ(y−ȳ)²); NaN when
 * either is constant. The means may be passed when already known (they must
 * be mean(x) and mean(y): the result is then the same number).
 */
export function pearson(x: Vec, y: Vec, mx = mean(x), my = mean(y)): number {
  const n = x.length;
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
