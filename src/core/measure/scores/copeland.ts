/**
 * Copeland scores from the weighted outranking matrix, as COINr's
 * `outrankMatrix()` and `a_copeland()` (Becker et al. 2022, COINr, Journal of
 * Open Source Software; the non-compensatory aggregation of the OECD/JRC 2008
 * Handbook on Constructing Composite Indicators; Munda & Nardo 2009, Applied
 * Economics).
 *
 *   e_ab = Σ_j w_j [x_aj > x_bj] + ½ Σ_j w_j [x_aj = x_bj]   (weights rescaled to sum 1; e_ba = 1 − e_ab)
 *   c_a  = #{b : e_ab > ½} − #{b : e_ab < ½}   (within TIE of ½ is a tie)
 *
 * Values are compared as given, so every column must already point the same way
 * (larger is better: normalise with direction first). A pair is "dominant" when
 * e_ab = 1 (a strictly better on every indicator with a positive weight);
 * `fracDominant` is their share of all pairs, COINr's measure of how much the
 * ranking can depend on the weights.
 */
import { checkColumns, checkWeights, sumToOne } from '../weights/input.ts';

/**
 * How far e_ab may lie from ½ (or from 1) and still count as a tie (or as
 * dominance): the weights are summed in floating point, so a pair that ties
 * exactly (say 20 of 40 equally weighted indicators each way) can land an
 * ulp or two off ½ (with 40 weights of 1/40, twenty of them add up to
 * 0.5000000000000001). The rounding stays below 1e-14 for a few hundred
 * indicators; a real difference that small would need weights that agree
 * to twelve digits.
 */
export const TIE = 1e-12;

export interface CopelandResult {
  scores: Float64Array;
  /** Outranking matrix e (rows: a, columns: b), zeros on the diagonal; only with `{ outranking: true }` (n² numbers). */
  outranking?: Float64Array[];
  nDominant: number;
  fracDominant: number;
  /** Weights as used (rescaled to sum 1). */
  weights: number[];
}

/**
 * Copeland scores of the rows of the given columns (indicators, larger is better).
 * Each pair is compared once (a < b): e_ab gathers the weights indicator by
 * indicator, in order, into running sums over b, and e_ba = 1 − e_ab; no
 * n × n matrix is kept unless `outranking` asks for it.
 *
 * @example copeland([[1, 2, 3], [3, 2, 1]], [2, 1]).scores // [-2, 0, 2]
 */
export function copeland(
  cols: ArrayLike<number>[],
  weights: ArrayLike<number>,
  opts: { outranking?: boolean } = {},
): CopelandResult {
  const n = checkCopelandInput(cols, weights);
  const w = sumToOne(weights);
  const e = opts.outranking ? Array.from({ length: n }, () => new Float64Array(n)) : null;
  const { scores, nDominant } = copelandRows(cols, w, repeatedValues(cols), 0, n, e);
  return {
    scores,
    ...(e ? { outranking: e } : {}),
    nDominant,
    fracDominant: dominantShare(nDominant, n),
    weights: w,
  };
}

/** Checks Copeland's input and gives the number of rows (throws the errors `copeland` throws). */
export function checkCopelandInput(cols: ArrayLike<number>[], weights: ArrayLike<number>): number {
  const n = checkColumns(cols, 'Copeland');
  checkWeights(weights, cols.length, 'Copeland');
  return n;
}

/** Whether each column holds a value twice (a column without never ties, so its pairs skip the tied sum). */
export function repeatedValues(cols: ArrayLike<number>[]): boolean[] {
  return cols.map((c) => {
    const sorted = Float64Array.from(c).sort();
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) return true;
    return false;
  });
}

/** nDominant as a share of the n(n − 1)/2 pairs (NaN without pairs). */
export function dominantShare(nDominant: number, n: number): number {
  const pairs = (n * n - n) / 2;
  return pairs > 0 ? nDominant / pairs : NaN;
}

/**
 * The pairs (a, b), a in [from, to) and b > a: their part of the Copeland
 * scores (integers, so the parts of any split of the rows add up to the
 * scores exactly) and how many of them are dominant. `w` sums to 1
 * (sumToOne), `repeats` from repeatedValues; `e` (optional) receives
 * the outranking matrix's entries of these pairs.
 * @example copelandRows([Float64Array.of(1, 2, 3)], [1], [false], 0, 1).scores // [-2, 1, 1]
 */
export function copelandRows(
  cols: ArrayLike<number>[],
  w: number[],
  repeats: boolean[],
  from: number,
  to: number,
  e: Float64Array[] | null = null,
): { scores: Float64Array; nDominant: number } {
  const n = cols[0]?.length ?? 0;
  const k = cols.length;
  const better = new Float64Array(n);
  const tied = new Float64Array(n);
  let nDominant = 0;
  const scores = new Float64Array(n);
  for (let a = from; a < to; a++) {
    better.fill(0, a + 1);
    tied.fill(0, a + 1);
    // w·1 = w and w·0 = 0 is added, so each pair's sums are those of a loop over
    // its indicators that adds w_j when it applies (the products keep the loop free of branches);
    // four indicators at a time, added in their order, so a pass over b reads and writes the sums once
    let j = 0;
    for (; j + 4 <= k; j += 4) {
      const c0 = cols[j],
        c1 = cols[j + 1],
        c2 = cols[j + 2],
        c3 = cols[j + 3];
      const x0 = c0[a],
        x1 = c1[a],
        x2 = c2[a],
        x3 = c3[a];
      const w0 = w[j],
        w1 = w[j + 1],
        w2 = w[j + 2],
        w3 = w[j + 3];
      if (repeats[j] || repeats[j + 1] || repeats[j + 2] || repeats[j + 3])
        for (let b = a + 1; b < n; b++) {
          const y0 = c0[b],
            y1 = c1[b],
            y2 = c2[b],
            y3 = c3[b];
          better[b] = better[b] + w0 * +(x0 > y0) + w1 * +(x1 > y1) + w2 * +(x2 > y2) + w3 * +(x3 > y3);
          tied[b] = tied[b] + w0 * +(x0 === y0) + w1 * +(x1 === y1) + w2 * +(x2 === y2) + w3 * +(x3 === y3);
        }
      else
        for (let b = a + 1; b < n; b++)
          better[b] = better[b] + w0 * +(x0 > c0[b]) + w1 * +(x1 > c1[b]) + w2 * +(x2 > c2[b]) + w3 * +(x3 > c3[b]);
    }
    for (; j < k; j++) {
      const c = cols[j];
      const x = c[a];
      const wj = w[j];
      if (repeats[j])
        for (let b = a + 1; b < n; b++) {
          const y = c[b];
          better[b] += wj * +(x > y);
          tied[b] += wj * +(x === y);
        }
      else for (let b = a + 1; b < n; b++) better[b] += wj * +(x > c[b]);
    }
    for (let b = a + 1; b < n; b++) {
      const ab = better[b] + tied[b] / 2;
      if (e) {
        e[a][b] = ab;
        e[b][a] = 1 - ab;
      }
      if (ab >= 1 - TIE || ab <= TIE) nDominant++;
      if (ab > 0.5 + TIE) {
        scores[a]++;
        scores[b]--;
      } else if (ab < 0.5 - TIE) {
        scores[a]--;
        scores[b]++;
      }
    }
  }
  return { scores, nDominant };
}
