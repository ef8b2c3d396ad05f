/** Total factor productivity by DEA: models, indices and the runner (see docs/tfp.md). */
export { HIGHS_OPTIONS, highsSolver, type LinearProgram, type LpSolution, type LpSolver, type LpStatus } from './lp.ts';
export type { Observation, ReturnsToScale, Technology } from './technology.ts';
export type { DeaScore, Slacks } from './score.ts';
export { radialEfficiency, radialMultiplier, type Orientation, type RadialOptions } from './radial.ts';
export { sbmEfficiency, superSbmEfficiency } from './sbm.ts';
export { directionalDistance } from './ddf.ts';
export {
  cumulativeIndex,
  indexJob,
  indexValues,
  productivityIndex,
  type IndexOptions,
  type IndexType,
  type IndexValue,
} from './productivity.ts';
export { inefficiencyShares } from './shares.ts';
export { checkTfpModel, type TfpModel, type TfpModelInput } from './model.ts';
export {
  runTfp,
  runTfpAsync,
  type TfpCumulativeRow,
  type TfpEfficiencyRow,
  type TfpIndexRow,
  type TfpResult,
} from './run.ts';
export {
  DEA_CHUNK,
  chunkCost,
  jobProgrammes,
  planChunks,
  solveDeaJob,
  solveDeaJobAsync,
  type ChunkOut,
  type DeaChunk,
  type DeaJob,
  type DeaParts,
  type DeaRunner,
} from './chunks.ts';
export { describeModel } from './describe.ts';
export { RESTRICTED_FROM, type SubsetHint } from './subset.ts';
export { spreadOf, tfpSummary, type Spread, type TfpSummary } from './summary.ts';
export {
  FIRM_ESTIMATORS,
  FIRM_SOURCES,
  bootstrapFit,
  bootstrapSe,
  fitProduction,
  type FirmData,
  type FirmEstimator,
  type FirmFit,
  type SurvivalFit,
} from './firm/estimators.ts';
export { EXIT_INFER, checkFirmModel, isFirmType, type FirmModel } from './firm/model.ts';
export { SURVIVAL_LINKS, fitBinary, inferExit, type BinaryFit, type SurvivalLink } from './firm/survival.ts';
export { runFirm, type FirmResult } from './firm/run.ts';
