/**
 * Radial DEA: CCR (Charnes, Cooper & Rhodes 1978, constant returns) and BCC
 * (Banker, Charnes & Cooper 1984, variable returns, Σλ = 1), input or output
 * oriented, envelopment form solved in two phases as in Cooper, Seiford & Tone
 * (2007, "Data Envelopment Analysis", 2nd ed., §3.3 and §4.3) and DEA-Solver:
 *
 * Input orientation, phase 1:  θ* = min θ
 *   s.t. θ·x_io − Σ_j λ_j x_ij − s⁻_i = 0,  Σ_j λ_j y_rj − s⁺_r = y_ro,  λ, s ≥ 0  (BCC: Σλ_j = 1).
 * Output orientation, phase 1: η* = max η
 *   s.t. Σ_j λ_j x_ij + s⁻_i = x_io,  η·y_ro − Σ_j λ_j y_rj + s⁺_r = 0,  λ, s ≥ 0  (BCC: Σλ_j = 1);
 *   efficiency = 1/η* (Farrell output efficiency, as DEA-Solver and MaxDEA report it).
 * Phase 2 (both): fix θ = θ* (η = η*) and maximise Σ s⁻_i + Σ s⁺_r (unweighted),
 * so the reported slacks are the max-slack solution; a unit is CCR/BCC-efficient
 * iff θ* = 1 and all slacks are zero.
 * Undesirable outputs are not part of these models (use SBM).
 *
 * Super-efficiency (Andersen & Petersen 1993, Management Science 39: 1261–1264)
 * is the same programme with the unit left out of `tech`. Under VRS it can be
 * infeasible (input-oriented: no convex combination of the others produces y_o;
 * output-oriented: none uses no more than x_o); the result then has
 * efficiency null and status 'infeasible' (Seiford & Zhu 1999 discuss when).
 */
import { eq, type LinearProgram, type LpSolver } from './lp.ts';
import { noScore, type DeaScore } from './score.ts';
import { growingSubset, RESTRICTED_FROM, type SubsetHint } from './subset.ts';
import { placeRow, type Observation, type ReturnsToScale, type Technology } from './technology.ts';

export type Orientation = 'input' | 'output';

export interface RadialOptions extends SubsetHint {
  rts: ReturnsToScale;
  orientation: Orientation;
  /** Run the max-slack second phase (default true). */
  slacks?: boolean;
}

/** Phase-1 programme; variables [θ or η, λ_1..n, s⁻_1..m, s⁺_1..s]. */
function radialProgramme(tech: Technology, obs: Observation, opts: RadialOptions): LinearProgram {
  const n = tech.length;
  const m = obs.x.length;
  const s = obs.y.length;
  const width = 1 + n + m + s;
  const input = opts.orientation === 'input';
  const rows = [];
  for (let i = 0; i < m; i++) {
    const lam = tech.map((t) => (input ? -t.x[i] : t.x[i]));
    const row = placeRow(width, 1, lam, [[1 + n + i, input ? -1 : 1]]);
    if (input) row[0] = obs.x[i];
    rows.push(eq(row, input ? 0 : obs.x[i]));
  }
  for (let r = 0; r < s; r++) {
    const lam = tech.map((t) => (input ? t.y[r] : -t.y[r]));
    const row = placeRow(width, 1, lam, [[1 + n + m + r, input ? -1 : 1]]);
    if (!input) row[0] = obs.y[r];
    rows.push(eq(row, input ? obs.y[r] : 0));
  }
  if (opts.rts === 'vrs') rows.push(eq(placeRow(width, 1, new Array<number>(n).fill(1)), 1));
  const cost = new Array<number>(width).fill(0);
  cost[0] = 1;
  const lower = new Array<number>(width).fill(0);
  lower[0] = -Infinity;
  return { sense: input ? 'min' : 'max', cost, lower, rows };
}

/**
 * Radial (CCR / BCC) efficiency of `obs` against the frontier spanned by `tech`.
 * `obs` need not belong to `tech` (cross-period distances for Malmquist); then the
 * score may exceed 1 or the programme may be infeasible (status reported).
 * @example radialEfficiency(solver, tech, tech[0], { rts: 'crs', orientation: 'input' }).efficiency
 */
export function radialEfficiency(solver: LpSolver, tech: Technology, obs: Observation, opts: RadialOptions): DeaScore {
  if (tech.length >= RESTRICTED_FROM) {
    const score = restrictedRadial(solver, tech, obs, opts);
    if (score) return score;
  }
  const n = tech.length;
  const m = obs.x.length;
  const lp = radialProgramme(tech, obs, opts);
  const first = solver.solve(lp);
  if (first.status !== 'optimal') return noScore(first.status);
  const radial = first.x[0];
  // output orientation with η* = 0 (no unit of the reference set produces the outputs, e.g. an empty set
  // for the super-efficiency of a period's only unit): 1/η* has no value, as an infeasible programme
  if (opts.orientation === 'output' && !(radial > 0)) return noScore('infeasible');
  let sol = first.x;
  if (opts.slacks !== false) {
    const cost = lp.cost.map((_, j) => (j > n ? 1 : 0));
    const lower = (lp.lower ?? []).slice();
    const upper = new Array<number>(cost.length).fill(Infinity);
    lower[0] = radial;
    upper[0] = radial;
    const second = solver.solve({ ...lp, sense: 'max', cost, lower, upper });
    // Phase 2 is feasible by construction (the phase-1 optimum satisfies it); should the solver
    // still fail within its tolerance, the phase-1 slacks are kept (the score is unaffected).
    if (second.status === 'optimal') sol = second.x;
  }
  return {
    status: 'optimal',
    efficiency: opts.orientation === 'input' ? radial : 1 / radial,
    slacks: { x: sol.slice(1 + n, 1 + n + m), y: sol.slice(1 + n + m), b: [] },
    lambda: sol.slice(1, 1 + n),
  };
}

