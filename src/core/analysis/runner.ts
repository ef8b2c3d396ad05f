/**
 * The analysis runner: computes any of the nine analyses of an evaluation
 * result with one set of stated defaults (ANALYSIS_DEFAULTS), building the
 * inputs in one place (inputs.ts). `xinzhi analyze` on a results.json, the
 * report sections and the web panels call it and only format its results,
 * so the same spec and data give the same numbers everywhere. Every result
 * carries the options it was computed with (as fixest's estimation objects).
 *
 * Defaults, and why (docs/analysis-distribution.md, docs/analysis-spatial.md):
 * - coupling: the standard coupling degree C = n·[ΠU / (ΣU)ⁿ]^(1/n) — the
 *   traditional form most published NQPF and coupling studies report — with the
 *   corrected form (Wang Shujia et al. 2021) computed alongside for
 *   comparison; systems = the child dimensions of the node; equal α; levels
 *   = node scores / score.scale, accepted up to 1 + shift.
 * - obstacle: global weights × (e − x′), e = 1 + shift; top 5 indicators.
 * - gini / theil: groups = the spec's "region" label column, else the NBS
 *   four regions of province units; Theil T and L (L only when all scores
 *   are positive).
 * - kde: Gaussian kernel, Silverman bandwidth (R bw.nrd0), 512 grid points.
 * - moran / lisa / spatial markov: queen contiguity on the province
 *   boundaries, islands linked to the nearest unit (Hainan–Guangdong),
 *   row-standardised; z and p under randomisation, alternative "greater"
 *   (spdep moran.test); LISA α = 0.05, latest period; no permutations
 *   unless asked (seed 1).
 * - markov: 4 quartile classes with breaks pooled over all periods, lag 1;
 *   the spatial chain too when the units are on the boundaries.
 * - convergence: σ (sd, CV); absolute β with unit and time fixed effects
 *   (two-way FE, absorbed by src/core/estimate/fe.ts), standard errors
 *   clustered by unit with the CR1 adjustment G/(G−1)·(N−1)/(N−K), K the
 *   slopes (vcov.ts preset "plm" = plm vcovHC "sss"); any vcov.ts preset
 *   (e.g. "stata" for `reghdfe g lny, absorb(id year) vce(cluster id)`) may be named.
 */
import { XinzhiError } from '../errors.ts';
import { bi, type Bilingual } from '../i18n.ts';
import { INDEX_ID } from '../measure/result.ts';
import type { Time } from '../panel/types.ts';
import { couplingCoordination, type CouplingForm, type CouplingResult, type RelativeRule } from './coupling.ts';
import { sliceByTime } from './distribution-by-time.ts';
import { dagumGini, type DagumGiniResult } from './dagum-gini.ts';
import { kdeByTime, type BandwidthRule, type Kernel, type KdeResult } from './kde.ts';
import { localMoran, type LocalMoranResult } from './lisa.ts';
import {
  markovChain,
  spatialMarkov,
  type BreaksScope,
  type MarkovResult,
  type SpatialMarkovResult,
  type UnitTimeMatrix,
} from './markov.ts';
import {
  moran,
  moranPermutation,
  moranScatter,
  type Alternative,
  type MoranResult,
  type MoranScatter,
  type PermutationResult,
} from './moran.ts';
import {
  obstacleFromEvaluation,
  obstacleMean,
  obstacleRow,
  obstacleRowCount,
  topObstaclesAt,
  type ObstacleItem,
  type ObstacleMean,
  type ObstacleResult,
  type ObstacleRow,
} from './obstacle.ts';
import { betaConvergence, sigmaConvergence, type BetaModel, type BetaResult, type SigmaResult } from './convergence.ts';
import type { BetaSmallSample } from './convergence.ts';
import { subset, withStyle, type IslandRule, type SpatialWeights, type WeightsStyle } from './spatial-weights.ts';
import { theil, type TheilMeasure, type TheilResult } from './theil.ts';
import {
  analysisTimes,
  childDimensions,
  hasNode,
  levelRange,
  nodeLevelMatrix,
  nodeScoreMatrix,
  provinceSpatialUnits,
  spatialUnitsFromWeights,
  unitGroups,
  type AnalysisSource,
  type LevelRange,
  type SpatialUnits,
  type UnitGroups,
} from './inputs.ts';
import { parseWeightsSpec } from './weights-spec.ts';
import { float64Of, gather } from '../stats/gather.ts';

