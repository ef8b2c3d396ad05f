/**
 * What every model result of the runner carries besides its estimates: the
 * model's name and settings, the outcome, what the data preparation changed
 * (winsorising, rows dropped by lags), the framework node a mediator or
 * moderator stands for, and the interpretation sentence.
 */
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
