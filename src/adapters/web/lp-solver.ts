/**
 * HiGHS (WebAssembly, bundled by Vite) as the core's LpSolver in the
 * browser, loaded once per worker on first use: the TFP page's worker and
 * the compute workers that solve a large DEA run's chunks.
 */
import highsModule, { type Highs } from 'highs';
import highsWasmUrl from 'highs/runtime?url';
import { highsSolver, type LpSolver } from '../../core/tfp/lp.ts';

const loadHighs = ((highsModule as unknown as { default?: unknown }).default ?? highsModule) as (opts?: {
  locateFile?: (file: string) => string;
}) => Promise<Highs>;
let solver: Promise<LpSolver> | undefined;

/** This worker's solver. */
export function lpSolver(): Promise<LpSolver> {
  solver ??= loadHighs({ locateFile: () => highsWasmUrl }).then(highsSolver);
  return solver;
}
