/**
 * Analytic Hierarchy Process weights (层次分析法) from one pairwise comparison
 * matrix A (a_ij = importance of i relative to j on Saaty's 1–9 scale,
 * a_ji = 1/a_ij, a_ii = 1).
 *
 * - `eigenvector` (default): w = principal right eigenvector of A (Perron
 *   vector) normalised to Σw = 1, found by power iteration w ← Aw/Σ(Aw)
 *   from the geometric-mean vector until it stops changing; λmax = Σ_i (Aw)_i
 *   for Σw = 1. Saaty (1977) J. Math. Psychology 15:234–281; Saaty (1980)
 *   The Analytic Hierarchy Process, McGraw-Hill.
 * - `geometric-mean` (方根法): w_i ∝ (Π_j a_ij)^(1/n); λmax approximated by
 *   (1/n) Σ_i (Aw)_i / w_i, as in Crawford & Williams (1985) J. Math.
 *   Psychology 29:387–405 and the Chinese textbooks' 方根法.
 *
 *   CI = (λmax − n)/(n − 1),   CR = CI / RI(n)
 *
 * RI is Saaty's random index table (Saaty 1980, for n = 1..15):
 * 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56,
 * 1.57, 1.59. n ≤ 2 is always consistent: CI = CR = 0. n > 15 has no table
 * value and is refused (split the level). CR > 0.1 throws unless
 * `allowInconsistent`.
 *
 * The matrix is validated, not repaired: it must be square, positive and
 * finite with ones on the diagonal, and reciprocal within 3 %
 * (|a_ij·a_ji − 1| ≤ 0.03, so two-decimal entries such as 0.33 for 1/3 pass);
 * the error names the cell.
 */
import { bi } from '../../i18n.ts';
import { MeasureInputError } from './input.ts';

/** Saaty's (1980) random consistency index RI(n), n = 1..15 (index n − 1). */
export const SAATY_RI: readonly number[] = [
  0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
];

/** Threshold of the consistency ratio (Saaty 1980). */
export const CR_THRESHOLD = 0.1;

/** Tolerance of |a_ij·a_ji − 1| accepted as reciprocal. */
export const RECIPROCAL_TOLERANCE = 0.03;

export interface AhpOptions {
  method?: 'eigenvector' | 'geometric-mean';
  allowInconsistent?: boolean;
}

export interface AhpResult {
  weights: number[];
  lambdaMax: number;
  CI: number;
  RI: number;
  CR: number;
}

function cellError(
  code: string,
  i: number,
  j: number,
  en: string,
  zh: string,
  fixEn: string,
  fixZh: string,
): MeasureInputError {
  return new MeasureInputError({
    code,
    severity: 'error',
    column: `(${i + 1},${j + 1})`,
    message: bi(`判断矩阵第 ${i + 1} 行第 ${j + 1} 列：${zh}`, `pairwise matrix row ${i + 1}, column ${j + 1}: ${en}`),
    fix: bi(fixZh, fixEn),
  });
}

/** Validate a pairwise comparison matrix; throws naming the first bad cell. */
export function checkPairwiseMatrix(matrix: number[][]): number {
  const n = Array.isArray(matrix) ? matrix.length : 0;
  if (n === 0) {
    throw new MeasureInputError({
      code: 'ahp-empty',
      severity: 'error',
      message: bi('判断矩阵为空。', 'the pairwise comparison matrix is empty.'),
      fix: bi('给出 n×n 判断矩阵（n 为被比较的项数）。', 'Give an n×n matrix, n being the number of items compared.'),
    });
  }
  if (n > SAATY_RI.length) {
    throw new MeasureInputError({
      code: 'ahp-too-large',
      severity: 'error',
      message: bi(
        `判断矩阵为 ${n} 阶，Saaty 的 RI 表只到 15 阶。`,
        `the matrix has order ${n}; Saaty's RI table stops at 15.`,
      ),
      fix: bi(
        '把指标分组到更多层级，每组不超过 15 项（最好不超过 9 项）。',
        'Group the items into more levels, at most 15 (better 9) per matrix.',
      ),
    });
  }
  for (let i = 0; i < n; i++) {
    if (!Array.isArray(matrix[i]) || matrix[i].length !== n) {
      throw new MeasureInputError({
        code: 'ahp-not-square',
        severity: 'error',
        message: bi(
          `判断矩阵第 ${i + 1} 行应有 ${n} 个元素。`,
          `row ${i + 1} of the pairwise matrix must have ${n} entries.`,
        ),
        fix: bi('判断矩阵必须是方阵。', 'The pairwise matrix must be square.'),
      });
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const a = matrix[i][j];
      if (typeof a !== 'number' || !Number.isFinite(a) || a <= 0) {
        throw cellError(
          'ahp-nonpositive',
          i,
          j,
          `${a} is not a positive number.`,
          `${a} 不是正数。`,
          'Use Saaty scale values 1/9 … 9.',
          '使用 Saaty 标度 1/9 … 9。',
        );
      }
      if (i === j && a !== 1) {
        throw cellError(
          'ahp-diagonal',
          i,
          j,
          `the diagonal must be 1, got ${a}.`,
          `对角线须为 1，得到 ${a}。`,
          'Set every a_ii to 1.',
          '把对角元素设为 1。',
        );
      }
      if (j > i && Math.abs(a * matrix[j][i] - 1) > RECIPROCAL_TOLERANCE) {
        throw cellError(
          'ahp-reciprocal',
          j,
          i,
          `${matrix[j][i]} is not the reciprocal of a(${i + 1},${j + 1}) = ${a}.`,
          `${matrix[j][i]} 不是 a(${i + 1},${j + 1}) = ${a} 的倒数。`,
          `Set it to 1/${a}.`,
          `改为 1/${a}。`,
        );
      }
    }
  }
  return n;
}

