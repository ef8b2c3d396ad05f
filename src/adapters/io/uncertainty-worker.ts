/**
 * Worker thread of the uncertainty analysis (io/uncertainty-pool.ts): computes
 * the range of draws it is sent with the core's uncertaintyPart, posts the
 * number of draws done as they finish, then the part (its arrays moved, not
 * copied). A XinzhiError is posted as its problems, so the caller throws the
 * same error as a run in one thread.
 */
import { parentPort } from 'node:worker_threads';
import { XinzhiError } from '../../core/errors.ts';
import { uncertaintyPart, type UncertaintyInput } from '../../core/measure/uncertainty.ts';

export interface UncertaintyJob {
  inp: UncertaintyInput;
  from: number;
  to: number;
}

parentPort?.on('message', (job: UncertaintyJob) => {
  try {
    const part = uncertaintyPart(job.inp, job.from, job.to, (done) => parentPort!.postMessage({ draws: done }));
    const moved = [part.ranks, part.sum, part.sumsq, ...part.condSum.flat(), ...part.condCount].map((a) => a.buffer);
    parentPort!.postMessage({ part }, [...new Set(moved)] as ArrayBuffer[]);
  } catch (err) {
    if (err instanceof XinzhiError) parentPort!.postMessage({ problems: err.problems });
    else parentPort!.postMessage({ error: (err as Error)?.stack ?? String(err) });
  }
});
