/**
 * The result of an evaluation. `weights` and `scores` are the public contract
 * of `xinzhi evaluate --json`; the rest is documented in docs/measurement.md.
 * A result carries its RunRecord, from which the run can be regenerated.
 */
import type { Bilingual } from '../i18n.ts';
import type { Problem } from '../errors.ts';
import type { Time } from '../panel/types.ts';
import type { ImputedCell, TreatedCell } from '../panel/treatment.ts';
export type { ImputedCell, TreatedCell } from '../panel/treatment.ts';
import type { Direction, FilledSpec, NormalizeMethod, WeightMethod } from './spec.ts';

/** Id of the top of the hierarchy (the composite index). */
export const INDEX_ID = 'index';

export interface ScoreRow {
  unit: string;
  time: Time;
  score: number;
  rank?: number;
}

export interface NodeScoreRow {
  /** Node id (INDEX_ID for the composite). */
  node: string;
  unit: string;
  time: Time;
  score: number;
  /** Rank among units in the same time (1 = best). */
  rank: number;
}

export interface NodeWeight {
  id: string;
  parent: string | null;
  kind: 'node' | 'indicator';
  /** Weight within the parent (children of a node sum to 1). */
  local: number;
  /** Effective weight in the top-level index (product of locals along the path). */
  global: number;
  /** Per-time weights under weights.panel = "by-time". */
  byTime?: Record<string, { local: number; global: number }>;
}

export interface RunRecord {
  /**
   * The software, and the JavaScript engine that ran it when the caller says
   * (its Math.log / exp / pow decide the last bit of entropy weights and
   * scores: Node 20 and a current Chromium differ there, docs/web.md).
   */
  software: { name: 'xinzhi'; version: string; engine?: string };
  /** The spec with every default filled in. */
  spec: FilledSpec;
  /** SHA-256 of the canonical panel (units, times, used columns) as hex. */
  dataFingerprint: string;
  data: { source?: string; rows: number; units: number; times: number; columns: string[] };
  imputations: ImputedCell[];
  treatments: TreatedCell[];
  warnings: Problem[];
  /** Steps in order, each with a bilingual label and the method details used. */
  steps: Array<{ step: string; label: Bilingual; details: Record<string, unknown> }>;
}

export interface MethodDiagnostics {
  /** Entropy e_j and divergence d_j = 1 − e_j, CRITIC σ_j and conflict, AHP λmax/CI/CR, ... */
  [key: string]: unknown;
}

export interface CoherenceReport {
  /** Pearson correlations between indicators (ids in `indicators` order). */
  indicators: string[];
  indicatorCorrelation: number[][];
  /** Correlation of each indicator with its parent dimension score and with the index. */
  withParent: Record<string, number>;
  withIndex: Record<string, number>;
  /** Cronbach's alpha of each dimension's indicators. */
  cronbachAlpha: Record<string, number>;
  /** Indicators correlating negatively with their own dimension. */
  negativeWithParent: string[];
}

/** One draw of the uncertainty analysis: the method choices and the weight noise per node. */
export interface UncertaintyDraw {
  normalize: NormalizeMethod;
  weights: WeightMethod;
  aggregate: 'arithmetic' | 'geometric';
  u: Array<Record<string, number[]>>;
}

/** The sampled design of an uncertainty analysis (`keepDraws`). */
export interface UncertaintyDesign {
  weightNoise: number;
  draws: UncertaintyDraw[];
}

/** Ranks of each unit under other weighting methods (see robustness.ts). */
export interface RobustnessRow {
  unit: string;
  time: Time;
  /** Rank in the result being checked (the spec's own weights). */
  nominalRank: number;
  /** Rank under each compared method, keyed by method name. */
  ranks: Record<string, number>;
  /** Composite score under each compared method. */
  scores: Record<string, number>;
  /** Largest minus smallest rank over the nominal rank and the compared methods. */
  shift: number;
  /** Monte Carlo rank interval (median, 5 % and 95 % quantiles), when the uncertainty analysis ran. */
  monteCarlo?: { median: number; q05: number; q95: number };
}

