/**
 * The app's worker on every CPU core: Monte Carlo draw ranges and pieces of
 * the pairwise scores (Copeland, gaussian PROMETHEE II) on Web Workers of
 * their own (compute-worker.ts), started by the app's worker, by the same
 * rules as the CLI's worker threads (core/threads.ts threadsFor,
 * PARALLEL_MIN_RANKS, PAIRWISE_MIN_WORK). The results are the ones one
 * thread gives, to the bit. Used by worker.ts through Session.evaluateAsync.
 *
 * @example await session.evaluateAsync(spec, { pools: webPools() })
 */
import { XinzhiError, type Problem } from '../../core/errors.ts';
import type { ParallelDraws } from '../../core/measure/evaluate.ts';
import { type PairwiseRunner, type PieceOutput, piecesRunner } from '../../core/measure/pairwise-jobs.ts';
import {
  PARALLEL_MIN_RANKS,
  type UncertaintyPart,
  type UncertaintyPartRunner,
} from '../../core/measure/uncertainty.ts';
import { threadsFor } from '../../core/threads.ts';
import type { ComputeJob } from './compute-worker.ts';

/** The CPU cores the browser reports (1 when it does not). */
export function browserCores(): number {
  const n = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  return n && n > 0 ? n : 1;
}

/** Run one job on a new compute worker, which closes when done; progress messages go to `onMessage`. */
function runOnComputeWorker<T>(job: ComputeJob, onMessage: (msg: Record<string, unknown>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const w = new Worker(new URL('./compute-worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (ev: MessageEvent<Record<string, unknown>>) => {
      const m = ev.data;
      if ('done' in m) resolve(m.done as T);
      else if ('problems' in m) reject(new XinzhiError(m.problems as Problem[]));
      else if ('error' in m) reject(new Error(String(m.error)));
      else return onMessage(m);
      w.terminate();
    };
    w.onerror = (ev) => {
      ev.preventDefault();
      reject(new Error(ev.message || 'compute worker failed'));
      w.terminate();
    };
    w.postMessage(job);
  });
}

/** A range of draws on a compute worker. */
const runPart: UncertaintyPartRunner = (inp, from, to, onDraws) =>
  runOnComputeWorker<UncertaintyPart>({ kind: 'uncertainty', inp, from, to }, (m) => onDraws(m.draws as number));

/** What Session.evaluateAsync takes: the draws' split for a panel of `rows` rows, and the pairwise runner. */
export interface ComputePools {
  parallel: (rows: number, draws: number) => ParallelDraws | undefined;
  pairwise: PairwiseRunner;
  /** The most compute workers that ran at once and answered (1: everything on the app's worker). */
  threads(): number;
}

/** Pools for one evaluation on this browser's cores: `jobs` workers at most when given (as the CLI's --jobs; 1: none). */
export function webPools(cores = browserCores(), jobs?: number): ComputePools {
  let most = 1;
  let shares = 0;
  const runner = piecesRunner(
    cores,
    async (pieces, tick) => {
      const outs = await runOnComputeWorker<Array<PieceOutput | null>>({ kind: 'pairwise', pieces }, tick);
      shares++; // a worker that answered
      return outs;
    },
    jobs,
  );
  return {
    parallel: (rows, draws) => {
      const parts = threadsFor(rows, draws, PARALLEL_MIN_RANKS, cores, jobs);
      if (parts <= 1) return undefined;
      most = Math.max(most, parts);
      return { runPart, parts };
    },
    pairwise: async (jobs) => {
      shares = 0;
      const outs = await runner(jobs);
      most = Math.max(most, shares);
      return outs;
    },
    threads: () => most,
  };
}
