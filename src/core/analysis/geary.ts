/**
 * Geary's C (Geary 1954, The Incorporated Statistician 5: 115–145; Cliff &
 * Ord 1981) with the moments of R spdep's `geary.test`.
 *
 *   z_i = x_i − x̄,  C = (n − 1) Σ_i Σ_j w_ij (x_i − x_j)² / (2 S0 Σ_i z_i²),  E[C] = 1
 *   normality:     Var = ((2 S1 + S2)(n − 1) − 4 S0²) / (2 (n + 1) S0²)
 *   randomisation: Var = [(n−1) S1 (n² − 3N + 3 − K(n−1))
 *                         − ¼ (n−1) S2 (n² + 3N − 6 − K(n² − N + 2))
 *                         + S0² (n² − 3 − K(n−1)²)] / (N (n−2)(n−3) S0²)
 *                  K = n Σz⁴ / (Σz²)²
 *   z = (E[C] − C) / √Var  (positive for positive autocorrelation, C < 1)
 *
 * S0, S1, S2 as in moran.ts. n is the number of units with neighbours
 * (spdep adjust.n = TRUE) and N the number of all units; spdep mixes the two
 * in the randomisation variance exactly as written above, and so does this
 * function (with no isolated unit, n = N). `p` is for the alternative asked
 * (spdep default "greater": positive autocorrelation), p = 1 − Φ(z).
 * All-equal values (Σz² = 0) or no links give C = NaN with a warning.
 */
import { centre, momentWarnings, pFor, scaledToUnit, weightsConstants, type Alternative } from './moran.ts';
import type { SpatialWeights } from './spatial-weights.ts';

export interface GearyResult {
  C: number;
  expected: number;
  /** Variance, z and p under randomisation (spdep's default). */
  variance: number;
  z: number;
  p: number;
  varianceNormal: number;
  zNormal: number;
  pNormal: number;
  alternative: Alternative;
  n: number;
  K: number;
  warnings: string[];
}

/**
 * Global Geary's C with its tests under randomisation and normality (spdep `geary.test`).
 * @example geary([1, 2, 3, 4], rookWeightsOfALine).C
 */
export function geary(
  x: ArrayLike<number>,
  w: SpatialWeights,
  opts: { alternative?: Alternative; adjustN?: boolean } = {},
): GearyResult {
  const alternative = opts.alternative ?? 'greater';
  const N = w.ids.length;
  if (x.length !== N) throw new Error(`geary: ${x.length} values for ${N} units`);
  const { n, S0, S1, S2 } = weightsConstants(w, opts.adjustN ?? true);
  // C and its moments do not depend on scale: centred values / 2^k (exact), so squares cannot overflow
  const zs = scaledToUnit(centre(x));
  let zz = 0;
  let z4 = 0;
  for (let i = 0; i < N; i++) {
    zz += zs[i] * zs[i];
    z4 += zs[i] ** 4;
  }
  let cross = 0;
  for (let i = 0; i < N; i++) {
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) cross += w.weights[k] * (zs[i] - zs[w.neighbours[k]]) ** 2;
  }
  const warnings: string[] = [];
  if (!(zz > 0)) warnings.push("all values are equal: Geary's C is undefined (NaN) / 所有取值相同，Geary C 无定义");
  if (!(S0 > 0))
    warnings.push("no unit has a neighbour: Geary's C is undefined (NaN) / 没有单位有邻居，Geary C 无定义");
  const C = zz > 0 && S0 > 0 ? ((n - 1) * cross) / (2 * S0 * zz) : NaN;
  const K = (n * z4) / (zz * zz);
  const S02 = S0 * S0;
  const nn = n * n;
  const n1 = n - 1;
  let variance = n1 * S1 * (nn - 3 * N + 3 - K * n1);
  variance -= 0.25 * n1 * S2 * (nn + 3 * N - 6 - K * (nn - N + 2));
  variance += S02 * (nn - 3 - K * n1 * n1);
  variance /= N * (n - 2) * (n - 3) * S02;
  const varianceNormal = ((2 * S1 + S2) * n1 - 4 * S02) / (2 * (N + 1) * S02);
  warnings.push(...momentWarnings("Geary's C", n, variance, C));
  const z = (1 - C) / Math.sqrt(variance);
  const zNormal = (1 - C) / Math.sqrt(varianceNormal);
  return {
    C,
    expected: 1,
    variance,
    z,
    p: pFor(z, alternative),
    varianceNormal,
    zNormal,
    pNormal: pFor(zNormal, alternative),
    alternative,
    n,
    K,
    warnings,
  };
}
