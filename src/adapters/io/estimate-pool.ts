/**
 * The mediation bootstrap on several CPU cores (Node): a runner of draw
 * ranges for the core's runEstimateAsync that computes each range on its own
 * worker thread (io/estimate-worker.ts). The clusters of every draw are taken
 * from the seeded generator before any fit, so the intervals are those of one
 * thread for the same seed; the browser and the server's jobs keep one thread.
 *
 * @example await runEstimateAsync(panel, models, ctx, { runPart: runMediationDrawsOnWorker, parts: mediationParts() })
 */
import { availableParallelism } from 'node:os';
import type { EstimateModel } from '../../core/estimate/model.ts';
import type { MediationDrawRunner } from '../../core/estimate/run.ts';
import { runJobOnWorker } from './worker-thread.ts';

/** Below this many rows × draws one thread is quicker than starting others. */
export const PARALLEL_MIN_DRAW_ROWS = 1_000_000;

/**
 * Parts to split a mediation model's draws into: `jobs` when given, else one
 * per CPU core (at most 8) when rows × draws ≥ PARALLEL_MIN_DRAW_ROWS, else 1.
 */
export function mediationParts(jobs?: number): (model: EstimateModel, rows: number) => number {
  return (model, rows) => {
    const draws = model.bootstrap ?? 0;
    if (jobs !== undefined) return Math.max(1, Math.min(jobs, draws));
    if (rows * draws < PARALLEL_MIN_DRAW_ROWS) return 1;
    return Math.max(1, Math.min(8, availableParallelism(), draws));
  };
}

/** Compute a range of draws on a new worker thread, which ends with it. */
export const runMediationDrawsOnWorker: MediationDrawRunner = (job) =>
  runJobOnWorker<Float64Array>(import.meta.url, './estimate-worker', job);
