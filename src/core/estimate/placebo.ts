/**
 * Placebo test by random assignment (permutation inference for DID; Fisher
 * 1935; as used for pilot-policy DIDs, e.g. Li, Lu & Wang 2016): the treatment
 * is reassigned at random many times, the model re-estimated each time, and
 * the actual estimate compared with the placebo distribution:
 *   mean, SD (n − 1), quantiles (R type 7) of the placebo estimates, and
 *   share = #{|b*_d| ≥ |b̂|} / draws (two-sided; the permutation p-value
 *   without the +1 correction).
 * Draws come from a seeded generator (seedrandom), so a run is reproducible.
 *
 * The draws themselves are made by the caller (run-did.ts placeboDraws), all
 * of them before any estimate, so they can be estimated on several threads.
 *
 * @example placeboSummary(0.62, estimates, 1).share // the permutation p-value
 */
import { quantileSorted } from '../stats/descriptive.ts';

export interface PlaceboResult {
  draws: number;
  seed: number;
  /** The actual estimate the placebo estimates are compared with. */
  actual: number;
  mean: number;
  sd: number;
  /** Quantiles of the placebo estimates at 1, 2.5, 5, 50, 95, 97.5 and 99 %. */
  quantiles: Record<'q01' | 'q025' | 'q05' | 'q50' | 'q95' | 'q975' | 'q99', number>;
  /** Share of draws with |placebo| ≥ |actual|. */
  share: number;
  /** Every placebo estimate, in draw order. */
  estimates: number[];
}

/** Fisher–Yates shuffle of a copy, with the given generator. */
export function shuffle<T>(values: readonly T[], rng: () => number): T[] {
  const a = [...values];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** Summary of placebo estimates against the actual one. */
export function placeboSummary(actual: number, estimates: number[], seed: number): PlaceboResult {
  const n = estimates.length;
  const mean = estimates.reduce((s, v) => s + v, 0) / n;
  const sd = n > 1 ? Math.sqrt(estimates.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : Number.NaN;
  const sorted = Float64Array.from(estimates).sort();
  const q = (p: number) => quantileSorted(sorted, p);
  // a relative tolerance keeps draws equal to the actual estimate up to rounding among the extremes
  const bar = Math.abs(actual) * (1 - 1e-12);
  const share = estimates.filter((v) => Math.abs(v) >= bar).length / n;
  return {
    draws: n,
    seed,
    actual,
    mean,
    sd,
    quantiles: { q01: q(0.01), q025: q(0.025), q05: q(0.05), q50: q(0.5), q95: q(0.95), q975: q(0.975), q99: q(0.99) },
    share,
    estimates,
  };
}
