/** Heterogeneity by group against R (test/reference/estimate/heterogeneity_reference.R). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { heterogeneity } from '../../src/core/estimate/heterogeneity.ts';
import { capital, firm, inv, value, year, grunfeldPanel } from './grunfeld.ts';

const fx = JSON.parse(
  readFileSync(new URL('../reference/estimate/fixtures/heterogeneity.json', import.meta.url), 'utf8'),
);
const close = (a: number, b: number, rel = 1e-9) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.abs(b));

describe('heterogeneity by group', () => {
  const size = firm.map((f) => (f <= 5 ? 'large' : 'small'));
  const r = heterogeneity({ y: inv, x: { value, capital }, fe: { firm, year }, cluster: firm }, 'value', size, {
    se: 'cluster',
    preset: 'lsdv',
  });
  it('estimates the model in each group as R does', () => {
    expect(r.groups.map((g) => g.group)).toEqual(fx.groups);
    r.groups.forEach((g, i) => {
      close(g.coefficient.estimate, fx.estimate[i]);
      close(g.coefficient.se, fx.se[i]);
      expect(g.n).toBe(fx.n[i]);
    });
  });
  it('tests equal slopes in the interaction form: difference, F and p as R', () => {
    close(r.interaction.differences['value×small'].estimate, fx.diff);
    close(r.interaction.F, fx.F);
    close(r.interaction.p, fx.p, 1e-8);
    expect([r.interaction.df1, r.interaction.df2]).toEqual([1, 9]);
  });
  it('one group is refused', () => {
    expect(() =>
      heterogeneity(
        { y: inv, x: { value }, fe: { firm, year }, cluster: firm },
        'value',
        firm.map(() => 'all'),
        {
          se: 'cluster',
          preset: 'lsdv',
        },
      ),
    ).toThrow(/single group/);
  });
});

describe('heterogeneity from a model file ("by")', () => {
  it('attaches the per-group estimates and the test to the fe results', async () => {
    const { checkEstimateModel } = await import('../../src/core/estimate/model.ts');
    const { runEstimate } = await import('../../src/core/estimate/run.ts');
    const m = checkEstimateModel({
      type: 'fe',
      y: 'inv',
      x: ['value'],
      controls: ['capital'],
      unit: 'firm',
      time: 'year',
      cluster: 'unit',
      se: 'lsdv',
      by: 'size',
    });
    const panel = grunfeldPanel({ size: firm.map((f) => (f <= 5 ? 'large' : 'small')) });
    const r = runEstimate(panel, [m]).models[0];
    if (r.type !== 'fe' || !('heterogeneity' in r) || !r.heterogeneity) throw new Error('no heterogeneity');
    close(r.heterogeneity.interaction.F, fx.F);
  });
});

describe("Fisher's permutation test of the difference (bdiff)", () => {
  const size = firm.map((f) => (f <= 5 ? 'large' : 'small'));
  const opts = { se: 'cluster' as const, preset: 'lsdv' as const };
  it('is reproducible with its seed and agrees with the F test where there is no difference', () => {
    const data = { y: inv, x: { value, capital }, fe: { firm, year }, cluster: firm };
    const a = heterogeneity(data, 'value', size, opts, { draws: 200, seed: 1 });
    const b = heterogeneity(data, 'value', size, opts, { draws: 200, seed: 1 });
    expect(a.permutation).toEqual(b.permutation);
    expect(a.permutation!.p).toBeGreaterThan(0.2);
    expect(a.permutation!.difference).toBeCloseTo(fx.estimate[1] - fx.estimate[0], 12);
  });
  it('finds a difference built into the data', () => {
    // the small firms' inv responds three times as strongly to value
    const y = inv.map((v, i) => (firm[i] > 5 ? v + 2 * 0.1 * value[i] : v));
    const r = heterogeneity({ y, x: { value, capital }, fe: { firm, year }, cluster: firm }, 'value', size, opts, {
      draws: 200,
      seed: 2,
    });
    expect(r.permutation!.p).toBeLessThan(0.05);
  });
});
