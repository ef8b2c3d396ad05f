/**
 * A Web Worker started by the app's worker (compute-pool.ts) for one job,
 * computed by the same core function as the CLI's worker threads: a range
 * of Monte Carlo draws (uncertaintyPart), a share of the pairwise scores'
 * pieces (runShareHere), chunks of a DEA run (solveDeaJob, with HiGHS
 * loaded here), firm-TFP bootstrap replications (fitReplicates) or a range
 * of an estimation's draws (runEstimateDrawJob). It posts progress ({ draws }
 * or { piece }), then { done } with the arrays moved, not copied, or the
 * problems of a XinzhiError, or another error; then it waits for the next
 * job (the pool keeps it for a while).
 */
/// <reference lib="webworker" />
import { XinzhiError } from '../../core/errors.ts';
import { type EstimateDrawJob, runEstimateDrawJob } from '../../core/estimate/draw-jobs.ts';
import { type PairwisePiece, runShareHere } from '../../core/measure/pairwise-jobs.ts';
import { partBuffers, type UncertaintyInput, uncertaintyPart } from '../../core/measure/uncertainty.ts';
import { type DeaJob, solveDeaJob } from '../../core/tfp/chunks.ts';
import { fitReplicates } from '../../core/tfp/firm/estimators.ts';
import type { ReplicateJob } from '../../core/tfp/firm/run.ts';

/** What the worker is sent. */
export type ComputeJob =
  | { kind: 'uncertainty'; inp: UncertaintyInput; from: number; to: number }
  | { kind: 'pairwise'; pieces: PairwisePiece[] }
  | { kind: 'dea'; job: DeaJob }
  | { kind: 'replicates'; job: ReplicateJob }
  | { kind: 'estimate'; job: EstimateDrawJob };

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** The job's answer and the buffers to move. */
async function answer(job: ComputeJob): Promise<{ value: unknown; transfer: ArrayBuffer[] }> {
  switch (job.kind) {
    case 'uncertainty': {
      const part = uncertaintyPart(job.inp, job.from, job.to, (draws) => scope.postMessage({ draws }));
      return { value: part, transfer: partBuffers(part) };
    }
    case 'pairwise': {
      const { outs, buffers } = runShareHere(job.pieces, () => scope.postMessage({ piece: 1 }));
      return { value: outs, transfer: buffers };
    }
    case 'dea': {
      const { lpSolver } = await import('./lp-solver.ts'); // HiGHS only in the workers that solve
      return { value: solveDeaJob(await lpSolver(), job.job), transfer: [] };
    }
    case 'replicates':
      return { value: fitReplicates(job.job.data, job.job.estimator, job.job.degree, job.job.picks), transfer: [] };
    case 'estimate':
      return runEstimateDrawJob(job.job);
  }
}

scope.onmessage = async (ev: MessageEvent<ComputeJob>) => {
  try {
    const { value, transfer } = await answer(ev.data);
    scope.postMessage({ done: value }, transfer);
  } catch (err) {
    if (err instanceof XinzhiError) scope.postMessage({ problems: err.problems });
    else scope.postMessage({ error: (err as Error)?.stack ?? String(err) });
  }
};
