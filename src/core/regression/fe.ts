/**
 * Panel regression with absorbed fixed effects (one-way, two-way or any
 * number, e.g. firm, year, industry×year), as Stata `reghdfe` and R fixest
 * `feols(y ~ x | fe1 + fe2)` estimate it:
 *
 *   ỹ, X̃ = the variables demeaned by every fixed effect (absorb.ts);
 *   β̂ = (X̃ᵀX̃)⁻¹ X̃ᵀỹ (QR), within R² = 1 − ẽᵀẽ / ỹᵀỹ;
 *   singletons dropped first (reported); standard errors in vcov.ts.
 * Without fixed effects the constant is absorbed (pooled OLS with intercept).
 *
 * @example estimateFe({ y, x: { capital }, fe: [firm, year], cluster: firm }, { se: 'cluster', preset: 'stata' })
 */
import { ols } from './ols.ts';
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { tTwoSidedP } from '../stats/distributions.ts';
import { absorb, absorbedDf, dropSingletons, type Factor, factorOf, nestedIn, subsetFactor } from './absorb.ts';
import { clusterFactor, type SePreset, type SeType, sandwich } from './vcov.ts';
import { gather } from '../stats/gather.ts';

export interface FeData {
  y: ArrayLike<number>;
  /** Regressors by term name (slopes), in output order. */
  x: Record<string, ArrayLike<number>>;
  /** Fixed effects to absorb, by name (values compared as strings). */
  fe: Record<string, ArrayLike<string | number>>;
  /** Cluster ids (required for se = "cluster"). */
  cluster?: ArrayLike<string | number>;
  /** A second cluster dimension: two-way clustering (Cameron, Gelbach & Miller 2011). */
  cluster2?: ArrayLike<string | number>;
}

export interface FeOptions {
  se: SeType;
  preset: SePreset;
  /** Drop singleton observations first (default true, as reghdfe). */
  dropSingletons?: boolean;
  /**
   * Without fixed effects only: one of the regressors is the caller's column of
   * ones, so the constant is estimated (and reported) rather than absorbed —
   * plain OLS, K counting the constant among the slopes; R² centred.
   */
  interceptColumn?: boolean;
}

export interface CoefficientRow {
  estimate: number;
  se: number;
  t: number;
  p: number;
}

export interface FeResult {
  type: 'fe';
  coefficients: Record<string, CoefficientRow>;
  n: number;
  /** Observations dropped as singletons. */
  singletons: number;
  fe: string[];
  clusters: number | null;
  /** Degrees of freedom of the t tests. */
  df: number;
  r2Within: number;
  /** Absorbed degrees of freedom, the constant included. */
  absorbedDf: number;
  /** Small-sample factor applied to the variance (1 for iid). */
  smallSample: number;
  vcov: number[][];
  options: { se: SeType; preset: SePreset; dropSingletons: boolean };
  iterations: number;
}

