/**
 * DEA models of src/core/tfp against independent numbers: SciPy `linprog`
 * (test/reference/tfp/dea_reference.py, envelopment and multiplier forms) and
 * R lpSolve, on the 12-hospital example of Cooper, Seiford & Tone (2007, "Data
 * Envelopment Analysis", 2nd ed.; the same inputs appear in public GAMS
 * transcriptions of the example). The 3-decimal CCR scores below are those
 * quoted for the example; they were not re-checked against the printed table,
 * so the 1e-8 checks against the two solvers are the reference.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLpSolver } from '../../src/adapters/io/lp-solver.ts';
import type { LpSolver } from '../../src/core/tfp/lp.ts';
import { radialEfficiency, radialMultiplier, type Orientation } from '../../src/core/tfp/radial.ts';
import { sbmEfficiency, superSbmEfficiency } from '../../src/core/tfp/sbm.ts';
import { directionalDistance } from '../../src/core/tfp/ddf.ts';
import type { Observation, ReturnsToScale } from '../../src/core/tfp/technology.ts';
import { closeTo } from './fixture.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/tfp/fixtures/dea.json', import.meta.url), 'utf8'));

function observations(x: number[][], y: number[][], b?: number[][]): Observation[] {
  return x.map((xi, j) => ({ x: xi, y: y[j], b: b ? b[j] : [] }));
}

const close = closeTo;

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadLpSolver();
});

describe('radial CCR / BCC on the hospital example (Cooper, Seiford & Tone 2007)', () => {
  const tech = observations(fx.hospitals.x, fx.hospitals.y);

  it('agrees with the CCR input-oriented scores quoted for the example (3 decimals)', () => {
    const printed = [1, 1, 0.883, 1, 0.763, 0.835, 0.902, 0.796, 0.96, 0.871, 0.955, 0.958];
    tech.forEach((o, j) => {
      const s = radialEfficiency(solver, tech, o, { rts: 'crs', orientation: 'input' });
      expect(Math.abs((s.efficiency as number) - printed[j])).toBeLessThan(5.1e-4);
    });
  });

  for (const key of Object.keys(fx.hospitals.radial)) {
    const [rts, orientation] = key.split('-') as [ReturnsToScale, Orientation];
    it(`${key}: envelopment and multiplier forms agree with SciPy, with the max-slack sum`, () => {
      const ref = fx.hospitals.radial[key];
      tech.forEach((o, j) => {
        const env = radialEfficiency(solver, tech, o, { rts, orientation });
        close(env.efficiency, ref.efficiency[j]);
        close(radialMultiplier(solver, tech, o, { rts, orientation }).efficiency, ref.efficiency[j]);
        const sum = [...env.slacks.x, ...env.slacks.y].reduce((a, v) => a + v, 0);
        close(sum, ref.slackSum[j], 1e-7);
      });
    });
  }

  it('SBM (Tone 2001) without undesirable outputs, CRS and VRS', () => {
    for (const rts of ['crs', 'vrs'] as const) {
      tech.forEach((o, j) => close(sbmEfficiency(solver, tech, o, rts).efficiency, fx.hospitals.sbm[rts][j]));
    }
  });
});

describe('SBM with undesirable outputs, super-SBM and the directional distance', () => {
  const tech = observations(fx.green.x, fx.green.y, fx.green.b);

  it('SBM-undesirable (Tone 2004) matches SciPy, and its slacks reproduce the score', () => {
    for (const rts of ['crs', 'vrs'] as const) {
      tech.forEach((o, j) => {
        const s = sbmEfficiency(solver, tech, o, rts);
        close(s.efficiency, fx.green.sbm[rts][j]);
        const num = 1 - (s.slacks.x[0] / o.x[0] + s.slacks.x[1] / o.x[1]) / 2;
        const den = 1 + (s.slacks.y[0] / o.y[0] + s.slacks.b[0] / o.b[0]) / 2;
        close(num / den, fx.green.sbm[rts][j]);
      });
    }
  });

  it('super-efficiency SBM (Tone 2002) matches SciPy and is ≥ 1', () => {
    for (const rts of ['crs', 'vrs'] as const) {
      tech.forEach((o, j) => {
        const others = tech.filter((_, k) => k !== j);
        const s = superSbmEfficiency(solver, others, o, rts);
        const ref = fx.green.super[rts][j];
        expect(s.status).toBe(ref.status);
        close(s.efficiency, ref.value);
        expect(s.efficiency as number).toBeGreaterThanOrEqual(1 - 1e-9);
      });
    }
  });

  it('directional distance with g = (y, −b) matches SciPy', () => {
    for (const rts of ['crs', 'vrs'] as const) {
      tech.forEach((o, j) => close(directionalDistance(solver, tech, o, rts).value, fx.green.ddf[rts][j]));
    }
  });
});

describe('a second LP solver: lp_solve from R (test/reference/tfp/dea_lpsolve.R)', () => {
  const lps = JSON.parse(readFileSync(new URL('../reference/tfp/fixtures/dea-lpsolve.json', import.meta.url), 'utf8'));
  const hospitals = observations(fx.hospitals.x, fx.hospitals.y);
  const green = observations(fx.green.x, fx.green.y, fx.green.b);

  it('CCR / BCC scores, SBM, SBM-undesirable and the directional distance agree to 1e-8', () => {
    for (const key of Object.keys(lps.hospitals.radial)) {
      const [rts, orientation] = key.split('-') as [ReturnsToScale, Orientation];
      hospitals.forEach((o, j) =>
        close(radialEfficiency(solver, hospitals, o, { rts, orientation }).efficiency, lps.hospitals.radial[key][j]),
      );
    }
    for (const rts of ['crs', 'vrs'] as const) {
      hospitals.forEach((o, j) =>
        close(sbmEfficiency(solver, hospitals, o, rts).efficiency, lps.hospitals.sbm[rts][j]),
      );
      green.forEach((o, j) => close(sbmEfficiency(solver, green, o, rts).efficiency, lps.green.sbm[rts][j]));
      green.forEach((o, j) => close(directionalDistance(solver, green, o, rts).value, lps.green.ddf[rts][j]));
    }
  });
});
