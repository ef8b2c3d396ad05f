/**
 * The firm-TFP bootstrap on several CPU cores (Node): a runner of
 * replication ranges for the core's runFirmAsync that fits each range on its
 * own worker thread (io/tfp-worker.ts). The firms of every replication are
 * drawn before the fits, so the standard errors are those of one thread for
 * the same seed. The web app does the same with Web Workers (web/compute-pool.ts).
 *
 * @example await runFirmAsync(panel, model, { runPart: runReplicatesOnWorker, parts: tfpBootstrapParts(n, 50) })
 */
import { PARALLEL_MIN_FIRM_ROWS, type ReplicateRunner } from '../../core/tfp/firm/run.ts';
import { runJobOnWorker, threadParts } from './worker-thread.ts';

export { PARALLEL_MIN_FIRM_ROWS };

/**
 * Parts to split the replications into: `jobs` when given, else one per CPU
 * core (at most 8) when rows × replications ≥ PARALLEL_MIN_FIRM_ROWS, else 1.
 */
export function tfpBootstrapParts(rows: number, reps: number, jobs?: number): number {
  return threadParts(rows, reps, PARALLEL_MIN_FIRM_ROWS, jobs);
}

/** Fit a range of replications on a new worker thread, which ends with it. */
export const runReplicatesOnWorker: ReplicateRunner = (job) =>
  runJobOnWorker<Array<number[] | null>>(import.meta.url, '../io/tfp-worker', job);
