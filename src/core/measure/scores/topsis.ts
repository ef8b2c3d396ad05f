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
import type { Direction } from '../direction.ts';
import { checkColumns, checkWeights, MeasureInputError } from '../weights/input.ts';
import { checkDirections } from './directions.ts';
import { bi } from '../../i18n.ts';

export interface TopsisOptions {
  normalize?: 'vector' | 'minmax' | 'none';
}

export interface TopsisResult {
  dPlus: Float64Array;
  dMinus: Float64Array;
  closeness: Float64Array;
}

/** TOPSIS scores (see module comment). Single pass per column, no per-cell allocation. */
export function topsis(
  cols: ArrayLike<number>[],
  weights: number[],
  directions: Direction[],
  opts: TopsisOptions = {},
): TopsisResult {
  // the column checks (equal lengths, n ≥ 1, finite values) ride on the
  // statistics pass below; checkColumns is called only to throw its error
  const k = Array.isArray(cols) ? cols.length : 0;
  const n = k > 0 ? cols[0].length : 0;
  let shapeOk = n >= 1;
  for (let j = 0; j < k && shapeOk; j++) if (cols[j].length !== n) shapeOk = false;
  if (!shapeOk) checkColumns(cols, 'TOPSIS');
  const lo = new Float64Array(k),
    hi = new Float64Array(k),
    ss = new Float64Array(k);
  let nf = 0; // v − v: 0 when finite, NaN otherwise
  for (let j = 0; j < k; j++) {
    const x = cols[j];
    let l = x[0];
    let h = x[0];
    let q = 0;
    for (let i = 0; i < n; i++) {
      const v = x[i];
      nf += v - v;
      if (v < l) l = v;
      if (v > h) h = v;
      q += v * v;
    }
    lo[j] = l;
    hi[j] = h;
    ss[j] = q;
  }
  if (nf !== 0) checkColumns(cols, 'TOPSIS');
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
  const A = new Float64Array(k),
    Cs = new Float64Array(k),
    Best = new Float64Array(k),
    Worst = new Float64Array(k);
  const used: number[] = [];
  for (let j = 0; j < k; j++) {
    let a: number;
    let c = 0;
    if (norm === 'vector') {
      const l2 = Math.sqrt(ss[j]);
      a = l2 === 0 ? 0 : weights[j] / l2;
    } else if (norm === 'minmax') {
      const range = hi[j] - lo[j];
      a = range === 0 ? 0 : weights[j] / range;
      c = lo[j];
    } else {
      a = weights[j];
    }
    const vmax = (hi[j] - c) * a;
    const vmin = (lo[j] - c) * a;
    A[j] = a;
    Cs[j] = c;
    Best[j] = directions[j] === '-' ? vmin : vmax;
    Worst[j] = directions[j] === '-' ? vmax : vmin;
    if (a !== 0) used.push(j); // a = 0: every v_ij equals both ideals, no distance
  }
  // squared distances; each row adds the columns in order, four columns per
  // pass over the rows (the same additions, fewer reads and writes of the sums)
  let q = 0;
  for (; q + 4 <= used.length; q += 4) {
    const j0 = used[q],
      j1 = used[q + 1],
      j2 = used[q + 2],
      j3 = used[q + 3];
    const x0 = cols[j0],
      x1 = cols[j1],
      x2 = cols[j2],
      x3 = cols[j3];
    const a0 = A[j0],
      a1 = A[j1],
      a2 = A[j2],
      a3 = A[j3];
    const c0 = Cs[j0],
      c1 = Cs[j1],
      c2 = Cs[j2],
      c3 = Cs[j3];
    const b0 = Best[j0],
      b1 = Best[j1],
      b2 = Best[j2],
      b3 = Best[j3];
    const w0 = Worst[j0],
      w1 = Worst[j1],
      w2 = Worst[j2],
      w3 = Worst[j3];
    for (let i = 0; i < n; i++) {
      const v0 = (x0[i] - c0) * a0,
        v1 = (x1[i] - c1) * a1,
        v2 = (x2[i] - c2) * a2,
        v3 = (x3[i] - c3) * a3;
      let p = dPlus[i],
        m = dMinus[i],
        d: number;
      d = v0 - b0;
      p += d * d;
      d = v0 - w0;
      m += d * d;
      d = v1 - b1;
      p += d * d;
      d = v1 - w1;
      m += d * d;
      d = v2 - b2;
      p += d * d;
      d = v2 - w2;
      m += d * d;
      d = v3 - b3;
      p += d * d;
      d = v3 - w3;
      m += d * d;
      dPlus[i] = p;
      dMinus[i] = m;
    }
  }
  for (const j of used.slice(q)) {
    const x = cols[j];
    const a = A[j],
      c = Cs[j],
      best = Best[j],
      worst = Worst[j];
    for (let i = 0; i < n; i++) {
      const v = (x[i] - c) * a;
      const dp = v - best;
      const dm = v - worst;
      dPlus[i] += dp * dp;
      dMinus[i] += dm * dm;
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
