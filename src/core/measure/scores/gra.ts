/**
 * Grey relational analysis (灰色关联分析), Deng Julong (1982) "Control
 * problems of grey systems", Systems & Control Letters 1(5):288–294; 邓聚龙
 * 《灰色系统基本方法》(1987).
 *
 * Input: already normalised, benefit-type columns (larger is better).
 * Reference series x0_j = max_i x_ij (the ideal unit, default), or a given
 * row of values x0_j (`reference: [..]`, e.g. targets or a benchmark unit on
 * the normalised scale).
 *
 *   Δ_ij = |x0_j − x_ij|
 *   Δmin = min_i min_j Δ_ij,  Δmax = max_i max_j Δ_ij   (two-level min / max over all cells)
 *   ξ_ij = (Δmin + ρ Δmax) / (Δ_ij + ρ Δmax),  ρ ∈ (0, 1], default 0.5
 *   grade_i = Σ_j w_j ξ_ij
 *
 * The grade is the weighted sum with the weights as given; equal weights
 * 1/k give Deng's classic grade (the mean of the coefficients). Degenerate
 * case: Δmax = 0 (every column constant, or n = 1) → ξ_ij = 1.
 */
import { bi } from '../../i18n.ts';
import { checkColumns, checkWeights, MeasureInputError } from '../weights/input.ts';

export interface GreyRelationalOptions {
  /** Distinguishing coefficient ρ in (0, 1]; default 0.5. */
  rho?: number;
  /** Reference series: the column maxima ("max", default) or given values, one per column. */
  reference?: 'max' | ArrayLike<number>;
}

export interface GreyRelationalResult {
  /** ξ_ij: coefficients[j][i] for indicator j, unit-row i. */
  coefficients: Float64Array[];
  /** Grey relational grade of each row. */
  grade: Float64Array;
}

/** Grey relational coefficients and grades (see module comment). */
export function greyRelational(
  cols: ArrayLike<number>[],
  weights: number[],
  opts: GreyRelationalOptions = {},
): GreyRelationalResult {
  const n = checkColumns(cols, 'GRA');
  const k = cols.length;
  checkWeights(weights, k, 'GRA');
  const rho = opts.rho ?? 0.5;
  if (!(rho > 0 && rho <= 1)) {
    throw new MeasureInputError({
      code: 'gra-rho',
      severity: 'error',
      message: bi(
        `分辨系数 ρ 须在 (0, 1] 内，得到 ${rho}。`,
        `the distinguishing coefficient ρ must be in (0, 1], got ${rho}.`,
      ),
      fix: bi('常用 ρ = 0.5。', 'The usual value is ρ = 0.5.'),
    });
  }
  const ref = opts.reference;
  const given = ref !== undefined && ref !== 'max' ? ref : null;
  if (
    (ref !== undefined && ref !== 'max' && (typeof ref !== 'object' || typeof ref.length !== 'number')) ||
    (given && (given.length !== k || Array.from(given).some((v) => !Number.isFinite(v))))
  ) {
    throw new MeasureInputError({
      code: 'gra-reference',
      severity: 'error',
      message: bi(
        `参考序列须为 "max" 或 ${k} 个有限数，得到 ${JSON.stringify(ref)}。`,
        `the reference series must be "max" or ${k} finite numbers, got ${JSON.stringify(ref)}.`,
      ),
      fix: bi(
        '省略（取各列最大值），或按列给出参考值（与标准化数据同尺度）。',
        'Leave it out (column maxima), or give one reference value per column (on the normalised scale).',
      ),
    });
  }
  const coefficients: Float64Array[] = new Array(k);
  let dMin = Infinity;
  let dMax = 0;
  for (let j = 0; j < k; j++) {
    const x = cols[j];
    let hi = x[0];
    if (given) hi = given[j];
    else for (let i = 1; i < n; i++) if (x[i] > hi) hi = x[i];
    const d = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = Math.abs(hi - x[i]);
      d[i] = v;
      if (v < dMin) dMin = v;
      if (v > dMax) dMax = v;
    }
    coefficients[j] = d;
  }
  const grade = new Float64Array(n);
  const num = dMin + rho * dMax;
  const rd = rho * dMax;
  for (let j = 0; j < k; j++) {
    const d = coefficients[j];
    const w = weights[j];
    for (let i = 0; i < n; i++) {
      const xi = dMax === 0 ? 1 : num / (d[i] + rd);
      d[i] = xi;
      grade[i] += w * xi;
    }
  }
  return { coefficients, grade };
}
