/**
 * Worker thread of the uncertainty analysis (io/uncertainty-pool.ts): computes
 * the range of draws it is sent with the core's uncertaintyPart, posts the
 * number of draws done as they finish, then the part (its arrays moved, not
 * copied).
 */
import { partBuffers, uncertaintyPart, type UncertaintyInput } from '../../core/measure/uncertainty.ts';
import { answerJobs } from './worker-thread.ts';

export interface UncertaintyJob {
  inp: UncertaintyInput;
  from: number;
  to: number;
}

answerJobs<UncertaintyJob>((job, post) => {
  const part = uncertaintyPart(job.inp, job.from, job.to, (done) => post({ draws: done }));
  return { value: part, transfer: partBuffers(part) };
});
