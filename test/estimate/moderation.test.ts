/** Moderation with a centred interaction and simple slopes, against R (test/reference/estimate/moderation_reference.R). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { moderation } from '../../src/core/estimate/moderation.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/estimate/fixtures/moderation.json', import.meta.url), 'utf8'));
const csv = readFileSync(new URL('../reference/estimate/grunfeld.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n');
const rows = csv.slice(1).map((l) => l.split(',').map(Number));
const col = (j: number) => rows.map((r) => r[j]);
const [firm, year, inv, value, capital] = [0, 1, 2, 3, 4].map(col);
const close = (a: number, b: number, rel = 1e-9) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.abs(b));

describe('moderation: Grunfeld, X = value moderated by Z = capital, firm + year FE, clustered (Stata factor)', () => {
  const r = moderation(
    { y: inv, x: value, z: capital, controls: {}, fe: { firm, year }, cluster: firm },
    { se: 'cluster', preset: 'stata' },
  );
  it('coefficients and standard errors of the centred terms equal R', () => {
    close(r.fit.coefficients.x.estimate, fx.b_x);
    close(r.fit.coefficients.z.estimate, fx.b_z);
    close(r.fit.coefficients.xz.estimate, fx.b_xz);
    close(r.fit.coefficients.x.se, fx.se_x);
    close(r.fit.coefficients.xz.se, fx.se_xz);
    close(r.sdZ, fx.sd_z);
  });
  it('simple slopes at Z = mean ∓ 1 SD and their standard errors equal R; at the mean it is b_x', () => {
    const [low, mid, high] = r.slopes;
    close(low.estimate, fx.slope_low);
    close(high.estimate, fx.slope_high);
    close(low.se, fx.se_low);
    close(high.se, fx.se_high);
    close(mid.estimate, fx.b_x);
  });
});
