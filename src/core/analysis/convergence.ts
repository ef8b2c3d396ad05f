/**
 * Convergence of a panel variable across units (Barro & Sala-i-Martin 1992;
 * Sala-i-Martin 1996).
 *
 * σ-convergence: for each time, the standard deviation s_t (sample, n − 1)
 * and the coefficient of variation CV_t = s_t / ȳ_t of the values (or of
 * ln y with `log`); the dispersion falls over time when the OLS slope of s_t
 * (and of CV_t) on time is negative.
 *
 * β-convergence: growth g_{i,t} = ln(y_{i,t+h} / y_{i,t}) regressed on
 * ln y_{i,t} (absolute) and on controls at t (conditional):
 *   g_{i,t} = α + β ln y_{i,t} + Σ γ_c x_{c,i,t} + ε_{i,t}
 * estimated by pooled OLS or with unit and time fixed effects (absorbed as in
 * src/core/estimate/fe.ts), standard errors clustered by unit with the
 * small-sample conventions of src/core/estimate/vcov.ts. The default "CR1"
 * is G/(G−1)·(N−1)/(N−K) with K the estimated coefficients (the constant
 * included when pooled, the absorbed effects not counted) — vcov.ts's "plm"
 * preset, = plm `vcovHC(type = "sss")`, statsmodels `cov_type="cluster"`;
 * "HC1" = preset "plm-hc1" (N/(N−K)), "CR0" = preset "none"; any vcov.ts
 * preset ("stata", "lsdv", ...) may be named instead. β < 0 signals convergence; speed λ = −ln(1 + β) / T with T
 * the time span of one growth step (the difference of the two times when they
 * are numbers, else h), half-life ln 2 / λ.
 * Values must be > 0 before taking logs: a non-positive cell is an error
 * naming the unit, time and column. A missing cell drops the growth steps
 * that use it (the panel becomes unbalanced; the two-way within transform
 * then uses alternating projections). Missing controls are errors.
 */
import { XinzhiError, type Problem } from '../errors.ts';
import { mean, sd } from '../stats/descriptive.ts';
import type { Time } from '../panel/types.ts';
import type { Coefficient } from '../regression/ols.ts';
import { estimateFe } from '../regression/fe.ts';
import { SE_PRESETS, type SePreset } from '../regression/vcov.ts';
import type { UnitTimeMatrix } from './markov.ts';

export interface SigmaRow {
  time: Time;
  n: number;
  mean: number;
  sd: number;
  cv: number;
}

export interface SigmaResult {
  rows: SigmaRow[];
  /** OLS slope of sd and of cv on time (numeric times, else 0, 1, 2, …). */
  slopeSd: number;
  slopeCv: number;
  log: boolean;
  /** Why a statistic is absent (a period with fewer than two units, a zero mean, fewer than two periods with an sd). */
  warnings: string[];
}

function slope(x: number[], y: number[]): number {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0,
    sxx = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  return sxy / sxx;
}

function numericTimes(times: Time[]): number[] {
  const num = times.map(Number);
  return num.every(Number.isFinite) ? num : times.map((_, i) => i);
}

function positivityProblems(data: UnitTimeMatrix, column: string, source?: string): Problem[] {
  const problems: Problem[] = [];
  data.y.forEach((row, t) =>
    row.forEach((v, i) => {
      if (!(v > 0)) {
        problems.push({
          code: Number.isNaN(v) ? 'missing-value' : 'non-positive',
          severity: 'error',
          file: source,
          column,
          unit: data.units[i],
          time: data.times[t],
          message: Number.isNaN(v)
            ? { zh: '缺失值，无法取对数', en: 'missing value: cannot take the logarithm' }
            : { zh: `取值 ${v} 不为正，无法取对数`, en: `value ${v} is not positive: cannot take the logarithm` },
          fix: {
            zh: '收敛分析需要正值：检查数据或先做平移 / 剔除该单位',
            en: 'convergence needs positive values: check the data, shift the series or drop the unit',
          },
        });
      }
    }),
  );
  return problems;
}

