/**
 * Three-step mediation against R (plm + sandwich with the Stata factor and the
 * Sobel / Aroian / Goodman formulas: test/reference/estimate/mediation_reference.R);
 * the cluster bootstrap by its properties (seeded, reproducible, centred on a·b).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mediation } from '../../src/core/estimate/mediation.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/estimate/fixtures/mediation.json', import.meta.url), 'utf8'));
const csv = readFileSync(new URL('../reference/estimate/grunfeld.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n');
const rows = csv.slice(1).map((l) => l.split(',').map(Number));
const col = (j: number) => rows.map((r) => r[j]);
const [firm, year, inv, value, capital] = [0, 1, 2, 3, 4].map(col);
const data = { y: inv, x: value, m: capital, controls: {}, fe: { firm, year }, cluster: firm, unitFe: 'firm' };
const close = (a: number, b: number, rel = 1e-9) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.abs(b));

describe('mediation: three-step method on Grunfeld (X = value, M = capital, Y = inv)', () => {
  const r = mediation(data, { se: 'cluster', preset: 'stata' });
  it('a, b, c, c′ and their standard errors equal R', () => {
    close(r.indirect!.a, fx.a);
    close(r.indirect!.b, fx.b);
    close(r.total!, fx.c);
    close(r.direct!, fx.c_direct);
    close(r.steps.xToM.coefficients.x.se, fx.sa);
    close(r.steps.outcome!.coefficients.m.se, fx.sb);
  });
  it('c = c′ + ab exactly (same sample, same fixed effects)', () => {
    close(r.total!, r.direct! + r.indirect!.estimate, 1e-12);
  });
  it('Sobel, Aroian and Goodman z equal R; Sobel p two-sided normal', () => {
    close(r.indirect!.sobel.z!, fx.sobel_z);
    close(r.indirect!.aroian.z!, fx.aroian_z);
    close(r.indirect!.goodman.z!, fx.goodman_z);
    close(r.indirect!.sobel.p!, fx.sobel_p);
  });
});

describe('mediation: cluster bootstrap of ab', () => {
  const run = (seed: number) => mediation(data, { se: 'cluster', preset: 'stata' }, { bootstrap: 200, seed });
  it('is reproducible with its seed and differs with another', () => {
    const a = run(7).indirect!.bootstrap!;
    const b = run(7).indirect!.bootstrap!;
    expect(a).toEqual(b);
    expect(run(8).indirect!.bootstrap!.percentile).not.toEqual(a.percentile);
  });
  it('gives ordered intervals that contain the point estimate, and a positive bootstrap SE', () => {
    const r = run(1);
    const bs = r.indirect!.bootstrap!;
    expect(bs.percentile[0]).toBeLessThan(bs.percentile[1]);
    expect(bs.biasCorrected[0]).toBeLessThan(bs.biasCorrected[1]);
    expect(bs.percentile[0]).toBeLessThan(r.indirect!.estimate);
    expect(bs.percentile[1]).toBeGreaterThan(r.indirect!.estimate);
    expect(bs.se).toBeGreaterThan(0);
  });
});

describe('mediation: X → M only', () => {
  it('estimates step 2 alone and carries the note', () => {
    const r = mediation(data, { se: 'cluster', preset: 'stata' }, { mode: 'x-to-m' });
    expect(r.indirect).toBeUndefined();
    close(r.steps.xToM.coefficients.x.estimate, fx.a);
    expect(r.note.zh).toContain('江艇');
  });
});
