/**
 * Loading the LP solver in Node: HiGHS compiled to WebAssembly (npm `highs`),
 * which finds its `highs.wasm` beside its loader. Loaded once per process and
 * shared. (A browser build loads the same package with `locateFile` pointing at
 * the served .wasm and passes the result to `highsSolver` in the same way.)
 */
import loadHighs from 'highs';
import { highsSolver, type LpSolver } from '../../core/tfp/lp.ts';

let loading: Promise<LpSolver> | undefined;

/** The shared HiGHS solver for this process. */
export function loadLpSolver(): Promise<LpSolver> {
  loading ??= loadHighs().then(highsSolver);
  return loading;
}
