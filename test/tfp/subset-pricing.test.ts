/**
 * The blocked pricing of src/core/tfp/subset.ts: passing over a block whose
 * box lies on the side of no gain must list the same improving units, bit
 * for bit, as pricing every unit. Checked with the row duals HiGHS gives on
 * the way to the directional distances of 120 firm-years against 600
 * (test/reference/tfp/fixtures/dea-large.json: both periods pooled, as a
 * global frontier), in both senses and with members left out.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLpSolver } from '../../src/adapters/io/lp-solver.ts';
import { directionalDistance } from '../../src/core/tfp/ddf.ts';
import type { LinearProgram, LpSolver } from '../../src/core/tfp/lp.ts';
import { improving, oneBlock, pricingBlocks } from '../../src/core/tfp/subset.ts';
import type { Observation } from '../../src/core/tfp/technology.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/tfp/fixtures/dea-large.json', import.meta.url), 'utf8'));
const units: Observation[] = fx.x.flatMap((xs: number[][], t: number) =>
  xs.map((x, j) => ({ x, y: fx.y[t][j], b: fx.b[t][j] })),
);

/** Rows of the directional distance under CRS: inputs, outputs, undesirable outputs. */
const rows = units[0].x.length + units[0].y.length + units[0].b.length;

/** Every unit's data as a λ column of the directional distance (x, y, b). */
function columns(): Float64Array {
  const A = new Float64Array(units.length * rows);
  units.forEach((t, j) => A.set([...t.x, ...t.y, ...t.b], j * rows));
  return A;
}

/** Units in the order pricing ranks them (as subset.ts sorts them). */
const ranked = (g: Array<[number, number]>) => [...g].sort((p, q) => q[0] - p[0] || p[1] - q[1]);

let solver: LpSolver;
let duals: Array<{ y: number[]; sense: 'min' | 'max' }>;
beforeAll(async () => {
  const highs = await loadLpSolver();
  duals = [];
  // a solver that keeps the row duals of every optimal programme of the runs below
  solver = {
    name: highs.name,
    solve(lp: LinearProgram) {
      const sol = highs.solve(lp);
      if (sol.rowDual && sol.rowDual.length === rows) duals.push({ y: sol.rowDual, sense: lp.sense });
      return sol;
    },
  };
  const frontier = new Set<Observation>();
  for (const o of units.slice(0, 120)) directionalDistance(solver, units, o, 'crs', { frontier });
});

describe('blocked pricing of the subset route', () => {
  it('blocks hold every unit once, at most 16 each, inside their boxes', () => {
    const A = columns();
    const P = pricingBlocks(A, units.length, rows);
    expect([...P.order].sort((a, b) => a - b)).toEqual(units.map((_, j) => j));
    for (let b = 0; b + 1 < P.starts.length; b++) {
      expect(P.starts[b + 1] - P.starts[b]).toBeGreaterThan(0);
      expect(P.starts[b + 1] - P.starts[b]).toBeLessThanOrEqual(16);
      for (let q = P.starts[b]; q < P.starts[b + 1]; q++)
        for (let i = 0; i < rows; i++) {
          const v = A[P.order[q] * rows + i];
          expect(P.columns[q * rows + i]).toBe(v);
          expect(v).toBeGreaterThanOrEqual(P.lo[b * rows + i]);
          expect(v).toBeLessThanOrEqual(P.hi[b * rows + i]);
        }
    }
  });

  it('lists the same units, bit for bit, as pricing every unit (both senses, members left out)', () => {
    const A = columns();
    const blocked = pricingBlocks(A, units.length, rows);
    const whole = oneBlock(A, units.length);
    expect(duals.length).toBeGreaterThan(100);
    let some = 0;
    for (const [k, d] of duals.entries()) {
      const member = new Uint8Array(units.length);
      for (let j = k % 7; j < units.length; j += 7 + (k % 5)) member[j] = 1; // some units already in
      for (const sense of ['max', 'min'] as const) {
        const y = sense === d.sense ? d.y : d.y.map((v) => -v);
        const got = ranked(improving(blocked, y, sense, member));
        expect(got).toEqual(ranked(improving(whole, y, sense, member)));
        if (got.length) some++;
      }
    }
    expect(some).toBeGreaterThan(0); // the duals of early rounds do price units in
  });
});