/** The nine analyses, in the order the report shows them. */
export const ANALYSIS_NAMES = [
  'coupling',
  'obstacle',
  'gini',
  'theil',
  'kde',
  'moran',
  'lisa',
  'markov',
  'convergence',
] as const;
export type AnalysisName = (typeof ANALYSIS_NAMES)[number];

/** Every option of the runner, resolved. */
export interface AnalysisOptions {
  /** Node whose scores are analysed (coupling: its child dimensions). */
  node: string;
  coupling: {
    form: CouplingForm;
    /** System node ids, or the child dimensions of `node`. */
    systems: string[] | 'children';
    /** Contributions α, or equal. */
    alpha: number[] | 'equal';
    relativeRule: RelativeRule;
    tolerance: number;
    /** Accepted maximum level, or 1 + shift of the spec ("range"). */
    maxLevel: number | 'range';
  };
  obstacle: { top: number; level: 'indicator' | 'dimension'; ideal: number | 'range' };
  /**
   * Grouping of gini and theil: a label column of the spec ("region": else the NBS regions), and optional
   * explicit groups; null: no groups (Theil without decomposition; Gini needs groups).
   */
  grouping: { by: string | null; groups?: Record<string, string> };
  theil: { measures: TheilMeasure[] | 'auto' };
  kde: {
    kernel: Kernel;
    bw: BandwidthRule | number;
    points: number;
    cut: number;
    peakThreshold: number;
    /** Also evaluate the density at these points (none by default). */
    at?: number[];
  };
  spatial: {
    weights: string;
    islands: IslandRule;
    snap: number | null;
    style: WeightsStyle;
    alternative: Alternative;
    permutations: number;
    seed: number | string;
  };
  lisa: { alpha: number; time: Time | 'latest' | 'all' };
  markov: { classes: number; breaks: BreaksScope; lag: number; relative: boolean; spatial: boolean };
  /** controls: node ids whose scores at the origin time make β conditional. */
  convergence: { model: BetaModel; lag: number; smallSample: BetaSmallSample; log: boolean; controls: string[] };
}

/** The runner's defaults (see the module comment for the reasons). */
export const ANALYSIS_DEFAULTS: Readonly<AnalysisOptions> = Object.freeze({
  node: INDEX_ID,
  coupling: {
    form: 'standard',
    systems: 'children',
    alpha: 'equal',
    relativeRule: 'difference',
    tolerance: 0.1,
    maxLevel: 'range',
  },
  obstacle: { top: 5, level: 'indicator', ideal: 'range' },
  grouping: { by: 'region' },
  theil: { measures: 'auto' },
  kde: { kernel: 'gaussian', bw: 'silverman', points: 512, cut: 3, peakThreshold: 0.05 },
  spatial: {
    weights: 'queen',
    islands: 'nearest',
    snap: null,
    style: 'W',
    alternative: 'greater',
    permutations: 0,
    seed: 1,
  },
  lisa: { alpha: 0.05, time: 'latest' },
  markov: { classes: 4, breaks: 'pooled', lag: 1, relative: false, spatial: true },
  convergence: { model: 'twoways', lag: 1, smallSample: 'CR1', log: false, controls: [] },
} satisfies AnalysisOptions);

/** Options as a caller gives them: any part may be left out. */
export type AnalysisOptionsInput = { node?: string } & {
  [K in Exclude<keyof AnalysisOptions, 'node'>]?: Partial<AnalysisOptions[K]>;
};

/**
 * Fill the options a caller left out from ANALYSIS_DEFAULTS.
 * @example resolveAnalysisOptions({ coupling: { form: 'corrected' } }).coupling.tolerance // 0.1
 */
export function resolveAnalysisOptions(input: AnalysisOptionsInput = {}): AnalysisOptions {
  const d = ANALYSIS_DEFAULTS;
  const pick = <K extends Exclude<keyof AnalysisOptions, 'node'>>(k: K): AnalysisOptions[K] => {
    const given = Object.fromEntries(Object.entries(input[k] ?? {}).filter(([, v]) => v !== undefined));
    return { ...d[k], ...given } as AnalysisOptions[K];
  };
  return {
    node: input.node ?? d.node,
    coupling: pick('coupling'),
    obstacle: pick('obstacle'),
    grouping: pick('grouping'),
    theil: pick('theil'),
    kde: pick('kde'),
    spatial: pick('spatial'),
    lisa: pick('lisa'),
    markov: pick('markov'),
    convergence: pick('convergence'),
  };
}

