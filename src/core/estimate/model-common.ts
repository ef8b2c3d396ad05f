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
