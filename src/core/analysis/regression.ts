/**
 * Linear regression by least squares (QR decomposition, ml-matrix) with
 * classical or cluster-robust standard errors, and the two-way within
 * (fixed-effects) transformation of a panel.
 *
 *   β̂ = (XᵀX)⁻¹ Xᵀy via X = QR;  e = y − Xβ̂;  N rows, K columns
 *   classical:  V = s² (XᵀX)⁻¹,  s² = eᵀe / (N − K);  t-test df N − K
 *   clustered:  V = c · (XᵀX)⁻¹ [Σ_g X_gᵀ e_g e_gᵀ X_g] (XᵀX)⁻¹, G clusters
 *     c = G/(G−1) · (N−1)/(N−K)  "CR1" — Stata `regress, vce(cluster)`,
 *         statsmodels `cov_type="cluster"` (defaults), plm `vcovHC(type="sss")`
 *     c = N/(N−K)                "HC1" — plm `vcovHC(type="HC1", cluster="group")`
 *     c = 1                      "CR0" — plm type "HC0"
 *     t-test df G − 1 (Stata; statsmodels with use_t=True).
 *   R² = 1 − eᵀe / Σ(y − ȳ)² with an intercept, 1 − eᵀe / Σy² without
 *   (for within-transformed data the demeaned y has mean 0: plm's within R²).
 *
 * For a within model, K counts the slope coefficients only (the absorbed
 * effects are not counted), as plm and statsmodels on demeaned data do;
 * Stata's `xtreg, fe` / `reghdfe` count differently (see docs).
 */
import { Matrix, QrDecomposition, inverse } from 'ml-matrix';
import { XinzhiError } from '../errors.ts';
import { tTwoSidedP } from '../stats/distributions.ts';

export type SmallSample = 'CR1' | 'HC1' | 'CR0';

export interface OlsOptions {
  /** Column names (for messages and output). */
  names?: string[];
  /** Cluster id per row; omit for classical standard errors. */
  cluster?: ArrayLike<string | number>;
  smallSample?: SmallSample;
  /** The data have an intercept column (affects R²). Default: detected (a column of ones). */
  intercept?: boolean;
}

export interface Coefficient {
  name: string;
  estimate: number;
  se: number;
  t: number;
  p: number;
}

export interface OlsResult {
  coefficients: Coefficient[];
  vcov: number[][];
  residuals: Float64Array;
  fitted: Float64Array;
  n: number;
  k: number;
  /** Degrees of freedom of the t tests. */
  df: number;
  clusters: number | null;
  smallSample: SmallSample | null;
  rSquared: number;
  ssr: number;
}

