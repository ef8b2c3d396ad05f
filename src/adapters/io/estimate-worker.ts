/**
 * Worker thread of the mediation bootstrap (io/estimate-pool.ts): computes
 * a·b of the cluster samples it is sent with the core's mediationDraws and
 * answers with them (the array moved, not copied).
 */
import { mediationDraws } from '../../core/estimate/mediation.ts';
import type { MediationDrawJob } from '../../core/estimate/run.ts';
import { answerJobs } from './worker-thread.ts';

answerJobs<MediationDrawJob>((job) => {
  const draws = mediationDraws(job.data, job.fe, job.picks);
  return { value: draws, transfer: [draws.buffer as ArrayBuffer] };
});
