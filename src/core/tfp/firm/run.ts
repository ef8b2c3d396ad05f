/**
 * One run of a firm estimator on a panel: checks the data (finite logs,
 * integer periods), fits once, bootstraps the standard errors of the
 * control-function estimators with a seeded generator, and returns one result
 * object with the model as used.
 */
import { tfpByTime, type TfpPeriodSummary } from './summary.ts';
import seedrandom from 'seedrandom';
import { XinzhiError, type Problem } from '../../errors.ts';
import { bi } from '../../i18n.ts';
import type { Panel } from '../../panel/types.ts';
import {
  bootstrapFit,
  bootstrapPicks,
  bootstrapSummary,
  fitProduction,
  fitReplicates,
  type FirmData,
  type FirmEstimator,
  type FirmFit,
  type SurvivalFit,
} from './estimators.ts';
import { EXIT_INFER, type FirmModel } from './model.ts';
import { inferExit } from './survival.ts';

export interface FirmResult {
  model: FirmModel;
  /** By column: estimate and standard error (classical for ols / fe, bootstrap for op / lp / acf). */
  coefficients: Record<string, { estimate: number; se: number }>;
  /** 'classical' or 'bootstrap'. */
  se: 'classical' | 'bootstrap' | 'none';
  /** ln TFP = y − Σ β̂·x per row. */
  tfp: Array<{ unit: string; time: number; value: number }>;
  /** ln TFP by period: firms, mean, SD, 10th / 50th / 90th percentiles (summary.ts). */
  byTime: TfpPeriodSummary[];
  n: number;
  firms: number;
  /** Observations with a previous period (the stage-2 sample) for op / lp / acf. */
  stage2: number | null;
  /** The survival model of the exit correction (null without it). */
  survival: SurvivalFit | null;
  /** Bootstrap replications that could not be estimated and were skipped (0 when none, or no bootstrap). */
  bootstrapFailed: number;
}

function firmData(panel: Panel, model: FirmModel): FirmData {
  const problems: Problem[] = [];
  const columns = [model.output, ...model.free, ...model.state, ...(model.proxy ? [model.proxy] : [])];
  for (const c of columns) {
    panel.columns[c].forEach((v, r) => {
      if (Number.isFinite(v)) return;
      problems.push({
        code: 'tfp-missing-value',
        severity: 'error',
        file: panel.source,
        row: panel.sourceRow?.[r],
        column: c,
        unit: panel.unit[r],
        time: panel.time[r],
        message: bi(
          '缺少数值（或不是有限数）；估计不能使用它。',
          'Missing (or non-finite) value; the estimator cannot use it.',
        ),
        fix: bi(
          '补上该值，或从数据中删去这一行并在报告中说明。',
          'Fill in the value, or remove the row from the data and say so.',
        ),
      });
    });
  }
  panel.time.forEach((t, r) => {
    if (typeof t === 'number' && Number.isInteger(t)) return;
    problems.push({
      code: 'tfp-time-integer',
      severity: 'error',
      file: panel.source,
      row: panel.sourceRow?.[r],
      column: model.time,
      message: bi(
        `时间 "${String(t)}" 不是整数年份；滞后项需要整数时期。`,
        `Time "${String(t)}" is not an integer year; lags need integer periods.`,
      ),
      fix: bi('时间列用整数年份（如 2015）。', 'Use integer years (e.g. 2015) in the time column.'),
    });
  });
  if (problems.length > 0) throw new XinzhiError(problems.slice(0, 50));
  const time = panel.time as number[];
  const data: FirmData = {
    firm: panel.unit,
    time: panel.time as number[],
    y: Array.from(panel.columns[model.output]),
    free: panel.unit.map((_, r) => model.free.map((c) => panel.columns[c][r])),
    state: panel.unit.map((_, r) => model.state.map((c) => panel.columns[c][r])),
    proxy: model.proxy ? Array.from(panel.columns[model.proxy]) : [],
  };
  if (model.exit !== null) {
    const exit = model.exit === EXIT_INFER ? inferExit(panel.unit, time) : exitColumn(panel, model.exit);
    data.survival = { exit, link: model.survival ?? 'probit' };
  }
  return data;
}

/**
 * The exit column as given: 0 or 1 in every row, 1 only in a firm's last period (it is not seen again);
 * anything else is an error naming the row.
 */
