/**
 * Worker thread of io/pairwise-pool.ts: computes the pieces of pairwise
 * samples it is sent (core/measure/pairwise-jobs.ts runShareHere), says
 * when each is done, and answers with their outputs in order (arrays moved,
 * not copied), null for a piece that failed.
 */
import { type PairwisePiece, runShareHere } from '../../core/measure/pairwise-jobs.ts';
import { answerJobs } from './worker-thread.ts';

/** What the thread is sent. */
export interface PairwiseTask {
  pieces: PairwisePiece[];
}

answerJobs<PairwiseTask>((task, post) => {
  const { outs, buffers } = runShareHere(task.pieces, () => post({ piece: 1 }));
  return { value: outs, transfer: buffers };
});
