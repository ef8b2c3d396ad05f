/**
 * Statistical coherence of an indicator set (指标体系的统计一致性).
 *
 * - Pearson correlation matrix r_jk = Σ(x_j − x̄_j)(x_k − x̄_k) /
 *   √(Σ(x_j − x̄_j)² Σ(x_k − x̄_k)²). A constant column has undefined
 *   correlations: its row and column, diagonal included, are NaN (as
 *   numpy.corrcoef and pandas give).
 * - Cronbach's alpha, Cronbach (1951) Psychometrika 16(3):297–334:
 *   α = k/(k − 1) · (1 − Σ_j s²_j / s²_T), s² sample variances (n − 1),
 *   s²_T the variance of the row sums Σ_j x_ij. NaN when k < 2, n < 2 or
 *   s²_T = 0 (undefined). The OECD/JRC Handbook (2008, §4.2) uses it to
 *   check that a dimension's indicators measure one thing (α ≥ 0.7 usual).
 */
import { checkColumns, isConstant, meanSs } from './weights/input.ts';

/** Column means, centred sums of squares Σ(x − x̄)², constant flags and cross-products of columns. */
export interface CrossProducts {
  n: number;
  means: Float64Array;
  ss: Float64Array;
  constant: boolean[];
  /** sxy[a·k + b] (a < b) = Σ_i (x_a − x̄_a)(x_b − x̄_b); only the pairs asked for are filled. */
  sxy: Float64Array;
}

/**
 * Means, sums of squares and cross-products of centred columns in one
 * blocked pass: rows are taken in tiles (the centred values of a tile of every
 * column stay in cache) and each pair's sum is carried from tile to tile, so
 * every sum adds the same products in the same order as a plain loop over the
 * rows (bit-identical). `pair(a, b)` (a < b) says which pairs are needed
 * (default: all).
 */
export function crossProducts(
  cols: ArrayLike<number>[],
  method = 'correlation',
  pair?: (a: number, b: number) => boolean,
): CrossProducts {
  const n = checkColumns(cols, method);
  const k = cols.length;
  const means = new Float64Array(k);
  const ss = new Float64Array(k);
  const constant: boolean[] = new Array(k);
  for (let j = 0; j < k; j++) {
    const { mean, ss: q } = meanSs(cols[j]);
    means[j] = mean;
    ss[j] = q;
    constant[j] = n < 2 || isConstant(cols[j]) || q === 0;
  }
  const sxy = new Float64Array(k * k);
  // pairs of non-constant columns, grouped by their first column
  const live = Array.from({ length: k }, (_, j) => j).filter((j) => !constant[j]);
  const partners: Int32Array[] = new Array(k);
  for (const a of live) partners[a] = Int32Array.from(live.filter((b) => b > a && (!pair || pair(a, b))));
  const TILE = 256;
  const buf = new Float64Array(k * TILE);
  for (let t0 = 0; t0 < n; t0 += TILE) {
    const len = Math.min(TILE, n - t0);
    for (const j of live) {
      const c = cols[j],
        m = means[j],
        o = j * TILE - t0;
      for (let i = t0; i < t0 + len; i++) buf[o + i] = c[i] - m;
    }
    for (const a of live) {
      const bs = partners[a];
      const xa = a * TILE;
      let q = 0;
      for (; q + 4 <= bs.length; q += 4) {
        const b0 = bs[q],
          b1 = bs[q + 1],
          b2 = bs[q + 2],
          b3 = bs[q + 3];
        const y0 = b0 * TILE,
          y1 = b1 * TILE,
          y2 = b2 * TILE,
          y3 = b3 * TILE;
        let s0 = sxy[a * k + b0],
          s1 = sxy[a * k + b1],
          s2 = sxy[a * k + b2],
          s3 = sxy[a * k + b3];
        for (let i = 0; i < len; i++) {
          const dx = buf[xa + i];
          s0 += dx * buf[y0 + i];
          s1 += dx * buf[y1 + i];
          s2 += dx * buf[y2 + i];
          s3 += dx * buf[y3 + i];
        }
        sxy[a * k + b0] = s0;
        sxy[a * k + b1] = s1;
        sxy[a * k + b2] = s2;
        sxy[a * k + b3] = s3;
      }
      for (; q < bs.length; q++) {
        const b = bs[q],
          y = b * TILE;
        let s0 = sxy[a * k + b];
        for (let i = 0; i < len; i++) s0 += buf[xa + i] * buf[y + i];
        sxy[a * k + b] = s0;
      }
    }
  }
  return { n, means, ss, constant, sxy };
}

/** Pearson correlation of columns a and b from their cross-products (NaN if either is constant). */
export function correlationOf(cp: CrossProducts, a: number, b: number): number {
  if (cp.constant[a] || cp.constant[b]) return NaN;
  if (a === b) return 1;
  const k = cp.ss.length;
  const sxy = a < b ? cp.sxy[a * k + b] : cp.sxy[b * k + a];
  return sxy / Math.sqrt(cp.ss[a] * cp.ss[b]);
}

/** Correlation matrix of the first `k` columns from their cross-products. */
export function correlationMatrixOf(cp: CrossProducts, k = cp.ss.length): number[][] {
  const r: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(NaN));
  for (let a = 0; a < k; a++) {
    if (cp.constant[a]) continue;
    r[a][a] = 1;
    for (let b = a + 1; b < k; b++) {
      if (cp.constant[b]) continue;
      const v = correlationOf(cp, a, b);
      r[a][b] = v;
      r[b][a] = v;
    }
  }
  return r;
}

/** Pearson correlation matrix (k × k); NaN rows/columns for constant columns. */
export function correlationMatrix(cols: ArrayLike<number>[]): number[][] {
  return correlationMatrixOf(crossProducts(cols));
}

/** Sample variance Σ(x − x̄)² / (n − 1). */
function sampleVariance(x: ArrayLike<number>): number {
  return meanSs(x).ss / (x.length - 1);
}

/**
 * Cronbach's alpha of the columns (items); NaN when k < 2, n < 2 or the total
 * variance is 0. `variances` (optional) are the items' sample variances when
 * already known (e.g. ss / (n − 1) from crossProducts, which is the same number).
 */
export function cronbachAlpha(cols: ArrayLike<number>[], variances?: ArrayLike<number>): number {
  const n = checkColumns(cols, "Cronbach's alpha");
  const k = cols.length;
  if (k < 2 || n < 2) return NaN;
  const total = new Float64Array(n);
  let sumVar = 0;
  for (let j = 0; j < k; j++) {
    const c = cols[j];
    sumVar += variances ? variances[j] : sampleVariance(c);
    for (let i = 0; i < n; i++) total[i] += c[i];
  }
  const vt = sampleVariance(total);
  if (!(vt > 0)) return NaN;
  return (k / (k - 1)) * (1 - sumVar / vt);
}
