/**
 * TOPSIS (Technique for Order Preference by Similarity to Ideal Solution,
 * 逼近理想解排序法), Hwang & Yoon (1981) Multiple Attribute Decision Making,
 * Springer, §3.3.
 *
 *   r_ij = normalised x_ij (see below);  v_ij = w_j r_ij
 *   A⁺_j = max_i v_ij for "+", min_i v_ij for "−";  A⁻_j the opposite
 *   D⁺_i = √Σ_j (v_ij − A⁺_j)²,  D⁻_i = √Σ_j (v_ij − A⁻_j)²
 *   C_i = D⁻_i / (D⁺_i + D⁻_i)
 *
 * Normalisation inside TOPSIS (`normalize`), applied column-wise without
 * regard to direction — the direction enters only through the choice of
 * ideal and anti-ideal, as in Hwang & Yoon:
 * - `vector` (default, Hwang & Yoon): r = x / √Σx²  (an all-zero column → 0);
 * - `minmax`: r = (x − min)/(max − min) (a constant column → 0 distance);
 *   flipping "−" columns first would give the same distances;
 * - `none`: r = x, for data already normalised by the pipeline. The usual
 *   "entropy-weighted TOPSIS" of the NQPF literature is min-max (+ shift)
 *   normalisation with direction, entropy weights, then TOPSIS with
 *   `normalize: 'none'` and every direction "+".
 *
 * Weights are used as given (C is unchanged by rescaling them; D⁺, D⁻ are
 * not). When D⁺_i + D⁻_i = 0 (unit i equals both ideals in every weighted
 * column: all columns constant, or n = 1), C_i = 0.5 — no better and no
 * worse than any other unit.
 */
import type { Direction } from '../spec.ts';
import { checkColumns, checkWeights } from '../weights/input.ts';
import { checkDirections } from './directions.ts';
import { bi } from '../../i18n.ts';
import { MeasureInputError } from '../weights/input.ts';

export interface TopsisOptions {
  normalize?: 'vector' | 'minmax' | 'none';
}

export interface TopsisResult {
  dPlus: Float64Array;
  dMinus: Float64Array;
  closeness: Float64Array;
}

/** TOPSIS scores (see module comment). Single pass per column, no per-cell allocation. */
export function topsis(cols: ArrayLike<number>[], weights: number[], directions: Direction[], opts: TopsisOptions = {}): TopsisResult {
  const n = checkColumns(cols, 'TOPSIS');
  const k = cols.length;
  checkWeights(weights, k, 'TOPSIS');
  checkDirections(directions, k, 'TOPSIS');
  const norm = opts.normalize ?? 'vector';
  if (norm !== 'vector' && norm !== 'minmax' && norm !== 'none') {
    throw new MeasureInputError({
      code: 'topsis-normalize',
      severity: 'error',
      message: bi(`TOPSIS 未知的标准化方式 "${String(norm)}"。`, `TOPSIS: unknown normalisation "${String(norm)}".`),
      fix: bi('可选 vector、minmax、none。', 'Choose vector, minmax or none.'),
    });
  }
  const dPlus = new Float64Array(n);
  const dMinus = new Float64Array(n);
  // per column: v_ij = (x_ij − c)·a with a ≥ 0, so the ideal values are (max − c)·a and (min − c)·a
  const A = new Float64Array(k), Cs = new Float64Array(k), Best = new Float64Array(k), Worst = new Float64Array(k);
  const used: number[] = [];
  for (let j = 0; j < k; j++) {
    const x = cols[j];
    let lo = x[0];
    let hi = x[0];
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const v = x[i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      ss += v * v;
    }
    let a: number;
    let c = 0;
    if (norm === 'vector') {
      const l2 = Math.sqrt(ss);
      a = l2 === 0 ? 0 : weights[j] / l2;
    } else if (norm === 'minmax') {
      const range = hi - lo;
      a = range === 0 ? 0 : weights[j] / range;
      c = lo;
    } else {
      a = weights[j];
    }
    const vmax = (hi - c) * a;
    const vmin = (lo - c) * a;
    A[j] = a; Cs[j] = c;
    Best[j] = directions[j] === '-' ? vmin : vmax;
    Worst[j] = directions[j] === '-' ? vmax : vmin;
    if (a !== 0) used.push(j); // a = 0: every v_ij equals both ideals, no distance
  }
  // squared distances, in tiles of rows (the tile's sums stay in cache); each
  // row adds the columns in order, as a column-by-column pass would
  const TILE = 1024;
  for (let t0 = 0; t0 < n; t0 += TILE) {
    const t1 = Math.min(n, t0 + TILE);
    for (const j of used) {
      const x = cols[j];
      const a = A[j], c = Cs[j], best = Best[j], worst = Worst[j];
      for (let i = t0; i < t1; i++) {
        const v = (x[i] - c) * a;
        const dp = v - best;
        const dm = v - worst;
        dPlus[i] += dp * dp;
        dMinus[i] += dm * dm;
      }
    }
  }
  const closeness = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = Math.sqrt(dPlus[i]);
    const m = Math.sqrt(dMinus[i]);
    dPlus[i] = p;
    dMinus[i] = m;
    const s = p + m;
    closeness[i] = s === 0 ? 0.5 : m / s;
  }
  return { dPlus, dMinus, closeness };
}
