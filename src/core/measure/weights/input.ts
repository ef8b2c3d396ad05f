/**
 * Input checks shared by the measurement methods (weights, scores,
 * coherence). Methods work on columns — one array per indicator, all of the
 * same length n — and know indicators and rows only by 0-based position, so
 * their errors carry `columnIndex` / `index` for the caller to translate into
 * indicator ids, units and times.
 */
import { XinzhiError, type Problem } from '../../errors.ts';
import { bi } from '../../i18n.ts';

/** A XinzhiError raised by a numerical method, with the 0-based position of the offending value. */
export class MeasureInputError extends XinzhiError {
  /** 0-based row (unit-year) index of the offending value, when one value is at fault. */
  readonly index?: number;
  /** 0-based column (indicator) index, when one column is at fault. */
  readonly columnIndex?: number;
  constructor(problem: Problem, where: { index?: number; columnIndex?: number } = {}) {
    super(problem);
    this.name = 'XinzhiError';
    this.index = where.index;
    this.columnIndex = where.columnIndex;
  }
}

/** Label used in messages for column j ("indicator 3" / "指标 3", 1-based). */
export function columnLabel(j: number): string {
  return `#${j + 1}`;
}

/**
 * Check a set of columns: at least one column, equal lengths n ≥ 1, all
 * values finite. Returns n. Throws MeasureInputError naming the column and row.
 */
export function checkColumns(cols: ArrayLike<number>[], method: string, opts: { minRows?: number } = {}): number {
  if (!Array.isArray(cols) || cols.length === 0) {
    throw new MeasureInputError({
      code: 'no-columns',
      severity: 'error',
      message: bi(`${method}：没有指标列。`, `${method}: no indicator columns given.`),
      fix: bi('至少传入一列指标数据。', 'Pass at least one indicator column.'),
    });
  }
  const n = cols[0].length;
  const minRows = opts.minRows ?? 1;
  for (let j = 0; j < cols.length; j++) {
    const c = cols[j];
    if (c.length !== n) {
      throw new MeasureInputError(
        {
          code: 'column-length',
          severity: 'error',
          column: columnLabel(j),
          message: bi(
            `${method}：第 ${j + 1} 列有 ${c.length} 个值，第 1 列有 ${n} 个。`,
            `${method}: column ${j + 1} has ${c.length} values but column 1 has ${n}.`,
          ),
          fix: bi(
            '所有指标列须等长（每行一个单位-时间）。',
            'All indicator columns must have the same length (one value per unit-time row).',
          ),
        },
        { columnIndex: j },
      );
    }
    for (let i = 0; i < n; i++) {
      const v = c[i];
      if (!Number.isFinite(v)) {
        throw new MeasureInputError(
          {
            code: 'non-finite',
            severity: 'error',
            column: columnLabel(j),
            message: bi(
              `${method}：第 ${j + 1} 列第 ${i + 1} 个值（下标 ${i}）不是有限数（${v}）。`,
              `${method}: column ${j + 1}, value at index ${i} is not a finite number (${v}).`,
            ),
            fix: bi(
              '先处理缺失值（missing.method）或剔除该行。',
              'Treat missing values first (missing.method) or drop the row.',
            ),
          },
          { index: i, columnIndex: j },
        );
      }
    }
  }
  if (n < minRows) {
    throw new MeasureInputError({
      code: 'too-few-rows',
      severity: 'error',
      message: bi(
        `${method}：至少需要 ${minRows} 行，只有 ${n} 行。`,
        `${method}: needs at least ${minRows} rows, got ${n}.`,
      ),
      fix: bi(
        '增加样本（单位或年份），或改用其他方法。',
        'Add observations (units or years) or choose another method.',
      ),
    });
  }
  return n;
}

/**
 * w_j / Σ w, the sum taken in order: the weights as PROMETHEE II and Copeland
 * use them (checked by checkWeights first).
 * @example sumToOne([2, 1, 1]) // [0.5, 0.25, 0.25]
 */
export function sumToOne(weights: ArrayLike<number>): number[] {
  const total = Array.from(weights).reduce((a, b) => a + b, 0);
  return Array.from(weights, (x) => x / total);
}

/** Check a weight vector: length k, finite, non-negative. */
export function checkWeights(weights: ArrayLike<number>, k: number, method: string): void {
  if (weights.length !== k) {
    throw new MeasureInputError({
      code: 'weights-length',
      severity: 'error',
      message: bi(
        `${method}：权重有 ${weights.length} 个，指标有 ${k} 个。`,
        `${method}: ${weights.length} weights for ${k} indicator columns.`,
      ),
      fix: bi('为每个指标给出一个权重。', 'Give exactly one weight per indicator.'),
    });
  }
  for (let j = 0; j < k; j++) {
    const w = weights[j];
    if (!Number.isFinite(w) || w < 0) {
      throw new MeasureInputError(
        {
          code: 'bad-weight',
          severity: 'error',
          column: columnLabel(j),
          message: bi(
            `${method}：第 ${j + 1} 个权重无效（${w}）。`,
            `${method}: weight ${j + 1} is not a non-negative finite number (${w}).`,
          ),
          fix: bi('权重须为非负有限数。', 'Weights must be non-negative finite numbers.'),
        },
        { columnIndex: j },
      );
    }
  }
}

/** Normalise non-negative scores d_j to weights d_j / Σ d; Σ d = 0 → equal weights 1/k. */
export function normaliseToWeights(d: ArrayLike<number>): number[] {
  const k = d.length;
  let s = 0;
  for (let j = 0; j < k; j++) s += d[j];
  const out = new Array<number>(k);
  if (!(s > 0)) {
    for (let j = 0; j < k; j++) out[j] = 1 / k;
    return out;
  }
  for (let j = 0; j < k; j++) out[j] = d[j] / s;
  return out;
}

/** Column mean x̄ = Σx / n and centred sum of squares Σ(x − x̄)², in two plain passes. */
export function meanSs(x: ArrayLike<number>): { mean: number; ss: number } {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  const m = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - m;
    ss += d * d;
  }
  return { mean: m, ss };
}

/** Column mean and sample standard deviation √(Σ(x − x̄)² / (n − 1)); n = 1 → sd 0. */
export function meanSd(x: ArrayLike<number>): { mean: number; sd: number } {
  const n = x.length;
  const { mean, ss } = meanSs(x);
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0 };
}

/** True when every value equals the first (a constant column). */
export function isConstant(x: ArrayLike<number>): boolean {
  const a = x[0];
  for (let i = 1; i < x.length; i++) if (x[i] !== a) return false;
  return true;
}
