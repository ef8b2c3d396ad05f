/**
 * The draws of `xinzhi estimate` on several CPU cores (Node): runners of
 * draw ranges for the core's runEstimateAsync — mediation bootstrap samples,
 * DID placebo draws and heterogeneity permutations — each range on its own worker thread
 * (io/estimate-worker.ts). The draws are taken from the seeded generators
 * before any fit, so the results are those of one thread for the same seed;
 * the web app does the same with Web Workers (web/compute-pool.ts); the
 * server's jobs keep one thread.
 *
 * @example await runEstimateAsync(panel, models, ctx, { ...estimateRunners, parts: estimateParts() })
 */
import type { EstimateModel } from '../../core/estimate/model.ts';
import { type DrawRunners, PARALLEL_MIN_DRAW_ROWS, spreadableDraws } from '../../core/estimate/run.ts';
import type { EstimateDrawJob } from '../../core/estimate/draw-jobs.ts';
import { runJobOnWorker, threadParts } from './worker-thread.ts';

export { PARALLEL_MIN_DRAW_ROWS };

/**
 * Parts to split a model's draws into: `jobs` when given, else one per CPU
 * core (at most 8) when rows × draws ≥ PARALLEL_MIN_DRAW_ROWS, else 1.
 */
export function estimateParts(jobs?: number): (model: EstimateModel, rows: number) => number {
  return (model, rows) => threadParts(rows, spreadableDraws(model), PARALLEL_MIN_DRAW_ROWS, jobs);
}

const onWorker = <T>(job: EstimateDrawJob) => runJobOnWorker<T>(import.meta.url, '../io/estimate-worker', job);

/** Each range of draws on a new worker thread, which ends with it. */
export const estimateRunners: Omit<DrawRunners, 'parts'> = {
  runMediation: (job) => onWorker<Float64Array>({ kind: 'mediation', ...job }),
  runPlacebo: (job) => onWorker<number[]>({ kind: 'placebo', ...job }),
  runPermutation: (job) => onWorker<number[]>({ kind: 'permutation', ...job }),
};
