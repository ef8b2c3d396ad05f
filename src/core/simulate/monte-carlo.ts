/**
 * Monte Carlo bands over parameter ranges: each run draws every varied
 * parameter independently and uniformly from its [min, max] (seeded
 * generator: seedrandom, ARC4, so a seed reproduces the runs), simulates, and
 * the bands give, at each save time, the mean and the quantiles of every
 * variable across runs (linear interpolation between order statistics,
 * Hyndman & Fan type 7, R's and NumPy's default).
 */
import seedrandom from 'seedrandom';
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { quantileSorted } from '../stats/descriptive.ts';
import { checkRuns, SIMULATION_LIMITS } from './limits.ts';
import { compileModel, setConstant } from './compile.ts';
import type { SdModel } from './model.ts';
import { simulate, type SimulateOptions } from './run.ts';
import { applyScenario } from './scenario.ts';
import { canonicalName } from './names.ts';

export interface ParameterRange {
  name: string;
  min: number;
  max: number;
}

export interface MonteCarloOptions {
  runs: number;
  seed?: number;
  /** Most runs allowed (default SIMULATION_LIMITS.maxRuns). */
  maxRuns?: number;
  /** Quantiles of the bands (default 0.05, 0.5, 0.95). */
  quantiles?: number[];
}

export interface Band {
  mean: number[];
  /** Keyed by the quantile as written, e.g. "0.05". */
  quantiles: Record<string, number[]>;
}

export interface MonteCarloResult {
  method: 'monte-carlo';
  sampling: 'independent uniform draws (seedrandom ARC4)';
  quantileType: 'type 7 (linear)';
  runs: number;
  seed: number;
  parameters: ParameterRange[];
  /** The value drawn for each parameter in each run. */
  draws: Record<string, number[]>;
  time: number[];
  bands: Record<string, Band>;
}

function bad(msg: ReturnType<typeof bi>, fix: ReturnType<typeof bi>): XinzhiError {
  return new XinzhiError({ code: 'sd-monte-carlo', severity: 'error', message: msg, fix });
}

/**
 * Monte Carlo runs of a model with parameters drawn from ranges.
 *
 * @example monteCarlo(model, [{ name: 'obsolescence_rate', min: 0.02, max: 0.1 }], { runs: 200, seed: 1 }).bands.nqpf_level
 */
export function monteCarlo(
  model: SdModel,
  ranges: ParameterRange[],
  opts: MonteCarloOptions,
  sim: SimulateOptions = {},
): MonteCarloResult {
  const runs = opts.runs;
  if (!Number.isInteger(runs) || runs < 1) {
    throw bad(
      bi(`Monte Carlo 运行次数 ${runs} 无效`, `invalid number of Monte Carlo runs ${runs}`),
      bi('给出正整数', 'give a positive whole number'),
    );
  }
  checkRuns(runs, opts.maxRuns ?? SIMULATION_LIMITS.maxRuns);
  if (ranges.length === 0)
    throw bad(bi('没有给出要变动的参数', 'no parameter to vary'), bi('给出 名称=最小:最大', 'give name=min:max'));
  for (const r of ranges) {
    if (!(Number.isFinite(r.min) && Number.isFinite(r.max) && r.min <= r.max)) {
      throw bad(
        bi(`参数 "${r.name}" 的范围 ${r.min}:${r.max} 无效`, `invalid range ${r.min}:${r.max} for "${r.name}"`),
        bi('给出有限数且最小值不大于最大值', 'give finite numbers with min ≤ max'),
      );
    }
  }
  const quantiles = opts.quantiles ?? [0.05, 0.5, 0.95];
  const seed = opts.seed ?? 1;
  const rng = seedrandom(String(seed));
  const draws: Record<string, number[]> = Object.fromEntries(ranges.map((r) => [r.name, [] as number[]]));
  let time: number[] = [];
  const series: Record<string, number[][]> = {};
  // constants change in place in one compiled model; other parameters need a scenario and a new compile
  const compiled = compileModel(model);
  const inPlace = ranges.every((r) => compiled.constants.has(canonicalName(r.name)));
  for (let k = 0; k < runs; k++) {
    const set: Record<string, number> = {};
    for (const r of ranges) {
      const x = r.min + (r.max - r.min) * rng();
      set[r.name] = x;
      draws[r.name].push(x);
    }
    let c = compiled;
    if (inPlace) for (const [name, x] of Object.entries(set)) setConstant(compiled, name, x);
    else c = compileModel(applyScenario(model, { id: `run ${k + 1}`, set }));
    const res = simulate(c, sim);
    time = res.time;
    for (const [name, values] of Object.entries(res.series)) (series[name] ??= []).push(values);
  }
  const bands: Record<string, Band> = {};
  const column = new Float64Array(runs);
  for (const [name, byRun] of Object.entries(series)) {
    const band: Band = { mean: [], quantiles: Object.fromEntries(quantiles.map((q) => [String(q), [] as number[]])) };
    for (let i = 0; i < time.length; i++) {
      let sum = 0;
      for (let k = 0; k < runs; k++) {
        column[k] = byRun[k][i];
        sum += column[k];
      }
      band.mean.push(sum / runs);
      column.sort();
      for (const q of quantiles) band.quantiles[String(q)].push(quantileSorted(column, q));
    }
    bands[name] = band;
  }
  return {
    method: 'monte-carlo',
    sampling: 'independent uniform draws (seedrandom ARC4)',
    quantileType: 'type 7 (linear)',
    runs,
    seed,
    parameters: ranges,
    draws,
    time,
    bands,
  };
}
