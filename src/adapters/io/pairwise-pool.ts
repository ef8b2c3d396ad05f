/**
 * The per-time samples of Copeland and gaussian PROMETHEE II (the extra
 * scores that compare every pair: core/measure/pairwise-jobs.ts) on several
 * CPU cores (Node): a PairwiseRunner for evaluateAsync that shares the
 * samples among worker threads (io/pairwise-worker.ts), the costliest first,
 * each to the thread with the least work so far. Every sample is computed by
 * the same code as on one thread, so the scores are the same to the bit; a
 * sample a thread could not compute is left to the evaluation, which
 * computes it itself (and reports its error as a run on one thread does).
 *
 * @example await evaluateAsync(panel, spec, { pairwise: pairwiseRunner() })
 */
import {
  type PairwiseJob,
  type PairwiseOutput,
  type PairwiseRunner,
  pairwiseCost,
  runPairwiseJob,
} from '../../core/measure/pairwise-jobs.ts';
import type { PairwiseTask } from './pairwise-worker.ts';
import { runJobOnWorker, threadParts } from './worker-thread.ts';

/**
 * Pairs × criteria below which the samples are computed on this thread
 * (starting threads would cost more than they save): 0.2 s of Copeland or 1 s
 * of gaussian flows; a year of 1,000 firms × 40 indicators is 2 × 10^7.
 */
export const PAIRWISE_MIN_WORK = 1e8;

/**
 * A runner that uses `jobs` threads when given (1: this thread), else one per
 * CPU core (at most 8) when the work reaches PAIRWISE_MIN_WORK; `onProgress`
 * hears of each sample done (of all the runner was given).
 */
export function pairwiseRunner(jobs?: number, onProgress?: (done: number, total: number) => void): PairwiseRunner {
  return async (list) => {
    const costs = list.map(pairwiseCost);
    const total = costs.reduce((a, b) => a + b, 0);
    const parts = list.length ? threadParts(total / list.length, list.length, PAIRWISE_MIN_WORK, jobs) : 1;
    let done = 0;
    const tick = () => onProgress?.(++done, list.length);
    if (parts <= 1)
      return list.map((job) => {
        const out = here(job);
        tick();
        return out;
      });
    // the costliest sample first, to the thread with the least work so far
    const shares = Array.from({ length: parts }, () => ({ cost: 0, at: [] as number[] }));
    for (const i of Array.from(list.keys()).sort((a, b) => costs[b] - costs[a] || a - b)) {
      const least = shares.reduce((m, s) => (s.cost < m.cost ? s : m));
      least.cost += costs[i];
      least.at.push(i);
    }
    const outs: Array<PairwiseOutput | undefined> = new Array(list.length).fill(undefined);
    await Promise.all(
      shares.map(async ({ at }) => {
        const task: PairwiseTask = { jobs: at.map((i) => list[i]) };
        const got = await runJobOnWorker<Array<PairwiseOutput | null>>(
          import.meta.url,
          './pairwise-worker',
          task,
          tick, // a message for each sample done
        ).catch(() => undefined); // a thread that failed leaves its samples to the evaluation
        at.forEach((i, k) => (outs[i] = got?.[k] ?? undefined));
      }),
    );
    return outs;
  };
}

/** A job on this thread; undefined when it fails (the evaluation computes it again and reports where). */
function here(job: PairwiseJob): PairwiseOutput | undefined {
  try {
    return runPairwiseJob(job);
  } catch {
    return undefined;
  }
}
