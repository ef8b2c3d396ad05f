/**
 * Worker thread of DEA runs (io/dea-pool.ts): loads HiGHS once, solves the
 * chunks it is sent with the core's solveDeaJob and answers with their
 * outputs.
 */
import { type DeaJob, solveDeaJob } from '../../core/tfp/chunks.ts';
import { loadLpSolver } from './lp-solver.ts';
import { answerJobs } from './worker-thread.ts';

const solver = await loadLpSolver();
answerJobs<DeaJob>((job) => ({ value: solveDeaJob(solver, job) }));
