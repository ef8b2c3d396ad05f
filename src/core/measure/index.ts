/**
 * Public API of the measure module: the evaluation pipeline, the spec and its
 * validation, the hierarchy, and the numerical methods (normalisation,
 * weights, MCDM scores, ranks, coherence) it is built from.
 */
export {
  evaluate,
  evaluateAsync,
  regenerate,
  preparePanel,
  ranksByTime,
  timeGroups,
  type EvaluateOptions,
  type ParallelDraws,
  type Prepared,
} from './evaluate.ts';
export {
  parseSpec,
  validateSpec,
  fillDefaults,
  SPEC_DEFAULTS,
  jsonPath,
  NORMALIZE_METHODS,
  WEIGHT_METHODS,
  DATA_WEIGHT_METHODS,
  type SpecContext,
} from './spec-schema.ts';
export {
  buildHierarchy,
  globalFromLocal,
  globalOfAll,
  localFromGlobal,
  type Hierarchy,
  type HNode,
  type LocalWeights,
} from './hierarchy.ts';
export {
  hierarchyWeights,
  sampleLocalWeights,
  nodeScores,
  normalizeMatrix,
  dataWeights,
  type TimeGroups,
  type WeightDiagnostic,
} from './hierarchy-weights.ts';
export { aggregateColumns, AggregateDomainError, type AggregateMethod } from './aggregate.ts';
export {
  runUncertainty,
  runUncertaintyParts,
  uncertaintyPart,
  mergeUncertainty,
  drawRanges,
  type UncertaintyInput,
  type UncertaintyPart,
  type UncertaintyPartRunner,
} from './uncertainty.ts';
export { fingerprintPanel, usedColumns } from './record.ts';
export * from './spec.ts';
export * from './result.ts';
export { normalizeColumn, logTransform, DEFAULT_SHIFT, type NormalizeOptions } from './normalize.ts';
export { entropyWeights, columnEntropy, type EntropyResult } from './weights/entropy.ts';
export { criticWeights, type CriticResult } from './weights/critic.ts';
export { cvWeights, type CvResult } from './weights/cv.ts';
export { equalWeights } from './weights/equal.ts';
export { ahpWeights, SAATY_RI, type AhpResult, type AhpOptions } from './weights/ahp.ts';
export { pcaWeights, type PcaResult, type PcaOptions } from './weights/pca.ts';
export { combineWeights, type CombineRule, type CombineResult } from './weights/combine.ts';
export { MeasureInputError } from './weights/input.ts';
export { topsis, type TopsisOptions, type TopsisResult } from './scores/topsis.ts';
export { greyRelational, type GreyRelationalOptions, type GreyRelationalResult } from './scores/gra.ts';
export { vikor, type VikorResult } from './scores/vikor.ts';
export { rank, type RankOptions } from './rank.ts';
export { correlationMatrix, cronbachAlpha } from './coherence.ts';
export { METHODS, type MethodInfo } from './methods.ts';
export {
  rankRobustness,
  robustnessSentences,
  weightMethodName,
  ROBUSTNESS_METHODS,
  ROBUSTNESS_THRESHOLD,
  type RobustnessOptions,
  type RobustnessReport,
  type RobustnessRow,
} from './robustness.ts';
