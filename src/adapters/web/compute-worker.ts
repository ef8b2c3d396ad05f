/**
 * A Web Worker started by the app's worker (compute-pool.ts) for one job: a
 * range of Monte Carlo draws (core uncertaintyPart) or a share of the pieces
 * of the pairwise scores (core runShareHere). It posts progress ({ draws }
 * or { piece }), then { done } with the arrays moved, not copied, or the
 * problems of a XinzhiError, or another error; then it closes.
 */
/// <reference lib="webworker" />
import { XinzhiError } from '../../core/errors.ts';
import { type PairwisePiece, runShareHere } from '../../core/measure/pairwise-jobs.ts';
import { partBuffers, type UncertaintyInput, uncertaintyPart } from '../../core/measure/uncertainty.ts';

/** What the worker is sent. */
export type ComputeJob =
  | { kind: 'uncertainty'; inp: UncertaintyInput; from: number; to: number }
  | { kind: 'pairwise'; pieces: PairwisePiece[] };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (ev: MessageEvent<ComputeJob>) => {
  const job = ev.data;
  try {
    if (job.kind === 'uncertainty') {
      const part = uncertaintyPart(job.inp, job.from, job.to, (draws) => scope.postMessage({ draws }));
      scope.postMessage({ done: part }, partBuffers(part));
    } else {
      const { outs, buffers } = runShareHere(job.pieces, () => scope.postMessage({ piece: 1 }));
      scope.postMessage({ done: outs }, buffers);
    }
  } catch (err) {
    if (err instanceof XinzhiError) scope.postMessage({ problems: err.problems });
    else scope.postMessage({ error: (err as Error)?.stack ?? String(err) });
  }
  scope.close();
};