function geometricMeanVector(a: number[][], n: number): Float64Array {
  const w = new Float64Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    let l = 0;
    for (let j = 0; j < n; j++) l += Math.log(a[i][j]);
    w[i] = Math.exp(l / n);
    s += w[i];
  }
  for (let i = 0; i < n; i++) w[i] /= s;
  return w;
}

function multiply(a: number[][], w: Float64Array, n: number): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += a[i][j] * w[j];
    y[i] = s;
  }
  return y;
}

/** AHP weights and consistency (see module comment). */
export function ahpWeights(matrix: number[][], opts: AhpOptions = {}): AhpResult {
  const n = checkPairwiseMatrix(matrix);
  const method = opts.method ?? 'eigenvector';
  let w = geometricMeanVector(matrix, n);
  let lambdaMax: number;
  if (method === 'geometric-mean') {
    const aw = multiply(matrix, w, n);
    let s = 0;
    for (let i = 0; i < n; i++) s += aw[i] / w[i];
    lambdaMax = s / n;
  } else if (method === 'eigenvector') {
    lambdaMax = n;
    for (let it = 0; it < 10000; it++) {
      const aw = multiply(matrix, w, n);
      let s = 0;
      for (let i = 0; i < n; i++) s += aw[i];
      let change = 0;
      for (let i = 0; i < n; i++) {
        aw[i] /= s;
        change = Math.max(change, Math.abs(aw[i] - w[i]));
      }
      w = aw;
      lambdaMax = s;
      if (change <= 1e-15) break;
    }
    // λmax for the converged vector (Σw = 1).
    const aw = multiply(matrix, w, n);
    lambdaMax = 0;
    for (let i = 0; i < n; i++) lambdaMax += aw[i];
  } else {
    throw new MeasureInputError({
      code: 'ahp-method',
      severity: 'error',
      message: bi(`未知的 AHP 方法 "${String(method)}"。`, `unknown AHP method "${String(method)}".`),
      fix: bi('可选 eigenvector（特征向量法）或 geometric-mean（方根法）。', 'Choose eigenvector or geometric-mean.'),
    });
  }
  const RI = SAATY_RI[n - 1];
  const CI = n <= 2 ? 0 : (lambdaMax - n) / (n - 1);
  const CR = n <= 2 ? 0 : CI / RI;
  if (CR > CR_THRESHOLD && !opts.allowInconsistent) {
    throw new MeasureInputError({
      code: 'ahp-inconsistent',
      severity: 'error',
      message: bi(
        `判断矩阵一致性比率 CR = ${CR.toFixed(4)} > 0.1（λmax = ${lambdaMax.toFixed(4)}，CI = ${CI.toFixed(4)}，RI = ${RI}）。`,
        `the pairwise matrix is inconsistent: CR = ${CR.toFixed(4)} > 0.1 (λmax = ${lambdaMax.toFixed(4)}, CI = ${CI.toFixed(4)}, RI = ${RI}).`,
      ),
      fix: bi(
        '修改判断（使 a_ik ≈ a_ij·a_jk），或设置 allowInconsistent: true 接受不一致的矩阵。',
        'Revise the judgements (so that a_ik ≈ a_ij·a_jk), or set allowInconsistent: true to accept the matrix.',
      ),
    });
  }
  return { weights: Array.from(w), lambdaMax, CI, RI, CR };
}
