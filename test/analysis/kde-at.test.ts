/**
 * Kernel density at user-given points (kdeByTime option `at`, `analyze kde
 * --at`) against SciPy's gaussian_kde and a NumPy Epanechnikov sum
 * (test/reference/analysis/kde_at_reference.py), 1e-9 relative; bad points.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kdeByTime } from '../../src/core/analysis/kde.ts';
import { parseKdeAt } from '../../src/adapters/cli/analyze/kde.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/analysis/fixtures/kde_at.json', import.meta.url), 'utf8'));

describe('kde at given points', () => {
  for (const c of fx.cases) {
    it(c.kernel, () => {
      const r = kdeByTime(fx.values, fx.times, { kernel: c.kernel, at: fx.at });
      expect(r.at!.points).toEqual(fx.at);
      r.at!.values.forEach((row, t) =>
        row.forEach((v, p) => {
          const e = c.expected[t][p];
          expect(Math.abs(v - e), `${t} ${p}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e)));
        }),
      );
    });
  }
  it('no `at`, no field; bad points are errors', () => {
    expect(kdeByTime(fx.values, fx.times).at).toBeUndefined();
    expect(() => kdeByTime(fx.values, fx.times, { at: [] })).toThrow(/finite/);
    expect(parseKdeAt('0.1, 0.2')).toEqual([0.1, 0.2]);
    expect(() => parseKdeAt('0.1,,x')).toThrow(/--at/);
  });
});
