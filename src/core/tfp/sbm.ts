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
import { eq, type LpSolver } from './lp.ts';
import { noScore, type DeaScore } from './score.ts';
import { placeRow, type Observation, type ReturnsToScale, type Technology } from './technology.ts';

/**
 * SBM efficiency (Tone 2001; with undesirable outputs, Tone 2004) of `obs` against `tech`.
 * @example sbmEfficiency(solver, tech, tech[2], 'vrs').efficiency
 */
export function sbmEfficiency(solver: LpSolver, tech: Technology, obs: Observation, rts: ReturnsToScale): DeaScore {
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
  const sol = solver.solve({ sense: 'min', cost, rows });
  if (sol.status !== 'optimal') return noScore(sol.status);
  const t = sol.x[0];
  const scaled = sol.x.map((v) => v / t);
  return {
    status: 'optimal',
    efficiency: sol.objective,
    slacks: { x: scaled.slice(at.sx, at.sy), y: scaled.slice(at.sy, at.sb), b: scaled.slice(at.sb) },
    lambda: scaled.slice(at.lam, at.sx),
  };
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
): DeaScore {
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
  const sol = solver.solve({ sense: 'min', cost, rows });
  if (sol.status !== 'optimal') return noScore(sol.status);
  const t = sol.x[0];
  const scaled = sol.x.map((v) => v / t);
  return {
    status: 'optimal',
    efficiency: sol.objective,
    slacks: { x: scaled.slice(at.sx, at.sy), y: scaled.slice(at.sy, at.sb), b: scaled.slice(at.sb) },
    lambda: scaled.slice(at.lam, at.sx),
  };
}
