/**
 * Global Moran's I (Moran 1950; Cliff & Ord 1981) with the moments of spdep's
 * `moran.test` and the permutation test of `moran.mc`.
 *
 *   z_i = x_i − x̄,  I = (n / S0) · Σ_i Σ_j w_ij z_i z_j / Σ_i z_i²
 *   S0 = Σ_ij w_ij,  S1 = ½ Σ_ij (w_ij + w_ji)²,  S2 = Σ_i (w_i· + w_·i)²
 *   E[I] = −1 / (n − 1)
 *   normality:     Var = (n² S1 − n S2 + 3 S0²) / (S0² (n² − 1)) − E[I]²
 *   randomisation: Var = [n((n² − 3n + 3) S1 − n S2 + 3 S0²)
 *                          − K((n² − n) S1 − 2n S2 + 6 S0²)] / ((n−1)(n−2)(n−3) S0²) − E[I]²
 *                  K = N Σ z⁴ / (Σ z²)²  (sample kurtosis, N = all units)
 *   z = (I − E[I]) / √Var
 *
 * Isolated units (zero rows), spdep `zero.policy = TRUE, adjust.n = TRUE`:
 * they stay in x̄, Σz² and K, but n in I, E[I] and the variances is the number
 * of units with neighbours.
 *
 * p-values: `p` is spdep's default alternative "greater" (positive
 * autocorrelation), p = 1 − Φ(z); `pTwoSided` = 2(1 − Φ(|z|)).
 * Permutation test: pseudo p = (M + 1) / (R + 1), M = number of the R
 * permuted I ≥ the observed I (spdep `moran.mc`, alternative "greater").
 * All-equal values give Σz² = 0: I is undefined (NaN) with a warning.
 */
import seedrandom from 'seedrandom';
import { normalCdf, normalTwoSidedP } from '../stats/distributions.ts';
import { cardinalities, lag, type SpatialWeights } from './spatial-weights.ts';

/** The constants of the weights (spdep `spweights.constants`). */
export interface WeightsConstants {
  /** Number of units with neighbours when adjustN (spdep adjust.n = TRUE), else all units. */
  n: number;
  S0: number;
  S1: number;
  S2: number;
}

/** S0, S1, S2 and the effective n (spdep `spweights.constants`). */
export function weightsConstants(w: SpatialWeights, adjustN = true): WeightsConstants {
  const N = w.ids.length;
  const card = cardinalities(w);
  let n = N;
  if (adjustN) n = card.reduce((a, c) => a + (c > 0 ? 1 : 0), 0);
  let S0 = 0;
  const rowSum = new Float64Array(N);
  const colSum = new Float64Array(N);
  // Look up w_ji: a map per row from neighbour to weight.
  const rowMaps: Array<Map<number, number>> = [];
  for (let i = 0; i < N; i++) {
    const m = new Map<number, number>();
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) m.set(w.neighbours[k], w.weights[k]);
    rowMaps.push(m);
  }
  let S1 = 0;
  for (let i = 0; i < N; i++) {
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) {
      const j = w.neighbours[k];
      const wij = w.weights[k];
      S0 += wij;
      rowSum[i] += wij;
      colSum[j] += wij;
      const wji = rowMaps[j].get(i) ?? 0;
      // ½ Σ_ij (w_ij + w_ji)² = Σ_ij (w_ij² + w_ij w_ji)
      S1 += wij * wij + wij * wji;
    }
  }
  let S2 = 0;
  for (let i = 0; i < N; i++) S2 += (rowSum[i] + colSum[i]) ** 2;
  return { n, S0, S1, S2 };
}

export type Alternative = 'greater' | 'less' | 'two.sided';

export interface MoranResult {
  I: number;
  expected: number;
  /** Variance, z and p under randomisation (the default, as the contract). */
  variance: number;
  z: number;
  /** p for the alternative asked (default "greater", as spdep moran.test). */
  p: number;
  pTwoSided: number;
  /** Under normality. */
  varianceNormal: number;
  zNormal: number;
  pNormal: number;
  pNormalTwoSided: number;
  alternative: Alternative;
  /** Number of units used (with adjustN: units with neighbours). */
  n: number;
  /** Kurtosis K = N Σz⁴ / (Σz²)². */
  K: number;
  warnings: string[];
}

function pFor(z: number, alt: Alternative): number {
  if (alt === 'greater') return 1 - normalCdf(z);
  if (alt === 'less') return normalCdf(z);
  return normalTwoSidedP(z);
}

/** Centre a vector: z = x − x̄. */
function centre(x: ArrayLike<number>): Float64Array {
  const N = x.length;
  let m = 0;
  for (let i = 0; i < N; i++) m += x[i];
  m /= N;
  const z = new Float64Array(N);
  for (let i = 0; i < N; i++) z[i] = x[i] - m;
  return z;
}

/** I = (n/S0) Σ z_i (Wz)_i / Σ z² for centred z (spdep `moran`). */
export function moranStatistic(z: ArrayLike<number>, w: SpatialWeights, n: number, S0: number): number {
  const { offsets, neighbours, weights } = w;
  let num = 0;
  let zz = 0;
  for (let i = 0; i < z.length; i++) {
    let l = 0;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) l += weights[k] * z[neighbours[k]];
    num += z[i] * l;
    zz += z[i] * z[i];
  }
  return (n / S0) * (num / zz);
}

export interface MoranOptions {
  alternative?: Alternative;
  /** spdep adjust.n (default true): n counts only units with neighbours. */
  adjustN?: boolean;
}

