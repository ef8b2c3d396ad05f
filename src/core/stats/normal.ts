/**
 * The standard normal distribution, from the stdlib-js project (tested
 * against R and SciPy); distributions.ts re-exports these with the t, F and
 * chi-square functions.
 */
import normalCdfImpl from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantileImpl from '@stdlib/stats-base-dists-normal-quantile';

/** Standard normal CDF Φ(z). */
export function normalCdf(z: number): number {
  return normalCdfImpl(z, 0, 1);
}

/** Standard normal quantile Φ⁻¹(p), e.g. normalQuantile(0.975) ≈ 1.959964. */
export function normalQuantile(p: number): number {
  return normalQuantileImpl(p, 0, 1);
}

/** Two-sided p-value of a standard normal statistic: 2(1 − Φ(|z|)). */
export function normalTwoSidedP(z: number): number {
  return 2 * normalCdf(-Math.abs(z));
}
