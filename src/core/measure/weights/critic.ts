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
import { correlationOf, crossProducts, type CrossProducts } from '../coherence.ts';
import { normaliseToWeights } from './input.ts';

export interface CriticResult {
  weights: number[];
  /** σ_j (sample). */
  sd: number[];
  /** Σ_k (1 − r_jk). */
  conflict: number[];
  /** C_j = σ_j · conflict_j. */
  information: number[];
}

/**
 * CRITIC weights (see module comment). `cross`: the cross-products of
 * columns whose first `cols.length` are `cols` (the coherence check's, for
 * the robustness check), used instead of computing them again; they are
 * the same sums to the bit (crossProducts).
 */
export function criticWeights(
  cols: ArrayLike<number>[],
  opts: { absCorrelation?: boolean; cross?: CrossProducts } = {},
): CriticResult {
  // means, centred sums of squares and cross-products of the columns (checks them too)
  const known = opts.cross;
  const cp =
    known && known.ss.length >= cols.length && known.n === (cols[0]?.length ?? 0)
      ? known
      : crossProducts(cols, 'CRITIC');
  const n = cp.n;
  const k = cols.length;
  const constant = cp.constant;
  const sd = Array.from(cp.ss.subarray(0, k), (q, j) => (constant[j] ? 0 : Math.sqrt(q / (n - 1))));
  const conflict = new Array<number>(k).fill(0);
  for (let j = 0; j < k; j++) {
    if (constant[j]) continue;
    for (let l = j + 1; l < k; l++) {
      if (constant[l]) continue;
      let r = correlationOf(cp, j, l);
      if (opts.absCorrelation) r = Math.abs(r);
      conflict[j] += 1 - r;
      conflict[l] += 1 - r;
    }
  }
  const information = sd.map((s, j) => s * conflict[j]);
  return { weights: normaliseToWeights(information), sd, conflict, information };
}
