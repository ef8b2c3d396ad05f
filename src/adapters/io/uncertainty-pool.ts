/**
 * The uncertainty analysis on several CPU cores (Node): a runner of draw
 * ranges for the core's runUncertaintyParts / evaluateAsync that computes
 * each range on its own worker thread (io/uncertainty-worker.ts, loaded
 * compiled or, from the TypeScript sources, through tsx). The report is the
 * one a single thread gives for the same seed (each draw has its own random
 * stream); the browser keeps one thread.
 *
 * @example await evaluateAsync(panel, spec, { parallel: { runPart: runPartOnWorker, parts: 2 } })
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { XinzhiError, type Problem } from '../../core/errors.ts';
import type { UncertaintyPart, UncertaintyPartRunner } from '../../core/measure/uncertainty.ts';

/** Below this many unit-time × draw ranks, starting threads costs more than it saves: one thread. */
export const PARALLEL_MIN_RANKS = 2_000_000;

/**
 * Parts to split the draws into: `jobs` when given, else one per CPU core
 * (at most 8) when the analysis is large (rows × draws ≥ PARALLEL_MIN_RANKS),
 * else 1.
 */
export function uncertaintyParts(rows: number, draws: number, jobs?: number): number {
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, draws));
  if (rows * draws < PARALLEL_MIN_RANKS) return 1;
  return Math.max(1, Math.min(8, availableParallelism(), draws));
}

/** Compute draws [from, to) on a new worker thread, which ends with the part. */
export const runPartOnWorker: UncertaintyPartRunner = (inp, from, to, onDraws) =>
  new Promise<UncertaintyPart>((resolve, reject) => {
    const compiled = import.meta.url.endsWith('.js');
    const worker = new URL(compiled ? './uncertainty-worker.js' : './uncertainty-worker.ts', import.meta.url).href;
    const boot = compiled
      ? `await import(${JSON.stringify(worker)});`
      : `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(worker)});`;
    const w = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
    const finish = (fn: () => void): void => {
      fn();
      void w.terminate();
    };
    w.on('message', (msg: { draws?: number; part?: UncertaintyPart; problems?: Problem[]; error?: string }) => {
      if (msg.draws !== undefined) onDraws(msg.draws);
      else if (msg.part) finish(() => resolve(msg.part!));
      else if (msg.problems) finish(() => reject(new XinzhiError(msg.problems!)));
      else finish(() => reject(new Error(msg.error ?? 'uncertainty worker failed')));
    });
    w.on('error', (err: Error) => finish(() => reject(err)));
    w.postMessage({ inp, from, to });
  });
