/**
 * Skewness and kurtosis, with every common variant named.
 *
 * With n values, mean x̄ and central moments m_k = Σ(x−x̄)^k / n
 * (Joanes & Gill 1998, "Comparing measures of sample skewness and kurtosis",
 * The Statistician 47(1):183–189):
 *
 * Skewness
 * - `g1`  = m3 / m2^(3/2) — the moment coefficient ("Fisher–Pearson").
 *          scipy.stats.skew(bias=True) (default), R e1071::skewness(type=1), moments::skewness.
 * - `G1`  = g1 · √(n(n−1)) / (n−2) — the adjusted Fisher–Pearson coefficient.
 *          scipy.stats.skew(bias=False), e1071 type=2, Excel SKEW, SAS, SPSS
 *          (Stata's `summarize` reports g1). **COINr's `skew()` is G1.**
 * - `b1`  = m3 / s³ with s the sample SD (n−1) = g1 · ((n−1)/n)^(3/2).
 *          e1071 type=3 (its default), MINITAB, BMDP.
 *
 * Kurtosis (β2 = m4 / m2², "raw" or Pearson kurtosis, 3 for a normal)
 * - `beta2` = m4 / m2² — raw kurtosis. scipy.stats.kurtosis(fisher=False, bias=True), moments::kurtosis, Stata.
 * - `g2`    = m4 / m2² − 3 — excess kurtosis. scipy.stats.kurtosis(bias=True) (default), e1071 type=1.
 * - `G2`    = ((n+1)·g2 + 6)·(n−1) / ((n−2)(n−3)) — adjusted excess kurtosis.
 *            scipy.stats.kurtosis(bias=False), e1071 type=2, Excel KURT, SAS, SPSS.
 *            **COINr's `kurt()` is G2** (excess, so the COINr threshold 3.5 is on the excess scale).
 * - `b2`    = m4 / s⁴ − 3 = (g2 + 3)(1 − 1/n)² − 3. e1071 type=3 (its default), MINITAB.
 *
 * NaN values are not skipped (the caller removes them). Degenerate inputs:
 * G1 needs n ≥ 3 and G2 n ≥ 4 (NaN below that, where COINr stops with an
 * error); a constant vector gives NaN (0/0) for every variant.
 */
import { mean } from './descriptive.ts';

export type SkewnessVariant = 'g1' | 'G1' | 'b1';
export type KurtosisVariant = 'beta2' | 'g2' | 'G2' | 'b2';

/** Central moments m2, m3, m4 (divisor n), computed about the mean. */
export function centralMoments(x: ArrayLike<number>): { n: number; m2: number; m3: number; m4: number } {
  const n = x.length;
  const xbar = mean(x);
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - xbar;
    const d2 = d * d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }
  return { n, m2: s2 / n, m3: s3 / n, m4: s4 / n };
}

/** Sample skewness of the chosen variant (default G1, as Excel, SPSS and COINr). */
export function skewness(x: ArrayLike<number>, variant: SkewnessVariant = 'G1'): number {
  const { n, m2, m3 } = centralMoments(x);
  if (n < 3 || m2 === 0) return NaN;
  const g1 = m3 / Math.pow(m2, 1.5);
  switch (variant) {
    case 'g1':
      return g1;
    case 'G1':
      return (g1 * Math.sqrt(n * (n - 1))) / (n - 2);
    case 'b1':
      return g1 * Math.pow((n - 1) / n, 1.5);
  }
}

/** Sample kurtosis of the chosen variant (default G2, excess, as Excel, SPSS and COINr). */
export function kurtosis(x: ArrayLike<number>, variant: KurtosisVariant = 'G2'): number {
  const { n, m2, m4 } = centralMoments(x);
  if (n < 4 || m2 === 0) return NaN;
  const beta2 = m4 / (m2 * m2);
  const g2 = beta2 - 3;
  switch (variant) {
    case 'beta2':
      return beta2;
    case 'g2':
      return g2;
    case 'G2':
      return (((n + 1) * g2 + 6) * (n - 1)) / ((n - 2) * (n - 3));
    case 'b2':
      return beta2 * Math.pow(1 - 1 / n, 2) - 3;
  }
}

/**
 * COINr's skewness: `COINr::skew()` = e1071 type 2 = G1
 * (COINr R/treat.R: y ← √n Σd³ / (Σd²)^(3/2) · √(n(n−1)) / (n−2)).
 */
export function coinrSkew(x: ArrayLike<number>): number {
  return skewness(x, 'G1');
}

/**
 * COINr's kurtosis: `COINr::kurt()` = e1071 type 2 = G2 (excess)
 * (COINr R/treat.R: r ← n Σd⁴ / (Σd²)²; y ← ((n+1)(r−3)+6)(n−1)/((n−2)(n−3))).
 */
export function coinrKurt(x: ArrayLike<number>): number {
  return kurtosis(x, 'G2');
}
