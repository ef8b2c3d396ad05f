/**
 * The linear-programming layer of the DEA models. The models are written as
 * dense `LinearProgram`s (they are small: one column per unit plus slacks);
 * an `LpSolver` solves them. The core never loads a solver itself: HiGHS is
 * WebAssembly and loads asynchronously (and from a different place in Node and
 * in the browser), so the caller loads it once and passes the solver in
 * (`highsSolver(await loadHighs())`); every DEA function is then synchronous.
 * Only types are imported from the `highs` package, so this module stays pure.
 */
import type { Highs } from 'highs';

/** One constraint row: `lower ≤ Σ coef[j]·x[j] ≤ upper` (±Infinity for a missing side). */
export interface LpRow {
  coef: number[];
  lower: number;
  upper: number;
}

/** min or max `cost·x` subject to rows and `lower ≤ x ≤ upper`. */
export interface LinearProgram {
  sense: 'min' | 'max';
  cost: number[];
  /** Column bounds; default 0 ≤ x < ∞. */
  lower?: number[];
  upper?: number[];
  rows: LpRow[];
}

export type LpStatus = 'optimal' | 'infeasible' | 'unbounded' | 'failed';

export interface LpSolution {
  status: LpStatus;
  /** Objective value (NaN unless optimal). */
  objective: number;
  /** Primal values (empty unless optimal). */
  x: number[];
  /**
   * Row duals y when optimal and the solver gives them, with the convention
   * reduced cost = cost − Aᵀy (≥ 0 at a lower bound when minimising, ≤ 0 when
   * maximising), as HiGHS reports them.
   */
  rowDual?: number[];
}

/** Anything that solves a LinearProgram synchronously. */
export interface LpSolver {
  solve(lp: LinearProgram): LpSolution;
  /** Name and version, recorded with every result. */
  readonly name: string;
}

/** Build an equality row `Σ coef·x = value`. */
export function eq(coef: number[], value: number): LpRow {
  return { coef, lower: value, upper: value };
}

/** Build a row `Σ coef·x ≤ value`. */
export function le(coef: number[], value: number): LpRow {
  return { coef, lower: -Infinity, upper: value };
}

/** Build a row `Σ coef·x ≥ value`. */
export function ge(coef: number[], value: number): LpRow {
  return { coef, lower: value, upper: Infinity };
}

/**
 * Wrap a loaded HiGHS module (npm `highs`, HiGHS compiled to WebAssembly) as an
 * LpSolver. Uses the stateless `raw.lpCall` (a fresh native model each call,
 * default HiGHS options: dual simplex, feasibility tolerance 1e-7), so calls
 * never share state.
 * @example highsSolver(await loadHighs()).solve({ sense: 'max', cost: [1], rows: [le([1], 2)] }).objective // 2
 */
export function highsSolver(highs: Highs): LpSolver {
  const version = highs.raw.version();
  const name = `HiGHS ${version.major}.${version.minor}.${version.patch} (highs-js)`;
  const status = highs.constants.modelStatus;
  return {
    name,
    solve(lp: LinearProgram): LpSolution {
      const n = lp.cost.length;
      const m = lp.rows.length;
      // Column-compressed matrix from the dense rows.
      const starts = [0];
      const indices: number[] = [];
      const values: number[] = [];
      for (let j = 0; j < n; j++) {
        for (let i = 0; i < m; i++) {
          const v = lp.rows[i].coef[j];
          if (v !== undefined && v !== 0) {
            indices.push(i);
            values.push(v);
          }
        }
        starts.push(indices.length);
      }
      const out = highs.raw.lpCall({
        numCols: n,
        numRows: m,
        sense: lp.sense === 'max' ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
        colCost: lp.cost,
        colLower: lp.lower ?? new Array<number>(n).fill(0),
        colUpper: lp.upper ?? new Array<number>(n).fill(Infinity),
        rowLower: lp.rows.map((r) => r.lower),
        rowUpper: lp.rows.map((r) => r.upper),
        matrix: { format: 'csc', numRows: m, numCols: n, starts, indices, values },
      });
      if (out.status === -1) return { status: 'failed', objective: NaN, x: [] };
      const ms = out.value.modelStatus as number;
      if (ms === status.optimal) {
        const x = Array.from(out.value.solution.colValue);
        let objective = 0;
        for (let j = 0; j < n; j++) objective += lp.cost[j] * x[j];
        return { status: 'optimal', objective, x, rowDual: Array.from(out.value.solution.rowDual) };
      }
      if (ms === status.infeasible) return { status: 'infeasible', objective: NaN, x: [] };
      if (ms === status.unbounded || ms === status.unboundedOrInfeasible) {
        return { status: ms === status.unbounded ? 'unbounded' : 'infeasible', objective: NaN, x: [] };
      }
      return { status: 'failed', objective: NaN, x: [] };
    },
  };
}
