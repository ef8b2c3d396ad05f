import { describe, expect, it } from 'vitest';
import { ols } from '../../src/core/regression/ols.ts';

describe('OLS', () => {
  it('exact fit on a known line; classical SE = 0', () => {
    const X = [
      [1, 0],
      [1, 1],
      [1, 2],
      [1, 3],
    ];
    const r = ols(X, [1, 3, 5, 7]);
    expect(r.coefficients[0].estimate).toBeCloseTo(1, 12);
    expect(r.coefficients[1].estimate).toBeCloseTo(2, 12);
    expect(r.rSquared).toBeCloseTo(1, 12);
  });
  it('textbook regression: y = (1, 3, 2, 5), x = (1, 2, 3, 4) → b = 1.1, a = 0, se(b) = sqrt(1.05/2/5)', () => {
    const r = ols(
      [
        [1, 1],
        [1, 2],
        [1, 3],
        [1, 4],
      ],
      [1, 3, 2, 5],
    );
    expect(r.coefficients[1].estimate).toBeCloseTo(1.1, 12);
    expect(r.coefficients[0].estimate).toBeCloseTo(0, 12);
    // SSR = 0.1² + 0.8² + 1.3² + 0.6² = 2.7 (residuals: −0.1, 0.8, −1.3, 0.6); s² = 1.35; Sxx = 5
    expect(r.ssr).toBeCloseTo(2.7, 12);
    expect(r.coefficients[1].se).toBeCloseTo(Math.sqrt(1.35 / 5), 12);
    expect(r.df).toBe(2);
  });
  it('collinear regressors and too few rows are errors', () => {
    expect(() =>
      ols(
        [
          [1, 2],
          [1, 2],
          [1, 2],
        ],
        [1, 2, 3],
      ),
    ).toThrow(/collinear/);
    expect(() => ols([[1, 2]], [1])).toThrow(/observations/);
  });
});