/** What the runner reads besides the result: boundaries for the spatial analyses, or weights built by an adapter. */
export interface AnalysisSources {
  /** Province boundaries (a GeoJSON FeatureCollection with ADM1_EN / ADM1_ZH / ADM1_PCODE). */
  geojson?: unknown;
  /** Weights over units of the result, built elsewhere (e.g. from a user's boundary or edge-list file); used instead of the boundaries. */
  weights?: SpatialWeights;
}

/** The spatial setting of a run. */
export interface SpatialSummary {
  /** The weights in the grammar of weights-spec.ts. */
  weights: string;
  description: Bilingual;
  /** How the matrix was built (the builder's own description) and the style applied per period. */
  matrix: string;
  style: WeightsStyle;
  units: string[];
  unmatched: string[];
  islandLinks: Array<[string, string]>;
}

export interface CouplingByTime {
  time: Time | null;
  n: number;
  meanC: number;
  meanT: number;
  meanD: number;
  classCounts: Record<string, number>;
}
interface RunBase {
  node: string;
  options: AnalysisOptions;
}
export interface CouplingRun extends RunBase {
  analysis: 'coupling';
  systems: string[];
  range: LevelRange;
  /** The chosen form, and its means by time. */
  result: CouplingResult;
  byTime: CouplingByTime[];
  /** The other form, for comparison. */
  compare: { result: CouplingResult; byTime: CouplingByTime[] };
}
export type ObstacleRunRow = ObstacleRow & { top: ObstacleItem[]; tieAtK: boolean; mainDimension: ObstacleItem | null };
export interface ObstacleRun extends RunBase {
  analysis: 'obstacle';
  /** Every row's shares and contributions, by column; rows with their top-k: obstacleRunRows. */
  result: ObstacleResult;
  /** Means by time of the shares, the unnormalised contributions and the gap. */
  mean: ObstacleMean[];
  latest: Time | null;
}
export interface GiniRun extends RunBase {
  analysis: 'gini';
  grouping: UnitGroups;
  rows: Array<{ time: Time | null } & DagumGiniResult>;
}
export interface TheilRun extends RunBase {
  analysis: 'theil';
  grouping: UnitGroups | null;
  measures: TheilMeasure[];
  rows: Array<{ time: Time | null } & TheilResult>;
}
export interface KdeRun extends RunBase {
  analysis: 'kde';
  result: KdeResult;
}
export type MoranRunRow = { time: Time } & MoranResult & {
    missing: string[];
    permutation?: PermutationResult & { seed: number | string };
  };
export interface MoranRun extends RunBase {
  analysis: 'moran';
  spatial: SpatialSummary;
  rows: MoranRunRow[];
  scatter: { time: Time } & MoranScatter;
}
export interface LisaRunRow {
  time: Time;
  values: Float64Array;
  missing: string[];
  result: LocalMoranResult;
}
export interface LisaRun extends RunBase {
  analysis: 'lisa';
  spatial: SpatialSummary;
  alpha: number;
  rows: LisaRunRow[];
}
export interface MarkovRun extends RunBase {
  analysis: 'markov';
  /** Classic chain over every unit. */
  chain: MarkovResult;
  /** Spatial chain over the units on the map, when it ran. */
  spatial?: { summary: SpatialSummary; result: SpatialMarkovResult };
  /** Why the spatial chain did not run (when it was asked for). */
  spatialSkipped?: Bilingual;
}
export interface ConvergenceRun extends RunBase {
  analysis: 'convergence';
  sigma: SigmaResult;
  beta?: BetaResult;
  betaSkipped?: Bilingual;
}
export type AnalysisRun =
  | CouplingRun
  | ObstacleRun
  | GiniRun
  | TheilRun
  | KdeRun
  | MoranRun
  | LisaRun
  | MarkovRun
  | ConvergenceRun;
export type AnalysisRunOf<N extends AnalysisName> = Extract<AnalysisRun, { analysis: N }>;