export function estimateFe(data: FeData, opts: FeOptions): FeResult {
  const n0 = data.y.length;
  const terms = Object.keys(data.x);
  const feNames = Object.keys(data.fe);
  if (opts.se === 'cluster' && !data.cluster) {
    throw new XinzhiError({
      code: 'estimate-no-cluster',
      severity: 'error',
      message: bi('se 为 cluster，但没有给出聚类变量', 'se is "cluster" but no cluster variable is given'),
      fix: bi(
        '在模型中给出 "cluster"（如 "unit"），或改用 "se": "iid" / "hc1"',
        'give "cluster" in the model (e.g. "unit"), or use "se": "iid" / "hc1"',
      ),
    });
  }
  const allFes: Factor[] = feNames.map((k) => factorOf(data.fe[k]));
  const drop = opts.dropSingletons ?? true;
  const rows = drop ? dropSingletons(allFes, n0) : Int32Array.from({ length: n0 }, (_, i) => i);
  const n = rows.length;
  // absorb() copies its columns: with every row kept they go in as they are
  const pick = (col: ArrayLike<number>) => (n === n0 ? col : gather(col, rows));
  const ownConstant = !feNames.length && opts.interceptColumn === true;
  const fes = feNames.length
    ? allFes.map((f) => subsetFactor(f, rows))
    : ownConstant
      ? []
      : [factorOf(new Array(n).fill(0))];
  const cluster = data.cluster ? factorOf(n === n0 ? data.cluster : Array.from(rows, (r) => data.cluster![r])) : null;

  const { columns, iterations, converged } = absorb([pick(data.y), ...terms.map((t) => pick(data.x[t]))], fes);
  if (!converged) {
    throw new XinzhiError({
      code: 'estimate-not-converged',
      severity: 'error',
      message: bi(
        '吸收固定效应的交替投影未收敛',
        'absorbing the fixed effects did not converge (alternating projections)',
      ),
      fix: bi(
        '检查固定效应是否近乎完全共线，或减少固定效应',
        'check for nearly collinear fixed effects, or absorb fewer of them',
      ),
    });
  }
  const [yt, ...xt] = columns;
  const X = Array.from({ length: n }, (_, i) => xt.map((c) => c[i]));
  const fit = ols(X, yt, { names: terms, intercept: false });
  const K = terms.length;
  const absorbed = ownConstant ? 0 : absorbedDf(fes);
  const dfAll = n - K - absorbed;
  if (dfAll <= 0) {
    throw new XinzhiError({
      code: 'too-few-observations',
      severity: 'error',
      message: bi(
        `观测数 ${n} 不足以估计 ${K} 个系数和 ${absorbed} 个固定效应自由度`,
        `${n} observations for ${K} slopes and ${absorbed} absorbed degrees of freedom`,
      ),
      fix: bi('增加观测，或减少固定效应和控制变量', 'add observations, or absorb fewer effects and drop controls'),
    });
  }
  // bread (X̃ᵀX̃)⁻¹ from the classical variance: V = s² (X̃ᵀX̃)⁻¹ with s² = ẽᵀẽ/(n − K)
  const s2ols = fit.ssr / (n - K);
  const bread = fit.vcov.map((row) => row.map((v) => v / s2ols));
  let V: number[][];
  let df: number;
  let factor: number;
  if (opts.se === 'iid') {
    factor = 1;
    V = bread.map((row) => row.map((v) => (v * fit.ssr) / dfAll));
    df = dfAll;
  } else if (opts.se === 'hc1') {
    factor = n / dfAll;
    V = sandwich(bread, X, fit.residuals, null, n).map((row) => row.map((v) => v * factor));
    df = dfAll;
  } else {
    const c = cluster!;
    if (c.levels < 2) {
      throw new XinzhiError({
        code: 'estimate-one-cluster',
        severity: 'error',
        message: bi(
          '只有一个聚类，无法计算聚类稳健标准误',
          'only one cluster: cluster-robust standard errors are not defined',
        ),
        fix: bi(
          '改用 "se": "hc1" 或 "iid"，或按更细的变量聚类',
          'use "se": "hc1" or "iid", or cluster by a finer variable',
        ),
      });
    }
    if (data.cluster2) {
      ({ V, df, factor } = twoWayCluster(opts.preset, bread, X, fit.residuals, rows, data.cluster!, data.cluster2, {
        n,
        slopes: K,
        absorbed,
        fes,
      }));
    } else {
      const nonNested = fes.filter((f) => !nestedIn(f, c));
      factor = clusterFactor(opts.preset, {
        n,
        slopes: K,
        absorbedAll: absorbed,
        absorbedNonNested: nonNested.length ? absorbedDf(nonNested) : ownConstant ? 0 : 1,
        clusters: c.levels,
      });
      V = sandwich(bread, X, fit.residuals, c.codes, c.levels).map((row) => row.map((v) => v * factor));
      df = c.levels - 1;
    }
  }
  const coefficients: Record<string, CoefficientRow> = {};
  terms.forEach((t, j) => {
    const estimate = fit.coefficients[j].estimate;
    const se = Math.sqrt(V[j][j]);
    const tt = estimate / se;
    coefficients[t] = { estimate, se, t: tt, p: tTwoSidedP(tt, df) };
  });
  let sst = 0;
  const ybar = ownConstant ? yt.reduce((a, v) => a + v, 0) / n : 0;
  for (let i = 0; i < n; i++) sst += (yt[i] - ybar) ** 2;
  return {
    type: 'fe',
    coefficients,
    n,
    singletons: n0 - n,
    fe: feNames,
    clusters: cluster ? cluster.levels : null,
    df,
    r2Within: 1 - fit.ssr / sst,
    absorbedDf: absorbed,
    smallSample: factor,
    vcov: V,
    options: { se: opts.se, preset: opts.preset, dropSingletons: drop },
    iterations,
  };
}