/** σ-convergence table. Missing values are skipped per time; `log` requires positive values. */
export function sigmaConvergence(
  data: UnitTimeMatrix,
  opts: { log?: boolean; column?: string; source?: string } = {},
): SigmaResult {
  const log = opts.log ?? false;
  if (log) {
    const problems = positivityProblems(data, opts.column ?? 'value', opts.source).filter(
      (p) => p.code !== 'missing-value',
    );
    if (problems.length) throw new XinzhiError(problems);
  }
  const rows = data.y.map((row, t) => {
    const v = Array.from(row)
      .filter(Number.isFinite)
      .map((x) => (log ? Math.log(x) : x));
    const m = mean(v);
    const s = sd(v);
    return { time: data.times[t], n: v.length, mean: m, sd: s, cv: s / m };
  });
  const tx = numericTimes(rows.map((r) => r.time));
  const warnings: string[] = [];
  for (const r of rows) {
    if (r.n < 2)
      warnings.push(
        `${String(r.time)}: ${r.n} unit(s) with a value — the sd needs two, so sd and cv are absent / ${String(r.time)} 期有取值的单位少于 2 个，标准差与变异系数无定义`,
      );
    else if (r.mean === 0)
      warnings.push(
        `${String(r.time)}: the mean is 0, so the cv is absent / ${String(r.time)} 期均值为 0，变异系数无定义`,
      );
  }
  if (rows.filter((r) => Number.isFinite(r.sd)).length < 2)
    warnings.push(
      'fewer than two periods have an sd: no trend and no verdict on σ-convergence / 有标准差的时期少于 2 个：无法判断 σ 收敛',
    );
  return {
    warnings,
    rows,
    slopeSd: slope(
      tx,
      rows.map((r) => r.sd),
    ),
    slopeCv: slope(
      tx,
      rows.map((r) => r.cv),
    ),
    log,
  };
}

export type BetaModel = 'pooled' | 'twoways';

/**
 * The standard errors: a cluster small-sample adjustment (the names used so
 * far, or any preset of src/core/estimate/vcov.ts), or "iid" — the classical
 * s² (X̃ᵀX̃)⁻¹ with s² = ẽᵀẽ / (N − K_all), K_all counting the absorbed
 * effects (= OLS on unit and time dummies: Stata `reg g lny i.unit i.year`,
 * statsmodels OLS nonrobust), t with N − K_all df — what papers that report
 * "ordinary" standard errors for β-convergence use.
 */
export type BetaSmallSample = 'CR1' | 'HC1' | 'CR0' | 'iid' | SePreset;

/** The vcov.ts preset behind a small-sample name ("iid" has no cluster factor: "none"). @example presetOf('CR1') // 'plm' */
export function presetOf(s: BetaSmallSample): SePreset {
  if (s === 'iid') return 'none';
  if (s === 'CR1') return 'plm';
  if (s === 'HC1') return 'plm-hc1';
  if (s === 'CR0') return 'none';
  return s;
}

/** Every accepted small-sample name. */
export const SMALL_SAMPLES: readonly BetaSmallSample[] = ['CR1', 'HC1', 'CR0', 'iid', ...SE_PRESETS];

export interface BetaOptions {
  model?: BetaModel;
  /** Control variables at the origin time, aligned with data (same units and times). */
  controls?: Record<string, UnitTimeMatrix>;
  /** Growth step in time positions (default 1). */
  lag?: number;
  smallSample?: BetaSmallSample;
  column?: string;
  source?: string;
}

/** The fitted growth regression (src/core/estimate/fe.ts): coefficients with clustered SEs, R² (within for two-way FE). */
export interface BetaRegression {
  coefficients: Coefficient[];
  vcov: number[][];
  n: number;
  /** Estimated coefficients (the constant included when pooled). */
  k: number;
  /** Degrees of freedom of the t tests (clusters − 1). */
  df: number;
  clusters: number | null;
  smallSample: BetaSmallSample;
  /** The vcov.ts preset applied. */
  preset: SePreset;
  /** The small-sample factor c applied to the sandwich. */
  factor: number;
  rSquared: number;
}

