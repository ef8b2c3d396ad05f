/**
 * Malmquist, Malmquist–Luenberger and global ML indices against SciPy
 * (test/reference/tfp/dea_reference.py, panel of 6 units × 4 periods whose
 * outputs fall in period 3, so the frontier moves backwards).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLpSolver } from '../../src/adapters/io/lp-solver.ts';
import type { LpSolver } from '../../src/core/tfp/lp.ts';
import { cumulativeIndex, productivityIndex, type IndexType } from '../../src/core/tfp/productivity.ts';
import type { Observation } from '../../src/core/tfp/technology.ts';
import { closeTo } from './fixture.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/tfp/fixtures/dea.json', import.meta.url), 'utf8'));
const periods: Observation[][] = fx.panel.x.map((xs: number[][], t: number) =>
  xs.map((x, j) => ({ x, y: fx.panel.y[t][j], b: fx.panel.b[t][j] })),
);

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadLpSolver();
});

const close = closeTo;

describe('productivity indices (CRS, contemporaneous / global frontiers)', () => {
  for (const type of ['malmquist', 'ml', 'gml'] as IndexType[]) {
    it(`${type}: value, EC and TC match SciPy; infeasible mixed-period programmes give null`, () => {
      const got = productivityIndex(solver, periods, { type, rts: 'crs' });
      const ref: Array<[number, number, number] | null> = fx.panel.crs[type];
      expect(got).toHaveLength(ref.length);
      got.forEach((g, k) => {
        const r = ref[k];
        if (r === null) {
          expect(g.status).toBe('infeasible');
          expect(g.value).toBeNull();
          return;
        }
        close(g.value, r[0]);
        close(g.ec, r[1]);
        close(g.tc, r[2]);
        close((g.ec as number) * (g.tc as number), g.value as number);
      });
    });
  }

  for (const type of ['malmquist', 'ml'] as const) {
    it(`${type} on sequential frontiers matches SciPy; technical change never falls below 1`, () => {
      const got = productivityIndex(solver, periods, { type, rts: 'crs', frontier: 'sequential' });
      const ref: Array<[number, number, number] | null> = fx.panel.sequential[type];
      got.forEach((g, k) => {
        const r = ref[k];
        if (r === null) {
          expect(g.status).toBe('infeasible');
          return;
        }
        close(g.value, r[0]);
        close(g.ec, r[1]);
        close(g.tc, r[2]);
        expect(g.tc as number).toBeGreaterThanOrEqual(1 - 1e-9);
      });
    });
  }

  it('ML reports some infeasible mixed-period programmes on this panel; GML has none', () => {
    const ml = productivityIndex(solver, periods, { type: 'ml', rts: 'crs' });
    const gml = productivityIndex(solver, periods, { type: 'gml', rts: 'crs' });
    expect(ml.some((v) => v.status === 'infeasible')).toBe(true);
    expect(gml.every((v) => v.status === 'optimal')).toBe(true);
  });

  it('a frontier moving backwards: every output × 0.8 gives TC = 0.8 and EC = 1 exactly (CRS)', () => {
    // Analytical: under CRS, scaling all outputs by c scales every output distance by c.
    const shrunk = periods[0].map((o) => ({ ...o, y: o.y.map((v) => v * 0.8) }));
    const m = productivityIndex(solver, [periods[0], shrunk], { type: 'malmquist', rts: 'crs' });
    for (const v of m) {
      close(v.tc, 0.8);
      close(v.ec, 1);
    }
  });

  it('one period gives no index; cumulative index starts at 1', () => {
    expect(productivityIndex(solver, [periods[0]], { type: 'gml', rts: 'crs' })).toEqual([]);
    expect(cumulativeIndex([])).toEqual([1]);
    const c = cumulativeIndex([1.1, null, 1.2]);
    expect(c[0]).toBe(1);
    expect(c[1]).toBeCloseTo(1.1, 15);
    expect(c.slice(2)).toEqual([null, null]);
  });
});
