/**
 * Loading the LP solver in Node: HiGHS compiled to WebAssembly (npm `highs`),
 * which finds its `highs.wasm` beside its loader. Loaded once per process and
 * shared. (A browser build loads the same package with `locateFile` pointing at
 * the served .wasm and passes the result to `highsSolver` in the same way.)
 */
import highsModule from 'highs';
import type { Highs } from 'highs';
import { highsSolver, type LpSolver } from '../../core/tfp/lp.ts';

// The package's types describe a CommonJS module while Node loads its ES build
// (whose default export is the loader); accept either shape.
const loadHighs = ((highsModule as unknown as { default?: unknown }).default ?? highsModule) as () => Promise<Highs>;

let loading: Promise<LpSolver> | undefined;

/** The shared HiGHS solver for this process. */
export function loadLpSolver(): Promise<LpSolver> {
  loading ??= loadHighs().then(highsSolver);
  return loading as Promise<LpSolver>;
}
