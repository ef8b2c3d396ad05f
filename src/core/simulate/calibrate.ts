/**
 * Calibration: fit parameters of a model to observed trajectories by least
 * squares, minimising SSE = Σ (simulated − observed)² over every observed
 * variable and time, with the Nelder–Mead simplex method (derivative-free;
 * Lagarias, Reeds, Wright and Wright 1998, the variant of MATLAB's fminsearch
 * and SciPy's `minimize(method="Nelder-Mead")`: reflection 1, expansion 2,
 * contraction ½, shrink ½). Bounds: each parameter is searched as u ∈ [0, 1]
 * with x = min + (max − min)·u, u clipped to [0, 1] (projection). The start
 * is the model's own value when it is a number inside the bounds, else the
 * middle; the initial simplex steps 0.1 in u.
 *
 * The fit report gives the estimates, SSE, RMSE, and per variable R² =
 * 1 − SSE/SST, with the number of iterations and whether the tolerances
 * were met.
 */
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { compileModel, setConstant } from './compile.ts';
import type { SdModel } from './model.ts';
import type { ParameterRange } from './monte-carlo.ts';
import { canonicalName } from './names.ts';
import { simulate, type SimulateOptions } from './run.ts';
import { applyScenario } from './scenario.ts';
import { nelderMead } from '../stats/nelder-mead.ts';

export interface Observation {
  /** Variable name as in the model. */
  variable: string;
  time: number[];
  values: number[];
  /** Where the data came from, for messages. */
  file?: string;
}

export interface CalibrationOptions {
  maxIterations?: number;
  /** Stop when the simplex's values differ by at most this (absolute). */
  fTolerance?: number;
  /** …and its points by at most this in u. */
  xTolerance?: number;
}

export interface CalibrationResult {
  method: 'least squares (SSE), Nelder–Mead simplex, bounds by projection';
  parameters: Array<ParameterRange & { start: number; estimate: number }>;
  sse: number;
  rmse: number;
  n: number;
  r2: Record<string, number>;
  iterations: number;
  converged: boolean;
  /** Simulated values at the observed times with the estimates. */
  fitted: Record<string, { time: number[]; observed: number[]; simulated: number[] }>;
}

/**
 * Fit parameters to observations (see the module comment).
 *
 * @example calibrate(model, [{ variable: 'pop', time: [0, 1], values: [100, 110] }], [{ name: 'rate', min: 0, max: 1 }])
 */
export function calibrate(
  model: SdModel,
  observations: Observation[],
  params: ParameterRange[],
  opts: CalibrationOptions = {},
  sim: SimulateOptions = {},
): CalibrationResult {
  if (params.length === 0) {
    throw new XinzhiError({
      code: 'sd-calibration',
      severity: 'error',
      message: bi('没有给出要估计的参数', 'no parameter to fit'),
      fix: bi('用 --fit 名称=最小:最大 给出参数', 'give parameters with --fit name=min:max'),
    });
  }
  const dt = sim.dt ?? model.specs.dt;
  const start = sim.start ?? model.specs.start;
  const runOpts = { ...sim, saveper: dt };
  // where each observation sits among the time steps
  const index = observations.map((o) =>
    o.time.map((t, r) => {
      const k = Math.round((t - start) / dt);
      if (Math.abs(start + k * dt - t) > 1e-9 * Math.max(1, Math.abs(t)) || k < 0) {
        throw new XinzhiError({
          code: 'sd-calibration',
          severity: 'error',
          file: o.file,
          row: r + 2,
          column: 'time',
          message: bi(
            `观测时间 ${t} 不在模型的时间步上（起点 ${start}，步长 ${dt}）`,
            `observed time ${t} is not a time step of the model (start ${start}, DT ${dt})`,
          ),
          fix: bi('使用模型时间步上的观测，或改变 --dt', "use observations at the model's time steps, or change --dt"),
        });
      }
      return k;
    }),
  );
  const names = new Map(model.variables.map((v) => [v.id, v.name]));
  for (const o of observations) {
    if (!names.has(canonicalName(o.variable))) {
      throw new XinzhiError({
        code: 'sd-calibration',
        severity: 'error',
        file: o.file,
        column: o.variable,
        message: bi(
          `观测列 "${o.variable}" 不是模型中的变量`,
          `observed column "${o.variable}" is not a variable of the model`,
        ),
        fix: bi('列名用模型中的变量名', "name the columns as the model's variables"),
      });
    }
  }
  const starts = params.map((p) => {
    const v = model.variables.find((x) => x.id === canonicalName(p.name));
    const x = v && v.eqn.kind === 'num' ? v.eqn.value : NaN;
    return x >= p.min && x <= p.max ? x : (p.min + p.max) / 2;
  });
  const toX = (u: number[]) =>
    u.map((ui, i) => params[i].min + (params[i].max - params[i].min) * Math.min(1, Math.max(0, ui)));
  // numeric constants change in place in one compiled model; other parameters need a scenario and a new compile
  const compiled = compileModel(model);
  const inPlace = params.every((p) => compiled.constants.has(canonicalName(p.name)));
  const runAt = (x: number[]) => {
    if (inPlace) {
      params.forEach((p, i) => setConstant(compiled, p.name, x[i]));
      return simulate(compiled, runOpts);
    }
    return simulate(
      compileModel(applyScenario(model, { id: 'fit', set: Object.fromEntries(params.map((p, i) => [p.name, x[i]])) })),
      runOpts,
    );
  };
  const sseOf = (x: number[]): number => {
    let res;
    try {
      res = runAt(x);
    } catch (e) {
      if (e instanceof XinzhiError) throw e;
      return Infinity;
    }
    let sse = 0;
    observations.forEach((o, j) => {
      const series = res.series[names.get(canonicalName(o.variable))!];
      o.values.forEach((y, r) => {
        const d = series[index[j][r]] - y;
        sse += d * d;
      });
    });
    return Number.isFinite(sse) ? sse : Infinity;
  };
  const u0 = starts.map((x, i) =>
    params[i].max > params[i].min ? (x - params[i].min) / (params[i].max - params[i].min) : 0,
  );
  const best = nelderMead((u) => sseOf(toX(u)), u0, {
    step: 0.1,
    maxIter: opts.maxIterations ?? 2000,
    ftol: opts.fTolerance ?? 1e-12,
    xtol: opts.xTolerance ?? 1e-9,
  });
  const estimates = toX(best.x);
  const res = runAt(estimates);
  let n = 0;
  const r2: Record<string, number> = {};
  const fitted: CalibrationResult['fitted'] = {};
  observations.forEach((o, j) => {
    const simulated = index[j].map((k) => res.series[names.get(canonicalName(o.variable))!][k]);
    const mean = o.values.reduce((s, y) => s + y, 0) / o.values.length;
    const sse = o.values.reduce((s, y, r) => s + (simulated[r] - y) ** 2, 0);
    const sst = o.values.reduce((s, y) => s + (y - mean) ** 2, 0);
    r2[o.variable] = sst > 0 ? 1 - sse / sst : NaN;
    n += o.values.length;
    fitted[o.variable] = { time: o.time, observed: o.values, simulated };
  });
  return {
    method: 'least squares (SSE), Nelder–Mead simplex, bounds by projection',
    parameters: params.map((p, i) => ({ ...p, start: starts[i], estimate: estimates[i] })),
    sse: best.f,
    rmse: Math.sqrt(best.f / n),
    n,
    r2,
    iterations: best.iterations,
    converged: best.converged,
    fitted,
  };
}
