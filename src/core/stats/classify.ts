/**
 * Class breaks for choropleth maps and their legends, as R's classInt
 * (`classIntervals`) computes them — the convention cartographers and the
 * spatial literature report:
 *
 * - `quantile`: breaks at the k-quantiles (R type 7, as R computes them), so each class holds about
 *   n / k units;
 * - `equal`: k classes of equal width between the minimum and the maximum;
 * - `fisher`: Fisher's (1958) exact optimal partition of the sorted values
 *   into k classes with the least within-class sum of squares ("natural
 *   breaks", as Jenks); breaks halfway between neighbouring classes;
 * - `manual`: the user's breaks (sorted).
 *
 * A value's class is the number of breaks ≤ value, kept within 1..k
 * (intervals closed on the left, the last closed on both sides: R's
 * findInterval with all.inside). Missing values have no class.
 *
 * @example classBreaks([1, 2, 3, 10, 11, 12], 2, 'fisher') // [1, 6.5, 12]
 */

/** R's type-7 quantile written as R computes it, (1 − h)·x_lo + h·x_hi on 1-based index 1 + (n − 1)p, so breaks equal classInt's to the last bit (a value on a break falls in the same class). */
function quantileR7(sorted: number[], p: number): number {
  const index = 1 + (sorted.length - 1) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const q = sorted[lo - 1];
  if (index > lo && sorted[hi - 1] !== q) {
    const h = index - lo;
    return (1 - h) * q + h * sorted[hi - 1];
  }
  return q;
}

export type ClassStyle = 'quantile' | 'equal' | 'fisher' | 'manual';
export const CLASS_STYLES: readonly ClassStyle[] = ['quantile', 'equal', 'fisher', 'manual'];

/** Fisher's exact optimal k-partition of sorted values: the start index of each class. */
function fisherStarts(x: number[], k: number): number[] {
  const n = x.length;
  // prefix sums for the within-class sum of squares of x[i..j]
  const s1 = new Float64Array(n + 1);
  const s2 = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    s1[i + 1] = s1[i] + x[i];
    s2[i + 1] = s2[i] + x[i] * x[i];
  }
  const ssw = (i: number, j: number) => {
    const m = j - i + 1;
    const a = s1[j + 1] - s1[i];
    return Math.max(0, s2[j + 1] - s2[i] - (a * a) / m);
  };
  // cost[c][j]: best cost of x[0..j] in c + 1 classes; from[c][j]: start of the last class
  const cost: Float64Array[] = [];
  const from: Int32Array[] = [];
  cost.push(Float64Array.from({ length: n }, (_, j) => ssw(0, j)));
  from.push(new Int32Array(n));
  for (let c = 1; c < k; c++) {
    const cc = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    const ff = new Int32Array(n);
    for (let j = c; j < n; j++)
      for (let i = c; i <= j; i++) {
        const v = cost[c - 1][i - 1] + ssw(i, j);
        if (v < cc[j]) {
          cc[j] = v;
          ff[j] = i;
        }
      }
    cost.push(cc);
    from.push(ff);
  }
  const starts: number[] = [];
  let j = n - 1;
  for (let c = k - 1; c >= 1; c--) {
    const i = from[c][j];
    starts.unshift(i);
    j = i - 1;
  }
  return [0, ...starts];
}

/** k + 1 breaks of `values` (missing values left out); throws a RangeError for k < 1 or no finite value. */
export function classBreaks(values: ArrayLike<number>, k: number, style: ClassStyle, manual: number[] = []): number[] {
  const x = Array.from(values)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (style === 'manual') {
    const b = [...manual].filter(Number.isFinite).sort((a, c) => a - c);
    if (b.length < 2) throw new RangeError('manual classes need at least two breaks');
    return b;
  }
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`the number of classes must be a positive integer, got ${k}`);
  if (!x.length) throw new RangeError('no value to classify');
  const min = x[0];
  const max = x[x.length - 1];
  if (style === 'equal') return Array.from({ length: k + 1 }, (_, i) => (i === k ? max : min + ((max - min) * i) / k));
  // probabilities as R's seq(0, 1, 1 / k) makes them: i × (1 / k)
  if (style === 'quantile') return Array.from({ length: k + 1 }, (_, i) => quantileR7(x, i * (1 / k)));
  const kk = Math.min(k, x.length);
  const starts = fisherStarts(x, kk);
  const breaks = [min];
  for (let c = 1; c < kk; c++) breaks.push((x[starts[c] - 1] + x[starts[c]]) / 2);
  breaks.push(max);
  return breaks;
}

/** Class (1-based) of a value under `breaks`; 0 for a missing value. */
export function classOf(v: number, breaks: number[]): number {
  if (!Number.isFinite(v)) return 0;
  let c = 0;
  for (const b of breaks) if (b <= v) c++;
  return Math.min(Math.max(c, 1), breaks.length - 1);
}
