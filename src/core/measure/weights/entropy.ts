/**
 * Entropy weight method (熵权法 / 熵值法).
 *
 *   p_ij = x_ij / Σ_i x_ij
 *   e_j  = −(1/ln n) Σ_i p_ij ln p_ij        (0 · ln 0 := 0)
 *   d_j  = 1 − e_j                            (divergence, 差异系数)
 *   w_j  = d_j / Σ_j d_j
 *
 * Source: Shannon (1948); as a weighting method, 郭显光 (1998)
 * 《改进的熵值法及其在经济效益评价中的应用》系统工程理论与实践 18(12); Zou,
 * Yun & Sun (2006) J. Environmental Sciences 18(5):1020–1023.
 *
 * The input must be non-negative (normally min-max data with the shift
 * constant): p_ij is a share, and ln of a negative share is undefined.
 * Zeros are allowed through the convention 0 · ln 0 = 0; the literature adds
 * the shift (0.0001) so that every p_ij > 0 and the worst unit still counts.
 * Whether the sample is all unit-years (pooled) or one year (by-time) is the
 * caller's choice: this function uses exactly the rows it is given.
 *
 * Degenerate cases: a constant column (including all zeros) carries no
 * information: e_j = 1, d_j = 0, w_j = 0. With n = 1 every column is
 * constant. When every d_j = 0, the weights are equal (1/k) — there is no
 * information to prefer one indicator.
 */
import { bi } from '../../i18n.ts';
import { checkColumns, columnLabel, MeasureInputError, normaliseToWeights } from './input.ts';

export interface EntropyResult {
  weights: number[];
  /** e_j, information entropy of each column (in [0, 1]). */
  entropy: number[];
  /** d_j = 1 − e_j. */
  divergence: number[];
}

/** The error for a negative value at index i of column j. */
function negativeError(v: number, i: number, j: number): MeasureInputError {
  return new MeasureInputError(
    {
      code: 'entropy-negative',
      severity: 'error',
      column: columnLabel(j),
      message: bi(
        `熵权法要求非负数据：第 ${j + 1} 列下标 ${i} 的值为 ${v}。`,
        `entropy weights need non-negative data: column ${j + 1}, index ${i} is ${v}.`,
      ),
      fix: bi(
        '先用 minmax 标准化（平移量 0.0001）再算熵权。',
        'Normalise with minmax (shift 0.0001) before computing entropy weights.',
      ),
    },
    { index: i, columnIndex: j },
  );
}

/** One pass over a column: its sum, whether it is constant, the index of its first negative value (−1: none), whether all values are finite. */
function scan(x: ArrayLike<number>): { sum: number; constant: boolean; negative: number; finite: boolean } {
  const n = x.length;
  let s = 0;
  let constant = true;
  let negative = -1;
  let nf = 0; // v − v: 0 when finite, NaN otherwise
  const x0 = x[0];
  for (let i = 0; i < n; i++) {
    const v = x[i];
    nf += v - v;
    if (v < 0 && negative < 0) negative = i;
    if (v !== x0) constant = false;
    s += v;
  }
  return { sum: s, constant, negative, finite: nf === 0 };
}

/** −Σ p ln p / ln n of a column with sum s (0 · ln 0 := 0). */
function entropyOf(x: ArrayLike<number>, s: number): number {
  const n = x.length;
  let h = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v > 0) {
      const p = v / s;
      h += p * Math.log(p);
    }
  }
  return -h / Math.log(n);
}

/** Entropy of one non-negative column, normalised by ln n; constant column → 1. */
export function columnEntropy(x: ArrayLike<number>, j = 0): number {
  const n = x.length;
  const c = scan(x);
  if (c.negative >= 0) throw negativeError(x[c.negative], c.negative, j);
  if (c.constant || n < 2) return 1;
  return entropyOf(x, c.sum);
}

/**
 * Entropy weights of the columns (see module comment). One scan per column
 * (sum, constancy, first negative, finiteness), then one pass with a log per
 * cell; errors are the same as checking every column first (non-finite
 * values, then the first negative value column by column).
 */
export function entropyWeights(cols: ArrayLike<number>[]): EntropyResult {
  const k = Array.isArray(cols) ? cols.length : 0;
  const scans = new Array<ReturnType<typeof scan>>(k);
  let ok = k > 0 && cols[0].length >= 1;
  for (let j = 0; j < k && ok; j++) {
    if (cols[j].length !== cols[0].length) ok = false;
    else {
      scans[j] = scan(cols[j]);
      if (!scans[j].finite) ok = false;
    }
  }
  if (!ok) checkColumns(cols, 'entropy'); // throws the located error
  const entropy = new Array<number>(k);
  const divergence = new Array<number>(k);
  for (let j = 0; j < k; j++) {
    const c = scans[j];
    if (c.negative >= 0) throw negativeError(cols[j][c.negative], c.negative, j);
    const n = cols[j].length;
    entropy[j] = c.constant || n < 2 ? 1 : entropyOf(cols[j], c.sum);
    divergence[j] = 1 - entropy[j];
  }
  return { weights: normaliseToWeights(divergence), entropy, divergence };
}
