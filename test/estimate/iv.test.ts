/** 2SLS with absorbed fixed effects against R AER::ivreg on the dummy regression (test/reference/estimate/iv_reference.R). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateIv } from '../../src/core/estimate/iv.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/estimate/fixtures/iv.json', import.meta.url), 'utf8'));
const csv = readFileSync(new URL('../reference/estimate/grunfeld.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n');
const rows = csv.slice(1).map((l) => l.split(',').map(Number));
const col = (j: number) => rows.map((r) => r[j]);
const [firm, year, inv, value, capital] = [0, 1, 2, 3, 4].map(col);
const close = (a: number, b: number, rel = 1e-9) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.abs(b));
const data = { y: inv, endog: { value }, exog: {}, instruments: { capital }, fe: { firm, year }, cluster: firm };

describe('2SLS with firm + year fixed effects on Grunfeld (value instrumented by capital)', () => {
  it('coefficient and iid standard error equal ivreg with dummies; df = N − K_all', () => {
    const r = estimateIv(data, { se: 'iid', preset: 'stata' });
    close(r.coefficients.value.estimate, fx.b);
    close(r.coefficients.value.se, fx.se_iid);
    expect(r.df).toBe(fx.df_iid);
  });
  it('clustered standard errors: lsdv preset = vcovCL HC1, none = CR0', () => {
    close(estimateIv(data, { se: 'cluster', preset: 'lsdv' }).coefficients.value.se, fx.se_lsdv);
    close(estimateIv(data, { se: 'cluster', preset: 'none' }).coefficients.value.se, fx.se_none);
  });
  it('first-stage F: the usual F with iid errors, the cluster-robust Wald F with clustered errors', () => {
    close(estimateIv(data, { se: 'iid', preset: 'stata' }).firstStageF.value, fx.F_iid);
    close(estimateIv(data, { se: 'cluster', preset: 'none' }).firstStageF.value, fx.F_cluster_cr0);
  });
  it('fewer instruments than endogenous variables is an error', () => {
    expect(() => estimateIv({ ...data, instruments: {} }, { se: 'iid', preset: 'stata' })).toThrow(/identified/);
  });
});