export interface BetaResult {
  model: BetaModel;
  type: 'absolute' | 'conditional';
  regression: BetaRegression;
  beta: number;
  /** Time span T of one growth step. */
  span: number;
  /** λ = −ln(1 + β) / T (NaN when β ≤ −1). */
  speed: number;
  /** ln 2 / λ. */
  halfLife: number;
  converging: boolean;
  observations: number;
  units: number;
}

/** β-convergence regression (absolute without controls, conditional with). */
export function betaConvergence(data: UnitTimeMatrix, opts: BetaOptions = {}): BetaResult {
  const model = opts.model ?? 'pooled';
  const h = opts.lag ?? 1;
  const problems = positivityProblems(data, opts.column ?? 'value', opts.source).filter(
    (p) => p.code !== 'missing-value',
  );
  if (problems.length) throw new XinzhiError(problems);
  const controls = Object.entries(opts.controls ?? {});
  const rowsX: number[][] = [];
  const g: number[] = [];
  const unitIdx: number[] = [];
  const timeIdx: number[] = [];
  const ctrlProblems: Problem[] = [];
  for (let t = 0; t + h < data.times.length; t++) {
    for (let i = 0; i < data.units.length; i++) {
      const y0 = data.y[t][i];
      const y1 = data.y[t + h][i];
      // A missing value at either end drops this growth step (unbalanced panel).
      if (Number.isNaN(y0) || Number.isNaN(y1)) continue;
      const cs = controls.map(([name, m]) => {
        const v = m.y[t][i];
        if (!Number.isFinite(v)) {
          ctrlProblems.push({
            code: 'missing-value',
            severity: 'error',
            file: opts.source,
            column: name,
            unit: data.units[i],
            time: data.times[t],
            message: { zh: '控制变量缺失', en: 'control variable is missing' },
            fix: { zh: '补齐该值或删去该控制变量', en: 'fill the value or drop the control' },
          });
        }
        return v;
      });
      g.push(Math.log(y1 / y0));
      rowsX.push([Math.log(y0), ...cs]);
      unitIdx.push(i);
      timeIdx.push(t);
    }
  }
  if (ctrlProblems.length) throw new XinzhiError(ctrlProblems);
  const names = ['ln_y', ...controls.map(([n]) => n)];
  const smallSample = opts.smallSample ?? 'CR1';
  const pooled = model === 'pooled';
  const terms = pooled ? ['const', ...names] : names;
  const x = Object.fromEntries(
    terms.map((name, j) => [
      name,
      pooled && j === 0 ? new Float64Array(g.length).fill(1) : Float64Array.from(rowsX, (r) => r[pooled ? j - 1 : j]),
    ]),
  );
  const fit = estimateFe(
    {
      y: g,
      x,
      fe: pooled ? {} : { unit: unitIdx, time: timeIdx },
      ...(smallSample === 'iid' ? {} : { cluster: unitIdx.map((i) => data.units[i]) }),
    },
    {
      se: smallSample === 'iid' ? 'iid' : 'cluster',
      preset: presetOf(smallSample),
      dropSingletons: false,
      interceptColumn: pooled,
    },
  );
  const coefficients = terms.map((name) => ({ name, ...fit.coefficients[name] }));
  const reg: BetaRegression = {
    coefficients,
    vcov: fit.vcov,
    n: fit.n,
    k: terms.length,
    df: fit.df,
    clusters: fit.clusters,
    smallSample,
    preset: presetOf(smallSample),
    factor: fit.smallSample,
    rSquared: fit.r2Within,
  };
  const beta = reg.coefficients.find((c) => c.name === 'ln_y')!.estimate;
  const tn = data.times.map(Number);
  const span = tn.every(Number.isFinite) ? ((tn[tn.length - 1] - tn[0]) / (tn.length - 1)) * h : h;
  const speed = beta > -1 ? -Math.log(1 + beta) / span : NaN;
  return {
    model,
    type: controls.length ? 'conditional' : 'absolute',
    regression: reg,
    beta,
    span,
    speed,
    halfLife: Math.log(2) / speed,
    converging: beta < 0,
    observations: g.length,
    units: data.units.length,
  };
}
