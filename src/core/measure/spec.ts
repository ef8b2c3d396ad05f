/**
 * The evaluation spec: what a user writes (JSON or YAML) to describe an index
 * build. Field names and meanings of `unit`, `time`, `nodes`, `indicators`,
 * `normalize`, `weights` and `aggregate` are a public contract (see
 * docs/measurement.md); all other fields are optional additions with defaults.
 * The runtime schema (zod) that validates and fills defaults lives in
 * spec-schema.ts and must match these types.
 */
import type { Bilingual } from '../i18n.ts';

import type { Direction } from './direction.ts';
import type { PresetId } from './presets.ts';
import type { EntropyOptions } from './weights/entropy.ts';

export type { PresetId } from './presets.ts';
export type { EntropyOptions } from './weights/entropy.ts';

export type { Direction } from './direction.ts';

export interface SpecNode {
  id: string;
  parent: string | null;
  name?: Bilingual;
  /** Framework node this dimension measures (id in the framework model). */
  framework?: string;
  /** Given weight within the parent (used when weights.method is "given", or to override). */
  weight?: number;
}

export interface SpecIndicator {
  id: string;
  /** Column of the data holding the raw values. */
  column: string;
  direction: Direction;
  /** Parent node id; null / absent puts the indicator directly under the index. */
  parent?: string | null;
  name?: Bilingual;
  /** Measurement unit of the raw values, e.g. "10K RMB". */
  unit?: string;
  /** Framework node this indicator measures. */
  framework?: string;
  /** Divide the column by this other column before anything else (per capita, per GDP, ...). */
  denominator?: string;
  /** Multiply after denomination (e.g. 10000 to express per 10,000 people). */
  scale?: number;
  /** Given weight (for weights.method "given"). */
  weight?: number;
  /** Fixed goalposts [lower, upper] (normalize.method "goalposts"), in the units after denomination and log. */
  goalposts?: [number, number];
  /** Target value (normalize.method "distance-to-target"), in the units after denomination and log. */
  target?: number;
}

import type { MissingSpec, OutlierSpec } from '../panel/treatment.ts';
export type { MissingMethod, MissingSpec, OutlierSpec } from '../panel/treatment.ts';

/** Normalisation methods (the spec's `normalize.method`). */
export const NORMALIZE_METHODS = [
  'minmax',
  'zscore',
  'vector',
  'mean-ratio',
  'none',
  'goalposts',
  'distance-to-target',
] as const;
export type NormalizeMethod = (typeof NORMALIZE_METHODS)[number];

export interface NormalizeSpec {
  method: NormalizeMethod;
  /** Constant added after min-max (0 = none; default 0.0001). */
  shift?: number;
  /** Apply ln(x) (or ln(x+1) with logPlusOne) to raw values first. */
  log?: boolean;
  logPlusOne?: boolean;
  /** Pooled over all unit-years (default) or per time. */
  panel?: 'pooled' | 'by-time';
  /** distance-to-target: "ratio" (x / target, default) or "coinr" ((x − min)/(target − min)). */
  targetVariant?: 'ratio' | 'coinr';
  /** goalposts / distance-to-target: cap at the goalposts / target (default true for goalposts, false for distance-to-target). */
  cap?: boolean;
  /** minmax only: rescale to [a, b] instead of [0, 1] + shift (a + (b − a)(x − min)/(max − min)); the shift is then 0. */
  range?: [number, number];
}

/** Weighting methods (the spec's `weights.method`). */
export const WEIGHT_METHODS = ['entropy', 'critic', 'cv', 'equal', 'ahp', 'pca', 'given', 'combined'] as const;
export type WeightMethod = (typeof WEIGHT_METHODS)[number];

export interface WeightSpec {
  method: WeightMethod;
  panel?: 'pooled' | 'by-time';
  scope?: 'leaves' | 'children';
  /** AHP: pairwise comparison matrices, keyed by node id ("index" for the top). */
  ahp?: Record<string, { items: string[]; matrix: number[][] }>;
  /** AHP: accept a consistency ratio above 0.1. */
  allowInconsistent?: boolean;
  /** Entropy-method conventions of other tools (presets.ts); absent: p ln p with k = 1/ln n on the data as normalised. */
  entropy?: EntropyOptions;
  /** combined: the methods to combine and how. */
  combine?: {
    methods: WeightMethod[];
    rule: 'multiplicative' | 'linear' | 'game-theory';
    /** linear: coefficients of each method, summing to 1. */
    alpha?: number[];
  };
}