/**
 * radialEfficiency on a growing subset of the reference set (subset.ts), both
 * phases; null when a subset programme is not optimal, for the caller to
 * solve the whole programme.
 */
function restrictedRadial(solver: LpSolver, tech: Technology, obs: Observation, opts: RadialOptions): DeaScore | null {
  const m = obs.x.length;
  const s = obs.y.length;
  const input = opts.orientation === 'input';
  const subset = growingSubset(tech, obs, opts);
  // λ_j in the rows: m inputs, s outputs, Σλ under VRS
  const columnOf = (t: Observation, a: Float64Array) => {
    for (let i = 0; i < m; i++) a[i] = input ? -t.x[i] : t.x[i];
    for (let r = 0; r < s; r++) a[m + r] = input ? t.y[r] : -t.y[r];
    if (opts.rts === 'vrs') a[m + s] = 1;
  };
  const key = `radial:${opts.orientation}:${opts.rts}`;
  const first = subset.solve(solver, (sub) => radialProgramme(sub, obs, opts), columnOf, key);
  if (!first) return null;
  const radial = first.x[0];
  if (opts.orientation === 'output' && !(radial > 0)) return noScore('infeasible');
  let sol = first;
  if (opts.slacks !== false) {
    const second = subset.solve(
      solver,
      (sub) => {
        const lp = radialProgramme(sub, obs, opts);
        const cost = lp.cost.map((_, j) => (j > sub.length ? 1 : 0));
        const lower = (lp.lower ?? []).slice();
        const upper = new Array<number>(cost.length).fill(Infinity);
        lower[0] = radial;
        upper[0] = radial;
        return { ...lp, sense: 'max', cost, lower, upper };
      },
      columnOf,
      key,
    );
    if (second) sol = second;
  }
  const k = subset.units.length;
  return {
    status: 'optimal',
    efficiency: input ? radial : 1 / radial,
    slacks: { x: sol.x.slice(1 + k, 1 + k + m), y: sol.x.slice(1 + k + m), b: [] },
    lambda: subset.lambda(sol),
  };
}

/** Multiplier-form result: optimal virtual weights. */
export interface MultiplierScore {
  status: DeaScore['status'];
  efficiency: number | null;
  /** Input weights v. */
  v: number[];
  /** Output weights u. */
  u: number[];
  /** Free variable of the BCC form (u₀ input-oriented, v₀ output-oriented); 0 for CCR. */
  free: number;
}

/**
 * Multiplier (dual) form of the radial models (Cooper, Seiford & Tone 2007, (2.3), (4.6), (4.9)):
 * input:  max u·y_o − u₀ s.t. v·x_o = 1, u·y_j − v·x_j − u₀ ≤ 0, u, v ≥ 0 (u₀ free for BCC, 0 for CCR);
 * output: min v·x_o + v₀ s.t. u·y_o = 1, v·x_j + v₀ − u·y_j ≥ 0, u, v ≥ 0 (v₀ free for BCC); efficiency = 1/optimum.
 * By LP duality the optimum equals θ* (1/η*) of the envelopment form.
 * @example radialMultiplier(solver, tech, tech[0], { rts: 'vrs', orientation: 'input' }).efficiency
 */
export function radialMultiplier(
  solver: LpSolver,
  tech: Technology,
  obs: Observation,
  opts: RadialOptions,
): MultiplierScore {
  const m = obs.x.length;
  const s = obs.y.length;
  const width = m + s + 1;
  const input = opts.orientation === 'input';
  const rows = [];
  // variables [v_1..m, u_1..s, free]
  rows.push(eq(input ? placeRow(width, 0, obs.x) : placeRow(width, m, obs.y), 1));
  for (const t of tech) {
    const row = placeRow(width, 0, t.x.map((v) => -v).concat(t.y));
    row[m + s] = -1;
    rows.push(
      input ? { coef: row, lower: -Infinity, upper: 0 } : { coef: row.map((v) => -v), lower: 0, upper: Infinity },
    );
  }
  const cost = input ? placeRow(width, m, obs.y, [[m + s, -1]]) : placeRow(width, 0, obs.x, [[m + s, 1]]);
  const lower = new Array<number>(width).fill(0);
  const upper = new Array<number>(width).fill(Infinity);
  if (opts.rts === 'vrs') lower[m + s] = -Infinity;
  else upper[m + s] = 0;
  const sol = solver.solve({ sense: input ? 'max' : 'min', cost, lower, upper, rows });
  if (sol.status !== 'optimal') return { status: sol.status, efficiency: null, v: [], u: [], free: NaN };
  return {
    status: 'optimal',
    efficiency: input ? sol.objective : 1 / sol.objective,
    v: sol.x.slice(0, m),
    u: sol.x.slice(m, m + s),
    free: sol.x[m + s],
  };
}
