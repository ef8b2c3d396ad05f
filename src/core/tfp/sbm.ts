/**
 * Slacks-based measure (SBM), non-oriented, with optional undesirable outputs.
 * Tone (2001, EJOR 130: 498–509) for x and y; undesirable outputs b as in
 * Tone (2004) and Cooper, Seiford & Tone (2007, §13.3):
 *
 *   ρ* = min [1 − (1/m) Σ_i s⁻_i/x_io] / [1 + (1/(s1+s2)) (Σ_r sᵍ_r/y_ro + Σ_k sᵇ_k/b_ko)]
 *   s.t. x_o = Σ_j λ_j x_j + s⁻,  y_o = Σ_j λ_j y_j − sᵍ,  b_o = Σ_j λ_j b_j + sᵇ,
 *        λ, s ≥ 0  (VRS: Σ_j λ_j = 1).
 *
 * Solved as a linear programme by the Charnes–Cooper transformation
 * (t = 1/denominator, Λ = tλ, S = ts):
 *
 *   τ* = min t − (1/m) Σ_i S⁻_i/x_io
 *   s.t. t + (1/(s1+s2)) (Σ_r Sᵍ_r/y_ro + Σ_k Sᵇ_k/b_ko) = 1,
 *        Σ_j Λ_j x_ij + S⁻_i − t·x_io = 0,  Σ_j Λ_j y_rj − Sᵍ_r − t·y_ro = 0,
 *        Σ_j Λ_j b_kj + Sᵇ_k − t·b_ko = 0,  Λ, S ≥ 0, t > 0  (VRS: Σ_j Λ_j − t = 0);
 *   ρ* = τ*, λ = Λ/t, s = S/t.
 * Without undesirable outputs (s2 = 0) this is Tone's (2001) SBM. Every x_io,
 * y_ro, b_ko must be positive (the runner checks this before solving).
 */
import { eq, type LinearProgram, type LpSolution, type LpSolver } from './lp.ts';
import { noScore, type DeaScore } from './score.ts';
import { type ColumnOf, growingSubset, RESTRICTED_FROM, type SubsetHint } from './subset.ts';
import { placeRow, type Observation, type ReturnsToScale, type Technology } from './technology.ts';

/**
 * SBM efficiency (Tone 2001; with undesirable outputs, Tone 2004) of `obs` against `tech`.
 * @example sbmEfficiency(solver, tech, tech[2], 'vrs').efficiency
 */
export function sbmEfficiency(
  solver: LpSolver,
  tech: Technology,
  obs: Observation,
  rts: ReturnsToScale,
  hint: SubsetHint = {},
): DeaScore {
  return solveSbm(solver, tech, obs, rts, hint, sbmProgramme, `sbm:${rts}`, (t, a) => {
    // rows: the normalisation (no λ), m inputs, s1 outputs, s2 undesirable outputs, Σλ − t under VRS
    placeData(t, a, 1);
    if (rts === 'vrs') a[1 + t.x.length + t.y.length + t.b.length] = 1;
  });
}

/** The SBM programme of `obs` against `tech` (variables t, Λ_1..n, S⁻, Sᵍ, Sᵇ). */
function sbmProgramme(tech: Technology, obs: Observation, rts: ReturnsToScale): LinearProgram {
  const n = tech.length;
  const m = obs.x.length;
  const s1 = obs.y.length;
  const s2 = obs.b.length;
  const width = 1 + n + m + s1 + s2;
  const at = { lam: 1, sx: 1 + n, sy: 1 + n + m, sb: 1 + n + m + s1 };
  const rows = [];
  const norm = placeRow(
    width,
    at.sy,
    obs.y.map((v) => 1 / ((s1 + s2) * v)).concat(obs.b.map((v) => 1 / ((s1 + s2) * v))),
  );
  norm[0] = 1;
  rows.push(eq(norm, 1));
  for (let i = 0; i < m; i++)
    rows.push(
      eq(
        placeRow(
          width,
          at.lam,
          tech.map((t) => t.x[i]),
          [
            [0, -obs.x[i]],
            [at.sx + i, 1],
          ],
        ),
        0,
      ),
    );
  for (let r = 0; r < s1; r++)
    rows.push(
      eq(
        placeRow(
          width,
          at.lam,
          tech.map((t) => t.y[r]),
          [
            [0, -obs.y[r]],
            [at.sy + r, -1],
          ],
        ),
        0,
      ),
    );
  for (let k = 0; k < s2; k++)
    rows.push(
      eq(
        placeRow(
          width,
          at.lam,
          tech.map((t) => t.b[k]),
          [
            [0, -obs.b[k]],
            [at.sb + k, 1],
          ],
        ),
        0,
      ),
    );
  if (rts === 'vrs') rows.push(eq(placeRow(width, at.lam, new Array<number>(n).fill(1), [[0, -1]]), 0));
  const cost = placeRow(
    width,
    at.sx,
    obs.x.map((v) => -1 / (m * v)),
  );
  cost[0] = 1;
  return { sense: 'min', cost, rows };
}

