/**
 * Normalisation of one indicator column (无量纲化 / 标准化).
 *
 * Every method turns raw values into values where larger is better
 * ("benefit type", 正向化) according to the indicator's direction, except
 * `none`. Formulas (x̄ mean, s sample standard deviation with n − 1, ‖x‖ the
 * Euclidean norm √Σx²):
 *
 * | method      | direction + (正向)          | direction − (负向)          |
 * |-------------|-----------------------------|-----------------------------|
 * | minmax      | (x − min)/(max − min) + a   | (max − x)/(max − min) + a   |
 * | zscore      | (x − x̄)/s                   | −(x − x̄)/s                  |
 * | vector      | x/‖x‖                       | 1 − x/‖x‖                   |
 * | mean-ratio  | x/x̄                         | x̄/x                         |
 * | none        | x                           | x (direction ignored)       |
 *
 * `a` is the shift constant (平移量), default 0.0001 (the spec default), added
 * after min-max so that no value is exactly 0 and ln p in the entropy method
 * is always defined; 0 means no shift. Sources: min-max and z-score — OECD/JRC
 * Handbook on Constructing Composite Indicators (2008), §5; vector
 * normalisation — Hwang & Yoon (1981) Multiple Attribute Decision Making, §3;
 * ratio to the mean (均值化) — 郭亚军《综合评价理论、方法及应用》(2007).
 *
 * Degenerate columns never divide by zero: a constant column (max = min,
 * including n = 1) gives 1 for every value under minmax and mean-ratio and 0
 * under zscore (no shift is added — the indicator does not discriminate, so
 * the caller should warn); an all-zero column gives 0 under vector (+) and
 * 1 under vector (−).
 */
import { bi } from '../i18n.ts';
import type { Direction, NormalizeMethod } from './spec.ts';
import { MeasureInputError, meanSd } from './weights/input.ts';

/** Spec default of the shift constant added after min-max. */
export const DEFAULT_SHIFT = 0.0001;

export interface NormalizeOptions {
  method: NormalizeMethod;
  direction: Direction;
  /** Constant added after min-max (only minmax uses it); default 0.0001; 0 = none. */
  shift?: number;
}

function nonFinite(x: ArrayLike<number>, method: string): void {
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      throw new MeasureInputError(
        {
          code: 'non-finite',
          severity: 'error',
          message: bi(
            `${method}：下标 ${i} 的值不是有限数（${x[i]}）。`,
            `${method}: the value at index ${i} is not a finite number (${x[i]}).`,
          ),
          fix: bi('先处理缺失值（missing.method）。', 'Treat missing values first (missing.method).'),
        },
        { index: i },
      );
    }
  }
}

/**
 * Normalise one column. See the module comment for the formulas, the
 * direction handling and the degenerate cases. Returns a new Float64Array;
 * throws MeasureInputError (with `index`) on non-finite input, and for
 * mean-ratio when the mean is ≤ 0 or, with direction −, a value is ≤ 0.
 */
