/**
 * Coefficient-of-variation weights (变异系数法).
 *
 *   v_j = σ_j / x̄_j        (σ_j sample standard deviation, n − 1)
 *   w_j = v_j / Σ_j v_j
 *
 * Source: e.g. 郭亚军《综合评价理论、方法及应用》(2007) §2. The CV is taken on
 * the data passed in: the pipeline passes the normalised data (min-max with
 * shift), which is the common practice in index studies; the other common
 * variant computes v_j on the raw, positive data (pass the raw columns to get
 * it). The mean must be positive (a CV of data centred on 0, e.g. z-scores, is
 * meaningless): x̄_j ≤ 0 throws.
 *
 * Degenerate cases: a constant column has v_j = 0 (weight 0); n = 1 gives
 * v_j = 0 for every column; when every v_j = 0 the weights are equal (1/k).
 */
import { bi } from '../../i18n.ts';
import { checkColumns, columnLabel, isConstant, MeasureInputError, meanSd, normaliseToWeights } from './input.ts';

export interface CvResult {
  weights: number[];
  /** v_j = σ_j / x̄_j. */
  cv: number[];
}

/** Coefficient-of-variation weights (see module comment). */
export function cvWeights(cols: ArrayLike<number>[]): CvResult {
  const n = checkColumns(cols, 'CV');
  const cv = cols.map((c, j) => {
    const { mean, sd } = meanSd(c);
    if (!(mean > 0)) {
      throw new MeasureInputError(
        {
          code: 'cv-mean',
          severity: 'error',
          column: columnLabel(j),
          message: bi(
            `变异系数法要求列均值为正：第 ${j + 1} 列均值为 ${mean}。`,
            `CV weights need a positive column mean: column ${j + 1} has mean ${mean}.`,
          ),
          fix: bi(
            '对 minmax（带平移）标准化后的数据或正值原始数据使用变异系数法。',
            'Use CV weights on min-max normalised data (with shift) or on positive raw data.',
          ),
        },
        { columnIndex: j },
      );
    }
    return n < 2 || isConstant(c) ? 0 : sd / mean;
  });
  return { weights: normaliseToWeights(cv), cv };
}
