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
 * The permutations are Fisher–Yates shuffles driven by xoshiro128**
 * (Blackman & Vigna 2018) seeded through seedrandom: reproducible for a seed,
 * but not the draws of R's generator.
 * All-equal values give Σz² = 0: I is undefined (NaN) with a warning.
 */
import seedrandom from 'seedrandom';
import { pow2Scale } from '../stats/descriptive.ts';
import { normalCdf, normalTwoSidedP } from '../stats/distributions.ts';

export { pow2Scale } from '../stats/descriptive.ts';
import { lag, type SpatialWeights } from './spatial-weights.ts';

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
  const { offsets, neighbours, weights } = w;
  let withNeighbours = 0;
  for (let i = 0; i < N; i++) if (offsets[i + 1] > offsets[i]) withNeighbours++;
  const n = adjustN ? withNeighbours : N;
  const nnz = offsets[N];
  // Column view (transpose, by counting sort): for column i, the rows j with a
  // link j → i and w_ji, rows ascending and in row order, so a later duplicate wins.
  const colStart = new Int32Array(N + 1);
  for (let k = 0; k < nnz; k++) colStart[neighbours[k] + 1]++;
  for (let i = 0; i < N; i++) colStart[i + 1] += colStart[i];
  const fill = colStart.slice(0, N);
  const colRow = new Int32Array(nnz);
  const colW = new Float64Array(nnz);
  for (let j = 0; j < N; j++) {
    for (let k = offsets[j]; k < offsets[j + 1]; k++) {
      const p = fill[neighbours[k]]++;
      colRow[p] = j;
      colW[p] = weights[k];
    }
  }
  let S0 = 0;
  let S1 = 0;
  const rowSum = new Float64Array(N);
  const colSum = new Float64Array(N);
  // back[j] = w_ji while row i is visited (0 when j → i is not a link).
  const back = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    for (let p = colStart[i]; p < colStart[i + 1]; p++) back[colRow[p]] = colW[p];
    let ri = 0;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      const j = neighbours[k];
      const wij = weights[k];
      S0 += wij;
      ri += wij;
      colSum[j] += wij;
      // ½ Σ_ij (w_ij + w_ji)² = Σ_ij (w_ij² + w_ij w_ji)
      S1 += wij * wij + wij * back[j];
    }
    rowSum[i] = ri;
    for (let p = colStart[i]; p < colStart[i + 1]; p++) back[colRow[p]] = 0;
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

/** Normal p-value of z for the alternative (shared with local Moran). */
export function pFor(z: number, alt: Alternative): number {
  if (alt === 'greater') return 1 - normalCdf(z);
  if (alt === 'less') return normalCdf(z);
  return normalTwoSidedP(z);
}

/** Centre a vector: z = x − x̄. */
export function centre(x: ArrayLike<number>): Float64Array {
  const N = x.length;
  // summed in units of a power of two near max |x|: exact scaling (same bits for ordinary data), no overflow near 1e308
  const s = pow2Scale(x);
  let m = 0;
  for (let i = 0; i < N; i++) m += x[i] / s;
  m = (m / N) * s;
  const z = new Float64Array(N);
  for (let i = 0; i < N; i++) z[i] = x[i] - m;
  return z;
}

/** x / pow2Scale(x) (a new array). */
export function scaledToUnit(x: Float64Array): Float64Array {
  const s = pow2Scale(x);
  return s === 1 ? x : x.map((v) => v / s);
}

/**
 * Warnings for moments that a degenerate layout cannot support, so a missing z
 * or p is always explained: fewer than four units with neighbours (the
 * randomisation variance divides by (n − 2)(n − 3)), or a variance that is not
 * positive (e.g. every unit neighbours every other, so the statistic does not
 * vary under permutation).
 */
export function momentWarnings(stat: string, n: number, variance: number, statistic: number): string[] {
  if (!Number.isFinite(statistic)) return [];
  if (n < 4)
    return [
      `${stat}: fewer than four units with neighbours (n = ${n}): the randomisation variance is undefined, so z and p are absent / 有邻居的单位少于 4 个（n = ${n}），随机化方差无定义，不给出 z 与 p`,
    ];
  if (!(variance > 0))
    return [
      `${stat}: the variance under randomisation is not positive (${variance}), e.g. every unit neighbours every other; z and p are absent / 随机化方差不为正（${variance}），例如每个单位都与其他所有单位相邻，不给出 z 与 p`,
    ];
  return [];
}

/**
 * Σ_i z_i (Wz)_i over the CSR rows, each lag (Wz)_i summed in row order and
 * the products added for i = 0, 1, …, n − 1. Four rows are summed side by side
 * (independent chains, so the additions overlap); every sum keeps its order,
 * so the result is bit for bit that of the one-row-at-a-time loop.
 */