export function normalizeColumn(x: ArrayLike<number>, opts: NormalizeOptions): Float64Array {
  const n = x.length;
  const out = new Float64Array(n);
  const neg = opts.direction === '-';
  if (opts.direction !== '+' && opts.direction !== '-') {
    throw new MeasureInputError({
      code: 'bad-direction',
      severity: 'error',
      message: bi(
        `方向须为 "+" 或 "-"，得到 "${String(opts.direction)}"。`,
        `direction must be "+" or "-", got "${String(opts.direction)}".`,
      ),
      fix: bi(
        '正向指标写 "+"，负向（越小越好）写 "-"。',
        'Use "+" for benefit indicators and "-" for cost indicators (smaller is better).',
      ),
    });
  }
  if (n === 0) return out;
  // min-max: the finiteness check rides on the min/max pass (nonFinite only throws its error)
  let lo = x[0];
  let hi = x[0];
  if (opts.method === 'minmax') {
    let nf = 0; // v − v: 0 when finite, NaN otherwise
    for (let i = 0; i < n; i++) {
      const v = x[i];
      nf += v - v;
      if (v < lo) lo = v;
      else if (v > hi) hi = v;
    }
    if (nf !== 0) nonFinite(x, opts.method);
  } else nonFinite(x, opts.method);
  switch (opts.method) {
    case 'minmax': {
      const shift = opts.shift ?? DEFAULT_SHIFT;
      if (!Number.isFinite(shift) || shift < 0) {
        throw new MeasureInputError({
          code: 'bad-shift',
          severity: 'error',
          message: bi(
            `平移量须为非负有限数，得到 ${shift}。`,
            `shift must be a non-negative finite number, got ${shift}.`,
          ),
          fix: bi('常用 0.0001 或 0.01；0 表示不平移。', 'Common values are 0.0001 or 0.01; 0 means no shift.'),
        });
      }
      const range = hi - lo;
      if (range === 0) return out.fill(1);
      if (neg) for (let i = 0; i < n; i++) out[i] = (hi - x[i]) / range + shift;
      else for (let i = 0; i < n; i++) out[i] = (x[i] - lo) / range + shift;
      return out;
    }
    case 'zscore': {
      const { mean: m, sd } = meanSd(x);
      if (sd === 0) return out; // constant or single value: all 0
      if (neg) for (let i = 0; i < n; i++) out[i] = (m - x[i]) / sd;
      else for (let i = 0; i < n; i++) out[i] = (x[i] - m) / sd;
      return out;
    }
    case 'vector': {
      let ss = 0;
      for (let i = 0; i < n; i++) ss += x[i] * x[i];
      const norm = Math.sqrt(ss);
      if (norm === 0) return neg ? out.fill(1) : out;
      if (neg) for (let i = 0; i < n; i++) out[i] = 1 - x[i] / norm;
      else for (let i = 0; i < n; i++) out[i] = x[i] / norm;
      return out;
    }
    case 'mean-ratio': {
      let constant = true;
      let s = 0;
      for (let i = 0; i < n; i++) {
        s += x[i];
        if (x[i] !== x[0]) constant = false;
      }
      if (constant) return out.fill(1);
      const m = s / n;
      if (!(m > 0)) {
        throw new MeasureInputError({
          code: 'mean-ratio-mean',
          severity: 'error',
          message: bi(`均值化要求列均值为正，均值为 ${m}。`, `mean-ratio needs a positive column mean, got ${m}.`),
          fix: bi(
            '均值化只用于正值指标；改用 minmax 或 zscore。',
            'Use mean-ratio only for positive indicators; choose minmax or zscore instead.',
          ),
        });
      }
      if (neg) {
        for (let i = 0; i < n; i++) {
          const v = x[i];
          if (!(v > 0)) {
            throw new MeasureInputError(
              {
                code: 'mean-ratio-nonpositive',
                severity: 'error',
                message: bi(
                  `负向指标均值化（x̄/x）要求值为正，下标 ${i} 的值为 ${v}。`,
                  `mean-ratio for a "-" indicator (x̄/x) needs positive values; the value at index ${i} is ${v}.`,
                ),
                fix: bi('改用 minmax，或先对数据做平移。', 'Choose minmax instead, or shift the raw data first.'),
              },
              { index: i },
            );
          }
          out[i] = m / v;
        }
      } else for (let i = 0; i < n; i++) out[i] = x[i] / m;
      return out;
    }
    case 'none': {
      for (let i = 0; i < n; i++) out[i] = x[i];
      return out;
    }
    default:
      throw new MeasureInputError({
        code: 'bad-normalize-method',
        severity: 'error',
        message: bi(
          `未知的标准化方法 "${String(opts.method)}"。`,
          `unknown normalisation method "${String(opts.method)}".`,
        ),
        fix: bi(
          '可选：minmax、zscore、vector、mean-ratio、none。',
          'Choose one of minmax, zscore, vector, mean-ratio, none.',
        ),
      });
  }
}

/**
 * Log transform: ln x, or ln(1 + x) with `plusOne` (computed with log1p for
 * accuracy near 0). Throws MeasureInputError naming the index when x ≤ 0
 * (x < 0 with plusOne) or x is not finite; the caller adds unit/time context.
 */
export function logTransform(x: ArrayLike<number>, opts: { plusOne?: boolean } = {}): Float64Array {
  const n = x.length;
  const out = new Float64Array(n);
  const plusOne = opts.plusOne === true;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (!Number.isFinite(v) || (plusOne ? v < 0 : v <= 0)) {
      throw new MeasureInputError(
        {
          code: 'log-domain',
          severity: 'error',
          message: plusOne
            ? bi(
                `ln(1+x) 要求 x ≥ 0，下标 ${i} 的值为 ${v}。`,
                `ln(1 + x) needs x ≥ 0; the value at index ${i} is ${v}.`,
              )
            : bi(`ln(x) 要求 x > 0，下标 ${i} 的值为 ${v}。`, `ln(x) needs x > 0; the value at index ${i} is ${v}.`),
          fix: plusOne
            ? bi(
                '负值不能取对数：检查数据或关闭 log。',
                'Negative values cannot be logged: check the data or turn log off.',
              )
            : bi(
                '含 0 时改用 logPlusOne（ln(1+x)），或检查数据。',
                'With zeros use logPlusOne (ln(1 + x)), or check the data.',
              ),
        },
        { index: i },
      );
    }
    out[i] = plusOne ? Math.log1p(v) : Math.log(v);
  }
  return out;
}
