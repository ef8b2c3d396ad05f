/** Confidence intervals against R (qt and confint(lm): test/reference/estimate/confint_reference.R). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { confint } from '../../src/core/estimate/confint.ts';
import { estimateFe } from '../../src/core/estimate/fe.ts';
import { tQuantile } from '../../src/core/stats/distributions.ts';
import { capital, firm, inv, value, year } from './grunfeld.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/estimate/fixtures/confint.json', import.meta.url), 'utf8'));
const close = (a: number, b: number, rel = 1e-9) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.abs(b));

describe('confidence intervals, against R', () => {
  it('t quantiles equal qt()', () => {
    fx.qt.p.forEach((p: number, i: number) => {
      const q = tQuantile(p, fx.qt.df[i]);
      if (fx.qt.q[i] === 0) expect(Math.abs(q)).toBeLessThan(1e-12);
      else close(q, fx.qt.q[i]);
    });
    close(tQuantile(0.975, Number.POSITIVE_INFINITY), fx.qnorm975);
  });
  it('intervals of the two-way FE regression equal confint(lm) of the dummy regression', () => {
    const r = estimateFe(
      { y: inv, x: { value, capital }, fe: { firm, year }, cluster: firm },
      { se: 'iid', preset: 'stata' },
    );
    expect(r.df).toBe(fx.lsdv.df);
    fx.lsdv.terms.forEach((t: string, j: number) => {
      const [lo, hi] = confint(r.coefficients[t], r.df);
      close(lo, fx.lsdv.ci95_low[j]);
      close(hi, fx.lsdv.ci95_high[j]);
      const [lo90, hi90] = confint(r.coefficients[t], r.df, 0.9);
      close(lo90, fx.lsdv.ci90_low[j]);
      close(hi90, fx.lsdv.ci90_high[j]);
    });
  });
  it('a missing standard error gives a missing interval; a bad level is refused', () => {
    expect(confint({ estimate: 1, se: Number.NaN }, 10).every(Number.isNaN)).toBe(true);
    expect(() => confint({ estimate: 1, se: 1 }, 10, 1.5)).toThrow(/level/);
  });
});