function exitColumn(panel: Panel, column: string): number[] {
  const values = Array.from(panel.columns[column]);
  const time = panel.time as number[];
  const last = new Map<string, number>();
  panel.unit.forEach((u, r) => last.set(u, Math.max(last.get(u) ?? -Infinity, time[r])));
  const problems: Problem[] = [];
  values.forEach((v, r) => {
    const where = {
      severity: 'error' as const,
      file: panel.source,
      row: panel.sourceRow?.[r],
      column,
      unit: panel.unit[r],
      time: time[r],
    };
    if (v !== 0 && v !== 1) {
      problems.push({
        ...where,
        code: 'firm-exit-value',
        message: bi(`退出指示应为 0 或 1，这里是 ${v}。`, `The exit indicator must be 0 or 1; here it is ${v}.`),
        fix: bi(
          '1 = 该企业在本期之后退出市场（本期是它的最后一期），其余为 0。',
          '1 = the firm leaves the market after this period (its last period); 0 otherwise.',
        ),
      });
    } else if (v === 1 && time[r] !== last.get(panel.unit[r])) {
      problems.push({
        ...where,
        code: 'firm-exit-not-last',
        message: bi(
          `企业在 ${time[r]} 标为退出，但在 ${last.get(panel.unit[r])} 仍有观测。`,
          `The firm is marked as exiting after ${time[r]} but is observed again up to ${last.get(panel.unit[r])}.`,
        ),
        fix: bi(
          '退出只标在企业的最后一期；重新进入的企业请用不同的企业代码，或改用 "exit": "infer"。',
          'Mark an exit on the firm\'s last period only; give a re-entering firm a new id, or use "exit": "infer".',
        ),
      });
    }
  });
  if (problems.length > 0) throw new XinzhiError(problems.slice(0, 50));
  return values;
}

/** β̂ of some bootstrap replications (fitReplicates), computed elsewhere: a worker thread in Node (io/tfp-pool.ts). */
export interface ReplicateJob {
  data: FirmData;
  estimator: FirmEstimator;
  degree: number;
  /** The firms each replication draws (bootstrapPicks). */
  picks: Int32Array[];
}
export type ReplicateRunner = (job: ReplicateJob) => Promise<Array<number[] | null>>;

/** Below this many firm-years × replications one thread is quicker than starting others. */
export const PARALLEL_MIN_FIRM_ROWS = 1_000_000;

/**
 * Estimate the production function of a firm panel.
 * @example runFirm(panel, model).coefficients.lnl.estimate
 */
export function runFirm(panel: Panel, model: FirmModel): FirmResult {
  const data = firmData(panel, model);
  const fit = fitProduction(data, model.type, model.degree);
  const boot =
    !fit.se && model.bootstrap >= 2
      ? bootstrapFit(data, model.type, model.degree, model.bootstrap, seedrandom(model.seed))
      : undefined;
  return firmResult(model, data, fit, boot);
}

/**
 * runFirm with the bootstrap replications split into `parts` contiguous
 * ranges run by `runPart` at once (several threads). The firms of every
 * replication are drawn here first, in order, so the result is the one
 * runFirm gives, for any number of parts.
 * @example await runFirmAsync(panel, model, { runPart: runReplicatesOnWorker, parts: 4 })
 */
export async function runFirmAsync(
  panel: Panel,
  model: FirmModel,
  parallel?: { runPart: ReplicateRunner; parts: number },
): Promise<FirmResult> {
  const data = firmData(panel, model);
  const fit = fitProduction(data, model.type, model.degree);
  if (fit.se || model.bootstrap < 2) return firmResult(model, data, fit, undefined);
  const picks = bootstrapPicks(data, model.bootstrap, seedrandom(model.seed));
  const parts = Math.max(1, Math.min(parallel?.parts ?? 1, picks.length));
  let fits: Array<number[] | null>;
  if (!parallel || parts < 2) fits = fitReplicates(data, model.type, model.degree, picks);
  else {
    // `parts` ranges whose sizes differ by at most one
    const n = picks.length;
    const ranges = Array.from({ length: parts }, (_, p) =>
      picks.slice(Math.floor((p * n) / parts), Math.floor(((p + 1) * n) / parts)),
    );
    const done = await Promise.all(
      ranges.map((r) => parallel.runPart({ data, estimator: model.type, degree: model.degree, picks: r })),
    );
    fits = done.flat();
  }
  return firmResult(model, data, fit, bootstrapSummary(fits, data.free[0].length + data.state[0].length));
}

/** The result object of a fit and its bootstrap (undefined: classical SEs, or none). */
function firmResult(
  model: FirmModel,
  data: FirmData,
  fit: FirmFit,
  boot: { se: number[]; failed: number } | undefined,
): FirmResult {
  const names = [...model.free, ...model.state];
  let se: number[];
  let kind: FirmResult['se'];
  if (fit.se) {
    se = fit.se;
    kind = 'classical';
  } else if (boot) {
    se = boot.se;
    kind = 'bootstrap';
  } else {
    se = names.map(() => NaN);
    kind = 'none';
  }
  const coefficients: FirmResult['coefficients'] = {};
  names.forEach((c, j) => (coefficients[c] = { estimate: fit.beta[j], se: se[j] }));
  const tfp = data.y.map((y, r) => ({
    unit: data.firm[r],
    time: data.time[r],
    value: y - [...data.free[r], ...data.state[r]].reduce((a, v, j) => a + fit.beta[j] * v, 0),
  }));
  return {
    model,
    coefficients,
    se: kind,
    tfp,
    byTime: tfpByTime(tfp),
    n: data.y.length,
    firms: new Set(data.firm).size,
    stage2: fit.stage2Rows,
    survival: fit.survival ?? null,
    bootstrapFailed: boot?.failed ?? 0,
  };
}
