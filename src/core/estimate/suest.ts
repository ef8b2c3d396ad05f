/**
 * Seemingly unrelated estimation test of equal slopes across groups, as Stata's
 * `suest` after one regression per group (Weesie 1999, Stata Technical Bulletin
 * 52, sg121; Stata manual [R] suest): the groups' estimates are stacked and
 * given one joint sandwich variance from their score contributions, so the
 * covariance between groups that share clusters is kept.
 *
 *   In group g (its own fixed effects absorbed, singletons dropped as in the
 *   per-group fit): b_g = (X̃_gᵀX̃_g)⁻¹X̃_gᵀỹ_g, influence of observation i on the
 *   slope of the term φ_i = [(X̃_gᵀX̃_g)⁻¹ x̃_i]_term · ẽ_i (equal, by Frisch–Waugh,
 *   to that of the dummy-variable regression Stata users fit before suest);
 *   V_gh = c · Σ_clusters (Σ_{i∈c, g} φ_i)(Σ_{i∈c, h} φ_i), clusters from the
 *   model's cluster column (each observation its own cluster without one);
 *   H0: b_1 = b_2 = … = b_G,  W = (Rb)ᵀ(RVRᵀ)⁻¹(Rb) ~ χ²(G − 1), R the differences
 *   from the first group.
 * Small-sample factor c by preset:
 *   stata — c = M/(M − 1), M the clusters (observations) in the union of the
 *           groups' samples: suest's robust variance (the (N − 1)/(N − K) factor
 *           of `regress, vce(cluster)` is not applied);
 *   none  — c = 1 (CR0 / HC0).
 * A group fitted exactly (residuals below 1e-12 of ỹ in norm) adds no variance;
 * a zero or singular joint variance gives χ² = NaN (null in JSON).
 *
 * @example suestTest(data, 'value', size, { se: 'cluster', preset: 'stata' }).p
 */
import { inverse, Matrix, solve } from 'ml-matrix';
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { chisqCdf, normalTwoSidedP } from '../stats/distributions.ts';
import { absorb, dropSingletons, factorOf, subsetFactor } from './absorb.ts';
import type { FeData, FeOptions } from './fe.ts';
import { ols } from '../regression/ols.ts';
import { float64Of } from '../stats/gather.ts';

export const SUEST_PRESETS = ['stata', 'none'] as const;
export type SuestPreset = (typeof SUEST_PRESETS)[number];

export interface SuestResult {
  term: string;
  preset: SuestPreset;
  /** cluster: by the model's cluster column; robust: by observation. */
  vce: 'cluster' | 'robust';
  /** M: clusters (or observations) in the union of the groups' samples. */
  clusters: number;
  factor: number;
  /** Each group's slope with its standard error from the joint variance. */
  groups: Array<{ group: string; n: number; estimate: number; se: number }>;
  /** b_g − b_first with its standard error, z and normal p. */
  differences: Record<string, { estimate: number; se: number; z: number; p: number }>;
  chi2: number;
  df: number;
  p: number;
}

/** One group's slope of the term and each kept row's influence on it. */
function groupInfluence(
  data: FeData,
  term: string,
  rows: number[],
  drop: boolean,
): { estimate: number; rows: Int32Array; phi: Float64Array } {
  const feNames = Object.keys(data.fe);
  const all = Int32Array.from(rows);
  const fes0 = feNames.map((k) => factorOf(Array.from(all, (r) => data.fe[k][r])));
  const kept = drop && fes0.length ? dropSingletons(fes0, all.length) : Int32Array.from(all.keys());
  const fes = fes0.length ? fes0.map((f) => subsetFactor(f, kept)) : [factorOf(new Array(kept.length).fill(0))];
  const pick = (col: ArrayLike<number>) => float64Of(kept.length, (k) => col[all[kept[k]]]);
  const terms = Object.keys(data.x);
  const { columns } = absorb([pick(data.y), ...terms.map((t) => pick(data.x[t]))], fes);
  const [yt, ...xt] = columns;
  const n = kept.length;
  const X = Array.from({ length: n }, (_, i) => xt.map((c) => c[i]));
  const fit = ols(X, yt, { names: terms, intercept: false });
  const Xm = new Matrix(X);
  const j = terms.indexOf(term);
  const row = inverse(Xm.transpose().mmul(Xm)).getRow(j);
  // an exact fit (residuals at rounding level, below 1e-12 of ỹ in norm) has no residual variance
  let yy = 0;
  for (let i = 0; i < n; i++) yy += yt[i] * yt[i];
  const exact = fit.ssr <= 1e-24 * yy;
  const phi = Float64Array.from(X, (x, i) => (exact ? 0 : x.reduce((s, v, l) => s + v * row[l], 0) * fit.residuals[i]));
  return { estimate: fit.coefficients[j].estimate, rows: Int32Array.from(kept, (i) => all[i]), phi };
}

