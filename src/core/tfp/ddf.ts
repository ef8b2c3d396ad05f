/**
 * Directional distance function with undesirable outputs (Chung, Färe &
 * Grosskopf 1997, J. Environ. Manage. 51: 229–240), direction g = (y_o, −b_o),
 * inputs held fixed, weak disposability of bad outputs (equality):
 *
 *   D(x_o, y_o, b_o; y_o, −b_o) = β* = max β
 *   s.t. Σ_j λ_j x_ij ≤ x_io,  Σ_j λ_j y_rj ≥ (1 + β) y_ro,  Σ_j λ_j b_kj = (1 − β) b_ko,
 *        λ ≥ 0  (VRS: Σ λ_j = 1),  β free.
 *
 * β* ≥ 0 when `obs` belongs to `tech`; against another period's frontier β* may be
 * negative (the observation lies beyond it) or the programme infeasible (no
 * point of that technology has the observed mix of bad outputs within its
 * inputs); the result is then null with status 'infeasible'. Without bad outputs
 * this is the output-oriented radial model, β* = η* − 1.
 */
import { eq, type LinearProgram, type LpSolution, type LpSolver } from './lp.ts';
import { growingSubset, RESTRICTED_FROM, type SubsetHint } from './subset.ts';
import { placeRow, type Observation, type ReturnsToScale, type Technology } from './technology.ts';
import type { LpStatus } from './lp.ts';

export interface DistanceValue {
  status: LpStatus;
  /** β*; null without optimum. */
  value: number | null;
}

/**
 * Directional distance β* of `obs` to the frontier of `tech`, g = (y, −b).
 * @example directionalDistance(solver, tech, tech[0], 'crs').value // 0 on the frontier
 */
export function directionalDistance(
  solver: LpSolver,
  tech: Technology,
  obs: Observation,
  rts: ReturnsToScale,
  hint: SubsetHint = {},
): DistanceValue {
  let sol: LpSolution | null = null;
  if (tech.length >= RESTRICTED_FROM) {
    const subset = growingSubset(tech, obs, { rts, ...hint });
    sol = subset.solve(
      solver,
      (sub) => ddfProgramme(sub, obs, rts),
      (t, a) => {
        // rows: m inputs, s1 outputs, s2 undesirable outputs, Σλ under VRS
        let at = 0;
        for (let i = 0; i < t.x.length; i++) a[at++] = t.x[i];
        for (let i = 0; i < t.y.length; i++) a[at++] = t.y[i];
        for (let i = 0; i < t.b.length; i++) a[at++] = t.b[i];
        if (rts === 'vrs') a[at] = 1;
      },
      `ddf:${rts}`,
    );
    // records the units with weight in the hint's frontier
    if (sol) subset.record(sol);
  }
  sol ??= solver.solve(ddfProgramme(tech, obs, rts));
  return sol.status === 'optimal' ? { status: 'optimal', value: sol.objective } : { status: sol.status, value: null };
}

/** The directional-distance programme of `obs` against `tech` (variables β, λ_1..n). */
function ddfProgramme(tech: Technology, obs: Observation, rts: ReturnsToScale): LinearProgram {
  const n = tech.length;
  const width = 1 + n;
  const rows = [];
  for (let i = 0; i < obs.x.length; i++) {
    rows.push({
      coef: placeRow(
        width,
        1,
        tech.map((t) => t.x[i]),
      ),
      lower: -Infinity,
      upper: obs.x[i],
    });
  }
  for (let r = 0; r < obs.y.length; r++) {
    rows.push({
      coef: placeRow(
        width,
        1,
        tech.map((t) => t.y[r]),
        [[0, -obs.y[r]]],
      ),
      lower: obs.y[r],
      upper: Infinity,
    });
  }
  for (let k = 0; k < obs.b.length; k++)
    rows.push(
      eq(
        placeRow(
          width,
          1,
          tech.map((t) => t.b[k]),
          [[0, obs.b[k]]],
        ),
        obs.b[k],
      ),
    );
  if (rts === 'vrs') rows.push(eq(placeRow(width, 1, new Array<number>(n).fill(1)), 1));
  const cost = placeRow(width, 0, [1]);
  const lower = new Array<number>(width).fill(0);
  lower[0] = -Infinity;
  return { sense: 'max', cost, lower, rows };
}
