/**
 * Worker thread of the robustness check (io/robustness-thread.ts): runs the
 * core's rankRobustness on the panel and result basis it is sent.
 */
import type { Panel } from '../../core/panel/types.ts';
import { rankRobustness, type RobustnessBasis, type RobustnessOptions } from '../../core/measure/robustness.ts';
import { answerJobs } from './worker-thread.ts';

export interface RobustnessJob {
  panel: Panel;
  basis: RobustnessBasis;
  opts: RobustnessOptions;
}

answerJobs<RobustnessJob>((job) => ({ value: rankRobustness(job.panel, job.basis, job.opts) }));
