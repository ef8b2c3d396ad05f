/**
 * Worker thread of io/pairwise-pool.ts: computes the pairwise samples it is
 * sent (core/measure/pairwise-jobs.ts runPairwiseJob), says when each is
 * done, and answers with their outputs in order (arrays moved, not copied),
 * null for a sample that failed.
 */
import { type PairwiseJob, type PairwiseOutput, runPairwiseJob } from '../../core/measure/pairwise-jobs.ts';
import { answerJobs } from './worker-thread.ts';

/** What the thread is sent. */
export interface PairwiseTask {
  jobs: PairwiseJob[];
}

answerJobs<PairwiseTask>((task, post) => {
  const outs: Array<PairwiseOutput | null> = task.jobs.map((job) => {
    let out: PairwiseOutput | null;
    try {
      out = runPairwiseJob(job);
    } catch {
      out = null; // computed again by the evaluation, which reports where it fails
    }
    post({ sample: 1 });
    return out;
  });
  const moved = outs.flatMap((o) => (o === null ? [] : 'score' in o ? [o.score] : [o.phiPlus, o.phiMinus, o.phi]));
  return { value: outs, transfer: moved.map((a) => a.buffer as ArrayBuffer) };
});
