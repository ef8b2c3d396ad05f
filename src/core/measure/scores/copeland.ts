/**
 * Copeland scores from the weighted outranking matrix, as COINr's
 * `outrankMatrix()` and `a_copeland()` (Becker et al. 2022, COINr, Journal of
 * Open Source Software; the non-compensatory aggregation of the OECD/JRC 2008
 * Handbook on Constructing Composite Indicators; Munda & Nardo 2009, Applied
 * Economics).
 *
 *   e_ab = Σ_j w_j [x_aj > x_bj] + ½ Σ_j w_j [x_aj = x_bj]   (weights rescaled to sum 1; e_ba = 1 − e_ab)
 *   c_a  = #{b : e_ab > ½} − #{b : e_ab < ½}
 *
 * Values are compared as given, so every column must already point the same way
 * (larger is better: normalise with direction first). A pair is "dominant" when
 * e_ab = 1 (a strictly better on every indicator with a positive weight);
 * `fracDominant` is their share of all pairs, COINr's measure of how much the
 * ranking can depend on the weights.
 */
import { checkColumns, checkWeights } from '../weights/input.ts';

export interface CopelandResult {
  scores: Float64Array;
  /** Outranking matrix e (rows: a, columns: b), zeros on the diagonal. */
  outranking: Float64Array[];
  nDominant: number;
  fracDominant: number;
  /** Weights as used (rescaled to sum 1). */
  weights: number[];
}

/**
 * Copeland scores of the rows of the given columns (indicators, larger is better).
 * @example copeland([[1, 2, 3], [3, 2, 1]], [2, 1]).scores // [-2, 0, 2]
 */
export function copeland(cols: ArrayLike<number>[], weights: ArrayLike<number>): CopelandResult {
  const n = checkColumns(cols, 'Copeland');
  const k = cols.length;
  checkWeights(weights, k, 'Copeland');
  const total = Array.from(weights).reduce((s, v) => s + v, 0);
  const w = Array.from(weights, (v) => v / total);
  const e = Array.from({ length: n }, () => new Float64Array(n));
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      let better = 0;
      let tied = 0;
      for (let j = 0; j < k; j++) {
        if (cols[j][a] > cols[j][b]) better += w[j];
        else if (cols[j][a] === cols[j][b]) tied += w[j];
      }
      e[a][b] = better + tied / 2;
      e[b][a] = 1 - e[a][b];
    }
  }
  let nDominant = 0;
  const scores = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      if (a === b) continue;
      if (e[a][b] === 1) nDominant++;
      scores[a] += e[a][b] > 0.5 ? 1 : e[a][b] < 0.5 ? -1 : 0;
    }
  }
  const pairs = (n * n - n) / 2;
  return { scores, outranking: e, nDominant, fracDominant: pairs > 0 ? nDominant / pairs : NaN, weights: w };
}