export function lagCross(z: Float64Array, offsets: Int32Array, neighbours: Int32Array, weights: Float64Array): number {
  const N = z.length;
  let num = 0;
  let i = 0;
  for (; i + 3 < N; i += 4) {
    let k0 = offsets[i],
      k1 = offsets[i + 1],
      k2 = offsets[i + 2],
      k3 = offsets[i + 3];
    const e0 = k1,
      e1 = k2,
      e2 = k3,
      e3 = offsets[i + 4];
    let l0 = 0,
      l1 = 0,
      l2 = 0,
      l3 = 0;
    for (let c = Math.min(e0 - k0, e1 - k1, e2 - k2, e3 - k3); c > 0; c--) {
      l0 += weights[k0] * z[neighbours[k0]];
      k0++;
      l1 += weights[k1] * z[neighbours[k1]];
      k1++;
      l2 += weights[k2] * z[neighbours[k2]];
      k2++;
      l3 += weights[k3] * z[neighbours[k3]];
      k3++;
    }
    for (; k0 < e0; k0++) l0 += weights[k0] * z[neighbours[k0]];
    for (; k1 < e1; k1++) l1 += weights[k1] * z[neighbours[k1]];
    for (; k2 < e2; k2++) l2 += weights[k2] * z[neighbours[k2]];
    for (; k3 < e3; k3++) l3 += weights[k3] * z[neighbours[k3]];
    num += z[i] * l0;
    num += z[i + 1] * l1;
    num += z[i + 2] * l2;
    num += z[i + 3] * l3;
  }
  for (; i < N; i++) {
    let l = 0;
    for (let k = offsets[i], e = offsets[i + 1]; k < e; k++) l += weights[k] * z[neighbours[k]];
    num += z[i] * l;
  }
  return num;
}

/** Σ z_i² in index order. */
function sumSquares(z: Float64Array): number {
  let zz = 0;
  for (let i = 0; i < z.length; i++) zz += z[i] * z[i];
  return zz;
}

