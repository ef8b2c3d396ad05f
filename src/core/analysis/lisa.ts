/**
 * Local Moran's I (LISA, Anselin 1995) as spdep `localmoran` (spdep ≥ 1.2
 * defaults: mlvar = TRUE, conditional = TRUE, alternative "two.sided"):
 *
 *   z_i = x_i − x̄,  m2 = Σ z² / n,  I_i = (z_i / m2) · Σ_j w_ij z_j
 *   W_i = Σ_j w_ij,  W_i2 = Σ_j w_ij²,  b2 = (Σ z⁴ / n) / m2²
 *   conditional (default; Sokal, Oden & Thomson 1998, randomisation given z_i):
 *     E[I_i]   = −z_i² W_i / ((n − 1) m2)
 *     Var[I_i] = (z_i / m2)² · n/(n − 2) · (W_i2 − W_i²/(n − 1)) · (m2 − z_i²/(n − 1))
 *   total randomisation (conditional = false; Anselin 1995):
 *     E[I_i]   = −W_i / (n − 1)
 *     Var[I_i] = W_i2 (n − b2)/(n − 1) + (W_i² − W_i2)(2 b2 − n)/((n − 1)(n − 2)) − E[I_i]²
 *   Z_i = (I_i − E[I_i]) / √Var[I_i],  p two-sided 2(1 − Φ(|Z_i|)).
 *
 * Conditional permutation (Anselin 1995; PySAL esda `Moran_Local`, GeoDa):
 * for each i, its value is held fixed and |N(i)| values drawn without
 * replacement from the other n − 1 units are put at its neighbours, R times;
 * folded pseudo p = (min(M, R − M) + 1) / (R + 1), M = #{I_i^(r) ≥ I_i}
 * (spdep `localmoran_perm` column "Pr(folded) Sim" and PySAL `p_sim`; spdep
 * draws with replacement, PySAL and we without).
 *
 * Clusters (quadrants of the Moran scatter plot, spdep's "pysal" quadrant):
 * High when z_i > 0, Low otherwise; lag High when (Wz)_i > 0. A unit is
 * HH / LL / HL / LH (高-高 / 低-低 / 高-低 / 低-高) when p ≤ α, else "ns"
 * (not significant). Units without neighbours have Var = 0, Z and p NaN and
 * are "ns".
 */
import type { Bilingual } from '../i18n.ts';
import { lag, type SpatialWeights } from './spatial-weights.ts';
import { centre, pFor, pow2Scale, rng } from './moran.ts';

export type Cluster = 'HH' | 'LL' | 'HL' | 'LH' | 'ns';

export const CLUSTER_LABELS: Record<Cluster, Bilingual> = {
  HH: { zh: '高-高', en: 'High-High' },
  LL: { zh: '低-低', en: 'Low-Low' },
  HL: { zh: '高-低', en: 'High-Low' },
  LH: { zh: '低-高', en: 'Low-High' },
  ns: { zh: '不显著', en: 'Not significant' },
};

export interface LocalMoranOptions {
  conditional?: boolean;
  alternative?: 'two.sided' | 'greater' | 'less';
  /** Significance level for clusters (default 0.05). */
  alpha?: number;
  /** Conditional permutations (0 = none, the default). */
  permutations?: number;
  seed?: string | number;
}

export interface LocalMoranResult {
  ids: string[];
  Ii: Float64Array;
  expected: Float64Array;
  variance: Float64Array;
  z: Float64Array;
  /** Analytical p-value for the alternative. */
  p: Float64Array;
  /** Folded pseudo p of the conditional permutation test (when permutations > 0). */
  pSim?: Float64Array;
  /** Centred value z_i and its spatial lag (Wz)_i. */
  centred: Float64Array;
  lagCentred: Float64Array;
  quadrant: Array<'HH' | 'LL' | 'HL' | 'LH'>;
  /** Cluster at α, using pSim when permutations were run, else p. */
  cluster: Cluster[];
  alpha: number;
  warnings: string[];
}

