/**
 * A range of the draws `runEstimateAsync` spreads over threads, as one
 * message a worker can answer (a Node worker thread, io/estimate-worker.ts;
 * a Web Worker of the web app, web/compute-worker.ts): a·b of mediation
 * bootstrap samples (mediationDraws), the estimates of DID placebo draws
 * (placeboEstimates) or b₂ − b₁ of heterogeneity permutation draws
 * (permutationDifferences), with the arrays to move rather than copy.
 *
 * @example runEstimateDrawJob({ kind: 'placebo', ...job }).value // number[]
 */
import { permutationDifferences } from './heterogeneity.ts';
import { mediationDraws } from './mediation.ts';
import { placeboEstimates } from './run-did.ts';
import type { MediationDrawJob, PermutationJob, PlaceboJob } from './run.ts';

export type EstimateDrawJob =
  | ({ kind: 'mediation' } & MediationDrawJob)
  | ({ kind: 'placebo' } & PlaceboJob)
  | ({ kind: 'permutation' } & PermutationJob);

/** The job's draws, and the buffers of the answer to move. */
export function runEstimateDrawJob(job: EstimateDrawJob): { value: unknown; transfer: ArrayBuffer[] } {
  if (job.kind === 'placebo') return { value: placeboEstimates(job.panel, job.model, job.draws), transfer: [] };
  if (job.kind === 'permutation')
    return { value: permutationDifferences(job.data, job.term, job.names, job.opts, job.plan), transfer: [] };
  const draws = mediationDraws(job.data, job.fe, job.picks);
  return { value: draws, transfer: [draws.buffer as ArrayBuffer] };
}
