/**
 * What every model result of the runner carries besides its estimates: the
 * model's name and settings, the outcome, what the data preparation changed
 * (winsorising, rows dropped by lags), the framework node a mediator or
 * moderator stands for, and the interpretation sentence.
 */
import { type Bilingual, bi } from '../i18n.ts';
import type { FrameworkTag } from './framework-tag.ts';
import type { EstimateModel } from './model.ts';
import type { WinsorReport } from './winsor.ts';

export interface ModelCommon {
  name: string;
  /** The winsorising applied before estimation, when the model asked for it. */
  winsor?: WinsorReport;
  /** Rows dropped because a lagged term (`L.x`) has no value at t − k (with lags only). */
  lagDropped?: number;
  /** The framework node the mediator / moderator stands for, with the seed sections behind it. */
  framework?: FrameworkTag;
  y: string;
  model: EstimateModel;
  /** One plain sentence per model on the first regressor (bilingual). */
  interpretation: { zh: string; en: string };
  /** Statistics of this result that could not be computed (NaN; null in JSON), with the reason (absentStatistics). */
  absent?: AbsentStatistics;
}

/** The statistics of a result that are NaN, by dotted path, and why such values are absent. */
export interface AbsentStatistics {
  /** Number of NaN values found. */
  count: number;
  /** Their paths (the first 20), e.g. "eventStudy.periods[0].se". */
  paths: string[];
  reason: Bilingual;
}

/**
 * Every NaN of a model result, by path: the statistics the sample cannot
 * support (too few observations or clusters, a constant or exactly fitted
 * column, a singular matrix). Infinite values (an unbounded interval) are
 * not counted. Undefined when there is none, so a clean result is unchanged.
 *
 * @example absentStatistics({ coefficients: { x: { se: NaN } } })?.paths // ["coefficients.x.se"]
 */
export function absentStatistics(result: unknown): AbsentStatistics | undefined {
  const paths: string[] = [];
  let count = 0;
  const seen = new Set<unknown>();
  const walk = (v: unknown, path: string, depth: number) => {
    if (typeof v === 'number') {
      if (Number.isNaN(v)) {
        count++;
        if (paths.length < 20) paths.push(path);
      }
      return;
    }
    if (depth > 12 || v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      const a = v as unknown as ArrayLike<number>;
      for (let i = 0; i < a.length; i++) walk(a[i], `${path}[${i}]`, depth + 1);
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`, depth + 1));
    else
      for (const [k, x] of Object.entries(v))
        if (k !== 'model' && k !== 'absent') walk(x, path ? `${path}.${k}` : k, depth + 1);
  };
  walk(result, '', 0);
  if (count === 0) return undefined;
  return {
    count,
    paths,
    reason: bi(
      `${count} 个统计量无法由此样本计算（观测或聚类过少、某列为常数或被完全拟合、矩阵奇异），JSON 中为 null，表格中留空`,
      `${count} statistics cannot be computed from this sample (too few observations or clusters, a constant or exactly fitted column, or a singular matrix); they are null in JSON and blank in tables`,
    ),
  };
}

/**
 * The clause said instead of a significance verdict when a p-value cannot be
 * computed (a zero or missing standard error: the outcome is fitted exactly,
 * or too few observations remain). No verdict is drawn from a missing number.
 *
 * @example noP('y').en // "no p-value (the standard error of y's coefficient is zero or missing …)"
 */
export function noP(what: string): Bilingual {
  return bi(
    `没有 p 值（${what} 的标准误为 0 或无法计算：结果变量被完全拟合或剩余观测过少），不做显著性判断`,
    `no p-value (the standard error of ${what} is zero or cannot be computed: the outcome is fitted exactly or too few observations remain), so no verdict on significance`,
  );
}

/**
 * The interpretation sentence of a model followed by the note on absent
 * statistics, when there are any: what every display (terminal, documents,
 * web page) prints under a model.
 */
export function modelReading(m: Pick<ModelCommon, 'interpretation' | 'absent'>): Bilingual {
  if (!m.absent) return m.interpretation;
  return bi(
    `${m.interpretation.zh} 注：${m.absent.reason.zh}。`,
    `${m.interpretation.en} Note: ${m.absent.reason.en}.`,
  );
}
