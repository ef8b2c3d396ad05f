/**
 * Graphical (lookup) functions. Between points the value is interpolated
 * linearly; outside the points a `continuous` table (XMILE default, and
 * Vensim's LOOKUP) holds its end values, an `extrapolate` table (XMILE
 * `type="extrapolate"`, Vensim LOOKUP EXTRAPOLATE) continues the end
 * segments, and a `discrete` table (XMILE) steps: the y of the last point at
 * or below x. Source: XMILE 1.0 §3.1.4; Vensim reference, "Lookups".
 */
import type { Lookup } from './model.ts';

/**
 * Value of a graphical function at x.
 *
 * @example lookupValue({xs: [0, 1], ys: [0, 10], kind: 'continuous'}, 0.25) // 2.5
 */
export function lookupValue(table: Lookup, x: number): number {
  const { xs, ys } = table;
  const n = xs.length;
  if (n === 0 || Number.isNaN(x)) return NaN;
  if (n === 1) return ys[0];
  if (x <= xs[0]) {
    if (table.kind === 'extrapolate' && x < xs[0]) return ys[0] + ((x - xs[0]) * (ys[1] - ys[0])) / (xs[1] - xs[0]);
    return ys[0];
  }
  if (x >= xs[n - 1]) {
    if (table.kind === 'extrapolate' && x > xs[n - 1]) {
      return ys[n - 1] + ((x - xs[n - 1]) * (ys[n - 1] - ys[n - 2])) / (xs[n - 1] - xs[n - 2]);
    }
    return ys[n - 1];
  }
  // binary search for the segment xs[lo] <= x < xs[lo + 1]
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  if (table.kind === 'discrete') return ys[lo];
  return ys[lo] + ((x - xs[lo]) * (ys[lo + 1] - ys[lo])) / (xs[lo + 1] - xs[lo]);
}