export { AGGREGATE_METHODS, type AggregateMethod } from './aggregate.ts';
import type { AggregateMethod } from './aggregate.ts';
import type { FuzzyOperator, MembershipFunctions, Trapezoid } from './scores/fuzzy.ts';
import type { PreferenceFunction, PrometheeCriterion } from './scores/promethee.ts';
import type { RsrVariant } from './scores/rsr.ts';

export interface AggregateSpec {
  method: AggregateMethod;
  /** Exponent of the power mean (method "power" only; finite, ≠ 0). */
  p?: number;
}

export interface ScoreSpec {
  /** Extra scores beside the weighted composite. */
  topsis?: boolean | { normalize?: 'vector' | 'minmax' | 'none' };
  /** reference: a given reference value per indicator id (normalised scale) instead of the column maxima. */
  gra?: boolean | { rho?: number; reference?: Record<string, number> };
  vikor?: boolean | { v?: number };
  /** PROMETHEE II net flows (scores/promethee.ts) on the normalised values: one preference function for all, or per indicator id. */
  promethee?:
    | boolean
    | { fn?: PreferenceFunction; q?: number; p?: number; s?: number; criteria?: Record<string, PrometheeCriterion> };
  /** Copeland scores from the weighted outranking matrix (scores/copeland.ts) on the normalised values. */
  copeland?: boolean;
  /** Rank-sum ratio (scores/rsr.ts): integer or non-integer ranks, 3–6 grades or probit cut-offs. */
  rsr?: boolean | { variant?: RsrVariant; grades?: number | number[] };
  /** Fuzzy comprehensive evaluation (scores/fuzzy.ts) on the normalised values. */
  fuzzy?:
    | boolean
    | {
        centres?: number[];
        trapezoids?: Trapezoid[];
        operator?: FuzzyOperator;
        scores?: number[];
        /** Grade names, low to high. */
        grades?: Bilingual[];
      };
  /** Multiply composite scores by this factor (e.g. 100); default 1. */
  scale?: number;
  /** Tie rule for ranks: "min" (1,2,2,4; default) or "average". */
  ties?: 'min' | 'average';
}

export interface UncertaintySpec {
  draws: number;
  seed?: number;
  /** Relative perturbation of weights (uniform ±, default 0.25). */
  weightNoise?: number;
  normalize?: NormalizeMethod[];
  weights?: WeightMethod[];
  aggregate?: Array<'arithmetic' | 'geometric'>;
}

export interface Spec {
  /** Optional name of the index. */
  name?: Bilingual;
  /** Tool preset (presets.ts) whose conventions fill what the spec leaves unset. */
  preset?: PresetId;
  unit: string;
  time: string | null;
  /** Label columns to carry (e.g. region) for grouping. */
  labels?: string[];
  /**
   * Long-format data (one row per unit, time and indicator): the column that
   * names the indicator and the column that holds its value. Indicators'
   * `column` and `denominator` then name entries of the indicator column.
   * Absent: wide data, one column per indicator.
   */
  long?: { indicator: string; value: string };
  nodes?: SpecNode[];
  indicators: SpecIndicator[];
  missing?: MissingSpec;
  outliers?: OutlierSpec;
  normalize: NormalizeSpec;
  weights: WeightSpec;
  aggregate: AggregateSpec;
  score?: ScoreSpec;
  uncertainty?: UncertaintySpec;
}

/**
 * The spec as used: every default filled in. `fillDefaults` (spec-schema.ts)
 * is the one place where defaults are written; code that runs a spec takes a
 * `FilledSpec` and never re-applies a default.
 */
export interface FilledSpec extends Spec {
  nodes: SpecNode[];
  missing: MissingSpec;
  outliers: OutlierSpec;
  /** targetVariant is filled only with distance-to-target; cap only as given (each method has its default). */
  normalize: Required<Omit<NormalizeSpec, 'targetVariant' | 'cap' | 'range'>> &
    Pick<NormalizeSpec, 'targetVariant' | 'cap' | 'range'>;
  weights: WeightSpec & Required<Pick<WeightSpec, 'panel' | 'scope' | 'allowInconsistent'>>;
  score: {
    topsis: false | { normalize: 'vector' | 'minmax' | 'none' };
    gra: false | { rho: number; reference?: Record<string, number> };
    vikor: false | { v: number };
    /** Filled: the criterion of every indicator, by id. */
    promethee: false | { criteria: Record<string, PrometheeCriterion> };
    copeland: boolean;
    rsr: false | { variant: RsrVariant; grades: number | number[] };
    fuzzy: false | { functions: MembershipFunctions; operator: FuzzyOperator; scores: number[]; grades?: Bilingual[] };
    scale: number;
    ties: 'min' | 'average';
  };
  uncertainty?: Required<UncertaintySpec>;
}
