/**
 * The robustness check (core/measure/robustness.ts) on a worker thread, so
 * that a firm panel's re-runs under the other weighting methods go on while
 * this thread writes the result: the report is the one rankRobustness gives
 * in this thread. Only the part of the result the check reads is copied
 * (robustnessBasis).
 *
 * @example const later = rankRobustnessOnWorker(panel, result, { threshold: 3 }); …; result.robustness = await later;
 */
import type { Panel } from '../../core/panel/types.ts';
import {
  rankRobustness,
  robustnessBasis,
  type RobustnessBasis,
  type RobustnessOptions,
} from '../../core/measure/robustness.ts';
import type { RobustnessReport } from '../../core/measure/result.ts';
import type { RobustnessJob } from './robustness-worker.ts';
import { runJobOnWorker } from './worker-thread.ts';

/** Below this many unit-time rows the check is quicker in this thread than a worker's start-up. */
export const ROBUSTNESS_THREAD_MIN_ROWS = 20_000;

/** rankRobustness(panel, result, opts), on a worker thread from `minRows` rows (default ROBUSTNESS_THREAD_MIN_ROWS), else here. */
export function rankRobustnessOnWorker(
  panel: Panel,
  result: RobustnessBasis,
  opts: RobustnessOptions & { minRows?: number } = {},
): Promise<RobustnessReport> {
  const { minRows = ROBUSTNESS_THREAD_MIN_ROWS, ...rest } = opts;
  if (result.scores.length < minRows) return Promise.resolve(rankRobustness(panel, result, rest));
  return runJobOnWorker<RobustnessReport>(import.meta.url, './robustness-worker', {
    panel,
    basis: robustnessBasis(result, rest.times),
    opts: rest,
  } satisfies RobustnessJob);
}