/** Local Moran's I with spdep `localmoran` moments, clusters and optional conditional permutations. */
export function localMoran(x: ArrayLike<number>, w: SpatialWeights, opts: LocalMoranOptions = {}): LocalMoranResult {
  const n = x.length;
  if (n !== w.ids.length) throw new Error(`localMoran: ${n} values for ${w.ids.length} units`);
  const conditional = opts.conditional ?? true;
  const alt = opts.alternative ?? 'two.sided';
  const alpha = opts.alpha ?? 0.05;
  const warnings: string[] = [];
  const centred = centre(x);
  // local Moran and its moments do not depend on scale: computed on centred / 2^k (exact) so squares cannot overflow
  const scale = pow2Scale(centred);
  const z = scale === 1 ? centred : centred.map((v) => v / scale);
  const lz = lag(w, z);
  let zz = 0,
    z4 = 0;
  for (let i = 0; i < n; i++) {
    zz += z[i] * z[i];
    z4 += z[i] ** 4;
  }
  const m2 = zz / n;
  if (!(m2 > 0))
    warnings.push('all values are equal: local Moran is undefined (NaN) / 所有取值相同，局部 Moran 指数无定义');
  else if (n < 3)
    warnings.push(
      `fewer than three units (n = ${n}): the variances of local Moran divide by n − 2, so z and p are absent / 单位少于 3 个（n = ${n}），局部 Moran 的方差无定义，不给出 z 与 p`,
    );
  const b2 = z4 / n / (m2 * m2);
  const Ii = new Float64Array(n),
    E = new Float64Array(n),
    V = new Float64Array(n),
    Z = new Float64Array(n),
    P = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let Wi = 0,
      Wi2 = 0;
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) {
      Wi += w.weights[k];
      Wi2 += w.weights[k] ** 2;
    }
    Ii[i] = (z[i] / m2) * lz[i];
    if (conditional) {
      E[i] = -(z[i] ** 2 * Wi) / ((n - 1) * m2);
      V[i] = (z[i] / m2) ** 2 * (n / (n - 2)) * (Wi2 - (Wi * Wi) / (n - 1)) * (m2 - z[i] ** 2 / (n - 1));
    } else {
      E[i] = -Wi / (n - 1);
      const A = (n - b2) / (n - 1);
      const B = (2 * b2 - n) / ((n - 1) * (n - 2));
      V[i] = A * Wi2 + B * (Wi * Wi - Wi2) - E[i] ** 2;
    }
    Z[i] = (Ii[i] - E[i]) / Math.sqrt(V[i]);
    P[i] = pFor(Z[i], alt);
  }
  const quadrant = Array.from(
    z,
    (zi, i) => ((zi > 0 ? 'H' : 'L') + (lz[i] > 0 ? 'H' : 'L')) as 'HH' | 'LL' | 'HL' | 'LH',
  );
  let pSim: Float64Array | undefined;
  if (opts.permutations && opts.permutations > 0) {
    pSim = conditionalPermutation(z, w, Ii, m2, opts.permutations, opts.seed ?? 1);
  }
  const pUse = pSim ?? P;
  const cluster = quadrant.map((q, i) => (pUse[i] <= alpha ? q : 'ns') as Cluster);
  return {
    ids: w.ids.slice(),
    Ii,
    expected: E,
    variance: V,
    z: Z,
    p: P,
    pSim,
    centred,
    lagCentred: lz,
    quadrant,
    cluster,
    alpha,
    warnings,
  };
}

/**
 * Folded pseudo p-values of the conditional permutation test: for unit i,
 * R draws of |N(i)| values without replacement from z without z_i.
 */
export function conditionalPermutation(
  z: Float64Array,
  w: SpatialWeights,
  Ii: Float64Array,
  m2: number,
  R: number,
  seed: string | number,
): Float64Array {
  const n = z.length;
  const rand = rng(seed);
  const out = new Float64Array(n).fill(NaN);
  const pool = new Float64Array(n - 1);
  for (let i = 0; i < n; i++) {
    const start = w.offsets[i];
    const k = w.offsets[i + 1] - start;
    if (k === 0) continue;
    // Pool of the other units' values.
    for (let j = 0, p = 0; j < n; j++) if (j !== i) pool[p++] = z[j];
    let M = 0;
    for (let r = 0; r < R; r++) {
      // Partial Fisher–Yates: the first k positions become a draw without replacement.
      let s = 0;
      for (let a = 0; a < k; a++) {
        const b = a + Math.floor(rand() * (n - 1 - a));
        const t = pool[a];
        pool[a] = pool[b];
        pool[b] = t;
        s += w.weights[start + a] * pool[a];
      }
      const Ir = (z[i] / m2) * s;
      if (Ir >= Ii[i]) M++;
    }
    const folded = Math.min(M, R - M);
    out[i] = (folded + 1) / (R + 1);
  }
  return out;
}