export function suestTest(
  data: FeData,
  term: string,
  group: ArrayLike<string>,
  opts: FeOptions,
  preset: SuestPreset = 'stata',
): SuestResult {
  const names = [...new Set(Array.from(group, String))].sort();
  if (names.length < 2)
    throw new XinzhiError({
      code: 'estimate-groups',
      severity: 'error',
      message: bi('分组变量只有一个组，无法比较', 'the group variable has a single group: nothing to compare'),
      fix: bi('选择至少有两个组的列', 'choose a column with at least two groups'),
    });
  const clustered = opts.se === 'cluster' && data.cluster !== undefined;
  const clusterOf = clustered ? factorOf(Array.from(data.cluster!, String)).codes : null;
  const fits = names.map((g) => {
    const rows: number[] = [];
    for (let i = 0; i < group.length; i++) if (String(group[i]) === g) rows.push(i);
    return groupInfluence(data, term, rows, opts.dropSingletons ?? true);
  });
  // influence sums by cluster, one column per group; clusters renumbered over the union of the samples
  const ids = new Map<number, number>();
  const sums: number[][] = [];
  fits.forEach((f, g) => {
    for (let k = 0; k < f.rows.length; k++) {
      const key = clusterOf ? clusterOf[f.rows[k]] : f.rows[k];
      let c = ids.get(key);
      if (c === undefined) {
        c = ids.size;
        ids.set(key, c);
        sums.push(new Array(names.length).fill(0));
      }
      sums[c][g] += f.phi[k];
    }
  });
  const M = ids.size;
  if (M < 2)
    throw new XinzhiError({
      code: 'estimate-one-cluster',
      severity: 'error',
      message: bi(
        '只有一个聚类，无法计算 suest 的联合方差',
        'only one cluster: the joint suest variance is not defined',
      ),
      fix: bi('按更细的变量聚类', 'cluster by a finer variable'),
    });
  const factor = preset === 'stata' ? M / (M - 1) : 1;
  const G = names.length;
  const V = Array.from({ length: G }, () => new Array<number>(G).fill(0));
  for (const s of sums) for (let a = 0; a < G; a++) for (let b = 0; b < G; b++) V[a][b] += factor * s[a] * s[b];
  const b = fits.map((f) => f.estimate);
  const d = b.slice(1).map((v) => v - b[0]);
  const RVR = d.map((_, a) => d.map((__, c) => V[a + 1][c + 1] - V[a + 1][0] - V[0][c + 1] + V[0][0]));
  // a zero joint variance (e.g. exact fits in every group) leaves the statistic undefined: NaN, not an error
  let chi2 = Number.NaN;
  try {
    const z = solve(new Matrix(RVR), Matrix.columnVector(d)).to1DArray();
    chi2 = d.reduce((acc, v, i) => acc + v * z[i], 0);
  } catch {
    chi2 = Number.NaN;
  }
  if (!Number.isFinite(chi2) || chi2 < 0) chi2 = Number.NaN;
  const df = G - 1;
  return {
    term,
    preset,
    vce: clustered ? 'cluster' : 'robust',
    clusters: M,
    factor,
    groups: names.map((g, k) => ({ group: g, n: fits[k].rows.length, estimate: b[k], se: Math.sqrt(V[k][k]) })),
    differences: Object.fromEntries(
      d.map((v, k) => {
        const se = Math.sqrt(RVR[k][k]);
        return [`${names[k + 1]} − ${names[0]}`, { estimate: v, se, z: v / se, p: normalTwoSidedP(v / se) }];
      }),
    ),
    chi2,
    df,
    p: 1 - chisqCdf(chi2, df),
  };
}
