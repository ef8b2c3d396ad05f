/**
 * Worker thread of io/pairwise-pool.ts: computes the pieces of pairwise
 * samples it is sent (core/measure/pairwise-jobs.ts runPiece), says when
 * each is done, and answers with their outputs in order (arrays moved, not
 * copied), null for a piece that failed.
 */
import { type PairwisePiece, type PieceOutput, runPiece } from '../../core/measure/pairwise-jobs.ts';
import { answerJobs } from './worker-thread.ts';

/** What the thread is sent. */
export interface PairwiseTask {
  pieces: PairwisePiece[];
}

answerJobs<PairwiseTask>((task, post) => {
  const outs: Array<PieceOutput | null> = task.pieces.map((piece) => {
    let out: PieceOutput | null;
    try {
      out = runPiece(piece);
    } catch {
      out = null; // the sample is computed again by the evaluation, which reports where it fails
    }
    post({ piece: 1 });
    return out;
  });
  const moved = outs.flatMap((o) =>
    o === null ? [] : 'score' in o ? [o.score] : o.flows.flatMap((f) => [f.plus, f.minus]),
  );
  return { value: outs, transfer: moved.map((a) => a.buffer as ArrayBuffer) };
});
