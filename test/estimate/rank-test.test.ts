/**
 * IV identification statistics (Anderson LM, Cragg–Donald F, Kleibergen–Paap rk LM and
 * rk Wald F with ivreg2's factor) against an independent NumPy implementation of
 * Kleibergen & Paap (2006) and ranktest's conventions, with the fixed effects as dummies
 * (test/reference/estimate/kp_reference.py).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateIv, type IvData } from '../../src/core/estimate/iv.ts';
import { rankTest } from '../../src/core/estimate/rank-test.ts';
import type { FeOptions } from '../../src/core/estimate/fe.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/estimate/fixtures/kp.json', import.meta.url), 'utf8'));
const read = (f: string) =>
  readFileSync(new URL(`../reference/estimate/${f}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',').map((v) => (v.startsWith('"') ? v.slice(1, -1) : Number(v))));
const g = read('grunfeld.csv') as number[][];
const p = read('produc.csv');
const gcol = (j: number) => g.map((r) => r[j]);
const pnum = (j: number) => p.map((r) => r[j] as number);
const close = (a: number, b: number, rel = 1e-9) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.abs(b));
/** p-values: relative 1e-9, or 1e-14 absolute where 1 − CDF leaves no relative digits. */
const closeP = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.abs(b) + 1e-14);

const grunfeld = (cluster?: 'firm' | 'year'): IvData => ({
  y: gcol(2),
  endog: { value: gcol(3) },
  exog: {},
  instruments: { capital: gcol(4) },
  fe: { firm: gcol(0), year: gcol(1) },
  ...(cluster ? { cluster: gcol(cluster === 'firm' ? 0 : 1) } : {}),
});
const lpcap = pnum(3).map(Math.log);
const unemp = pnum(6);
const produc = (endog: 'two' | 'one', cluster?: 'state' | 'year'): IvData => ({
  y: pnum(2).map(Math.log),
  endog:
    endog === 'two' ? { lpc: pnum(4).map(Math.log), lemp: pnum(5).map(Math.log) } : { lemp: pnum(5).map(Math.log) },
  exog: { unemp },
  instruments:
    endog === 'two'
      ? { lpcap, lpcap2: lpcap.map((v) => v * v), unemp2: unemp.map((v) => v * v) }
      : { lpcap, lpc: pnum(4).map(Math.log) },
  fe: { state: p.map((r) => r[0]), year: pnum(1) },
  ...(cluster ? { cluster: cluster === 'state' ? p.map((r) => r[0]) : pnum(1) } : {}),
});
const iid: FeOptions = { se: 'iid', preset: 'stata' };
const robust: FeOptions = { se: 'hc1', preset: 'stata' };
const clustered: FeOptions = { se: 'cluster', preset: 'stata' };

function check(name: string, data: IvData, opts: FeOptions) {
  const ref = fx[name];
  const r = estimateIv(data, opts);
  close(r.andersonLM.statistic, ref.andersonLM);
  closeP(r.andersonLM.p, ref.andersonP);
  expect(r.andersonLM.df).toBe(ref.df);
  close(r.craggDonaldF, ref.craggDonaldF);
  if (opts.se === 'iid') {
    expect(r.kleibergenPaap).toBeUndefined();
    return r;
  }
  const kp = r.kleibergenPaap!;
  close(kp.rkLM, ref.rkLM);
  closeP(kp.rkLMp, ref.rkLMp);
  expect(kp.df).toBe(ref.df);
  close(kp.rkWald, ref.rkWald);
  close(kp.rkWaldF, ref.rkWaldF);
  close(kp.rkWaldFUnadjusted, ref.rkWaldFUnadjusted);
  close(kp.factor, ref.factor);
  return r;
}

describe('identification statistics, one endogenous regressor (Grunfeld: value instrumented by capital, firm + year FE)', () => {
  it('iid: Anderson LM and Cragg–Donald F; no Kleibergen–Paap', () => check('grunfeld_iid', grunfeld(), iid));
  it('robust: rk LM and rk Wald F with the factor (N − L − s)/N', () => check('grunfeld_robust', grunfeld(), robust));
  it('clustered by firm (firm effects nested: s = T − 1)', () =>
    check('grunfeld_cluster_firm', grunfeld('firm'), clustered));
  it('clustered by year (year effects nested: s = firms − 1)', () =>
    check('grunfeld_cluster_year', grunfeld('year'), clustered));
  it('with one endogenous regressor the rk Wald statistic is the CR0 Wald statistic of the first stage', () => {
    for (const [name, opts] of [
      ['grunfeld_cluster_firm', clustered],
      ['grunfeld_robust', robust],
    ] as const) {
      const r = estimateIv(grunfeld(name.endsWith('firm') ? 'firm' : undefined), opts);
      close(r.kleibergenPaap!.rkWald, fx[name].firstStageWaldCR0);
    }
    // and equals the model's first-stage F under the unadjusted (CR0) preset
    const cr0 = estimateIv(grunfeld('firm'), { se: 'cluster', preset: 'none' });
    close(cr0.kleibergenPaap!.rkWaldFUnadjusted, cr0.firstStageF.value);
  });
});

describe('identification statistics, two endogenous regressors (Produc, three excluded instruments)', () => {
  it('iid', () => check('produc2_iid', produc('two'), iid));
  it('robust', () => check('produc2_robust', produc('two'), robust));
  it('clustered by state', () => check('produc2_cluster_state', produc('two', 'state'), clustered));
  it('clustered by year', () => check('produc2_cluster_year', produc('two', 'year'), clustered));
  it('one endogenous regressor, two instruments, an exogenous control: rk Wald = the first-stage CR0 Wald', () => {
    const r = check('produc1_cluster_state', produc('one', 'state'), clustered);
    close(r.kleibergenPaap!.rkWald, fx.produc1_cluster_state.firstStageWaldCR0);
  });
});

describe('rankTest', () => {
  it('canonical correlations of the partialled variables', () => {
    const x = [1, 2, 3, 4, 5, 6].map((v) => v - 3.5);
    const z = [2, 1, 4, 3, 6, 5].map((v) => v - 3.5);
    const r = rankTest({ y: [x], z: [z], groups: null, form: 'lm', vce: 'iid' });
    const rxz =
      x.reduce((s, v, i) => s + v * z[i], 0) /
      Math.sqrt(x.reduce((s, v) => s + v * v, 0) * z.reduce((s, v) => s + v * v, 0));
    close(r.ccorr[0], Math.abs(rxz));
    close(r.rk, 6 * rxz * rxz);
  });
  it('an instrument collinear with another is a bilingual error', () => {
    const z = [1, -1, 2, -2, 0.5, -0.5];
    expect(() =>
      rankTest({ y: [[1, 2, -1, 0, 3, -5]], z: [z, z.map((v) => 2 * v)], groups: null, form: 'lm', vce: 'iid' }),
    ).toThrow(/collinear/);
  });
});

describe('identification statistics on a degenerate first stage', () => {
  it('an exact first stage: the Wald-type statistics are NaN, the estimation still runs', () => {
    const capital = gcol(4);
    const r = estimateIv(
      {
        y: gcol(2),
        endog: { k3: capital.map((v) => 3 * v) },
        exog: {},
        instruments: { capital },
        fe: { firm: gcol(0), year: gcol(1) },
        cluster: gcol(0),
      },
      clustered,
    );
    close(r.coefficients.k3.estimate, r.coefficients.k3.estimate);
    expect(Number.isNaN(r.kleibergenPaap!.rkWaldF)).toBe(true);
    expect(Number.isNaN(r.craggDonaldF)).toBe(true);
  });
});
