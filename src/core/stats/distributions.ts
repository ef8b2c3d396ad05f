/**
 * Distribution functions used for p-values, from the stdlib-js project
 * (well tested against R and SciPy). The normal ones live in normal.ts (the
 * index build needs only those; the t, F and chi-square packages take a
 * tenth of a second to load) and are re-exported here.
 */
import { normalQuantile } from './normal.ts';
import tCdfImpl from '@stdlib/stats-base-dists-t-cdf';
import tQuantileImpl from '@stdlib/stats-base-dists-t-quantile';
import fCdfImpl from '@stdlib/stats-base-dists-f-cdf';
import chisqCdfImpl from '@stdlib/stats-base-dists-chisquare-cdf';

export { normalCdf, normalQuantile, normalTwoSidedP } from './normal.ts';

/** Student t CDF with df degrees of freedom. */
export function tCdf(x: number, df: number): number {
  return tCdfImpl(x, df);
}

/** Two-sided p-value of a t statistic. */
export function tTwoSidedP(x: number, df: number): number {
  return 2 * tCdf(-Math.abs(x), df);
}

/** Chi-square CDF with k degrees of freedom. */
export function chisqCdf(x: number, k: number): number {
  return chisqCdfImpl(x, k);
}

/** Student t quantile with df degrees of freedom, e.g. tQuantile(0.975, 10) ≈ 2.228139 (R: qt(0.975, 10)). */
export function tQuantile(p: number, df: number): number {
  return Number.isFinite(df) ? tQuantileImpl(p, df) : normalQuantile(p);
}

/** Upper tail of the F distribution with (d1, d2) degrees of freedom: P(F > x). */
export function fUpperP(x: number, d1: number, d2: number): number {
  return 1 - fCdfImpl(x, d1, d2);
}
