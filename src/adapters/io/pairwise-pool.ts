/**
 * The samples of Copeland and gaussian PROMETHEE II (the extra scores that
 * compare every pair) on several CPU cores (Node): core/measure/pairwise-jobs.ts
 * piecesRunner with this machine's cores, each thread's share of pieces run
 * on a worker thread (io/pairwise-worker.ts). The pieces join into the
 * numbers one thread computes, to the bit, on any number of threads.
 *
 * @example await evaluateAsync(panel, spec, { pairwise: pairwiseRunner() })
 */
import { availableParallelism } from 'node:os';
import { type PairwiseRunner, type PieceOutput, piecesRunner } from '../../core/measure/pairwise-jobs.ts';
import type { PairwiseTask } from './pairwise-worker.ts';
import { runJobOnWorker } from './worker-thread.ts';

export { PAIRWISE_MIN_WORK } from '../../core/measure/pairwise-jobs.ts';

/**
 * A runner that uses `jobs` threads when given (1: this thread), else one per
 * CPU core (at most 8) when the work reaches PAIRWISE_MIN_WORK; `onProgress`
 * hears of each sample or piece done.
 */
export function pairwiseRunner(jobs?: number, onProgress?: (done: number, total: number) => void): PairwiseRunner {
  return piecesRunner(
    availableParallelism(),
    (pieces, tick) =>
      runJobOnWorker<Array<PieceOutput | null>>(
        import.meta.url,
        '../io/pairwise-worker',
        { pieces } satisfies PairwiseTask,
        tick, // a message for each piece done
      ),
    jobs,
    onProgress,
  );
}
