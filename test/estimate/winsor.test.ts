/** Winsorising with Stata's percentile definition against R quantile(type = 2) (test/reference/estimate/winsor_reference.R). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stataPercentile, winsorize } from '../../src/core/estimate/winsor.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/estimate/fixtures/winsor.json', import.meta.url), 'utf8'));
const rows = readFileSync(new URL('../reference/estimate/grunfeld.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(',').map(Number));
const year = rows.map((r) => r[1]);
const inv = rows.map((r) => r[2]);
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));

describe('winsorising (Stata winsor2)', () => {
  for (const c of fx.cases as Array<{ p: number; cuts: number[]; values: number[]; byYear: number[] }>) {
    it(`cuts at ${c.p} and ${1 - c.p}, pooled and by year`, () => {
      const w = winsorize(inv, { lower: c.p, upper: 1 - c.p });
      close(w.cuts[''].lower, c.cuts[0]);
      close(w.cuts[''].upper, c.cuts[1]);
      Array.from(w.values).forEach((v, i) => close(v, c.values[i]));
      const b = winsorize(inv, { lower: c.p, upper: 1 - c.p, by: year });
      Array.from(b.values).forEach((v, i) => close(v, c.byYear[i]));
    });
  }
  it('differs from the type-7 percentile (why the definition is named)', () => {
    const sorted = [...inv].sort((a, b) => a - b);
    expect(Math.abs(stataPercentile(sorted, 0.99) - fx.type7cuts[1])).toBeGreaterThan(1e-6);
  });
  it('missing values stay missing; bad cuts are refused', () => {
    const w = winsorize([1, Number.NaN, 3, 100], { lower: 0.25, upper: 0.75 });
    expect(Number.isNaN(w.values[1])).toBe(true);
    expect(() => winsorize([1, 2], { lower: 0.9, upper: 0.1 })).toThrow(RangeError);
  });
});

describe('winsor in a model file', () => {
  it('estimates on the winsorised values R gives and reports what changed', async () => {
    const { checkEstimateModel } = await import('../../src/core/estimate/model.ts');
    const { runEstimate } = await import('../../src/core/estimate/run.ts');
    const { estimateFe } = await import('../../src/core/estimate/fe.ts');
    const firm = rows.map((r) => r[0]);
    const value = rows.map((r) => r[3]);
    const panel = {
      unitKey: 'firm',
      timeKey: 'year',
      unit: firm.map(String),
      time: year,
      columns: { inv: Float64Array.from(inv), value: Float64Array.from(value) },
    };
    const m = checkEstimateModel({
      type: 'fe',
      y: 'inv',
      x: ['value'],
      unit: 'firm',
      time: 'year',
      cluster: 'unit',
      winsor: { vars: ['inv'], p: [0.05, 0.95] },
    });
    const r = runEstimate(panel, [m]).models[0];
    const ref = estimateFe(
      { y: fx.cases[1].values, x: { value }, fe: { firm, year }, cluster: firm },
      { se: 'cluster', preset: 'stata' },
    );
    expect(r.coefficients.value.estimate).toBeCloseTo(ref.coefficients.value.estimate, 12);
    const changed = inv.filter((v, i) => v !== fx.cases[1].values[i]).length;
    expect(r.winsor!.vars.inv.low + r.winsor!.vars.inv.high).toBe(changed);
    expect(changed).toBeGreaterThan(0);
  });
});
