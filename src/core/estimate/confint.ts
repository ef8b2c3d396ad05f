/**
 * Confidence interval of a coefficient: b ± t(1 − α/2, df) · se, with the
 * t quantile at the degrees of freedom of the model's tests (N − K − absorbed
 * for iid / HC1; G − 1 under the Stata and LSDV cluster presets) and the
 * normal quantile when df is infinite. Same as R's confint(lm) for iid errors
 * and lmtest::coefci(model, vcov., df) otherwise.
 *
 * @example confint({ estimate: 0.1177, se: 0.01375 }, 169) // [0.0906, 0.1449]
 */
import { tQuantile } from '../stats/distributions.ts';

export function confint(row: { estimate: number; se: number }, df: number, level = 0.95): [number, number] {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must lie in (0, 1), got ${level}`);
  if (!Number.isFinite(row.se) || !(df > 0)) return [Number.NaN, Number.NaN];
  const q = tQuantile(1 - (1 - level) / 2, df);
  return [row.estimate - q * row.se, row.estimate + q * row.se];
}
