/**
 * Worker thread of the draws of `xinzhi estimate` (io/estimate-pool.ts):
 * a·b of mediation bootstrap samples (the core's mediationDraws; the array
 * moved, not copied) or the estimates of DID placebo draws (placeboEstimates).
 */
import { mediationDraws } from '../../core/estimate/mediation.ts';
import { placeboEstimates } from '../../core/estimate/run-did.ts';
import type { MediationDrawJob, PlaceboJob } from '../../core/estimate/run.ts';
import { answerJobs } from './worker-thread.ts';

export type EstimateWorkerJob = ({ kind: 'mediation' } & MediationDrawJob) | ({ kind: 'placebo' } & PlaceboJob);

answerJobs<EstimateWorkerJob>((job) => {
  if (job.kind === 'placebo') return { value: placeboEstimates(job.panel, job.model, job.draws) };
  const draws = mediationDraws(job.data, job.fe, job.picks);
  return { value: draws, transfer: [draws.buffer as ArrayBuffer] };
});