export interface RobustnessReport {
  /** The options used (filled). */
  options: { methods: WeightMethod[]; threshold: number; times: 'latest' | 'all' };
  /** The spec's own weighting method (the nominal ranking). */
  nominal: WeightMethod;
  /** Effective indicator weights under each compared method. */
  weights: Record<string, Record<string, number>>;
  /** One row per unit and reported time, in the nominal rank order within each time. */
  rows: RobustnessRow[];
  /** Plain sentences about units whose rank moves by more than the threshold (or one saying none does). */
  sentences: Bilingual[];
  /** Methods that could not score this data, with the reason (their ranks are NaN and left out of `shift`). */
  failed: Record<string, Bilingual>;
}

export interface UncertaintyRow {
  unit: string;
  time: Time;
  nominalRank: number;
  medianRank: number;
  q05: number;
  q95: number;
}

export interface UncertaintyReport {
  draws: number;
  seed: number;
  ranks: UncertaintyRow[];
  /** Share of rank variance explained by each choice (first-order sensitivity), keyed by choice name. */
  influence: Record<string, number>;
  /** The sampled design (each draw's choices and uniform numbers), only with the evaluate option `keepDraws`. */
  design?: UncertaintyDesign;
}

export interface EvaluationResult {
  /** Effective weight of each indicator in the top-level score (contract). */
  weights: Record<string, number>;
  /** Top-level composite per unit and time (contract), with rank. */
  scores: ScoreRow[];
  units: string[];
  times: Time[];
  indicators: Array<{
    id: string;
    column: string;
    direction: Direction;
    parent: string | null;
    name?: Bilingual;
    unit?: string;
    framework?: string;
  }>;
  /** Weights of every node and indicator. */
  nodeWeights: NodeWeight[];
  /** Scores of every node (dimensions and index) per unit and time. */
  nodeScores: NodeScoreRow[];
  /** Normalised indicator values per row, keyed by indicator id (rows in panel order). */
  normalized: { unit: string[]; time: Time[]; values: Record<string, Float64Array> };
  /** Extra MCDM scores when asked for. */
  topsis?: Array<{ unit: string; time: Time; dPlus: number; dMinus: number; closeness: number; rank: number }>;
  gra?: Array<{ unit: string; time: Time; grade: number; rank: number }>;
  vikor?: Array<{ unit: string; time: Time; S: number; R: number; Q: number; rank: number }>;
  /** PROMETHEE II flows per row (ranked by net flow φ, descending). */
  promethee?: Array<{ unit: string; time: Time; phiPlus: number; phiMinus: number; phi: number; rank: number }>;
  /** Copeland scores per row (ranked descending). */
  copeland?: Array<{ unit: string; time: Time; score: number; rank: number }>;
  /** Rank-sum ratio per row (rank by RSR, descending; grade 1 = lowest) and its model per sample (pooled, or per time). */
  rsr?: Array<{ unit: string; time: Time; rsr: number; probit: number; fitted: number; grade: number; rank: number }>;
  rsrModel?: Array<{
    time: Time | null;
    variant: string;
    regression: { intercept: number; slope: number; r2: number; points: number };
    distribution: Array<{ rsr: number; f: number; cumulative: number; meanRank: number; p: number; probit: number }>;
    probitCutoffs: number[];
    rsrCutoffs: number[];
  }>;
  /** Fuzzy evaluation per row: normalised membership b' per grade, grade by maximum membership (tie flagged), weighted grade score (ranked descending). */
  fuzzy?: Array<{
    unit: string;
    time: Time;
    membership: number[];
    grade: number;
    tie: boolean;
    score: number;
    rank: number;
  }>;
  diagnostics: MethodDiagnostics;
  coherence: CoherenceReport;
  uncertainty?: UncertaintyReport;
  /** Ranks under other weighting methods side by side (measure/robustness.ts), when the caller asked for them. */
  robustness?: RobustnessReport;
  record: RunRecord;
}
