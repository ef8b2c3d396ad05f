/**
 * DEA programmes over a growing subset of a large reference set (column
 * generation). In every envelopment programme here the intensity λ_j of
 * reference unit j is a column with cost 0 whose entries are unit j's own
 * data; only the frontier units can carry weight at an optimum (Dulá 2011,
 * INFORMS Journal on Computing 23: 284–296). So the programme is solved with
 * the units of a subset only, each other unit's λ is priced with the row
 * duals y (reduced cost 0 − Σ_i y_i a_ij), and the units that would improve
 * the objective by more than 1e-9 (relative to the size of the terms) join
 * the subset, at most 50 at a time, until none would. The optimum is then the
 * optimum of the programme over all units. A subset programme that is not
 * optimal (infeasible, failed) gives null, for the caller to solve the whole
 * programme. Where the optimum is not unique (ties, degenerate data) the
 * primal values can be another optimal solution than the whole programme's.
 *
 * @example growingSubset(tech, obs, { rts: 'crs' }).solve(solver, (sub) => programme(sub), columnOf)
 */
import type { LinearProgram, LpSolution, LpSolver } from './lp.ts';
import type { Observation, ReturnsToScale, Technology } from './technology.ts';

/** Reference sets of at least this many units are solved on a growing subset. */
export const RESTRICTED_FROM = 200;

/** Optional hints for a programme against a reference set. */
export interface SubsetHint {
  /**
   * Units found with weight by earlier programmes against the same reference
   * set (filled as it goes): a chunk of a run (chunks.ts) passes one set to
   * all its programmes, so each starts from them. The optimal values do not
   * depend on it; where the optimum is not unique, the slacks and λ can.
   */
  frontier?: Set<Observation>;
}

/** λ_j's entries in a programme's rows, in row order, for unit t. */
export type ColumnOf = (t: Observation, out: Float64Array) => void;

export interface GrowingSubset {
  /** Reference units in the subset (indices into the technology, in the order they joined). */
  readonly units: readonly number[];
  /**
   * Solve `build(subset technology)` (λ in columns 1 … k), growing the subset
   * until no other unit's λ improves the objective; null if a programme is not optimal.
   */
  solve(
    solver: LpSolver,
    build: (sub: Technology) => LinearProgram,
    columnOf: ColumnOf,
    /** Names the row layout that columnOf writes (the columns are kept per technology and layout). */
    key: string,
  ): LpSolution | null;
  /** λ of a subset solution over the whole reference set (0 outside the subset), each divided by `divisor`; units with weight join the frontier hint. */
  lambda(sol: LpSolution, divisor?: number): number[];
  /** Only the second half of `lambda`: the subset's units with weight in `sol` join the frontier hint. */
  record(sol: LpSolution): void;
}

/**
 * A subset of `tech` to start from: `obs` itself when it belongs to the set
 * and the hint's frontier units in it, or, when the hint has none there, units
 * that are on the frontier whatever the data (seed).
 */
export function growingSubset(
  tech: Technology,
  obs: Observation,
  opts: { rts: ReturnsToScale } & SubsetHint,
): GrowingSubset {
  const n = tech.length;
  const frontier = opts.frontier ?? new Set<Observation>();
  const member = new Uint8Array(n);
  const units: number[] = [];
  const add = (j: number) => {
    if (!member[j]) {
      member[j] = 1;
      units.push(j);
    }
  };
  // the unit itself and the hint's units in this set, in the order of the set
  const pos = positionsOf(tech);
  const start: number[] = [];
  const own = pos.get(obs);
  if (own !== undefined) start.push(own);
  for (const o of frontier) {
    const j = pos.get(o);
    if (j !== undefined && j !== own) start.push(j);
  }
  const hinted = start.length > (own === undefined ? 0 : 1);
  for (const j of start.sort((p, q) => p - q)) add(j);
  if (!hinted) seed(tech, opts.rts, add);
  const record = (sol: LpSolution) =>
    units.forEach((j, p) => {
      if (sol.x[1 + p] > 0) frontier.add(tech[j]);
    });
  return {
    units,
    solve(solver, build, columnOf, key) {
      for (;;) {
        const lp = build(units.map((j) => tech[j]));
        const sol = solver.solve(lp);
        if (sol.status !== 'optimal' || !sol.rowDual) return null;
        const y = sol.rowDual;
        const rows = y.length;
        const A = columnsOf(tech, `${key}:${rows}`, rows, columnOf);
        const gains: Array<[number, number]> = [];
        for (let j = 0; j < n; j++) {
          if (member[j]) continue;
          let reduced = 0;
          let size = 1;
          for (let i = 0, o = j * rows; i < rows; i++) {
            const v = y[i] * A[o + i];
            reduced -= v;
            size += Math.abs(v);
          }
          // minimising, a negative reduced cost improves the objective; maximising, a positive one
          const gain = lp.sense === 'min' ? -reduced : reduced;
          if (gain > 1e-9 * size) gains.push([gain / size, j]);
        }
        if (!gains.length) return sol;
        gains.sort((p, q) => q[0] - p[0] || p[1] - q[1]);
        for (let k = 0; k < Math.min(50, gains.length); k++) add(gains[k][1]);
      }
    },
    record,
    lambda(sol, divisor = 1) {
      const out = new Array<number>(n).fill(0);
      units.forEach((j, p) => {
        out[j] = sol.x[1 + p] / divisor;
      });
      record(sol);
      return out;
    },
  };
}

/**
 * Units on the frontier (at least weakly) whatever the data: for each
 * input–output pair the best ratio y_r / x_i, and under variable returns the
 * smallest of each input and the largest of each output (lowest index on ties).
 */
function seed(tech: Technology, rts: ReturnsToScale, add: (j: number) => void): void {
  const best = (score: (t: Observation) => number) => {
    let at = 0;
    let top = score(tech[0]);
    for (let j = 1; j < tech.length; j++) {
      const v = score(tech[j]);
      if (v > top) {
        at = j;
        top = v;
      }
    }
    add(at);
  };
  const m = tech[0].x.length;
  const s = tech[0].y.length;
  for (let i = 0; i < m; i++)
    for (let r = 0; r < s; r++) best((t) => (t.x[i] > 0 ? t.y[r] / t.x[i] : t.y[r] > 0 ? Infinity : 0));
  if (rts === 'vrs') {
    for (let i = 0; i < m; i++) best((t) => -t.x[i]);
    for (let r = 0; r < s; r++) best((t) => t.y[r]);
  }
}

/** Each technology's units by position, made once (a technology is read-only). */
const positions = new WeakMap<Technology, Map<Observation, number>>();

function positionsOf(tech: Technology): Map<Observation, number> {
  let map = positions.get(tech);
  if (!map) {
    map = new Map();
    for (let j = 0; j < tech.length; j++) if (!map.has(tech[j])) map.set(tech[j], j);
    positions.set(tech, map);
  }
  return map;
}

/** Every unit's λ column in one array (unit j at j·rows), made once per technology and row layout. */
const columnCache = new WeakMap<Technology, Map<string, Float64Array>>();

function columnsOf(tech: Technology, key: string, rows: number, columnOf: ColumnOf): Float64Array {
  let byKey = columnCache.get(tech);
  if (!byKey) columnCache.set(tech, (byKey = new Map()));
  let A = byKey.get(key);
  if (!A) {
    A = new Float64Array(tech.length * rows);
    for (let j = 0; j < tech.length; j++) columnOf(tech[j], A.subarray(j * rows, (j + 1) * rows));
    byKey.set(key, A);
  }
  return A;
}
