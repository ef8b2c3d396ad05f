/**
 * Linear regression by least squares (Householder QR by columns, qr.ts) with
 * classical standard errors — the fitting step that src/core/estimate/ (fixed
 * effects, IV, threshold) and the TFP estimators build on; cluster-robust
 * variances and their small-sample presets live in src/core/estimate/vcov.ts.
 *
 *   β̂ = (XᵀX)⁻¹ Xᵀy via X = QR;  e = y − Xβ̂;  N rows, K columns
 *   V = s² (XᵀX)⁻¹,  s² = eᵀe / (N − K);  t-test df N − K
 *   R² = 1 − eᵀe / Σ(y − ȳ)² with an intercept, 1 − eᵀe / Σy² without.
 *
 * @example ols([[1, 1], [1, 2], [1, 3], [1, 4]], [1, 3, 2, 5]).coefficients[1].estimate // 1.1
 */
import { Matrix, inverse } from 'ml-matrix';
import { ColumnQr } from './qr.ts';
import { float64Of } from '../stats/gather.ts';
import { XinzhiError } from '../errors.ts';
import { tTwoSidedP } from '../stats/distributions.ts';

export interface OlsOptions {
  /** Column names (for messages and output). */
  names?: string[];
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
  // by columns: a firm panel's tens of thousands of rows are walked column by column
  const columns = Array.from({ length: K }, (_, j) => float64Of(N, (i) => X[i][j]));
  const qr = new ColumnQr(columns);
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
  const b = qr.solve(y);
  const Rinv = inverse(new Matrix(qr.upperTriangular()));
  const bread = Rinv.mmul(Rinv.transpose()); // (XᵀX)⁻¹ = R⁻¹R⁻ᵀ
  const fitted = new Float64Array(N);
  const resid = new Float64Array(N);
  let ssr = 0;
  for (let i = 0; i < N; i++) {
    let f = 0;
    for (let j = 0; j < K; j++) f += X[i][j] * b[j];
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
  const V = bread.clone().mul(ssr / (N - K));
  const df = N - K;
  const coefficients = names.map((name, j) => {
    const est = b[j];
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
    rSquared: 1 - ssr / sst,
    ssr,
  };
}