/** Global Moran's I with moments under normality and randomisation (spdep `moran.test`). */
export function moran(x: ArrayLike<number>, w: SpatialWeights, opts: MoranOptions = {}): MoranResult {
  const alt = opts.alternative ?? 'greater';
  if (x.length !== w.ids.length) throw new Error(`moran: ${x.length} values for ${w.ids.length} units`);
  const warnings: string[] = [];
  const { n, S0, S1, S2 } = weightsConstants(w, opts.adjustN ?? true);
  const z = centre(x);
  const N = z.length;
  let zz = 0;
  let z4 = 0;
  for (let i = 0; i < N; i++) { zz += z[i] * z[i]; z4 += z[i] ** 4; }
  const K = (N * z4) / (zz * zz);
  if (!(zz > 0)) warnings.push('all values are equal: Moran\'s I is undefined (NaN) / 所有取值相同，Moran 指数无定义');
  if (!(S0 > 0)) warnings.push('no unit has a neighbour: Moran\'s I is undefined (NaN) / 没有单位有邻居，Moran 指数无定义');
  const I = zz > 0 && S0 > 0 ? moranStatistic(z, w, n, S0) : NaN;
  const EI = -1 / (n - 1);
  const S02 = S0 * S0;
  const nn = n * n;
  const varN = (nn * S1 - n * S2 + 3 * S02) / (S02 * (nn - 1)) - EI * EI;
  const a = n * (S1 * (nn - 3 * n + 3) - n * S2 + 3 * S02);
  const b = K * (S1 * (nn - n) - 2 * n * S2 + 6 * S02);
  if (b > a) warnings.push('kurtosis overflow in the randomisation variance (spdep warns the same) / 随机化方差的峰度项过大');
  const varR = (a - b) / ((n - 1) * (n - 2) * (n - 3) * S02) - EI * EI;
  const zR = (I - EI) / Math.sqrt(varR);
  const zN = (I - EI) / Math.sqrt(varN);
  return {
    I, expected: EI,
    variance: varR, z: zR, p: pFor(zR, alt), pTwoSided: normalTwoSidedP(zR),
    varianceNormal: varN, zNormal: zN, pNormal: pFor(zN, alt), pNormalTwoSided: normalTwoSidedP(zN),
    alternative: alt, n, K, warnings,
  };
}

export interface PermutationOptions {
  permutations: number;
  seed: string | number;
  alternative?: Alternative;
  adjustN?: boolean;
}

export interface PermutationResult {
  I: number;
  permutations: number;
  /** Pseudo p-value for the alternative: greater (M+1)/(R+1) with M = #{I_r ≥ I}; less with #{I_r ≤ I}; two-sided 2·min of both (capped at 1). */
  p: number;
  /** Mean and variance (R − 1 denominator) of the permuted I. */
  mean: number;
  variance: number;
  /** (I − mean) / sd of the permutation distribution. */
  z: number;
  /** The permuted statistics, for histograms. */
  distribution: Float64Array;
}

/** A seeded uniform generator in [0, 1) (seedrandom's ARC4). */
export function rng(seed: string | number): () => number {
  return seedrandom(String(seed));
}

/** Fisher–Yates shuffle in place. */
export function shuffle(a: Float64Array, rand: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = a[i]; a[i] = a[j]; a[j] = t;
  }
}

/**
 * Permutation test of Moran's I (spdep `moran.mc`): the values are randomly
 * permuted over the units R times; I is recomputed with the same n and S0.
 */
export function moranPermutation(x: ArrayLike<number>, w: SpatialWeights, opts: PermutationOptions): PermutationResult {
  const R = opts.permutations;
  const rand = rng(opts.seed);
  const { n, S0 } = weightsConstants(w, opts.adjustN ?? true);
  const z = centre(x);
  const I = moranStatistic(z, w, n, S0);
  const dist = new Float64Array(R);
  const perm = Float64Array.from(z);
  for (let r = 0; r < R; r++) {
    shuffle(perm, rand);
    dist[r] = moranStatistic(perm, w, n, S0);
  }
  let ge = 0, le = 0, s = 0;
  for (let r = 0; r < R; r++) {
    if (dist[r] >= I) ge++;
    if (dist[r] <= I) le++;
    s += dist[r];
  }
  const mean = s / R;
  let ss = 0;
  for (let r = 0; r < R; r++) ss += (dist[r] - mean) ** 2;
  const variance = ss / (R - 1);
  const alt = opts.alternative ?? 'greater';
  const pg = (ge + 1) / (R + 1);
  const pl = (le + 1) / (R + 1);
  const p = alt === 'greater' ? pg : alt === 'less' ? pl : Math.min(1, 2 * Math.min(pg, pl));
  return { I, permutations: R, p, mean, variance, z: (I - mean) / Math.sqrt(variance), distribution: dist };
}

/** Moran scatter plot data: standardised values z_i = (x_i − x̄)/s (s with n − 1) and their spatial lag Wz. */
export interface MoranScatter {
  ids: string[];
  z: Float64Array;
  lag: Float64Array;
  /** Slope of the lag on z = I for row-standardised W without isolates. */
  slope: number;
}

/** Data of the Moran scatter plot (Anselin 1996). */
export function moranScatter(x: ArrayLike<number>, w: SpatialWeights): MoranScatter {
  const c = centre(x);
  let ss = 0;
  for (let i = 0; i < c.length; i++) ss += c[i] * c[i];
  const sdv = Math.sqrt(ss / (c.length - 1));
  const z = c.map((v) => v / sdv);
  const lz = lag(w, z);
  let num = 0;
  let den = 0;
  for (let i = 0; i < z.length; i++) { num += z[i] * lz[i]; den += z[i] * z[i]; }
  return { ids: w.ids.slice(), z, lag: lz, slope: num / den };
}
