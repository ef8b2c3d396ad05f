/**
 * Winsorising as Stata's `winsor2` does it: values below the p-th percentile
 * are set to it and values above the (1 − p)-th to that, with Stata's
 * percentile definition (`_pctile`, `summarize, detail`): for n sorted values
 * and P = n·p, the average of x₍P₎ and x₍P+1₎ when P is a whole number, else
 * x₍⌈P⌉₎ — R's `quantile(type = 2)`, not R's default type 7. Missing values
 * stay missing; with groups (winsor2's `by()`), each group has its own cuts.
 *
 * @example winsorize([1, 2, 3, 100], { lower: 0.25, upper: 0.75 }).values // [1.5, 2, 3, 51.5]
 */
export interface WinsorOptions {
  /** Lower and upper percentiles as shares (winsor2's default cuts(1 99) is 0.01 and 0.99). */
  lower: number;
  upper: number;
  /** Group of each value (cuts computed within each group). */
  by?: ArrayLike<string | number>;
}

export interface WinsorResult {
  values: Float64Array;
  /** Values raised to the lower cut and lowered to the upper cut. */
  low: number;
  high: number;
  /** Cuts per group (one entry, key "", without groups). */
  cuts: Record<string, { lower: number; upper: number }>;
}

/** Stata's percentile of sorted values (share p in (0, 1)). */
export function stataPercentile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  const P = n * p;
  const k = Math.floor(P);
  if (Math.abs(P - Math.round(P)) < 1e-12 * Math.max(1, n)) {
    const j = Math.round(P);
    if (j <= 0) return sorted[0];
    if (j >= n) return sorted[n - 1];
    return (sorted[j - 1] + sorted[j]) / 2;
  }
  return sorted[Math.min(n - 1, k)];
}

export function winsorize(x: ArrayLike<number>, opts: WinsorOptions): WinsorResult {
  if (!(opts.lower >= 0 && opts.upper <= 1 && opts.lower < opts.upper))
    throw new RangeError(`winsor cuts must satisfy 0 ≤ lower < upper ≤ 1, got ${opts.lower} and ${opts.upper}`);
  const groups = new Map<string, number[]>();
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) continue;
    const g = opts.by ? String(opts.by[i]) : '';
    const list = groups.get(g);
    if (list) list.push(i);
    else groups.set(g, [i]);
  }
  const values = Float64Array.from(x);
  const cuts: WinsorResult['cuts'] = {};
  let low = 0;
  let high = 0;
  for (const [g, idx] of groups) {
    const sorted = idx.map((i) => x[i]).sort((a, b) => a - b);
    const lower = opts.lower > 0 ? stataPercentile(sorted, opts.lower) : sorted[0];
    const upper = opts.upper < 1 ? stataPercentile(sorted, opts.upper) : sorted[sorted.length - 1];
    cuts[g] = { lower, upper };
    for (const i of idx) {
      if (values[i] < lower) {
        values[i] = lower;
        low++;
      } else if (values[i] > upper) {
        values[i] = upper;
        high++;
      }
    }
  }
  return { values, low, high, cuts };
}

/** What the winsorising of a model changed: the percentiles, the grouping and how many values moved per variable. */
export interface WinsorReport {
  p: [number, number];
  by?: string;
  /** Values raised to the lower cut and lowered to the upper cut, per variable. */
  vars: Record<string, { low: number; high: number }>;
}
