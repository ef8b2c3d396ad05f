/**
 * CRITIC weights (Criteria Importance Through Intercriteria Correlation).
 *
 *   σ_j = sample standard deviation of column j (n − 1)
 *   r_jk = Pearson correlation of columns j and k
 *   conflict_j = Σ_k (1 − r_jk)            (or Σ_k (1 − |r_jk|) with absCorrelation)
 *   C_j = σ_j · conflict_j                 (information, 信息量)
 *   w_j = C_j / Σ_j C_j
 *
 * Source: Diakoulaki, Mavrotas & Papayannakis (1995) Computers & Operations
 * Research 22(7):763–770 (signed r). The |r| variant appears in part of the
 * Chinese applied literature and is offered as `absCorrelation`.
 * The standard deviation is taken on the data passed in, which in the pipeline
 * is the normalised data (Diakoulaki et al. use min-max normalised criteria).
 *
 * Degenerate cases: a constant column has σ_j = 0 and so C_j = 0; its
 * correlations are undefined and it is left out of the other columns'
 * conflict sums (so adding a constant indicator does not change the others'
 * weights). When every C_j = 0 (all columns constant, or n = 1) the weights
 * are equal (1/k).
 */
import { checkColumns, isConstant, meanSd, normaliseToWeights } from './input.ts';

export interface CriticResult {
  weights: number[];
  /** σ_j (sample). */
  sd: number[];
  /** Σ_k (1 − r_jk). */
  conflict: number[];
  /** C_j = σ_j · conflict_j. */
  information: number[];
}

/** CRITIC weights (see module comment). */
export function criticWeights(cols: ArrayLike<number>[], opts: { absCorrelation?: boolean } = {}): CriticResult {
  const n = checkColumns(cols, 'CRITIC');
  const k = cols.length;
  const sd = new Array<number>(k);
  const means = new Array<number>(k);
  const constant = new Array<boolean>(k);
  const ssq = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const ms = meanSd(cols[j]);
    means[j] = ms.mean;
    constant[j] = n < 2 || isConstant(cols[j]);
    sd[j] = constant[j] ? 0 : ms.sd;
    let s = 0;
    const c = cols[j];
    for (let i = 0; i < n; i++) {
      const d = c[i] - ms.mean;
      s += d * d;
    }
    ssq[j] = s;
  }
  const conflict = new Array<number>(k).fill(0);
  for (let j = 0; j < k; j++) {
    if (constant[j]) continue;
    for (let l = j + 1; l < k; l++) {
      if (constant[l]) continue;
      const a = cols[j];
      const b = cols[l];
      const ma = means[j];
      const mb = means[l];
      let sxy = 0;
      for (let i = 0; i < n; i++) sxy += (a[i] - ma) * (b[i] - mb);
      let r = sxy / Math.sqrt(ssq[j] * ssq[l]);
      if (opts.absCorrelation) r = Math.abs(r);
      conflict[j] += 1 - r;
      conflict[l] += 1 - r;
    }
  }
  const information = sd.map((s, j) => s * conflict[j]);
  return { weights: normaliseToWeights(information), sd, conflict, information };
}
