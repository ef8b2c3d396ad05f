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
 * | goalposts   | (x − L)/(U − L), in [0, 1]  | (U − x)/(U − L), in [0, 1]  |
 * | distance-to-target, ratio | x/T           | T/x                         |
 * | distance-to-target, coinr | (x − min)/(T − min) | (max − x)/(max − T)   |
 *
 * Goalposts (L, U) are fixed per indicator (spec `indicators[].goalposts`, in
 * the indicator's units after denomination and log), as in the UNDP Human
 * Development Index and COINr `n_goalposts`; values outside the goalposts are
 * capped to [0, 1] by default (COINr `trunc2posts = TRUE`, the HDI practice),
 * `cap: false` keeps them (< 0 or > 1). The target T is per indicator
 * (`indicators[].target`): the `ratio` variant (default) is the OECD/JRC
 * Handbook's "distance to a reference" x / x_ref (T / x for "−"; T > 0); the
 * `coinr` variant is COINr `n_dist2targ`, 1 − (T − x)/(T − min x) (for "−" on
 * −x: (max − x)/(max − T)). Under either variant a value beyond the target
 * scores above 1 unless `cap: true` (COINr `cap_max`, default FALSE) sets it
 * to 1. Sources: UNDP (2022) Human Development Report, Technical notes;
 * Becker et al. COINr (R/normalise.R); OECD/JRC Handbook (2008), §5, Table 3.
 *
 * With `range: [a, b]` min-max rescales to [a, b] instead:
 * (b − a)(x − min)/(max − min) + a (a constant column gives b) — mathmodels'
 * `rescale(x, a = 0.002, b = 0.996)`, COINr's `n_minx` with `l_u = c(0, 100)`,
 * SPSSAU's coupling "intervalization" to [0.01, 0.99].
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
  /** goalposts: the fixed [lower, upper] goalposts of the column (lower < upper). */
  goalposts?: readonly [number, number];
  /** distance-to-target: the target of the column. */
  target?: number;
  /** distance-to-target: "ratio" x / T (default) or "coinr" (x − min)/(T − min). */
  targetVariant?: TargetVariant;
  /** Cap at the goalposts / the target: default true for goalposts, false for distance-to-target. */
  cap?: boolean;
  /** minmax: rescale to [a, b] (a < b) instead of [0, 1] + shift; a constant column gives b. */
  range?: readonly [number, number];
}

/** Default of `cap` by method (COINr: trunc2posts = TRUE, cap_max = FALSE). */
export const CAP_DEFAULT = { goalposts: true, 'distance-to-target': false } as const;

/** Variants of distance-to-target normalisation. */
export const TARGET_VARIANTS = ['ratio', 'coinr'] as const;
export type TargetVariant = (typeof TARGET_VARIANTS)[number];

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
  if (opts.method === 'minmax' || opts.method === 'distance-to-target') {
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
      if (opts.range) {
        // rescale to [a, b]: (b − a)(x − min)/(max − min) + a (mathmodels rescale, COINr n_minx l_u)
        const [a, b] = opts.range;
        if (range === 0) return out.fill(b);
        const w = b - a;
        if (neg) for (let i = 0; i < n; i++) out[i] = (w * (hi - x[i])) / range + a;
        else for (let i = 0; i < n; i++) out[i] = (w * (x[i] - lo)) / range + a;
        return out;
      }
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
    case 'goalposts':
      return goalposts(x, neg, opts, out);
    case 'distance-to-target':
      return distanceToTarget(x, neg, lo, hi, opts, out);
    default:
      throw new MeasureInputError({
        code: 'bad-normalize-method',
        severity: 'error',
        message: bi(
          `未知的标准化方法 "${String(opts.method)}"。`,
          `unknown normalisation method "${String(opts.method)}".`,
        ),
        fix: bi(
          '可选：minmax、zscore、vector、mean-ratio、none、goalposts、distance-to-target。',
          'Choose one of minmax, zscore, vector, mean-ratio, none, goalposts, distance-to-target.',
        ),
      });
  }
}

function optionError(code: string, message: [string, string], fix: [string, string]): MeasureInputError {
  return new MeasureInputError({
    code,
    severity: 'error',
    message: bi(message[0], message[1]),
    fix: bi(fix[0], fix[1]),
  });
}

