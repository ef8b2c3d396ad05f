/**
 * The app's worker on every CPU core: the work the CLI spreads over worker
 * threads — Monte Carlo draw ranges, pieces of the pairwise scores
 * (Copeland, gaussian PROMETHEE II), DEA chunks, firm-TFP bootstrap
 * replications, an estimation's bootstrap / placebo / permutation draws —
 * on Web Workers of their own (compute-worker.ts), started by the app's
 * worker, by the same rules (core/threads.ts threadsFor and each kind's
 * threshold). The results are the ones one thread gives, to the bit. Used
 * by worker.ts through the sessions' async calls.
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
import { MAX_THREADS, threadsFor } from '../../core/threads.ts';
import { type DrawRunners, PARALLEL_MIN_DRAW_ROWS, spreadableDraws } from '../../core/estimate/run.ts';
import { type ChunkOut, type DeaRunner, PARALLEL_MIN_PROGRAMMES } from '../../core/tfp/chunks.ts';
import { PARALLEL_MIN_FIRM_ROWS, type ReplicateRunner } from '../../core/tfp/firm/run.ts';
import type { ComputeJob } from './compute-worker.ts';

/** The CPU cores the browser reports (1 when it does not). */
export function browserCores(): number {
  const n = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  return n && n > 0 ? n : 1;
}

/**
 * Compute workers waiting for a job. They are kept between requests (a
 * recompute after a change finds them loaded and their code compiled, and
 * HiGHS loaded where a DEA run used it) and end after IDLE_MS without work,
 * or with the app's worker.
 */
const idle: Array<{ worker: Worker; timer: ReturnType<typeof setTimeout> }> = [];
const IDLE_MS = 60_000;

/** A new compute worker: its code starts loading at once. */
function newWorker(): Worker {
  return new Worker(new URL('./compute-worker.ts', import.meta.url), { type: 'module' });
}

/** An idle compute worker, or a new one. */
function takeWorker(): Worker {
  const kept = idle.pop();
  if (!kept) return newWorker();
  clearTimeout(kept.timer);
  return kept.worker;
}

/** Workers started ahead of their jobs, up to `n` waiting: their code loads while the request's own work goes on. */
function warm(n: number): void {
  while (idle.length < Math.min(n, MAX_THREADS)) releaseWorker(newWorker());
}

/** A worker whose job is done waits for the next one (at most MAX_THREADS are kept). */
function releaseWorker(worker: Worker): void {
  if (idle.length >= MAX_THREADS) {
    worker.terminate();
    return;
  }
  const timer = setTimeout(() => {
    const at = idle.findIndex((w) => w.worker === worker);
    if (at >= 0) idle.splice(at, 1);
    worker.terminate();
  }, IDLE_MS);
  idle.push({ worker, timer });
}

/** Run one job on a compute worker; progress messages go to `onMessage`. A worker that failed is ended, not kept. */
function runOnComputeWorker<T>(job: ComputeJob, onMessage: (msg: Record<string, unknown>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const w = takeWorker();
    w.onmessage = (ev: MessageEvent<Record<string, unknown>>) => {
      const m = ev.data;
      if ('done' in m) resolve(m.done as T);
      else if ('problems' in m) reject(new XinzhiError(m.problems as Problem[]));
      else if ('error' in m) reject(new Error(String(m.error)));
      else return onMessage(m);
      w.onmessage = null;
      w.onerror = null;
      if ('error' in m) w.terminate();
      else releaseWorker(w);
    };
    w.onerror = (ev) => {
      ev.preventDefault();
      reject(new Error(ev.message || 'compute worker failed'));
      w.terminate();
    };
    try {
      w.postMessage(job);
    } catch (err) {
      w.terminate(); // a job that cannot be sent: the worker is not kept
      throw err;
    }
  });
}

/** A range of draws on a compute worker. */
const runPart: UncertaintyPartRunner = (inp, from, to, onDraws) =>
  runOnComputeWorker<UncertaintyPart>({ kind: 'uncertainty', inp, from, to }, (m) => onDraws(m.draws as number));

/** What the app's worker hands the sessions: where each kind of spreadable work runs, on this browser's cores. */
export interface ComputePools {
  /** The Monte Carlo draws' split for a panel of `rows` rows (undefined: the app's worker alone). */
  parallel: (rows: number, draws: number) => ParallelDraws | undefined;
  pairwise: PairwiseRunner;
  /** A DEA run's chunks (runTfpAsync). */
  dea: { runPart: DeaRunner; parts: (programmes: number) => number };
  /** Firm-TFP bootstrap replications for a panel of `rows` rows (undefined: the app's worker alone). */
  replicates: (rows: number, reps: number) => { runPart: ReplicateRunner; parts: number } | undefined;
  /** An estimation's draws (runEstimateAsync). */
  estimate: DrawRunners;
  /** The most compute workers the request was split over (1: everything on the app's worker; a DEA run starts no more than it has chunks). */
  threads(): number;
}

/**
 * Pools for one request on this browser's cores, by the CLI's rules
 * (core/threads.ts and each kind's threshold): `jobs` workers at most when
 * given (as the CLI's --jobs; 1: none).
 */
export function webPools(cores = browserCores(), jobs?: number): ComputePools {
  let most = 1;
  let shares = 0;
  /** Parts by the rule, noted as the run's threads when more than one. */
  const split = (rows: number, items: number, minWork: number): number => {
    const parts = threadsFor(rows, items, minWork, cores, jobs);
    if (parts > 1) most = Math.max(most, parts);
    return parts;
  };
  const runner = piecesRunner(
    cores,
    async (pieces, tick) => {
      const outs = await runOnComputeWorker<Array<PieceOutput | null>>({ kind: 'pairwise', pieces }, tick);
      shares++; // a worker that answered
      return outs;
    },
    jobs,
  );
  const none = () => {};
  return {
    parallel: (rows, draws) => {
      const parts = split(rows, draws, PARALLEL_MIN_RANKS);
      if (parts <= 1) return undefined;
      warm(parts); // asked before the evaluation, whose draws come after it
      return { runPart, parts };
    },
    pairwise: async (list) => {
      shares = 0;
      const outs = await runner(list);
      most = Math.max(most, shares);
      return outs;
    },
    dea: {
      runPart: (job) => runOnComputeWorker<ChunkOut[]>({ kind: 'dea', job }, none),
      parts: (programmes) => split(1, programmes, PARALLEL_MIN_PROGRAMMES),
    },
    replicates: (rows, reps) => {
      const parts = split(rows, reps, PARALLEL_MIN_FIRM_ROWS);
      return parts > 1
        ? { runPart: (job) => runOnComputeWorker<Array<number[] | null>>({ kind: 'replicates', job }, none), parts }
        : undefined;
    },
    estimate: {
      runMediation: (job) =>
        runOnComputeWorker<Float64Array>({ kind: 'estimate', job: { kind: 'mediation', ...job } }, none),
      runPlacebo: (job) => runOnComputeWorker<number[]>({ kind: 'estimate', job: { kind: 'placebo', ...job } }, none),
      runPermutation: (job) =>
        runOnComputeWorker<number[]>({ kind: 'estimate', job: { kind: 'permutation', ...job } }, none),
      parts: (model, rows) => split(rows, spreadableDraws(model), PARALLEL_MIN_DRAW_ROWS),
    },
    threads: () => most,
  };
}
