/**
 * One run of a firm estimator on a panel: checks the data (finite logs,
 * integer periods), fits once, bootstraps the standard errors of the
 * control-function estimators with a seeded generator, and returns one result
 * object with the model as used.
 */
import seedrandom from 'seedrandom';
import { XinzhiError, type Problem } from '../../errors.ts';
import { bi } from '../../i18n.ts';
import type { Panel } from '../../panel/types.ts';
import { bootstrapSe, fitProduction, type FirmData } from './estimators.ts';
import type { FirmModel } from './model.ts';

export interface FirmResult {
  model: FirmModel;
  /** By column: estimate and standard error (classical for ols / fe, bootstrap for op / lp / acf). */
  coefficients: Record<string, { estimate: number; se: number }>;
  /** 'classical' or 'bootstrap'. */
  se: 'classical' | 'bootstrap' | 'none';
  /** ln TFP = y − Σ β̂·x per row. */
  tfp: Array<{ unit: string; time: number; value: number }>;
  n: number;
  firms: number;
  /** Observations with a previous period (the stage-2 sample) for op / lp / acf. */
  stage2: number | null;
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
  return {
    firm: panel.unit,
    time: panel.time as number[],
    y: Array.from(panel.columns[model.output]),
    free: panel.unit.map((_, r) => model.free.map((c) => panel.columns[c][r])),
    state: panel.unit.map((_, r) => model.state.map((c) => panel.columns[c][r])),
    proxy: model.proxy ? Array.from(panel.columns[model.proxy]) : [],
  };
}

/**
 * Estimate the production function of a firm panel.
 * @example runFirm(panel, model).coefficients.lnl.estimate
 */
export function runFirm(panel: Panel, model: FirmModel): FirmResult {
  const data = firmData(panel, model);
  const fit = fitProduction(data, model.type, model.degree);
  const names = [...model.free, ...model.state];
  let se: number[];
  let kind: FirmResult['se'];
  if (fit.se) {
    se = fit.se;
    kind = 'classical';
  } else if (model.bootstrap >= 2) {
    se = bootstrapSe(data, model.type, model.degree, model.bootstrap, seedrandom(model.seed));
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
    n: data.y.length,
    firms: new Set(data.firm).size,
    stage2: fit.stage2Rows,
  };
}
