/**
 * β-convergence with iid (classical) standard errors against statsmodels OLS
 * nonrobust — pooled with a constant, and two-way FE as OLS on unit and time
 * dummies (test/reference/analysis/convergence_iid_reference.py), 1e-9 relative.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { betaConvergence } from '../../src/core/analysis/convergence.ts';

const fx = JSON.parse(
  readFileSync(new URL('../reference/analysis/fixtures/convergence_iid.json', import.meta.url), 'utf8'),
);
const data = {
  units: fx.units as string[],
  times: fx.times as number[],
  y: (fx.y as Array<Array<number | null>>).map((row) => Float64Array.from(row, (v) => (v === null ? Number.NaN : v))),
};
const rel = (a: number, e: number, what: string) =>
  expect(Math.abs(a - e), what).toBeLessThanOrEqual(1e-9 * Math.max(1e-6, Math.abs(e)));

describe('β-convergence, iid standard errors vs statsmodels', () => {
  for (const model of ['pooled', 'twoways'] as const) {
    it(model, () => {
      const r = betaConvergence(data, { model, smallSample: 'iid' });
      const e = fx[model];
      const cs = r.regression.coefficients;
      expect(cs.length).toBe(e.estimate.length);
      cs.forEach((c, j) => {
        rel(c.estimate, e.estimate[j], `${c.name} estimate`);
        rel(c.se, e.se[j], `${c.name} se`);
        rel(c.p, e.p[j], `${c.name} p`);
      });
      expect(r.regression.df).toBe(e.df);
      expect(r.regression.n).toBe(e.n);
      expect(r.regression.clusters).toBeNull();
    });
  }
});
