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
 *
 * Conventions of other tools (`EntropyOptions`, named by the presets in
 * presets.ts):
 * - `nonNegativeShift: a` (SPSSAU's "non-negative shift"): a column whose
 *   minimum is ≤ 0 is shifted by |min| + a before the shares, x' = x − min + a;
 *   other columns are left as they are.
 * - `pEpsilon: ε` (the copied Stata panel script): the term is (p + ε) ln(p + ε)
 *   for every row, zeros included.
 * - `k: 'periods'` with `periods: T` (the same script): e_j = −(1/ln T) Σ …
 *   over all N×T rows; e_j then exceeds 1, every d_j is negative and the
 *   weights are d_j / Σ d_j as written in the script (positive, but leaning
 *   towards the less informative columns). The default `k: 'observations'`
 *   is 1/ln n over the rows given.
 */
import { bi } from '../../i18n.ts';
import { checkColumns, columnLabel, MeasureInputError, normaliseToWeights } from './input.ts';

/** Entropy-method conventions of other tools (see the module comment); all absent = the textbook method. */
export interface EntropyOptions {
  /** SPSSAU: add |min| + this to a column whose minimum is ≤ 0 (0.01 in SPSSAU). */
  nonNegativeShift?: number;
  /** Added to every share p before p ln p (1e-10 in the Stata script). */
  pEpsilon?: number;
  /** 1/ln n over the rows given (default) or 1/ln T with T the number of periods (the Stata script). */
  k?: 'observations' | 'periods';
}

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
export function entropyWeights(
  colsIn: ArrayLike<number>[],
  opts: EntropyOptions & { periods?: number } = {},
): EntropyResult {
  const cols =
    opts.nonNegativeShift !== undefined ? colsIn.map((c) => shiftNonPositive(c, opts.nonNegativeShift!)) : colsIn;
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
  const eps = opts.pEpsilon ?? 0;
  const periods = opts.k === 'periods' ? opts.periods : undefined;
  if (opts.k === 'periods' && !(periods !== undefined && periods >= 2))
    throw new MeasureInputError({
      code: 'entropy-periods',
      severity: 'error',
      message: bi(
        `weights.entropy.k = "periods" 需要至少 2 个时期，得到 ${periods ?? '无时间列'}。`,
        `weights.entropy.k = "periods" needs at least 2 periods, got ${periods ?? 'no time column'}.`,
      ),
      fix: bi(
        '删去 weights.entropy.k，或使用有时间列的面板。',
        'remove weights.entropy.k, or use a panel with a time column.',
      ),
    });
  const custom = eps !== 0 || periods !== undefined;
  const lnK = Math.log(periods ?? cols[0]?.length ?? 1);
  for (let j = 0; j < k; j++) {
    const c = scans[j];
    if (c.negative >= 0) throw negativeError(cols[j][c.negative], c.negative, j);
    const n = cols[j].length;
    entropy[j] = c.constant || n < 2 ? 1 : custom ? entropyWith(cols[j], c.sum, eps, lnK) : entropyOf(cols[j], c.sum);
    divergence[j] = 1 - entropy[j];
  }
  if (opts.k === 'periods') {
    // the script's d / Σd, whatever the sign of Σd (all d < 0 when k = 1/ln T on pooled rows)
    let s = 0;
    for (const d of divergence) s += d;
    if (s !== 0 && Number.isFinite(s)) return { weights: divergence.map((d) => d / s), entropy, divergence };
  }
  return { weights: normaliseToWeights(divergence), entropy, divergence };
}

/** x − min + a when min ≤ 0 (SPSSAU's non-negative shift), else x itself. */
function shiftNonPositive(x: ArrayLike<number>, a: number): ArrayLike<number> {
  let lo = Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] < lo) lo = x[i];
  if (!(lo <= 0)) return x;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] - lo + a;
  return out;
}

/** −Σ (p + ε) ln(p + ε) / ln K of a column with sum s. */
function entropyWith(x: ArrayLike<number>, s: number, eps: number, lnK: number): number {
  let h = 0;
  for (let i = 0; i < x.length; i++) {
    const p = x[i] / s + eps;
    if (p > 0) h += p * Math.log(p);
  }
  return -h / lnK;
}