/**
 * Super-efficiency SBM (Tone 2002, EJOR 143: 32–41, slacks form of Cooper,
 * Seiford & Tone 2007, §10.4), with the undesirable-output slacks in the
 * denominator beside the desirable ones (one common form in the Chinese GTFP
 * literature; some papers put them in the numerator): `obs` is left out of the
 * reference set,
 *
 *   δ* = min [1 + (1/m) Σ_i s⁻_i/x_io] / [1 − (1/(s1+s2)) (Σ_r sᵍ_r/y_ro + Σ_k sᵇ_k/b_ko)]
 *   s.t. Σ_{j≠o} λ_j x_j − s⁻ ≤ x_o,  Σ_{j≠o} λ_j y_j + sᵍ ≥ y_o,  Σ_{j≠o} λ_j b_j − sᵇ ≤ b_o,
 *        sᵍ ≤ y_o,  λ, s ≥ 0  (VRS: Σ λ_j = 1);
 *
 * linearised by Charnes–Cooper (t = 1/denominator): τ* = min t + (1/m) Σ S⁻_i/x_io s.t.
 * t − (1/(s1+s2)) (Σ Sᵍ/y_ro + Σ Sᵇ/b_ko) = 1 and the constraints above multiplied by t.
 * δ* ≥ 1. With positive data this non-oriented programme is always feasible,
 * under CRS and VRS alike: any other unit k (λ_k = 1) is reached with
 * s⁻ = max(0, x_k − x_o) and sᵍ = max(0, y_o − y_k) < y_o, so the denominator stays
 * positive. (Infeasibility is a property of the oriented and radial super-efficiency
 * models, see radial.ts.) Should the solver still report no optimum, the score is
 * null with that status — nothing is substituted.
 * `tech` must not contain `obs` (the caller removes it).
 * @example superSbmEfficiency(solver, others, tech[0], 'crs').efficiency
 */
export function superSbmEfficiency(
  solver: LpSolver,
  tech: Technology,
  obs: Observation,
  rts: ReturnsToScale,
  hint: SubsetHint = {},
): DeaScore {
  return solveSbm(solver, tech, obs, rts, hint, superSbmProgramme, `super-sbm:${rts}`, (t, a) => {
    // rows: the normalisation (no λ), m inputs, per output its row and the bound Sᵍ ≤ t·y_o (no λ),
    // s2 undesirable outputs, Σλ − t under VRS
    const m = t.x.length;
    const s1 = t.y.length;
    for (let i = 0; i < m; i++) a[1 + i] = t.x[i];
    for (let r = 0; r < s1; r++) a[1 + m + 2 * r] = t.y[r];
    for (let k = 0; k < t.b.length; k++) a[1 + m + 2 * s1 + k] = t.b[k];
    if (rts === 'vrs') a[1 + m + 2 * s1 + t.b.length] = 1;
  });
}

