/**
 * Combined weights (组合赋权) from several weight sets w_1 … w_L over the same
 * k indicators. Each set must be non-negative with a positive sum; it is
 * normalised to Σ = 1 before combining (a no-op for weight vectors).
 *
 * - `multiplicative` (乘法合成归一化): w_j = Π_l w_lj / Σ_j Π_l w_lj.
 * - `linear` (线性加权组合): w_j = Σ_l α_l w_lj, α ≥ 0 with Σα = 1
 *   (default α_l = 1/L).
 * - `game-theory` (博弈论组合赋权): find α minimising ‖Σ_l α_l w_l − w_i‖ for
 *   every i, whose first-order conditions are the linear system
 *   Σ_l α_l (w_i · w_l) = w_i · w_i, i = 1..L; then α* = |α| / Σ|α| and
 *   w = Σ_l α*_l w_l. When the sets are linearly dependent (e.g. two equal
 *   sets) the Gram matrix is singular and the minimum-norm least-squares
 *   solution is used. This is the "game-theory" (Nash-equilibrium)
 *   combination weighting as usually written in Chinese evaluation studies
 *   (博弈论组合赋权); there is no single canonical source, so the exact
 *   equations are spelled out here and in docs/methods.md.
 */
import { Matrix, SingularValueDecomposition, solve } from 'ml-matrix';
import { bi } from '../../i18n.ts';
import { MeasureInputError } from './input.ts';

export type CombineRule = 'multiplicative' | 'linear' | 'game-theory';

export interface CombineResult {
  weights: number[];
  /** α of each set (linear: as given or equal; game-theory: α*). */
  coefficients?: number[];
}

function bad(code: string, en: string, zh: string, fixEn: string, fixZh: string): MeasureInputError {
  return new MeasureInputError({ code, severity: 'error', message: bi(zh, en), fix: bi(fixZh, fixEn) });
}

/** Combine weight sets (see module comment). */
export function combineWeights(sets: number[][], rule: CombineRule, alpha?: number[]): CombineResult {
  if (!Array.isArray(sets) || sets.length === 0) {
    throw bad(
      'combine-empty',
      'no weight sets to combine.',
      '没有可组合的权重。',
      'Give at least one weight set.',
      '至少给出一组权重。',
    );
  }
  const L = sets.length;
  const k = sets[0].length;
  const w: Float64Array[] = sets.map((s, l) => {
    if (s.length !== k) {
      throw bad(
        'combine-length',
        `weight set ${l + 1} has ${s.length} values, set 1 has ${k}.`,
        `第 ${l + 1} 组权重有 ${s.length} 个，第 1 组有 ${k} 个。`,
        'All sets must weight the same indicators.',
        '各组权重须对应同一组指标。',
      );
    }
    let sum = 0;
    for (let j = 0; j < k; j++) {
      if (!Number.isFinite(s[j]) || s[j] < 0) {
        throw bad(
          'combine-value',
          `weight set ${l + 1}, weight ${j + 1} is not a non-negative number (${s[j]}).`,
          `第 ${l + 1} 组第 ${j + 1} 个权重不是非负数（${s[j]}）。`,
          'Weights must be non-negative.',
          '权重须非负。',
        );
      }
      sum += s[j];
    }
    if (!(sum > 0)) {
      throw bad(
        'combine-zero',
        `weight set ${l + 1} sums to 0.`,
        `第 ${l + 1} 组权重之和为 0。`,
        'Each set needs a positive sum.',
        '每组权重之和须为正。',
      );
    }
    return Float64Array.from(s, (v) => v / sum);
  });
  if (rule === 'multiplicative') {
    const p = new Float64Array(k).fill(1);
    for (let l = 0; l < L; l++) for (let j = 0; j < k; j++) p[j] *= w[l][j];
    let s = 0;
    for (let j = 0; j < k; j++) s += p[j];
    if (!(s > 0)) {
      throw bad(
        'combine-multiplicative-zero',
        'every product Π_l w_lj is 0: the sets give no indicator a positive weight in all of them.',
        '各指标的权重乘积全为 0。',
        'Use the linear rule, or check the weight sets.',
        '改用线性组合，或检查各组权重。',
      );
    }
    return { weights: Array.from(p, (v) => v / s) };
  }
  if (rule === 'linear') {
    const a = alpha ?? new Array<number>(L).fill(1 / L);
    if (a.length !== L) {
      throw bad(
        'combine-alpha-length',
        `${a.length} coefficients for ${L} weight sets.`,
        `组合系数 ${a.length} 个，权重组 ${L} 个。`,
        'Give one coefficient per method.',
        '每种方法给一个系数。',
      );
    }
    let sa = 0;
    for (let l = 0; l < L; l++) {
      if (!Number.isFinite(a[l]) || a[l] < 0) {
        throw bad(
          'combine-alpha',
          `coefficient ${l + 1} is not a non-negative number (${a[l]}).`,
          `第 ${l + 1} 个组合系数不是非负数（${a[l]}）。`,
          'Coefficients must be non-negative and sum to 1.',
          '组合系数须非负且和为 1。',
        );
      }
      sa += a[l];
    }
    if (Math.abs(sa - 1) > 1e-9) {
      throw bad(
        'combine-alpha-sum',
        `coefficients sum to ${sa}, not 1.`,
        `组合系数之和为 ${sa}，不是 1。`,
        'Make the coefficients sum to 1 (e.g. 0.5, 0.5).',
        '使组合系数之和为 1（如 0.5、0.5）。',
      );
    }
    const out = new Array<number>(k).fill(0);
    for (let l = 0; l < L; l++) for (let j = 0; j < k; j++) out[j] += a[l] * w[l][j];
    return { weights: out, coefficients: a.slice() };
  }
  if (rule === 'game-theory') {
    const G = new Matrix(L, L);
    const rhs = new Matrix(L, 1);
    for (let a = 0; a < L; a++) {
      for (let b = a; b < L; b++) {
        let s = 0;
        for (let j = 0; j < k; j++) s += w[a][j] * w[b][j];
        G.set(a, b, s);
        G.set(b, a, s);
      }
      rhs.set(a, 0, G.get(a, a));
    }
    const svd = new SingularValueDecomposition(G);
    const sol = svd.rank < L ? svd.solve(rhs) : solve(G, rhs);
    const raw = sol.getColumn(0);
    let sa = 0;
    for (const v of raw) sa += Math.abs(v);
    const coefficients = raw.map((v) => Math.abs(v) / sa);
    const out = new Array<number>(k).fill(0);
    for (let l = 0; l < L; l++) for (let j = 0; j < k; j++) out[j] += coefficients[l] * w[l][j];
    return { weights: out, coefficients };
  }
  throw bad(
    'combine-rule',
    `unknown combination rule "${String(rule)}".`,
    `未知的组合规则 "${String(rule)}"。`,
    'Choose multiplicative, linear or game-theory.',
    '可选 multiplicative、linear、game-theory。',
  );
}