/**
 * Goalpost normalisation: (x − L)/(U − L) ("+") or (U − x)/(U − L) ("−"),
 * capped to [0, 1] unless `cap` is false (see the module comment).
 * @example normalizeColumn([20, 52.5, 90], { method: 'goalposts', direction: '+', goalposts: [20, 85] }) // 0, 0.5, 1
 */
function goalposts(x: ArrayLike<number>, neg: boolean, opts: NormalizeOptions, out: Float64Array): Float64Array {
  const g = opts.goalposts;
  if (!g || !(Number.isFinite(g[0]) && Number.isFinite(g[1]) && g[0] < g[1]))
    throw optionError(
      'goalposts-missing',
      [
        `goalposts 需要有限的 [下限, 上限] 且下限 < 上限，得到 ${JSON.stringify(g)}。`,
        `goalposts needs finite [lower, upper] with lower < upper, got ${JSON.stringify(g)}.`,
      ],
      [
        '在该指标上写 goalposts: [下限, 上限]（原始单位）。',
        'Give the indicator goalposts: [lower, upper] (in its units).',
      ],
    );
  const [L, U] = g;
  const cap = opts.cap ?? CAP_DEFAULT.goalposts;
  for (let i = 0; i < x.length; i++) {
    let y = neg ? (U - x[i]) / (U - L) : (x[i] - L) / (U - L);
    if (cap) y = y < 0 ? 0 : y > 1 ? 1 : y;
    out[i] = y;
  }
  return out;
}

/**
 * Distance-to-target normalisation, variant "ratio" (x / T; T / x for "−") or
 * "coinr" ((x − min)/(T − min); (max − x)/(max − T) for "−"); capped at 1
 * with `cap` (see the module comment).
 * @example normalizeColumn([1, 2, 4], { method: 'distance-to-target', direction: '+', target: 4 }) // 0.25, 0.5, 1
 */
function distanceToTarget(
  x: ArrayLike<number>,
  neg: boolean,
  lo: number,
  hi: number,
  opts: NormalizeOptions,
  out: Float64Array,
): Float64Array {
  const T = opts.target;
  const variant = opts.targetVariant ?? 'ratio';
  const fixTarget: [string, string] = [
    '在该指标上写 target（与指标同单位的目标值）。',
    'Give the indicator a target (the goal value, in its units).',
  ];
  if (T === undefined || !Number.isFinite(T))
    throw optionError(
      'target-missing',
      [`distance-to-target 需要有限的目标值，得到 ${T}。`, `distance-to-target needs a finite target, got ${T}.`],
      fixTarget,
    );
  if (variant === 'ratio') {
    if (!(T > 0))
      throw optionError(
        'target-nonpositive',
        [
          `比值法（x / 目标）要求目标值为正，得到 ${T}。`,
          `the ratio variant (x / target) needs a positive target, got ${T}.`,
        ],
        [
          '正值指标才能用比值；否则用 targetVariant "coinr"。',
          'Use the ratio only for positive indicators; otherwise use targetVariant "coinr".',
        ],
      );
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      if (neg && !(v > 0))
        throw new MeasureInputError(
          {
            code: 'target-ratio-nonpositive',
            severity: 'error',
            message: bi(
              `负向指标的比值（目标 / x）要求值为正，下标 ${i} 的值为 ${v}。`,
              `the ratio for a "-" indicator (target / x) needs positive values; the value at index ${i} is ${v}.`,
            ),
            fix: bi(
              '改用 targetVariant "coinr"，或检查数据。',
              'Use targetVariant "coinr" instead, or check the data.',
            ),
          },
          { index: i },
        );
      out[i] = neg ? T / v : v / T;
    }
  } else {
    const ref = neg ? hi : lo; // the worst value
    if (T === ref)
      throw optionError(
        'target-at-worst',
        [
          `目标值 ${T} 等于最差值，距离无定义（除以 0）。`,
          `the target ${T} equals the worst value, so the distance is undefined (division by 0).`,
        ],
        [
          '检查目标值：正向指标的目标应高于最小值，负向指标的应低于最大值。',
          'Check the target: above the minimum for a "+" indicator, below the maximum for a "-" one.',
        ],
      );
    for (let i = 0; i < x.length; i++) out[i] = neg ? (hi - x[i]) / (hi - T) : (x[i] - lo) / (T - lo);
  }
  if (opts.cap ?? CAP_DEFAULT['distance-to-target']) for (let i = 0; i < x.length; i++) if (out[i] > 1) out[i] = 1;
  return out;
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
