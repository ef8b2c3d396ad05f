import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { geary } from '../../src/core/analysis/geary.ts';
import { fromNeighbourList, rowStandardise } from '../../src/core/analysis/spatial-weights.ts';

const REF = JSON.parse(readFileSync(new URL('../reference/analysis/fixtures/geary_spdep.json', import.meta.url), 'utf8'));
const close = (a: number, b: number, tol = 1e-9) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

interface Case { name: string; style: 'W' | 'B'; x: number[]; neighbours: number[][]; C: number; variance: number; z: number; p: number; varianceNormal: number; zNormal: number; pNormal: number }

describe("Geary's C (checked against R spdep::geary.test, test/reference/analysis/geary_reference.R)", () => {
  for (const c of REF.cases as Case[]) {
    it(`${c.name}: C, variances, z and p under randomisation and normality`, () => {
      const nb = fromNeighbourList({ ids: c.x.map((_, i) => `u${i}`), neighbours: c.neighbours }, c.name, 'B');
      const w = c.style === 'W' ? rowStandardise(nb) : nb;
      const g = geary(c.x, w);
      for (const key of ['C', 'variance', 'z', 'varianceNormal', 'zNormal'] as const) expect(close(g[key], c[key]), key).toBe(true);
      expect(close(g.p, c.p) && close(g.pNormal, c.pNormal)).toBe(true);
    });
  }
  it('is undefined (NaN, with a warning) for all-equal values', () => {
    const c = REF.cases[0] as Case;
    const w = rowStandardise(fromNeighbourList({ ids: c.x.map((_, i) => `u${i}`), neighbours: c.neighbours }, 'grid', 'B'));
    const g = geary(c.x.map(() => 3), w);
    expect(g.C).toBeNaN();
    expect(g.warnings[0]).toMatch(/all values are equal/);
  });
});