/** Ordinary least squares with classical or clustered standard errors. */
export function ols(X: ReadonlyArray<ArrayLike<number>>, y: ArrayLike<number>, opts: OlsOptions = {}): OlsResult {
  const N = y.length;
  const K = X[0]?.length ?? 0;
  const names = opts.names ?? Array.from({ length: K }, (_, j) => `x${j}`);
  if (N <= K) {
    throw new XinzhiError({
      code: 'too-few-observations',
      severity: 'error',
      message: {
        zh: `观测数 ${N} 不多于参数个数 ${K}，无法回归`,
        en: `${N} observations for ${K} coefficients: cannot estimate`,
      },
      fix: { zh: '增加观测或减少控制变量', en: 'add observations or drop control variables' },
    });
  }
  const Xm = new Matrix(X.map((r) => Array.from(r)));
  const ym = Matrix.columnVector(Array.from(y));
  const qr = new QrDecomposition(Xm);
  if (!qr.isFullRank()) {
    throw new XinzhiError({
      code: 'collinear',
      severity: 'error',
      message: {
        zh: `解释变量完全共线（${names.join(', ')}）`,
        en: `the regressors are perfectly collinear (${names.join(', ')})`,
      },
      fix: {
        zh: '删除重复或不随时间 / 单位变化的控制变量',
        en: 'drop duplicated controls or controls absorbed by the fixed effects',
      },
    });
  }
  const beta = qr.solve(ym);
  const Rinv = inverse(qr.upperTriangularMatrix);
  const bread = Rinv.mmul(Rinv.transpose()); // (XᵀX)⁻¹ = R⁻¹R⁻ᵀ
  const fitted = new Float64Array(N);
  const resid = new Float64Array(N);
  let ssr = 0;
  for (let i = 0; i < N; i++) {
    let f = 0;
    for (let j = 0; j < K; j++) f += X[i][j] * beta.get(j, 0);
    fitted[i] = f;
    resid[i] = y[i] - f;
    ssr += resid[i] ** 2;
  }
  const hasIntercept = opts.intercept ?? Array.from({ length: K }, (_, j) => j).some((j) => X.every((r) => r[j] === 1));
  let ym0 = 0;
  if (hasIntercept) {
    for (let i = 0; i < N; i++) ym0 += y[i];
    ym0 /= N;
  }
  let sst = 0;
  for (let i = 0; i < N; i++) sst += (y[i] - ym0) ** 2;
  let V: Matrix;
  let df: number;
  let G: number | null = null;
  const small = opts.cluster ? (opts.smallSample ?? 'CR1') : null;
  if (opts.cluster) {
    const groups = new Map<string, number[]>();
    for (let i = 0; i < N; i++) {
      const g = String(opts.cluster[i]);
      const l = groups.get(g);
      if (l) l.push(i);
      else groups.set(g, [i]);
    }
    G = groups.size;
    const meat = Matrix.zeros(K, K);
    for (const rows of groups.values()) {
      const s = new Array<number>(K).fill(0);
      for (const i of rows) for (let j = 0; j < K; j++) s[j] += X[i][j] * resid[i];
      for (let a = 0; a < K; a++) for (let b = 0; b < K; b++) meat.set(a, b, meat.get(a, b) + s[a] * s[b]);
    }
    const c = small === 'CR1' ? (G / (G - 1)) * ((N - 1) / (N - K)) : small === 'HC1' ? N / (N - K) : 1;
    V = bread.mmul(meat).mmul(bread).mul(c);
    df = G - 1;
  } else {
    V = bread.clone().mul(ssr / (N - K));
    df = N - K;
  }
  const coefficients = names.map((name, j) => {
    const est = beta.get(j, 0);
    const se = Math.sqrt(V.get(j, j));
    const t = est / se;
    return { name, estimate: est, se, t, p: tTwoSidedP(t, df) };
  });
  return {
    coefficients,
    vcov: V.to2DArray(),
    residuals: resid,
    fitted,
    n: N,
    k: K,
    df,
    clusters: G,
    smallSample: small,
    rSquared: 1 - ssr / sst,
    ssr,
  };
}

/**
 * Two-way within transformation: remove unit and time means.
 * Balanced panel (every unit at every time, one row each):
 *   ẍ_it = x_it − x̄_i· − x̄_·t + x̄  (exact).
 * Unbalanced: alternating projections (demean by unit, then by time, repeat
 * until the largest change is below 1e-13 × scale, at most 10 000 sweeps),
 * which converges to the same residual as least squares with unit and time
 * dummies (Guimarães & Portugal 2010; Gaure 2013, R lfe).
 */
export function withinTwoWays(
  x: ArrayLike<number>,
  unit: ArrayLike<number>,
  time: ArrayLike<number>,
  nUnits: number,
  nTimes: number,
): Float64Array {
  const N = x.length;
  const cu = new Float64Array(nUnits);
  const ct = new Float64Array(nTimes);
  for (let r = 0; r < N; r++) {
    cu[unit[r]]++;
    ct[time[r]]++;
  }
  const balanced =
    N === nUnits * nTimes && Array.from(cu).every((c) => c === nTimes) && Array.from(ct).every((c) => c === nUnits);
  const out = Float64Array.from(x);
  const demean = (idx: ArrayLike<number>, count: Float64Array): number => {
    const s = new Float64Array(count.length);
    for (let r = 0; r < N; r++) s[idx[r]] += out[r];
    let change = 0;
    for (let r = 0; r < N; r++) {
      const m = s[idx[r]] / count[idx[r]];
      out[r] -= m;
      change = Math.max(change, Math.abs(m));
    }
    return change;
  };
  if (balanced) {
    let total = 0;
    for (let r = 0; r < N; r++) total += x[r];
    const mu = new Float64Array(nUnits);
    const mt = new Float64Array(nTimes);
    for (let r = 0; r < N; r++) {
      mu[unit[r]] += x[r];
      mt[time[r]] += x[r];
    }
    for (let r = 0; r < N; r++) out[r] = x[r] - mu[unit[r]] / nTimes - mt[time[r]] / nUnits + total / N;
    return out;
  }
  let scale = 0;
  for (let r = 0; r < N; r++) scale = Math.max(scale, Math.abs(x[r]));
  for (let sweep = 0; sweep < 10000; sweep++) {
    const a = demean(unit, cu);
    const b = demean(time, ct);
    if (Math.max(a, b) <= 1e-13 * (scale || 1)) break;
  }
  return out;
}
