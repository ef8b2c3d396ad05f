/**
 * System-dynamics simulation: read a model (XMILE or Vensim .mdl), compile
 * it, run it with Euler or RK4. See docs/simulate.md.
 */
export { parseExpr, type Expr, type Dialect } from './expr.ts';
export { canonicalName } from './names.ts';
export { lookupValue } from './lookup.ts';
export type { SdModel, SdVariable, SimSpecs, Lookup, Integration } from './model.ts';
export { compileModel, setConstant, type CompiledModel } from './compile.ts';
export { simulate, type SimulationResult, type SimulateOptions } from './run.ts';
export { readXmile, writeXmile } from './xmile.ts';
export { readVensim } from './vensim.ts';
export {
  applyScenario,
  runScenarios,
  summarizeSeries,
  parseScenarioFile,
  type Scenario,
  type ScenarioRun,
  type SeriesSummary,
} from './scenario.ts';
export {
  dominancePhases,
  loopDominance,
  type DominancePhase,
  type LoopDominanceResult,
  type LoopScore,
} from './loop-dominance.ts';
export { monteCarlo, type MonteCarloResult, type ParameterRange, type Band } from './monte-carlo.ts';
export { calibrate, type CalibrationResult, type Observation } from './calibrate.ts';
export { nelderMead } from '../stats/nelder-mead.ts';
