/**
 * The uncertainty analysis on several CPU cores (Node): a runner of draw
 * ranges for the core's runUncertaintyParts / evaluateAsync that computes
 * each range on its own worker thread (io/uncertainty-worker.ts, loaded
 * compiled or, from the TypeScript sources, through tsx). The report is the
 * one a single thread gives for the same seed (each draw has its own random
 * stream). The web app does the same with Web Workers (web/compute-pool.ts).
 *
 * @example await evaluateAsync(panel, spec, { parallel: { runPart: runPartOnWorker, parts: 2 } })
 */
import type { UncertaintyJob } from './uncertainty-worker.ts';
import { runJobOnWorker, threadParts } from './worker-thread.ts';
import {
  PARALLEL_MIN_RANKS,
  type UncertaintyPart,
  type UncertaintyPartRunner,
} from '../../core/measure/uncertainty.ts';

export { PARALLEL_MIN_RANKS };

/**
 * Parts to split the draws into: `jobs` when given, else one per CPU core
 * (at most 8) when the analysis is large (rows × draws ≥ PARALLEL_MIN_RANKS),
 * else 1.
 */
export function uncertaintyParts(rows: number, draws: number, jobs?: number): number {
  return threadParts(rows, draws, PARALLEL_MIN_RANKS, jobs);
}

/** Compute draws [from, to) on a new worker thread, which ends with the part. */
export const runPartOnWorker: UncertaintyPartRunner = (inp, from, to, onDraws) =>
  runJobOnWorker<UncertaintyPart>(
    import.meta.url,
    '../io/uncertainty-worker',
    { inp, from, to } satisfies UncertaintyJob,
    (msg) => onDraws(msg.draws as number),
  );