/**
 * Two-way clustered variance (Cameron, Gelbach & Miller 2011):
 *   V = a₁·V₁ + a₂·V₂ − a₁₂·V₁₂,
 * V₁, V₂ the CR0 sandwiches of each dimension, V₁₂ that of their
 * intersection. Small-sample factors by preset:
 *   stata — one factor G_min/(G_min − 1)·(N − 1)/(N − K), K = slopes + the
 *           absorbed df of effects nested in neither dimension (the constant
 *           counted once), t with G_min − 1 df: R fixest's default
 *           (`cluster.df = "min"`), as reghdfe;
 *   lsdv  — each term with its own G/(G − 1), times (N − 1)/(N − K_all):
 *           sandwich `vcovCL(type = "HC1", cadjust = TRUE)` on the dummy regression;
 *   none  — a = 1 (CR0);
 *   plm   — as lsdv with K = slopes;
 *   plm-hc1 — a = N/(N − K), K = slopes, for all three terms.
 * A negative variance (possible for the difference) gives a missing standard error.
 */
function twoWayCluster(
  preset: SePreset,
  bread: number[][],
  X: number[][],
  e: ArrayLike<number>,
  rows: Int32Array,
  c1raw: ArrayLike<string | number>,
  c2raw: ArrayLike<string | number>,
  d: { n: number; slopes: number; absorbed: number; fes: ReturnType<typeof factorOf>[] },
): { V: number[][]; df: number; factor: number } {
  const c1 = factorOf(Array.from(rows, (r) => String(c1raw[r])));
  const c2 = factorOf(Array.from(rows, (r) => String(c2raw[r])));
  const c12 = factorOf(Array.from(rows, (r) => `${String(c1raw[r])}\u0000${String(c2raw[r])}`));
  const gmin = Math.min(c1.levels, c2.levels);
  if (gmin < 2)
    throw new XinzhiError({
      code: 'estimate-one-cluster',
      severity: 'error',
      message: bi('某一聚类维度只有一个聚类', 'one of the cluster dimensions has a single cluster'),
      fix: bi('改用单向聚类或更细的聚类变量', 'cluster one way, or by finer variables'),
    });
  const V1 = sandwich(bread, X, e, c1.codes, c1.levels);
  const V2 = sandwich(bread, X, e, c2.codes, c2.levels);
  const V12 = sandwich(bread, X, e, c12.codes, c12.levels);
  const adj = (g: number) => g / (g - 1);
  let a1 = 1;
  let a2 = 1;
  let a12 = 1;
  let factor = 1;
  if (preset === 'stata') {
    const nonNested = d.fes.filter((f) => !nestedIn(f, c1) && !nestedIn(f, c2));
    const K = d.slopes + (nonNested.length ? absorbedDf(nonNested) : 1);
    factor = adj(gmin) * ((d.n - 1) / (d.n - K));
    a1 = a2 = a12 = factor;
  } else if (preset === 'plm-hc1') {
    factor = d.n / (d.n - d.slopes);
    a1 = a2 = a12 = factor;
  } else if (preset === 'lsdv' || preset === 'plm') {
    const K = preset === 'lsdv' ? d.slopes + d.absorbed : d.slopes;
    factor = (d.n - 1) / (d.n - K);
    a1 = factor * adj(c1.levels);
    a2 = factor * adj(c2.levels);
    a12 = factor * adj(c12.levels);
  }
  const V = V1.map((row, i) => row.map((v, j) => a1 * v + a2 * V2[i][j] - a12 * V12[i][j]));
  for (let i = 0; i < V.length; i++) if (!(V[i][i] >= 0)) V[i][i] = Number.NaN;
  return { V, df: gmin - 1, factor };
}
