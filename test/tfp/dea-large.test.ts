/**
 * DEA on a reference set of 300 firms, large enough for the subset route of
 * src/core/tfp/subset.ts (RESTRICTED_FROM): radial scores, max-slack sums and
 * super-efficiency, SBM with an undesirable output and super-SBM, the
 * directional distance, and the Malmquist, ML and GML indices, against SciPy
 * `linprog` solving every programme over all units
 * (test/reference/tfp/dea_large_reference.py).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLpSolver } from '../../src/adapters/io/lp-solver.ts';
import type { LpSolver } from '../../src/core/tfp/lp.ts';
import { productivityIndex } from '../../src/core/tfp/productivity.ts';
import { directionalDistance } from '../../src/core/tfp/ddf.ts';
import { type Orientation, radialEfficiency } from '../../src/core/tfp/radial.ts';
import { RESTRICTED_FROM } from '../../src/core/tfp/subset.ts';
import { sbmEfficiency, superSbmEfficiency } from '../../src/core/tfp/sbm.ts';
import type { Observation, ReturnsToScale } from '../../src/core/tfp/technology.ts';
import { closeTo } from './fixture.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/tfp/fixtures/dea-large.json', import.meta.url), 'utf8'));
const periods: Observation[][] = fx.x.map((xs: number[][], t: number) =>
  xs.map((x, j) => ({ x, y: fx.y[t][j], b: fx.b[t][j] })),
);
const tech = periods[0];
/** The same units without the undesirable output (radial models and Malmquist take none). */
const plain: Observation[][] = periods.map((p) => p.map((o) => ({ ...o, b: [] })));

const close = closeTo;

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadLpSolver();
});

describe('DEA on 300 firms (the subset route) against SciPy over all units', () => {
  it('the reference set is large enough for the subset route', () => {
    expect(tech.length).toBeGreaterThanOrEqual(RESTRICTED_FROM);
  });
  for (const rts of ['crs', 'vrs'] as const) {
    it(`SBM with the undesirable output (${rts}), super-SBM of the efficient units, directional distance`, () => {
      const frontier = new Set<Observation>();
      tech.forEach((o, j) => {
        const sc = sbmEfficiency(solver, tech, o, rts, { frontier });
        close(sc.efficiency, fx.sbm[rts][j]);
        expect(sc.lambda).toHaveLength(tech.length);
        close(directionalDistance(solver, tech, o, rts, { frontier }).value, fx.ddf[rts][j]);
      });
      for (const [j, value] of Object.entries(fx.superSbm[rts]) as Array<[string, number]>) {
        const others = tech.filter((_, k) => k !== Number(j));
        close(superSbmEfficiency(solver, others, tech[Number(j)], rts, { frontier }).efficiency, value);
      }
    });
  }
  for (const key of Object.keys(fx.radial)) {
    const [rts, orientation] = key.split('-') as [ReturnsToScale, Orientation];
    it(`${key}: every score and max-slack sum, one frontier set for the period`, () => {
      const ref = fx.radial[key];
      const frontier = new Set<Observation>();
      plain[0].forEach((o, j) => {
        const s = radialEfficiency(solver, plain[0], o, { rts, orientation, frontier });
        close(s.efficiency, ref.efficiency[j]);
        close(
          [...s.slacks.x, ...s.slacks.y].reduce((a, v) => a + v, 0),
          ref.slackSum[j],
          1e-7,
        );
        expect(s.lambda).toHaveLength(tech.length);
      });
      // every unit found with λ > 0 is efficient (frontier units only)
      for (const o of frontier) close(ref.efficiency[plain[0].indexOf(o)], 1, 1e-7);
    });
    it(`${key}: the same scores with no frontier set (each programme from the seeds)`, () => {
      const ref = fx.radial[key];
      for (let j = 0; j < tech.length; j += 7)
        close(radialEfficiency(solver, plain[0], plain[0][j], { rts, orientation }).efficiency, ref.efficiency[j]);
    });
    it(`${key}: Andersen–Petersen super-efficiency of the efficient units`, () => {
      const frontier = new Set<Observation>();
      for (const [j, value] of Object.entries(fx.superRadial[key]) as Array<[string, number | null]>) {
        const others = plain[0].filter((_, k) => k !== Number(j));
        const s = radialEfficiency(solver, others, plain[0][Number(j)], { rts, orientation, frontier });
        if (value === null) expect(s.status).toBe('infeasible');
        else close(s.efficiency, value);
      }
    });
  }
  it('degenerate data (integers 1–5, every 7th firm the same): CCR, BCC with max-slack sums, VRS SBM', () => {
    const d = fx.degenerate;
    const units: Observation[] = d.x.map((x: number[], j: number) => ({ x, y: d.y[j], b: [] }));
    for (const key of Object.keys(d.radial)) {
      const [rts, orientation] = key.split('-') as [ReturnsToScale, Orientation];
      const frontier = new Set<Observation>();
      units.forEach((o, j) => {
        const s = radialEfficiency(solver, units, o, { rts, orientation, frontier });
        close(s.efficiency, d.radial[key].efficiency[j]);
        close(
          [...s.slacks.x, ...s.slacks.y].reduce((a, v) => a + v, 0),
          d.radial[key].slackSum[j],
          1e-7,
        );
      });
    }
    const frontier = new Set<Observation>();
    units.forEach((o, j) => close(sbmEfficiency(solver, units, o, 'vrs', { frontier }).efficiency, d.sbm.vrs[j]));
  });
  for (const type of ['malmquist', 'ml', 'gml'] as const) {
    it(`${type} index with EC and TC between the two years`, () => {
      const got = productivityIndex(solver, type === 'malmquist' ? plain : periods, { type, rts: 'crs' });
      const ref: Array<[number, number, number] | null> = fx.indices[type];
      expect(got).toHaveLength(ref.length);
      got.forEach((g, k) => {
        const r = ref[k];
        if (r === null) {
          expect(g.status).toBe('infeasible');
          return;
        }
        close(g.value, r[0]);
        close(g.ec, r[1]);
        close(g.tc, r[2]);
      });
    });
  }
});
