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
import { checkColumns, isConstant } from './weights/input.ts';

/** Pearson correlation matrix (k × k); NaN rows/columns for constant columns. */
export function correlationMatrix(cols: ArrayLike<number>[]): number[][] {
  const n = checkColumns(cols, 'correlation');
  const k = cols.length;
  const means = new Float64Array(k);
  const ss = new Float64Array(k);
  const constant: boolean[] = new Array(k);
  for (let j = 0; j < k; j++) {
    const c = cols[j];
    let s = 0;
    for (let i = 0; i < n; i++) s += c[i];
    const m = s / n;
    means[j] = m;
    let q = 0;
    for (let i = 0; i < n; i++) {
      const d = c[i] - m;
      q += d * d;
    }
    ss[j] = q;
    constant[j] = n < 2 || isConstant(c) || q === 0;
  }
  const r: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(NaN));
  for (let a = 0; a < k; a++) {
    if (constant[a]) continue;
    r[a][a] = 1;
    for (let b = a + 1; b < k; b++) {
      if (constant[b]) continue;
      const x = cols[a];
      const y = cols[b];
      const mx = means[a];
      const my = means[b];
      let sxy = 0;
      for (let i = 0; i < n; i++) sxy += (x[i] - mx) * (y[i] - my);
      const v = sxy / Math.sqrt(ss[a] * ss[b]);
      r[a][b] = v;
      r[b][a] = v;
    }
  }
  return r;
}

function sampleVariance(x: ArrayLike<number>): number {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  const m = s / n;
  let q = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - m;
    q += d * d;
  }
  return q / (n - 1);
}

/** Cronbach's alpha of the columns (items); NaN when k < 2, n < 2 or the total variance is 0. */
export function cronbachAlpha(cols: ArrayLike<number>[]): number {
  const n = checkColumns(cols, "Cronbach's alpha");
  const k = cols.length;
  if (k < 2 || n < 2) return NaN;
  const total = new Float64Array(n);
  let sumVar = 0;
  for (let j = 0; j < k; j++) {
    const c = cols[j];
    sumVar += sampleVariance(c);
    for (let i = 0; i < n; i++) total[i] += c[i];
  }
  const vt = sampleVariance(total);
  if (!(vt > 0)) return NaN;
  return (k / (k - 1)) * (1 - sumVar / vt);
}