/** I = (n/S0) Σ z_i (Wz)_i / Σ z² for centred z (spdep `moran`). */
export function moranStatistic(z: ArrayLike<number>, w: SpatialWeights, n: number, S0: number): number {
  const zf = z instanceof Float64Array ? z : Float64Array.from(z);
  return (n / S0) * (lagCross(zf, w.offsets, w.neighbours, w.weights) / sumSquares(zf));
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
  const z = scaledToUnit(centre(x));
  const N = z.length;
  let zz = 0;
  let z4 = 0;
  for (let i = 0; i < N; i++) {
    zz += z[i] * z[i];
    z4 += z[i] ** 4;
  }
  const K = (N * z4) / (zz * zz);
  if (!(zz > 0)) warnings.push("all values are equal: Moran's I is undefined (NaN) / 所有取值相同，Moran 指数无定义");
  if (!(S0 > 0))
    warnings.push("no unit has a neighbour: Moran's I is undefined (NaN) / 没有单位有邻居，Moran 指数无定义");
  const I = zz > 0 && S0 > 0 ? moranStatistic(z, w, n, S0) : NaN;
  const EI = -1 / (n - 1);
  const S02 = S0 * S0;
  const nn = n * n;
  const varN = (nn * S1 - n * S2 + 3 * S02) / (S02 * (nn - 1)) - EI * EI;
  const a = n * (S1 * (nn - 3 * n + 3) - n * S2 + 3 * S02);
  const b = K * (S1 * (nn - n) - 2 * n * S2 + 6 * S02);
  if (b > a)
    warnings.push('kurtosis overflow in the randomisation variance (spdep warns the same) / 随机化方差的峰度项过大');
  const varR = (a - b) / ((n - 1) * (n - 2) * (n - 3) * S02) - EI * EI;
  warnings.push(...momentWarnings("Moran's I", n, varR, I));
  const zR = (I - EI) / Math.sqrt(varR);
  const zN = (I - EI) / Math.sqrt(varN);
  return {
    I,
    expected: EI,
    variance: varR,
    z: zR,
    p: pFor(zR, alt),
    pTwoSided: normalTwoSidedP(zR),
    varianceNormal: varN,
    zNormal: zN,
    pNormal: pFor(zN, alt),
    pNormalTwoSided: normalTwoSidedP(zN),
    alternative: alt,
    n,
    K,
    warnings,
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

/**
 * State of the xoshiro128** generator (Blackman & Vigna 2018, "Scrambled
 * linear pseudorandom number generators"): four 32-bit words, set from the
 * seed by seedrandom's ARC4 (`seedrandom(String(seed)).int32()` four times),
 * so any string or number is a seed and the same seed gives the same draws on
 * every platform.
 */
export function rngState(seed: string | number): Int32Array {
  const arc4 = seedrandom(String(seed));
  const s = new Int32Array(4);
  for (let k = 0; k < 4; k++) s[k] = arc4.int32();
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1; // the all-zero state is a fixed point
  return s;
}

/**
 * One xoshiro128** step on the state: the next 32-bit output (unsigned).
 * result = rotl(s1 · 5, 7) · 9; t = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2;
 * s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11).
 */
export function xoshiro128ss(s: Int32Array): number {
  const s0 = s[0],
    s1 = s[1];
  let s2 = s[2],
    s3 = s[3];
  const m = Math.imul(s1, 5);
  const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
  const t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  s[1] = s1 ^ s2;
  s[0] = s0 ^ s3;
  s[2] = s2 ^ t;
  s[3] = (s3 << 11) | (s3 >>> 21);
  return result;
}

/**
 * A seeded uniform generator in [0, 1) with 53 random bits: two xoshiro128**
 * outputs a, b give ((a >>> 5) · 2²⁶ + (b >>> 6)) / 2⁵³ (the genrand_res53
 * construction of Mersenne Twister). State from {@link rngState}.
 */
export function rng(seed: string | number): () => number {
  const s = rngState(seed);
  return () => ((xoshiro128ss(s) >>> 5) * 67108864 + (xoshiro128ss(s) >>> 6)) / 9007199254740992;
}

/**
 * Fisher–Yates shuffle in place driven by the generator state `s`, drawing
 * exactly as {@link shuffle} with `rng`: j = ⌊u · (i + 1)⌋ for i = n − 1 … 1,
 * u the 53-bit uniform of {@link rng}. The generator is inlined (the state
 * lives in locals during the shuffle), the hot loop of the permutation tests.
 */
export function shuffleXoshiro(a: Float64Array, s: Int32Array): void {
  let s0 = s[0],
    s1 = s[1],
    s2 = s[2],
    s3 = s[3];
  for (let i = a.length - 1; i > 0; i--) {
    let m = Math.imul(s1, 5);
    const hi = Math.imul((m << 7) | (m >>> 25), 9) >>> 5;
    let t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    m = Math.imul(s1, 5);
    const lo = Math.imul((m << 7) | (m >>> 25), 9) >>> 6;
    t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    const j = Math.floor(((hi * 67108864 + lo) / 9007199254740992) * (i + 1));
    const v = a[i];
    a[i] = a[j];
    a[j] = v;
  }
  s[0] = s0;
  s[1] = s1;
  s[2] = s2;
  s[3] = s3;
}

/** Fisher–Yates shuffle in place. */
export function shuffle(a: Float64Array, rand: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

/**
 * Permutation test of Moran's I (spdep `moran.mc`): the values are randomly
 * permuted over the units R times; I is recomputed with the same n and S0.
 */
export function moranPermutation(x: ArrayLike<number>, w: SpatialWeights, opts: PermutationOptions): PermutationResult {
  const R = opts.permutations;
  const state = rngState(opts.seed);
  const { n, S0 } = weightsConstants(w, opts.adjustN ?? true);
  const z = scaledToUnit(centre(x));
  const I = moranStatistic(z, w, n, S0);
  const dist = new Float64Array(R);
  const perm = Float64Array.from(z);
  const { offsets, neighbours, weights } = w;
  const scale = n / S0;
  for (let r = 0; r < R; r++) {
    // Fisher–Yates in place (as `shuffle(perm, rng(seed))`), then I of the permuted values (as `moranStatistic`).
    shuffleXoshiro(perm, state);
    dist[r] = scale * (lagCross(perm, offsets, neighbours, weights) / sumSquares(perm));
  }
  let ge = 0,
    le = 0,
    s = 0;
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
  const centred = centre(x);
  const k = pow2Scale(centred);
  // standardised values do not depend on scale: the sum of squares is taken on centred / 2^k (exact)
  const c = k === 1 ? centred : centred.map((v) => v / k);
  let ss = 0;
  for (let i = 0; i < c.length; i++) ss += c[i] * c[i];
  const sdv = Math.sqrt(ss / (c.length - 1));
  const z = c.map((v) => v / sdv);
  const lz = lag(w, z);
  let num = 0;
  let den = 0;
  for (let i = 0; i < z.length; i++) {
    num += z[i] * lz[i];
    den += z[i] * z[i];
  }
  return { ids: w.ids.slice(), z, lag: lz, slope: num / den };
}
