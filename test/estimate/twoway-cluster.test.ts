/** Two-way clustered standard errors against R (sandwich vcovCL multiway: test/reference/estimate/twoway_cluster_reference.R). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateFe } from '../../src/core/estimate/fe.ts';
import type { SePreset } from '../../src/core/estimate/vcov.ts';
import { capital, firm, inv, value, year, grunfeldPanel } from './grunfeld.ts';

const fx = JSON.parse(
  readFileSync(new URL('../reference/estimate/fixtures/twoway-cluster.json', import.meta.url), 'utf8'),
);
const close = (a: number, b: number, rel = 1e-9) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.abs(b));

describe('two-way clustering (firm and year) on Grunfeld, against R', () => {
  for (const [preset, key] of [
    ['none', 'se_none'],
    ['lsdv', 'se_lsdv'],
    ['stata', 'se_stata'],
  ] as Array<[SePreset, string]>) {
    it(`preset ${preset}`, () => {
      const r = estimateFe(
        { y: inv, x: { value, capital }, fe: { firm, year }, cluster: firm, cluster2: year },
        { se: 'cluster', preset },
      );
      fx.terms.forEach((t: string, j: number) => {
        close(r.coefficients[t].estimate, fx.estimate[j]);
        close(r.coefficients[t].se, fx[key][j]);
      });
      // t tests on G_min − 1 degrees of freedom
      expect(r.df).toBe(Math.min(...fx.clusters) - 1);
    });
  }
});

describe('two-way clustering from a model file', () => {
  it('"cluster": ["unit", "time"] gives the same standard errors; other model types refuse it', async () => {
    const { checkEstimateModel } = await import('../../src/core/estimate/model.ts');
    const { runEstimate } = await import('../../src/core/estimate/run.ts');
    const m = checkEstimateModel({
      type: 'fe',
      y: 'inv',
      x: ['value', 'capital'],
      unit: 'firm',
      time: 'year',
      cluster: ['unit', 'time'],
      se: 'stata',
    });
    expect([m.cluster, m.cluster2]).toEqual(['firm', 'year']);
    const panel = grunfeldPanel();
    const r = runEstimate(panel, [m]).models[0];
    close(r.coefficients.capital.se, fx.se_stata[1]);
    expect(() =>
      checkEstimateModel({
        type: 'iv',
        y: 'inv',
        x: ['value'],
        endog: ['value'],
        instruments: ['capital'],
        unit: 'firm',
        time: 'year',
        cluster: ['unit', 'time'],
      }),
    ).toThrow(/two-way clustering/);
  });
});
