/**
 * The draws of `xinzhi estimate` on several CPU cores (Node): runners of
 * draw ranges for the core's runEstimateAsync — mediation bootstrap samples,
 * DID placebo draws and heterogeneity permutations — each range on its own worker thread
 * (io/estimate-worker.ts). The draws are taken from the seeded generators
 * before any fit, so the results are those of one thread for the same seed;
 * the browser and the server's jobs keep one thread.
 *
 * @example await runEstimateAsync(panel, models, ctx, { ...estimateRunners, parts: estimateParts() })
 */
import type { EstimateModel } from '../../core/estimate/model.ts';
import {
  type MediationDrawRunner,
  type PermutationRunner,
  type PlaceboRunner,
  spreadableDraws,
} from '../../core/estimate/run.ts';
import type { EstimateWorkerJob } from './estimate-worker.ts';
import { runJobOnWorker, threadParts } from './worker-thread.ts';

/** Below this many rows × draws one thread is quicker than starting others. */
export const PARALLEL_MIN_DRAW_ROWS = 1_000_000;

/**
 * Parts to split a model's draws into: `jobs` when given, else one per CPU
 * core (at most 8) when rows × draws ≥ PARALLEL_MIN_DRAW_ROWS, else 1.
 */
export function estimateParts(jobs?: number): (model: EstimateModel, rows: number) => number {
  return (model, rows) => threadParts(rows, spreadableDraws(model), PARALLEL_MIN_DRAW_ROWS, jobs);
}

const onWorker = <T>(job: EstimateWorkerJob) => runJobOnWorker<T>(import.meta.url, './estimate-worker', job);

/** Each range of draws on a new worker thread, which ends with it. */
export const estimateRunners: {
  runMediation: MediationDrawRunner;
  runPlacebo: PlaceboRunner;
  runPermutation: PermutationRunner;
} = {
  runMediation: (job) => onWorker<Float64Array>({ kind: 'mediation', ...job }),
  runPlacebo: (job) => onWorker<number[]>({ kind: 'placebo', ...job }),
  runPermutation: (job) => onWorker<number[]>({ kind: 'permutation', ...job }),
};
