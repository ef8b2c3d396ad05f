/**
 * Worker thread of the draws of `xinzhi estimate` (io/estimate-pool.ts): a
 * range of mediation bootstrap, DID placebo or heterogeneity permutation
 * draws, computed by the core's runEstimateDrawJob.
 */
import { type EstimateDrawJob, runEstimateDrawJob } from '../../core/estimate/draw-jobs.ts';
import { answerJobs } from './worker-thread.ts';

answerJobs<EstimateDrawJob>(runEstimateDrawJob);
