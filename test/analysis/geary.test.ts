import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { geary } from '../../src/core/analysis/geary.ts';
import { fromNeighbourList, rowStandardise } from '../../src/core/analysis/spatial-weights.ts';

const REF = JSON.parse(
  readFileSync(new URL('../reference/analysis/fixtures/geary_spdep.json', import.meta.url), 'utf8'),
);
const close = (a: number, b: number, tol = 1e-9) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

interface Case {
  name: string;
  style: 'W' | 'B';
  x: number[];
  neighbours: number[][];
  C: number;
  variance: number;
  z: number;
  p: number;
  varianceNormal: number;
  zNormal: number;
  pNormal: number;
}

describe("Geary's C (checked against R spdep::geary.test, test/reference/analysis/geary_reference.R)", () => {
  for (const c of REF.cases as Case[]) {
    it(`${c.name}: C, variances, z and p under randomisation and normality`, () => {
      const nb = fromNeighbourList({ ids: c.x.map((_, i) => `u${i}`), neighbours: c.neighbours }, c.name, 'B');
      const w = c.style === 'W' ? rowStandardise(nb) : nb;
      const g = geary(c.x, w);
      for (const key of ['C', 'variance', 'z', 'varianceNormal', 'zNormal'] as const)
        expect(close(g[key], c[key]), key).toBe(true);
      expect(close(g.p, c.p) && close(g.pNormal, c.pNormal)).toBe(true);
    });
  }
  it('is undefined (NaN, with a warning) for all-equal values', () => {
    const c = REF.cases[0] as Case;
    const w = rowStandardise(
      fromNeighbourList({ ids: c.x.map((_, i) => `u${i}`), neighbours: c.neighbours }, 'grid', 'B'),
    );
    const g = geary(
      c.x.map(() => 3),
      w,
    );
    expect(g.C).toBeNaN();
    expect(g.warnings[0]).toMatch(/all values are equal/);
  });
});

describe('xinzhi analyze geary', () => {
  it("--json gives spdep's C, z and p on a lattice read as an edge-list file (row-standardised)", async () => {
    const { spawnSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const c = REF.cases[0] as Case;
    const dir = mkdtempSync(join(tmpdir(), 'xinzhi-geary-'));
    writeFileSync(join(dir, 'x.csv'), `unit,value\n${c.x.map((v, i) => `u${i},${v}`).join('\n')}\n`);
    writeFileSync(
      join(dir, 'edges.csv'),
      `from,to\n${c.neighbours.flatMap((nb, i) => nb.map((j) => `u${i},u${j}`)).join('\n')}\n`,
    );
    const r = spawnSync(
      process.execPath,
      [
        'bin/xinzhi.js',
        'analyze',
        'geary',
        '--data',
        join(dir, 'x.csv'),
        '--unit',
        'unit',
        '--value',
        'value',
        '--weights',
        `file:${join(dir, 'edges.csv')}`,
        '--json',
      ],
      { cwd: new URL('../../', import.meta.url), encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout).results[0];
    expect(close(out.C, c.C) && close(out.z, c.z) && close(out.p, c.p)).toBe(true);
  });
});
