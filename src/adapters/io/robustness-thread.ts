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
import { jobWorker, type JobWorker } from './worker-thread.ts';

/** Below this many unit-time rows the check is quicker in this thread than a worker's start-up. */
export const ROBUSTNESS_THREAD_MIN_ROWS = 20_000;

/** From this data file size (bytes) the CLI starts the robustness worker before reading (a panel of about ROBUSTNESS_THREAD_MIN_ROWS rows). */
export const ROBUSTNESS_EARLY_BYTES = 2_000_000;

/** A robustness worker started ahead (its modules load while the data are read), for rankRobustnessOnWorker. */
export function robustnessWorker(): JobWorker<RobustnessReport> {
  return jobWorker<RobustnessReport>(import.meta.url, './robustness-worker');
}

/**
 * rankRobustness(panel, result, opts), on a worker thread from `minRows` rows
 * (default ROBUSTNESS_THREAD_MIN_ROWS), else here; `worker`: one started
 * ahead (robustnessWorker), ended unused when the check runs here.
 */
export function rankRobustnessOnWorker(
  panel: Panel,
  result: RobustnessBasis,
  opts: RobustnessOptions & { minRows?: number; worker?: JobWorker<RobustnessReport> } = {},
): Promise<RobustnessReport> {
  const { minRows = ROBUSTNESS_THREAD_MIN_ROWS, worker, ...rest } = opts;
  if (result.scores.length < minRows) {
    worker?.cancel();
    return Promise.resolve(rankRobustness(panel, result, rest));
  }
  const job: RobustnessJob = { panel, basis: robustnessBasis(result, rest.times), opts: rest };
  return (worker ?? robustnessWorker()).run(job);
}