/** An analysis that cannot run on this result (too few periods, no grouping, …): a XinzhiError with this code. */
export const NOT_APPLICABLE = 'analysis-not-applicable';

function notApplicable(message: Bilingual, fix?: Bilingual): XinzhiError {
  return new XinzhiError({ code: NOT_APPLICABLE, severity: 'error', message, ...(fix ? { fix } : {}) });
}

/**
 * One-line bilingual reason of a XinzhiError: its first problem (where, message, fix) and how many more there are.
 * @example errorReason(err).en // 'Beijing 2020: … (fix); at least 2 more like it'
 */
export function errorReason(err: XinzhiError): Bilingual {
  const p = err.problems[0];
  const more = err.problems.length - 1;
  const where = [p.unit, p.time, p.column].filter((x) => x !== undefined && x !== '').join(' ');
  const one = (lang: 'zh' | 'en') =>
    `${where ? `${where}: ` : ''}${p.message[lang]}${p.fix ? (lang === 'zh' ? `（${p.fix.zh}）` : ` (${p.fix.en})`) : ''}`;
  return {
    zh: `${one('zh')}${more > 0 ? `；至少还有 ${more} 处同类问题` : ''}`,
    en: `${one('en')}${more > 0 ? `; at least ${more} more like it` : ''}`,
  };
}

/** Inputs shared by the analyses of one result (built lazily, once). */
class Inputs {
  readonly times: Time[];
  readonly matrix: UnitTimeMatrix;
  readonly crossSection: boolean;
  private spatialCache?: { value?: SpatialUnits; error?: unknown };
  private groupsCache?: { value?: UnitGroups; error?: unknown };

  constructor(
    readonly result: AnalysisSource,
    readonly options: AnalysisOptions,
    readonly sources: AnalysisSources,
  ) {
    if (!hasNode(result, options.node)) {
      throw notApplicable(
        bi(`结果中没有节点 "${options.node}" 的得分`, `the result has no scores of node "${options.node}"`),
        bi('选择综合指数（index）或一个维度', 'choose the index or a dimension'),
      );
    }
    this.times = analysisTimes(result);
    this.matrix = nodeScoreMatrix(result, options.node);
    this.crossSection = result.record.spec.time === null;
  }

  spatial(): SpatialUnits {
    this.spatialCache ??= remember(() => {
      const spec = parseWeightsSpec(this.options.spatial.weights);
      if (this.sources.weights) return spatialUnitsFromWeights(this.result.units, this.sources.weights, spec);
      const { islands, snap } = this.options.spatial;
      return provinceSpatialUnits(this.result.units, this.sources.geojson, spec, {
        islands,
        ...(snap === null ? {} : { snap }),
      });
    });
    return recall(this.spatialCache);
  }

  groups(): UnitGroups {
    this.groupsCache ??= remember(() => {
      const { by, groups } = this.options.grouping;
      if (by === null && !groups) {
        throw notApplicable(
          bi('没有分组', 'no grouping was given'),
          bi('给出分组列，如 region', 'name a group column, e.g. region'),
        );
      }
      return unitGroups(this.result, by ?? 'region', groups);
    });
    return recall(this.groupsCache);
  }

  /** Rows of one period: values in result.units order and where each is. */
  period(k: number): { values: Float64Array; locate: (i: number) => { unit: string; time: Time } } {
    const time = this.times[k];
    return { values: this.matrix.y[k], locate: (i) => ({ unit: this.result.units[i], time }) };
  }
}

function remember<T>(f: () => T): { value?: T; error?: unknown } {
  try {
    return { value: f() };
  } catch (error) {
    return { error };
  }
}
function recall<T>(memo: { value?: T; error?: unknown }): T {
  if ('error' in memo && memo.error !== undefined) throw memo.error;
  return memo.value as T;
}

function summary(sp: SpatialUnits, o: AnalysisOptions['spatial']): SpatialSummary {
  return {
    weights: o.weights,
    description: sp.description,
    matrix: sp.raw.description,
    style: o.style,
    units: sp.ids,
    unmatched: sp.unmatched,
    islandLinks: sp.raw.islandLinks ?? [],
  };
}

