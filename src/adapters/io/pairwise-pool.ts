/**
 * The samples of Copeland and gaussian PROMETHEE II (the extra scores that
 * compare every pair: core/measure/pairwise-jobs.ts) on several CPU cores
 * (Node): a PairwiseRunner for evaluateAsync that cuts the samples into
 * pieces (PROMETHEE by criteria, Copeland by rows; a sample whose work is
 * a small share of the whole stays one piece) and shares the pieces among
 * worker threads (io/pairwise-worker.ts), the costliest first, each to the
 * thread with the least work so far. The pieces join into the numbers one
 * thread computes, to the bit, on any number of threads; a sample of which
 * a piece could not be computed is left to the evaluation, which computes
 * it itself (and reports its error as a run on one thread does).
 *
 * @example await evaluateAsync(panel, spec, { pairwise: pairwiseRunner() })
 */
import {
  joinPieces,
  maxPieces,
  type PairwiseJob,
  type PairwiseOutput,
  type PairwiseRunner,
  type PieceOutput,
  pairwiseCost,
  pairwisePieces,
  pieceCost,
  runPairwiseJob,
} from '../../core/measure/pairwise-jobs.ts';
import type { PairwiseTask } from './pairwise-worker.ts';
import { runJobOnWorker, threadParts } from './worker-thread.ts';

/**
 * Work (pairwiseCost) below which the samples are computed on this thread
 * (starting threads would cost more than they save): about 0.2 s on one
 * core; Copeland on a year of 1,000 firms × 40 indicators is 2 × 10^7,
 * gaussian flows on it 10^8.
 */
export const PAIRWISE_MIN_WORK = 1e8;

/**
 * A runner that uses `jobs` threads when given (1: this thread), else one per
 * CPU core (at most 8) when the work reaches PAIRWISE_MIN_WORK; `onProgress`
 * hears of each piece done (of all the runner made).
 */
export function pairwiseRunner(jobs?: number, onProgress?: (done: number, total: number) => void): PairwiseRunner {
  return async (list) => {
    const costs = list.map(pairwiseCost);
    const total = costs.reduce((a, b) => a + b, 0);
    const most = list.reduce((s, job) => s + maxPieces(job), 0);
    const parts = list.length ? threadParts(total / most, most, PAIRWISE_MIN_WORK, jobs) : 1;
    let done = 0;
    if (parts <= 1)
      return list.map((job) => {
        const out = here(job);
        onProgress?.(++done, list.length);
        return out;
      });
    // pieces of at most about a quarter of a thread's share; a job whose input is not valid makes none
    const share = total / (8 * parts);
    const cut = list.map((job, i) => {
      try {
        return pairwisePieces(job, Math.max(1, Math.ceil(costs[i] / share)));
      } catch {
        return [];
      }
    });
    const pieces = cut.flatMap((ps, i) => ps.map((piece) => ({ job: i, piece, cost: pieceCost(piece) })));
    const tick = () => onProgress?.(++done, pieces.length);
    // the costliest piece first, to the thread with the least work so far
    const shares = Array.from({ length: parts }, () => ({ cost: 0, at: [] as number[] }));
    for (const p of Array.from(pieces.keys()).sort((a, b) => pieces[b].cost - pieces[a].cost || a - b)) {
      const least = shares.reduce((m, s) => (s.cost < m.cost ? s : m));
      least.cost += pieces[p].cost;
      least.at.push(p);
    }
    const got: Array<PieceOutput | null> = new Array(pieces.length).fill(null);
    await Promise.all(
      shares
        .filter((s) => s.at.length)
        .map(async ({ at }) => {
          const task: PairwiseTask = { pieces: at.map((p) => pieces[p].piece) };
          const outs = await runJobOnWorker<Array<PieceOutput | null>>(
            import.meta.url,
            './pairwise-worker',
            task,
            tick, // a message for each piece done
          ).catch(() => undefined); // a thread that failed leaves its samples to the evaluation
          at.forEach((p, k) => (got[p] = outs?.[k] ?? null));
        }),
    );
    return list.map((job, i) => {
      const mine = pieces.flatMap((p, k) => (p.job === i ? [k] : []));
      if (!mine.length || mine.some((k) => got[k] === null)) return undefined;
      return joinPieces(
        job,
        mine.map((k) => pieces[k].piece),
        mine.map((k) => got[k]!),
      );
    });
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
