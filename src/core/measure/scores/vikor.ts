/**
 * VIKOR (VIšekriterijumsko KOmpromisno Rangiranje, 多准则妥协解排序法),
 * Opricovic (1998); Opricovic & Tzeng (2004) "Compromise solution by MCDM
 * methods: A comparative analysis of VIKOR and TOPSIS", European Journal of
 * Operational Research 156(2):445–455, eqs. (2)–(4).
 *
 *   f*_j = best value (max for "+", min for "−"),  f⁻_j = worst value
 *   S_i = Σ_j w_j (f*_j − f_ij)/(f*_j − f⁻_j)      (group utility)
 *   R_i = max_j w_j (f*_j − f_ij)/(f*_j − f⁻_j)    (individual regret)
 *   Q_i = v (S_i − S*)/(S⁻ − S*) + (1 − v)(R_i − R*)/(R⁻ − R*)
 *   S* = min S, S⁻ = max S, R* = min R, R⁻ = max R, v default 0.5
 *
 * Smaller S, R, Q are better (rank with order "asc"). Weights are used as
 * given. Degenerate cases: a constant column (f*_j = f⁻_j) contributes 0 to
 * S and R; when S⁻ = S* (or R⁻ = R*) that term of Q is 0, so if every unit
 * ties, Q = 0 for all. The acceptable-advantage and stability conditions of
 * Opricovic & Tzeng are a reading of the ranking and are not applied here.
 */
import { bi } from '../../i18n.ts';
import type { Direction } from '../direction.ts';
import { checkColumns, checkWeights, MeasureInputError } from '../weights/input.ts';
import { checkDirections } from './directions.ts';

export interface VikorResult {
  S: Float64Array;
  R: Float64Array;
  Q: Float64Array;
}

/** VIKOR S, R and Q (see module comment). */
export function vikor(
  cols: ArrayLike<number>[],
  weights: number[],
  directions: Direction[],
  opts: { v?: number } = {},
): VikorResult {
  const n = checkColumns(cols, 'VIKOR');
  const k = cols.length;
  checkWeights(weights, k, 'VIKOR');
  checkDirections(directions, k, 'VIKOR');
  const v = opts.v ?? 0.5;
  if (!(v >= 0 && v <= 1)) {
    throw new MeasureInputError({
      code: 'vikor-v',
      severity: 'error',
      message: bi(`VIKOR 的 v 须在 [0, 1] 内，得到 ${v}。`, `VIKOR's v must be in [0, 1], got ${v}.`),
      fix: bi(
        '常用 v = 0.5（兼顾群体效用与个体遗憾）。',
        'The usual value is v = 0.5 (balance of group utility and individual regret).',
      ),
    });
  }
  const S = new Float64Array(n);
  const R = new Float64Array(n);
  for (let j = 0; j < k; j++) {
    const x = cols[j];
    let lo = x[0];
    let hi = x[0];
    for (let i = 1; i < n; i++) {
      if (x[i] < lo) lo = x[i];
      if (x[i] > hi) hi = x[i];
    }
    if (hi === lo) continue;
    const best = directions[j] === '-' ? lo : hi;
    const scale = weights[j] / (best - (directions[j] === '-' ? hi : lo));
    for (let i = 0; i < n; i++) {
      const t = (best - x[i]) * scale;
      S[i] += t;
      if (t > R[i]) R[i] = t;
    }
  }
  let sLo = Infinity;
  let sHi = -Infinity;
  let rLo = Infinity;
  let rHi = -Infinity;
  for (let i = 0; i < n; i++) {
    if (S[i] < sLo) sLo = S[i];
    if (S[i] > sHi) sHi = S[i];
    if (R[i] < rLo) rLo = R[i];
    if (R[i] > rHi) rHi = R[i];
  }
  const Q = new Float64Array(n);
  const sRange = sHi - sLo;
  const rRange = rHi - rLo;
  for (let i = 0; i < n; i++) {
    const a = sRange === 0 ? 0 : (S[i] - sLo) / sRange;
    const b = rRange === 0 ? 0 : (R[i] - rLo) / rRange;
    Q[i] = v * a + (1 - v) * b;
  }
  return { S, R, Q };
}
