/**
 * Worker thread of the draws of `xinzhi estimate` (io/estimate-pool.ts):
 * a·b of mediation bootstrap samples (the core's mediationDraws; the array
 * moved, not copied), the estimates of DID placebo draws (placeboEstimates)
 * or b₂ − b₁ of heterogeneity permutation draws (permutationDifferences).
 */
import { permutationDifferences } from '../../core/estimate/heterogeneity.ts';
import { mediationDraws } from '../../core/estimate/mediation.ts';
import { placeboEstimates } from '../../core/estimate/run-did.ts';
import type { MediationDrawJob, PermutationJob, PlaceboJob } from '../../core/estimate/run.ts';
import { answerJobs } from './worker-thread.ts';

export type EstimateWorkerJob =
  | ({ kind: 'mediation' } & MediationDrawJob)
  | ({ kind: 'placebo' } & PlaceboJob)
  | ({ kind: 'permutation' } & PermutationJob);

answerJobs<EstimateWorkerJob>((job) => {
  if (job.kind === 'placebo') return { value: placeboEstimates(job.panel, job.model, job.draws) };
  if (job.kind === 'permutation')
    return { value: permutationDifferences(job.data, job.term, job.names, job.opts, job.plan) };
  const draws = mediationDraws(job.data, job.fe, job.picks);
  return { value: draws, transfer: [draws.buffer as ArrayBuffer] };
});
