/**
 * The seemingly-unrelated (suest) test of equal slopes across groups against NumPy on the
 * stacked dummy-variable regressions (test/reference/estimate/suest_reference.py) and R
 * sandwich on the fully interacted model (suest_reference.R).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { heterogeneity } from '../../src/core/estimate/heterogeneity.ts';
import { suestTest } from '../../src/core/estimate/suest.ts';
import type { FeData, FeOptions } from '../../src/core/estimate/fe.ts';
import { capital, firm, inv, value, year } from './grunfeld.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/estimate/fixtures/suest.json', import.meta.url), 'utf8'));
const fxR = JSON.parse(readFileSync(new URL('../reference/estimate/fixtures/suest_r.json', import.meta.url), 'utf8'));
const close = (a: number, b: number, rel = 1e-9) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.abs(b));
const size = firm.map((f) => (f <= 5 ? 'large' : 'small'));
const three = firm.map((f) => (f <= 3 ? 'a' : f <= 7 ? 'b' : 'c'));
const data = (cluster?: number[]): FeData => ({
  y: inv,
  x: { value, capital },
  fe: { firm, year },
  ...(cluster ? { cluster } : {}),
});
const clustered: FeOptions = { se: 'cluster', preset: 'stata' };

function check(name: string, r: ReturnType<typeof suestTest>) {
  const R = fxR[name];
  r.groups.forEach((g, i) => {
    close(g.estimate, R.estimate[i]);
    close(g.se, R.se[i]);
  });
  close(r.chi2, R.chi2);
  close(r.p, R.p, 1e-8);
  const ref = fx[name];
  expect(r.groups.map((g) => g.group)).toEqual(ref.groups);
  r.groups.forEach((g, i) => {
    close(g.estimate, ref.estimate[i]);
    close(g.se, ref.se[i]);
  });
  Object.values(r.differences).forEach((d, i) => {
    close(d.estimate, ref.diff[i]);
    close(d.se, ref.diffSe[i]);
  });
  expect(r.clusters).toBe(ref.clusters);
  expect(r.df).toBe(ref.df);
  close(r.chi2, ref.chi2);
  close(r.p, ref.p, 1e-8);
}

describe('suest test of equal slopes (Grunfeld: inv on value and capital, firm + year FE, by firm size)', () => {
  it('clusters by firm (each cluster in one group: no covariance between the groups)', () =>
    check('two_cluster_firm', suestTest(data(firm), 'value', size, clustered)));
  it('clusters by year (shared by both groups: the covariance enters the test)', () => {
    const r = suestTest(data(year), 'value', size, clustered);
    check('two_cluster_year', r);
    // the covariance matters: the naive difference of independent variances gives another statistic
    const naive = (r.groups[1].estimate - r.groups[0].estimate) ** 2 / (r.groups[0].se ** 2 + r.groups[1].se ** 2);
    expect(Math.abs(naive - r.chi2)).toBeGreaterThan(1e-3);
  });
  it('without a cluster column: heteroskedasticity-robust, M = N', () =>
    check('two_robust', suestTest(data(), 'value', size, { se: 'hc1', preset: 'stata' })));
  it('preset none: no small-sample factor (CR0)', () =>
    check('two_cluster_year_cr0', suestTest(data(year), 'value', size, clustered, 'none')));
  it('three groups: joint χ² with 2 df', () =>
    check('three_cluster_year', suestTest(data(year), 'value', three, clustered)));
  it('the group slopes equal the per-group fixed-effects estimates', () => {
    const h = heterogeneity(data(firm), 'value', size, clustered, undefined, { preset: 'stata' });
    h.groups.forEach((g, i) => close(h.suest!.groups[i].estimate, g.coefficient.estimate));
    close(h.suest!.chi2, fx.two_cluster_firm.chi2);
  });
  it('a single group is refused with a bilingual message', () => {
    expect(() =>
      suestTest(
        data(firm),
        'value',
        firm.map(() => 'all'),
        clustered,
      ),
    ).toThrow(/single group/);
  });
});

describe('suest from a model file ("by" with "suest")', () => {
  const base = {
    type: 'fe',
    y: 'inv',
    x: ['value'],
    controls: ['capital'],
    unit: 'firm',
    time: 'year',
    cluster: 'time',
    by: 'size',
  } as const;
  it('runs the test with the model, adds it to the results and to the interpretation sentence', async () => {
    const { checkEstimateModel } = await import('../../src/core/estimate/model.ts');
    const { runEstimate } = await import('../../src/core/estimate/run.ts');
    const { grunfeldPanel } = await import('./grunfeld.ts');
    const m = checkEstimateModel({ ...base, suest: true });
    expect(m.suest).toBe('stata');
    const r = runEstimate(grunfeldPanel({ size }), [m]).models[0];
    if (r.type !== 'fe' || !r.heterogeneity?.suest) throw new Error('no suest');
    close(r.heterogeneity.suest.chi2, fx.two_cluster_year.chi2);
    expect(r.interpretation.en).toMatch(/suest.*χ²\(1\)/);
    expect(r.interpretation.zh).toMatch(/似无相关/);
    expect(checkEstimateModel({ ...base, suest: 'none' }).suest).toBe('none');
    expect(checkEstimateModel({ ...base }).suest).toBeUndefined();
  });
  it('"suest" without "by" is a bilingual error naming the field', async () => {
    const { checkEstimateModel } = await import('../../src/core/estimate/model.ts');
    const { by: _by, ...noBy } = base;
    expect(() => checkEstimateModel({ ...noBy, suest: true })).toThrow(/by/);
    try {
      checkEstimateModel({ ...noBy, suest: true });
    } catch (e) {
      const p = (e as { problems: Array<{ column?: string; message: { zh: string; en: string } }> }).problems[0];
      expect(p.column).toMatch(/suest/);
      expect(p.message.zh).toMatch(/分组/);
    }
  });
});

describe('suest on degenerate data', () => {
  it('exact fits in every group: no variance, χ² and p are NaN rather than an error', () => {
    const y = value.map((v, i) => 2 * v + 0.5 * capital[i]);
    const r = suestTest({ y, x: { value, capital }, fe: { firm, year }, cluster: firm }, 'value', size, clustered);
    expect(Number.isNaN(r.chi2)).toBe(true);
    expect(Number.isNaN(r.p)).toBe(true);
    r.groups.forEach((g) => close(g.estimate, 2));
  });
});
