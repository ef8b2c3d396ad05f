/**
 * DEA programmes on several CPU cores (Node): a runner of chunks
 * (core/tfp/chunks.ts) that solves them on a worker thread
 * (io/dea-worker.ts) with its own HiGHS. Every chunk starts its own frontier
 * hint, so a run gives the same numbers on any number of threads. The web
 * app does the same with Web Workers (web/compute-pool.ts).
 *
 * @example await runTfpAsync(solver, panel, model, { runPart: runDeaOnWorker, parts: (n) => deaParts(n) })
 */
import { type ChunkOut, type DeaRunner, PARALLEL_MIN_PROGRAMMES } from '../../core/tfp/chunks.ts';
import { runJobOnWorker, threadParts } from './worker-thread.ts';

export { PARALLEL_MIN_PROGRAMMES };

/**
 * Threads for a run of `programmes` (core/tfp/chunks.ts jobProgrammes):
 * `jobs` when given, else one per CPU core (at most 8) from
 * PARALLEL_MIN_PROGRAMMES programmes, else 1 (worker-thread.ts threadParts,
 * each programme a draw). No more threads than chunks are started
 * (solveDeaJobAsync).
 * @example deaParts(30_000) // the cores, up to 8
 */
export function deaParts(programmes: number, jobs?: number): number {
  return threadParts(1, programmes, PARALLEL_MIN_PROGRAMMES, jobs);
}

/** Solve a job's chunks on a new worker thread, which ends with it. */
export const runDeaOnWorker: DeaRunner = (job) => runJobOnWorker<ChunkOut[]>(import.meta.url, '../io/dea-worker', job);
