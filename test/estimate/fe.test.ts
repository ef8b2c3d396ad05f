/**
 * Panel fixed effects against R (plm, sandwich, lm with dummies: test/reference/estimate/fe_reference.R)
 * and the published Stata / fixest figure for Grunfeld (SE 0.06328129).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { absorb, dropSingletons, factorOf } from '../../src/core/estimate/absorb.ts';
import { estimateFe } from '../../src/core/estimate/fe.ts';
import type { SePreset, SeType } from '../../src/core/estimate/vcov.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/estimate/fixtures/fe.json', import.meta.url), 'utf8'));
const csv = readFileSync(new URL('../reference/estimate/grunfeld.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n');
const rows = csv.slice(1).map((l) => l.split(',').map(Number));
const col = (j: number) => rows.map((r) => r[j]);
const [firm, year, inv, value, capital] = [0, 1, 2, 3, 4].map(col);

const close = (a: number, b: number, rel = 1e-9) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.abs(b));
const fitModel = (fe: Record<string, number[]>, se: SeType, preset: SePreset = 'stata', x = { value, capital }) =>
  estimateFe({ y: inv, x, fe, cluster: firm }, { se, preset });

describe('fixed effects: two-way (firm + year) on Grunfeld, against R', () => {
  const ref = fx.twoway;
  it('coefficients and within R² equal plm', () => {
    const r = fitModel({ firm, year }, 'iid');
    ref.terms.forEach((t: string, j: number) => close(r.coefficients[t].estimate, ref.estimate[j]));
    close(r.r2Within, ref.r2_within);
    expect(r.n).toBe(ref.n);
    expect(r.singletons).toBe(0);
  });
  const cases: Array<[string, SeType, SePreset, string]> = [
    ['iid (= LSDV classical)', 'iid', 'stata', 'se_iid'],
    ['HC1 (= LSDV sandwich HC1)', 'hc1', 'stata', 'se_hc1'],
    ['cluster, preset plm (vcovHC sss)', 'cluster', 'plm', 'se_cluster_plm'],
    ['cluster, preset lsdv (vcovCL on the dummy regression)', 'cluster', 'lsdv', 'se_cluster_lsdv'],
    ['cluster, preset none (CR0)', 'cluster', 'none', 'se_cluster_none'],
  ];
  for (const [name, se, preset, key] of cases) {
    it(`standard errors: ${name}`, () => {
      const r = fitModel({ firm, year }, se, preset);
      ref.terms.forEach((t: string, j: number) => close(r.coefficients[t].se, ref[key][j]));
    });
  }
  it('iid uses N − slopes − absorbed df for the t tests (169 here)', () => {
    expect(fitModel({ firm, year }, 'iid').df).toBe(ref.df_iid);
    expect(fitModel({ firm, year }, 'cluster').df).toBe(ref.clusters - 1);
  });
});

describe('fixed effects: the Stata preset reproduces the published figure', () => {
  it('inv ~ capital | firm + year, clustered by firm: SE 0.06328129 (fixest vignette; Stata reghdfe)', () => {
    const r = fitModel({ firm, year }, 'cluster', 'stata', { capital } as never);
    close(r.coefficients.capital.estimate, fx.published.estimate);
    expect(r.coefficients.capital.se.toFixed(8)).toBe('0.06328129');
  });
});

describe('fixed effects: one-way (firm) on Grunfeld, against R', () => {
  const ref = fx.oneway;
  it('coefficients, R², iid and clustered standard errors', () => {
    const iid = fitModel({ firm }, 'iid');
    ref.terms.forEach((t: string, j: number) => {
      close(iid.coefficients[t].estimate, ref.estimate[j]);
      close(iid.coefficients[t].se, ref.se_iid[j]);
      close(fitModel({ firm }, 'cluster', 'plm').coefficients[t].se, ref.se_cluster_plm[j]);
      close(fitModel({ firm }, 'cluster', 'lsdv').coefficients[t].se, ref.se_cluster_lsdv[j]);
      close(fitModel({ firm }, 'cluster', 'none').coefficients[t].se, ref.se_cluster_none[j]);
    });
    close(iid.r2Within, ref.r2_within);
  });
  it('with firm FE nested in firm clusters, stata counts only slopes + the constant', () => {
    const r = fitModel({ firm }, 'cluster', 'stata');
    const plm = fitModel({ firm }, 'cluster', 'plm');
    const N = 200,
      K = 2;
    // stata: (N−1)/(N−K−1); plm: (N−1)/(N−K)
    close(r.smallSample / plm.smallSample, (N - K) / (N - K - 1), 1e-12);
  });
});

describe('fixed effects: singletons, absorption, degenerate input', () => {
  it('drops singletons iteratively and reports them', () => {
    // unit 3 has one row (a singleton); dropping it leaves year 2003 with one row, which goes next
    const u = [1, 1, 2, 2, 3];
    const t = [2001, 2002, 2001, 2002, 2003];
    expect(Array.from(dropSingletons([factorOf(u), factorOf(t)], 5))).toEqual([0, 1, 2, 3]);
  });
  it('one sweep demeans exactly by one effect', () => {
    expect(Array.from(absorb([[1, 2, 3, 4]], [[0, 0, 1, 1]]).columns[0])).toEqual([-0.5, 0.5, -0.5, 0.5]);
  });
  it('one cluster and a missing cluster variable are errors that say what to do', () => {
    const one = Array(200).fill(1);
    expect(() =>
      estimateFe({ y: inv, x: { value }, fe: { firm }, cluster: one }, { se: 'cluster', preset: 'stata' }),
    ).toThrow(/one cluster/);
    expect(() => estimateFe({ y: inv, x: { value }, fe: { firm } }, { se: 'cluster', preset: 'stata' })).toThrow(
      /cluster/,
    );
  });
  it('a regressor absorbed by the fixed effects is reported as collinear', () => {
    expect(() => estimateFe({ y: inv, x: { value, f: firm }, fe: { firm } }, { se: 'iid', preset: 'stata' })).toThrow(
      /collinear/,
    );
  });
});
