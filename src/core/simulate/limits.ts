/**
 * Stated limits of a simulation, checked before any work: the number of time
 * steps (stop − start) / DT of one run, and the number of Monte Carlo runs.
 * Both can be raised (`xinzhi simulate --max-steps N`, `--max-runs N`); see
 * docs/limits.md.
 *
 * @example checkSteps(2_000_000, SIMULATION_LIMITS.maxSteps) // throws: above the limit
 */
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';

export const SIMULATION_LIMITS = {
  /** Time steps of one run: 1,000,000 (a century by days is 36,500). */
  maxSteps: 1_000_000,
  /** Monte Carlo runs: 100,000 (1,000 give stable 5–95 % bands). */
  maxRuns: 100_000,
} as const;

/** Refuse a run of more than `max` time steps, naming the settings and the way to lift the limit. */
export function checkSteps(
  steps: number,
  max: number,
  span: { start: number; stop: number; dt: number },
  file?: string,
): void {
  if (steps <= max) return;
  throw new XinzhiError({
    code: 'sd-too-many-steps',
    severity: 'error',
    ...(file ? { file } : {}),
    message: bi(
      `从 ${span.start} 到 ${span.stop}、步长 ${span.dt} 共 ${steps} 步，超过上限 ${max} 步`,
      `from ${span.start} to ${span.stop} with DT ${span.dt} is ${steps} time steps, above the limit of ${max}`,
    ),
    fix: bi(
      '缩短模拟时长或加大步长 DT；确需更多步时用 --max-steps N 提高上限',
      'shorten the horizon or use a larger DT; to run more steps, raise the limit with --max-steps N',
    ),
  });
}

/** Refuse more Monte Carlo runs than `max`. */
export function checkRuns(runs: number, max: number): void {
  if (runs <= max) return;
  throw new XinzhiError({
    code: 'sd-too-many-runs',
    severity: 'error',
    message: bi(`蒙特卡洛运行次数 ${runs} 超过上限 ${max}`, `${runs} Monte Carlo runs are above the limit of ${max}`),
    fix: bi(
      '1000 次通常足以得到稳定的分位带；确需更多时用 --max-runs N 提高上限',
      '1,000 runs usually give stable bands; to run more, raise the limit with --max-runs N',
    ),
  });
}
