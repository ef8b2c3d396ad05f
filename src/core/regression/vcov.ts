/**
 * Standard errors of a fixed-effects regression and the small-sample
 * conventions that make software disagree, as named presets.
 *
 *   V_iid     = s² (X̃ᵀX̃)⁻¹, s² = ẽᵀẽ / (N − K_all)                  (= LSDV)
 *   V_hc1     = N/(N − K_all) · (X̃ᵀX̃)⁻¹ Σ_i ẽ_i² x̃_i x̃_iᵀ (X̃ᵀX̃)⁻¹     (= LSDV HC1)
 *   V_cluster = c · (X̃ᵀX̃)⁻¹ Σ_g (X̃_gᵀẽ_g)(X̃_gᵀẽ_g)ᵀ (X̃ᵀX̃)⁻¹
 *     c = G/(G−1) · (N−1)/(N−K), K by preset:
 *       stata — Stata `xtreg, fe vce(cluster)`, `reghdfe`, R fixest's default:
 *               K = slopes + the absorbed df of the fixed effects not nested
 *               in the clusters (the constant counted once); t with G−1 df
 *       plm   — R plm `vcovHC(type = "sss")`: K = slopes
 *       lsdv  — Stata `areg`, LSDV `regress, vce(cluster)`, sandwich `vcovCL`
 *               on the dummy regression: K = slopes + every absorbed df
 *       none  — c = 1 (CR0, plm `type = "HC0"`)
 *       plm-hc1 — R plm `vcovHC(type = "HC1", cluster = "group")`: c = N/(N − K),
 *               K = slopes (no G/(G−1))
 *   K_all = slopes + absorbed df (constant included); iid and HC1 use t with N − K_all df.
 *
 * @example clusterFactor('stata', { n: 200, slopes: 1, absorbedAll: 29, absorbedNonNested: 20, clusters: 10 }) // 10/9 · 199/179
 */
export const SE_PRESETS = ['stata', 'plm', 'lsdv', 'none', 'plm-hc1'] as const;
export type SePreset = (typeof SE_PRESETS)[number];
export const SE_TYPES = ['iid', 'hc1', 'cluster'] as const;
export type SeType = (typeof SE_TYPES)[number];

export interface DfCounts {
  n: number;
  slopes: number;
  /** Absorbed degrees of freedom of all fixed effects, the constant included. */
  absorbedAll: number;
  /** Absorbed degrees of freedom of the effects not nested in the clusters (at least 1: the constant). */
  absorbedNonNested: number;
  clusters: number;
}

/** Small-sample factor c of the cluster-robust variance under a preset. */
export function clusterFactor(preset: SePreset, d: DfCounts): number {
  if (preset === 'none') return 1;
  if (preset === 'plm-hc1') return d.n / (d.n - d.slopes);
  const K =
    preset === 'stata' ? d.slopes + d.absorbedNonNested : preset === 'plm' ? d.slopes : d.slopes + d.absorbedAll;
  return (d.clusters / (d.clusters - 1)) * ((d.n - 1) / (d.n - K));
}

/** Sandwich (X̃ᵀX̃)⁻¹ M (X̃ᵀX̃)⁻¹ with M = Σ_g s_g s_gᵀ, s_g = Σ_{i∈g} x̃_i ẽ_i (one group per row when groups is null). */
export function sandwich(
  bread: number[][],
  X: ReadonlyArray<ArrayLike<number>>,
  e: ArrayLike<number>,
  groups: Int32Array | null,
  nGroups: number,
): number[][] {
  const K = bread.length;
  const G = groups ? nGroups : e.length;
  const s = new Float64Array(G * K);
  for (let i = 0; i < e.length; i++) {
    const g = groups ? groups[i] : i;
    for (let j = 0; j < K; j++) s[g * K + j] += X[i][j] * e[i];
  }
  const meat = Array.from({ length: K }, () => new Float64Array(K));
  for (let g = 0; g < G; g++) {
    for (let a = 0; a < K; a++) {
      const sa = s[g * K + a];
      if (sa === 0) continue;
      for (let b = 0; b < K; b++) meat[a][b] += sa * s[g * K + b];
    }
  }
  const mul = (A: ArrayLike<number>[], B: ArrayLike<number>[]) =>
    A.map((row) =>
      Array.from({ length: K }, (_, j) => {
        let t = 0;
        for (let k = 0; k < K; k++) t += row[k] * B[k][j];
        return t;
      }),
    );
  return mul(mul(bread, meat), bread);
}
