/**
 * Grey relational analysis against a reference series (灰色关联分析，母序列 /
 * 参考序列): how closely each comparison series x_j follows the reference x_0
 * over the same observations k = 1..N (years of one region, or units).
 *
 *   dimensionless series: mean     x'(k) = x(k) / mean(x)            (均值化, default)
 *                         initial  x'(k) = x(k) / x(1)               (初值化)
 *                         minmax   x'(k) = (x(k) − min)/(max − min)  (区间化)
 *                         none     x'(k) = x(k)
 *   Δ_j(k) = |x'_0(k) − x'_j(k)|,  Δmin / Δmax over every j and k
 *   ξ_j(k) = (Δmin + ρ Δmax) / (Δ_j(k) + ρ Δmax),  ρ = 0.5 by default
 *   r_j    = (1/N) Σ_k ξ_j(k)        (the grey relational grade, ranked descending)
 *
 * This is greyRelational (core/measure/scores/gra.ts) with the observations as
 * columns, the reference as the given reference row and equal weights 1/N.
 * Sources: 邓聚龙 (1987) 《灰色系统基本方法》; 刘思峰 等 (2017) 《灰色系统理论及其应用》.
 * Degenerate: a series with mean 0 (mean), first value 0 (initial) or no
 * range (minmax) cannot be made dimensionless: an error naming it; Δmax = 0
 * (every series equal to the reference) gives ξ = 1.
 */
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { greyRelational } from '../measure/scores/gra.ts';

export const GRA_SERIES_NORMALIZATIONS = ['mean', 'initial', 'minmax', 'none'] as const;
export type GraSeriesNormalization = (typeof GRA_SERIES_NORMALIZATIONS)[number];

export interface GraSeriesResult {
  normalize: GraSeriesNormalization;
  rho: number;
  /** Comparison series ids, in input order. */
  series: string[];
  /** Grade r_j of each series. */
  grades: number[];
  /** Rank of each series by grade (1 = closest to the reference; ties share the smallest rank). */
  ranks: number[];
  /** ξ_j(k): coefficients[j][k]. */
  coefficients: number[][];
}

/** Make one series dimensionless (module comment); throws naming the series when it cannot. */
export function dimensionless(x: ArrayLike<number>, how: GraSeriesNormalization, name: string): Float64Array {
  const v = Float64Array.from(x);
  const bad = v.findIndex((t) => !Number.isFinite(t));
  if (bad >= 0)
    throw new XinzhiError({
      code: 'missing-value',
      severity: 'error',
      column: name,
      row: bad + 1,
      message: bi(
        `序列 "${name}" 第 ${bad + 1} 个值缺失或非有限（${v[bad]}）`,
        `series "${name}", value ${bad + 1} is missing or not finite (${v[bad]})`,
      ),
      fix: bi('先处理缺失值（插补或删除该行）', 'treat missing values first (impute or drop the row)'),
    });
  if (how === 'none') return v;
  let d = 0;
  let lo = v[0];
  if (how === 'mean') d = v.reduce((a, b) => a + b, 0) / v.length;
  else if (how === 'initial') d = v[0];
  else {
    let hi = v[0];
    for (const t of v) {
      if (t < lo) lo = t;
      if (t > hi) hi = t;
    }
    d = hi - lo;
  }
  if (!(Math.abs(d) > 0) || !Number.isFinite(d))
    throw new XinzhiError({
      code: 'gra-dimensionless',
      severity: 'error',
      column: name,
      message: bi(
        `序列 "${name}" 无法按 ${how} 无量纲化（${how === 'mean' ? '均值' : how === 'initial' ? '首项' : '极差'}为 ${d}）`,
        `series "${name}" cannot be made dimensionless by ${how} (its ${how === 'mean' ? 'mean' : how === 'initial' ? 'first value' : 'range'} is ${d})`,
      ),
      fix: bi(
        '换一种无量纲化方法（--normalize），或检查该列',
        'choose another normalisation (--normalize), or check the column',
      ),
    });
  return how === 'minmax' ? v.map((t) => (t - lo) / d) : v.map((t) => t / d);
}

/**
 * Grey relational grades of comparison series against a reference series.
 * @example greyRelationalSeries([1, 2, 3], { a: [1, 2, 3], b: [3, 2, 1] }).grades[0] // 1
 */
export function greyRelationalSeries(
  reference: ArrayLike<number>,
  series: Record<string, ArrayLike<number>>,
  opts: { normalize?: GraSeriesNormalization; rho?: number; referenceName?: string } = {},
): GraSeriesResult {
  const how = opts.normalize ?? 'mean';
  const rho = opts.rho ?? 0.5;
  const ids = Object.keys(series);
  const N = reference.length;
  if (!ids.length || N < 1)
    throw new XinzhiError({
      code: 'gra-empty',
      severity: 'error',
      message: bi('需要参考序列和至少一个比较序列', 'needs a reference series and at least one comparison series'),
      fix: bi('用 --reference 与 --compare 指定列', 'name the columns with --reference and --compare'),
    });
  const x0 = dimensionless(reference, how, opts.referenceName ?? 'reference');
  const xs = ids.map((id) => {
    if (series[id].length !== N)
      throw new XinzhiError({
        code: 'gra-length',
        severity: 'error',
        column: id,
        message: bi(
          `序列 "${id}" 有 ${series[id].length} 个值，参考序列有 ${N} 个`,
          `series "${id}" has ${series[id].length} values, the reference ${N}`,
        ),
        fix: bi('所有序列须等长', 'every series must have the same length'),
      });
    return dimensionless(series[id], how, id);
  });
  // observations as columns, series as rows: the reference row is x0, weights 1/N
  const cols = Array.from({ length: N }, (_, k) => Float64Array.from(xs, (x) => x[k]));
  const r = greyRelational(cols, new Array<number>(N).fill(1 / N), { rho, reference: x0 });
  const grades = Array.from(r.grade);
  const ranks = grades.map((g) => 1 + grades.filter((o) => o > g).length);
  return {
    normalize: how,
    rho,
    series: ids,
    grades,
    ranks,
    coefficients: ids.map((_, j) => Array.from({ length: N }, (_, k) => r.coefficients[k][j])),
  };
}
