/**
 * Worker thread of the firm-TFP bootstrap (io/tfp-pool.ts): fits the
 * replications it is sent with the core's fitReplicates and answers with
 * their β̂ (null for a replication that cannot be estimated).
 */
import { fitReplicates } from '../../core/tfp/firm/estimators.ts';
import type { ReplicateJob } from '../../core/tfp/firm/run.ts';
import { answerJobs } from './worker-thread.ts';

answerJobs<ReplicateJob>((job) => ({ value: fitReplicates(job.data, job.estimator, job.degree, job.picks) }));