/** One period's values over the spatial units, with the row-standardised weights of those with a value. */
function spatialSlice(
  sp: SpatialUnits,
  matrix: UnitTimeMatrix,
  k: number,
  style: WeightsStyle,
): { values: Float64Array; w: SpatialWeights; missing: string[] } {
  const keep: number[] = [];
  const missing: string[] = [];
  sp.index.forEach((i, p) => (Number.isFinite(matrix.y[k][i]) ? keep.push(p) : missing.push(sp.ids[p])));
  const sub = keep.length === sp.ids.length ? sp.raw : subset(sp.raw, keep);
  return { values: float64Of(keep.length, (q) => matrix.y[k][sp.index[keep[q]]]), w: withStyle(sub, style), missing };
}

function needPeriods(inputs: Inputs, n: number, what: Bilingual): void {
  if (inputs.times.length < n) {
    throw notApplicable(
      bi(
        `${what.zh}需要至少 ${n} 期数据（现有 ${inputs.times.length} 期）`,
        `${what.en} needs at least ${n} periods (got ${inputs.times.length})`,
      ),
    );
  }
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * Per time, in time order: the number of rows, the mean C, T and D, and the
 * count of each coordination class (one slice with time null without times).
 * @example couplingByTime(result)[0].meanD
 */
export function couplingByTime(result: CouplingResult): CouplingByTime[] {
  const timed = result.rows.some((r) => r.time !== null);
  return sliceByTime(result.rows.length, timed ? result.rows.map((r) => r.time as Time) : null).map((s) => {
    const rows = s.rows.map((r) => result.rows[r]);
    const classCounts: Record<string, number> = {};
    for (const r of rows) classCounts[String(r.class.level)] = (classCounts[String(r.class.level)] ?? 0) + 1;
    return {
      time: s.time,
      n: rows.length,
      meanC: mean(rows.map((r) => r.C)),
      meanT: mean(rows.map((r) => r.T)),
      meanD: mean(rows.map((r) => r.D)),
      classCounts,
    };
  });
}

function runCoupling(inputs: Inputs): CouplingRun {
  const { result, options } = inputs;
  const o = options.coupling;
  const systems = o.systems === 'children' ? childDimensions(result, options.node) : o.systems;
  if (systems.length < 2) {
    throw notApplicable(
      bi(
        `耦合协调需要至少 2 个维度，${options.node} 下只有 ${systems.length} 个有得分的维度`,
        `coupling coordination needs at least 2 dimensions; ${options.node} has ${systems.length} scored dimension(s)`,
      ),
      bi('选择有两个以上下级维度的节点', 'choose a node with two or more child dimensions'),
    );
  }
  const missing = systems.filter((s) => !hasNode(result, s));
  if (missing.length) {
    throw notApplicable(
      bi(
        `结果中没有这些系统的得分：${missing.join('、')}`,
        `the result has no scores of these systems: ${missing.join(', ')}`,
      ),
      bi(
        `可选：${childDimensions(result, INDEX_ID).join(', ')}`,
        `choose from: ${childDimensions(result, INDEX_ID).join(', ')}`,
      ),
    );
  }
  const range = levelRange(result.record.spec);
  const mats = systems.map((s) => nodeLevelMatrix(result, s, range));
  const unit: string[] = [];
  const time: Time[] = [];
  const levels: number[][] = systems.map(() => []);
  inputs.times.forEach((x, k) => {
    result.units.forEach((u, i) => {
      unit.push(u);
      time.push(x);
      mats.forEach((m, s) => levels[s].push(m.y[k][i]));
    });
  });
  const input = {
    systems,
    unit,
    time: inputs.crossSection ? null : time,
    levels,
    locate: (r: number) => ({ unit: unit[r], time: time[r] }),
  };
  const common = {
    ...(o.alpha === 'equal' ? {} : { alpha: o.alpha }),
    relativeRule: o.relativeRule,
    tolerance: o.tolerance,
    maxLevel: o.maxLevel === 'range' ? range.maxLevel : o.maxLevel,
  };
  const main = couplingCoordination(input, { ...common, form: o.form });
  const other = couplingCoordination(input, { ...common, form: o.form === 'standard' ? 'corrected' : 'standard' });
  return {
    analysis: 'coupling',
    node: options.node,
    options,
    systems,
    range,
    result: main,
    byTime: couplingByTime(main),
    compare: { result: other, byTime: couplingByTime(other) },
  };
}

function runObstacle(inputs: Inputs): ObstacleRun {
  const { result, options } = inputs;
  const o = options.obstacle;
  return obstacleRunOf(obstacleFromEvaluation(result, o.ideal === 'range' ? {} : { ideal: o.ideal }), options);
}

/**
 * The obstacle run of obstacle degrees computed elsewhere (a panel of
 * normalised values with its own weights): the means by period, the last
 * period, and the options that obstacleRunRows reads (top k, level).
 * @example obstacleRunOf(obstacleDegree(input), resolveAnalysisOptions({ obstacle: { top: 3 } }))
 */
export function obstacleRunOf(ob: ObstacleResult, options: AnalysisOptions): ObstacleRun {
  const periods = obstaclePeriods(ob);
  const times = analysisTimes({ times: [...periods.values()].flatMap((p) => (p.time === null ? [] : [p.time])) });
  const slices: Array<Time | null> = times.length ? times : [null];
  return {
    analysis: 'obstacle',
    node: options.node,
    options,
    result: ob,
    mean: slices.map((time) => obstacleMean(ob, time, periods.get(String(time))?.rows ?? [])),
    latest: times.length ? times[times.length - 1] : null,
  };
}

/** The rows of each period of an obstacle result, in order, keyed by String(time) (as the means match periods). */
function obstaclePeriods(ob: ObstacleResult): Map<string, { time: Time | null; rows: number[] }> {
  const out = new Map<string, { time: Time | null; rows: number[] }>();
  for (let r = 0; r < obstacleRowCount(ob); r++) {
    const time = ob.time ? ob.time[r] : null;
    const k = String(time);
    let at = out.get(k);
    if (!at) out.set(k, (at = { time, rows: [] }));
    at.rows.push(r);
  }
  return out;
}

/**
 * The rows of an obstacle run with each unit's top-k (the run's options), for
 * one period or (time undefined) all: made when asked, as a firm panel's rows
 * take several kilobytes each as records.
 * @example obstacleRunRows(run, run.latest) // the units of the last period
 */
export function obstacleRunRows(run: ObstacleRun, time?: Time | null): ObstacleRunRow[] {
  const ob = run.result;
  const out: ObstacleRunRow[] = [];
  const key = String(time);
  for (let r = 0; r < obstacleRowCount(ob); r++) {
    if (time === undefined || String(ob.time ? ob.time[r] : null) === key) out.push(obstacleRunRow(run, r));
  }
  return out;
}

/** Row r of an obstacle run with its top k (the run's level) and its main dimension. */
export function obstacleRunRow(run: ObstacleRun, r: number): ObstacleRunRow {
  const { top: k, level } = run.options.obstacle;
  const top = topObstaclesAt(run.result, r, k, level);
  return {
    ...obstacleRow(run.result, r),
    top: top.top,
    tieAtK: top.tieAtK,
    mainDimension: topObstaclesAt(run.result, r, 1, 'dimension').top[0] ?? null,
  };
}

function runGini(inputs: Inputs): GiniRun {
  const g = inputs.groups();
  const rows = inputs.times.map((time, k) => {
    const p = inputs.period(k);
    return {
      time: inputs.crossSection ? null : time,
      ...dagumGini(p.values, g.groups, { locate: p.locate, column: inputs.options.node }),
    };
  });
  return { analysis: 'gini', node: inputs.options.node, options: inputs.options, grouping: g, rows };
}

function runTheil(inputs: Inputs): TheilRun {
  const grouped = inputs.options.grouping.by !== null || inputs.options.grouping.groups !== undefined;
  const g = grouped ? inputs.groups() : null;
  const asked = inputs.options.theil.measures;
  const allPositive = inputs.matrix.y.every((row) => row.every((v) => v > 0));
  const measures: TheilMeasure[] = asked === 'auto' ? (allPositive ? ['T', 'L'] : ['T']) : asked;
  const rows = inputs.times.map((time, k) => {
    const p = inputs.period(k);
    return {
      time: inputs.crossSection ? null : time,
      ...theil(p.values, g ? g.groups : null, { measures, locate: p.locate, column: inputs.options.node }),
    };
  });
  return { analysis: 'theil', node: inputs.options.node, options: inputs.options, grouping: g, measures, rows };
}

function runKde(inputs: Inputs): KdeRun {
  const values: number[] = [];
  const times: Time[] = [];
  const rowAt: Array<{ unit: string; time: Time }> = [];
  inputs.times.forEach((x, k) =>
    inputs.matrix.y[k].forEach((v, i) => {
      values.push(v);
      times.push(x);
      rowAt.push({ unit: inputs.result.units[i], time: x });
    }),
  );
  const o = inputs.options.kde;
  const result = kdeByTime(values, inputs.crossSection ? null : times, {
    kernel: o.kernel,
    bw: o.bw,
    points: o.points,
    cut: o.cut,
    peakThreshold: o.peakThreshold,
    ...(o.at ? { at: o.at } : {}),
    column: inputs.options.node,
    locate: (r) => rowAt[r],
  });
  return { analysis: 'kde', node: inputs.options.node, options: inputs.options, result };
}

function runMoran(inputs: Inputs): MoranRun {
  const sp = inputs.spatial();
  const o = inputs.options.spatial;
  const rows = inputs.times.map((time, k) => {
    const s = spatialSlice(sp, inputs.matrix, k, o.style);
    const m = moran(s.values, s.w, { alternative: o.alternative });
    const perm =
      o.permutations > 0 && Number.isFinite(m.I)
        ? moranPermutation(s.values, s.w, { permutations: o.permutations, seed: o.seed, alternative: o.alternative })
        : null;
    return { time, ...m, missing: s.missing, ...(perm ? { permutation: { ...perm, seed: o.seed } } : {}) };
  });
  const last = inputs.times.length - 1;
  const s = spatialSlice(sp, inputs.matrix, last, o.style);
  return {
    analysis: 'moran',
    node: inputs.options.node,
    options: inputs.options,
    spatial: summary(sp, o),
    rows,
    scatter: { time: inputs.times[last], ...moranScatter(s.values, s.w) },
  };
}

function lisaPeriods(inputs: Inputs): number[] {
  const when = inputs.options.lisa.time;
  if (when === 'all') return inputs.times.map((_, k) => k);
  if (when === 'latest') return [inputs.times.length - 1];
  const k = inputs.times.findIndex((x) => String(x) === String(when));
  if (k < 0) {
    throw notApplicable(
      bi(`没有时间 ${when}`, `there is no time ${when}`),
      bi(`可选：${inputs.times.join(', ')}`, `choose from: ${inputs.times.join(', ')}`),
    );
  }
  return [k];
}

function runLisa(inputs: Inputs): LisaRun {
  const sp = inputs.spatial();
  const o = inputs.options;
  const rows = lisaPeriods(inputs).map((k) => {
    const s = spatialSlice(sp, inputs.matrix, k, o.spatial.style);
    const perm = o.spatial.permutations > 0 ? { permutations: o.spatial.permutations, seed: o.spatial.seed } : {};
    return {
      time: inputs.times[k],
      values: s.values,
      missing: s.missing,
      result: localMoran(s.values, s.w, { alpha: o.lisa.alpha, ...perm }),
    };
  });
  return { analysis: 'lisa', node: o.node, options: o, spatial: summary(sp, o.spatial), alpha: o.lisa.alpha, rows };
}

function runMarkov(inputs: Inputs): MarkovRun {
  needPeriods(inputs, 2, bi('马尔可夫链', 'a Markov chain'));
  const o = inputs.options;
  const mo = { classes: o.markov.classes, breaks: o.markov.breaks, lag: o.markov.lag, relative: o.markov.relative };
  const chain = markovChain(inputs.matrix, mo);
  if (chain.transitions === 0)
    throw notApplicable(
      bi('没有可计数的转移（缺失值过多）', 'no transitions could be counted (too many missing values)'),
    );
  const out: MarkovRun = { analysis: 'markov', node: o.node, options: o, chain };
  if (!o.markov.spatial) return out;
  let sp: SpatialUnits;
  try {
    sp = inputs.spatial();
  } catch (err) {
    if (!(err instanceof XinzhiError)) throw err;
    return { ...out, spatialSkipped: errorReason(err) };
  }
  const data: UnitTimeMatrix = {
    units: sp.ids,
    times: inputs.times,
    y: inputs.matrix.y.map((row) => gather(row, sp.index)),
  };
  return {
    ...out,
    spatial: {
      summary: summary(sp, { ...o.spatial, style: 'W' }),
      result: spatialMarkov(data, withStyle(sp.raw, 'W'), mo),
    },
  };
}

function runConvergence(inputs: Inputs): ConvergenceRun {
  needPeriods(inputs, 2, bi('收敛分析', 'convergence'));
  const o = inputs.options;
  const c = o.convergence;
  const sigma = sigmaConvergence(inputs.matrix, { log: c.log, column: o.node });
  const out: ConvergenceRun = { analysis: 'convergence', node: o.node, options: o, sigma };
  const steps = inputs.times.length - c.lag;
  if (c.model === 'twoways' && steps < 2) {
    return {
      ...out,
      betaSkipped: bi(
        '双向固定效应 β 收敛需要至少 3 期（2 个增长期）',
        'two-way fixed-effects β-convergence needs at least 3 periods (2 growth steps)',
      ),
    };
  }
  const missing = c.controls.filter((id) => !hasNode(inputs.result, id));
  if (missing.length) {
    throw notApplicable(
      bi(
        `结果中没有这些控制变量的得分：${missing.join('、')}`,
        `the result has no scores of these controls: ${missing.join(', ')}`,
      ),
    );
  }
  const controls = Object.fromEntries(c.controls.map((id) => [id, nodeScoreMatrix(inputs.result, id)]));
  try {
    const beta = betaConvergence(inputs.matrix, {
      model: c.model,
      lag: c.lag,
      smallSample: c.smallSample,
      controls,
      column: o.node,
    });
    return { ...out, beta };
  } catch (err) {
    if (!(err instanceof XinzhiError)) throw err;
    return { ...out, betaSkipped: errorReason(err) };
  }
}

const RUNNERS: { [N in AnalysisName]: (inputs: Inputs) => AnalysisRunOf<N> } = {
  coupling: runCoupling,
  obstacle: runObstacle,
  gini: runGini,
  theil: runTheil,
  kde: runKde,
  moran: runMoran,
  lisa: runLisa,
  markov: runMarkov,
  convergence: runConvergence,
};

/**
 * Run one analysis on an evaluation result with the defaults of
 * ANALYSIS_DEFAULTS filled in; a XinzhiError says why it cannot run.
 * @example runAnalysis(result, 'gini').rows[0].total
 */
export function runAnalysis<N extends AnalysisName>(
  result: AnalysisSource,
  name: N,
  options: AnalysisOptionsInput = {},
  sources: AnalysisSources = {},
): AnalysisRunOf<N> {
  return RUNNERS[name](new Inputs(result, resolveAnalysisOptions(options), sources));
}

export interface AnalysisSkip {
  analysis: AnalysisName;
  reason: Bilingual;
}
export interface AnalysesOutcome {
  runs: Partial<{ [N in AnalysisName]: AnalysisRunOf<N> }>;
  skipped: AnalysisSkip[];
}

/**
 * Run several analyses on one result, sharing their inputs (scores, groups,
 * weights); those that cannot run are listed in `skipped` with the reason.
 * @example runAnalyses(result, ['moran', 'lisa'], {}, { geojson }).runs.moran?.rows
 */
export function runAnalyses(
  result: AnalysisSource,
  names: readonly AnalysisName[],
  options: AnalysisOptionsInput = {},
  sources: AnalysisSources = {},
): AnalysesOutcome {
  const asked = ANALYSIS_NAMES.filter((a) => names.includes(a));
  const runs: AnalysesOutcome['runs'] = {};
  const skipped: AnalysisSkip[] = [];
  let inputs: Inputs;
  try {
    inputs = new Inputs(result, resolveAnalysisOptions(options), sources);
  } catch (err) {
    if (!(err instanceof XinzhiError)) throw err;
    return { runs, skipped: asked.map((analysis) => ({ analysis, reason: errorReason(err) })) };
  }
  for (const a of asked) {
    try {
      (runs as Record<string, AnalysisRun>)[a] = RUNNERS[a](inputs);
    } catch (err) {
      if (!(err instanceof XinzhiError)) throw err;
      skipped.push({ analysis: a, reason: errorReason(err) });
    }
  }
  return { runs, skipped };
}