/** The super-SBM programme of `obs` against `tech` (variables t, Λ_1..n, S⁻, Sᵍ, Sᵇ). */
function superSbmProgramme(tech: Technology, obs: Observation, rts: ReturnsToScale): LinearProgram {
  const n = tech.length;
  const m = obs.x.length;
  const s1 = obs.y.length;
  const s2 = obs.b.length;
  const width = 1 + n + m + s1 + s2;
  const at = { lam: 1, sx: 1 + n, sy: 1 + n + m, sb: 1 + n + m + s1 };
  const rows = [];
  const norm = placeRow(
    width,
    at.sy,
    obs.y.map((v) => -1 / ((s1 + s2) * v)).concat(obs.b.map((v) => -1 / ((s1 + s2) * v))),
  );
  norm[0] = 1;
  rows.push(eq(norm, 1));
  for (let i = 0; i < m; i++) {
    rows.push({
      coef: placeRow(
        width,
        at.lam,
        tech.map((t) => t.x[i]),
        [
          [0, -obs.x[i]],
          [at.sx + i, -1],
        ],
      ),
      lower: -Infinity,
      upper: 0,
    });
  }
  for (let r = 0; r < s1; r++) {
    rows.push({
      coef: placeRow(
        width,
        at.lam,
        tech.map((t) => t.y[r]),
        [
          [0, -obs.y[r]],
          [at.sy + r, 1],
        ],
      ),
      lower: 0,
      upper: Infinity,
    });
    rows.push({
      coef: placeRow(
        width,
        0,
        [],
        [
          [0, -obs.y[r]],
          [at.sy + r, 1],
        ],
      ),
      lower: -Infinity,
      upper: 0,
    });
  }
  for (let k = 0; k < s2; k++) {
    rows.push({
      coef: placeRow(
        width,
        at.lam,
        tech.map((t) => t.b[k]),
        [
          [0, -obs.b[k]],
          [at.sb + k, -1],
        ],
      ),
      lower: -Infinity,
      upper: 0,
    });
  }
  if (rts === 'vrs') rows.push(eq(placeRow(width, at.lam, new Array<number>(n).fill(1), [[0, -1]]), 0));
  const cost = placeRow(
    width,
    at.sx,
    obs.x.map((v) => 1 / (m * v)),
  );
  cost[0] = 1;
  return { sense: 'min', cost, rows };
}

/**
 * Solve an SBM programme, on a growing subset of a large reference set
 * (subset.ts) or over all units, and read the score: ρ* = τ*, λ = Λ/t, s = S/t.
 */
function solveSbm(
  solver: LpSolver,
  tech: Technology,
  obs: Observation,
  rts: ReturnsToScale,
  hint: SubsetHint,
  programme: (tech: Technology, obs: Observation, rts: ReturnsToScale) => LinearProgram,
  key: string,
  columnOf: ColumnOf,
): DeaScore {
  if (tech.length >= RESTRICTED_FROM) {
    const subset = growingSubset(tech, obs, { rts, ...hint });
    const sol = subset.solve(solver, (sub) => programme(sub, obs, rts), columnOf, key);
    if (sol) return sbmScore(sol, subset.units.length, obs, (t) => subset.lambda(sol, t));
  }
  const sol = solver.solve(programme(tech, obs, rts));
  return sbmScore(sol, tech.length, obs, (t) => sol.x.slice(1, 1 + tech.length).map((v) => v / t));
}

/** The score of a solved SBM programme with k λ columns. */
function sbmScore(sol: LpSolution, k: number, obs: Observation, lambda: (t: number) => number[]): DeaScore {
  if (sol.status !== 'optimal') return noScore(sol.status);
  const t = sol.x[0];
  const sx = 1 + k;
  const sy = sx + obs.x.length;
  const sb = sy + obs.y.length;
  const scaled = sol.x.map((v) => v / t);
  return {
    status: 'optimal',
    efficiency: sol.objective,
    slacks: { x: scaled.slice(sx, sy), y: scaled.slice(sy, sb), b: scaled.slice(sb) },
    lambda: lambda(t),
  };
}

/** Unit t's inputs, outputs and undesirable outputs into a[from …], in that order. */
function placeData(t: Observation, a: Float64Array, from: number): void {
  let at = from;
  for (let i = 0; i < t.x.length; i++) a[at++] = t.x[i];
  for (let i = 0; i < t.y.length; i++) a[at++] = t.y[i];
  for (let i = 0; i < t.b.length; i++) a[at++] = t.b[i];
}
