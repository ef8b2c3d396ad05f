/**
 * Two-stage least squares with absorbed fixed effects (as Stata `ivreghdfe`
 * / fixest `feols(y ~ exog | fe | endog ~ instruments)` estimate it):
 *   every variable demeaned by the fixed effects (absorb.ts);
 *   first stage  X̃_endog = Z̃Π + W̃Γ + v  (Z excluded instruments, W exogenous controls);
 *   second stage β̂ = (X̂ᵀX̂)⁻¹X̂ᵀỹ with X̂ = [fitted endogenous, W̃];
 *   residuals ẽ = ỹ − [X̃_endog, W̃]β̂ (the actual regressors, not the fitted ones).
 * Variance: the estimator's sandwich with bread (X̂ᵀX̂)⁻¹ and the presets of vcov.ts
 * (iid: s² = ẽᵀẽ/(N − K_all)). First-stage strength per endogenous variable:
 * F = Π̂ᵀV̂_Π⁻¹Π̂ / q with V̂ the first stage's variance under the model's
 * standard errors — the usual F with iid errors, and with clustered errors
 * the cluster-robust Wald F, which for one endogenous variable is the
 * Kleibergen–Paap rk Wald F (up to the stated small-sample factor).
 *
 * @example estimateIv({ y, endog: { value }, exog: {}, instruments: { capital }, fe: { firm, year }, cluster: firm }, { se: 'iid', preset: 'stata' })
 */
import { ols } from '../regression/ols.ts';
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { tTwoSidedP } from '../stats/distributions.ts';
import { Matrix, inverse } from 'ml-matrix';
import { absorb, absorbedDf, factorOf, nestedIn } from './absorb.ts';
import type { CoefficientRow, FeOptions } from './fe.ts';
import { clusterFactor, sandwich } from './vcov.ts';

export interface IvData {
  y: ArrayLike<number>;
  endog: Record<string, ArrayLike<number>>;
  exog: Record<string, ArrayLike<number>>;
  instruments: Record<string, ArrayLike<number>>;
  fe: Record<string, ArrayLike<string | number>>;
  cluster?: ArrayLike<string | number>;
}

export interface IvResult {
  type: 'iv';
  coefficients: Record<string, CoefficientRow>;
  n: number;
  df: number;
  clusters: number | null;
  /** First-stage F of the excluded instruments, per endogenous variable. */
  firstStageF: Record<string, number>;
  firstStage: Record<string, Record<string, CoefficientRow>>;
  smallSample: number;
  vcov: number[][];
  fe: string[];
  options: { se: FeOptions['se']; preset: FeOptions['preset'] };
}

export function estimateIv(data: IvData, opts: FeOptions): IvResult {
  const endog = Object.keys(data.endog);
  const exog = Object.keys(data.exog);
  const inst = Object.keys(data.instruments);
  if (inst.length < endog.length || endog.length === 0) {
    throw new XinzhiError({
      code: 'iv-underidentified',
      severity: 'error',
      message: bi(
        `${endog.length} 个内生变量只有 ${inst.length} 个工具变量：不可识别`,
        `${endog.length} endogenous variables and ${inst.length} instruments: not identified`,
      ),
      fix: bi('每个内生变量至少需要一个工具变量', 'give at least as many instruments as endogenous variables'),
    });
  }
  const n = data.y.length;
  const feNames = Object.keys(data.fe);
  const fes = feNames.length ? feNames.map((k) => factorOf(data.fe[k])) : [factorOf(new Array(n).fill(0))];
  const cols = [
    data.y,
    ...endog.map((k) => data.endog[k]),
    ...exog.map((k) => data.exog[k]),
    ...inst.map((k) => data.instruments[k]),
  ];
  const { columns } = absorb(cols, fes);
  const yt = columns[0];
  const E = columns.slice(1, 1 + endog.length);
  const W = columns.slice(1 + endog.length, 1 + endog.length + exog.length);
  const Z = columns.slice(1 + endog.length + exog.length);
  const rowsOf = (cs: Float64Array[]) => Array.from({ length: n }, (_, i) => cs.map((c) => c[i]));
  const cluster = data.cluster ? factorOf(Array.from(data.cluster, String)) : null;
  const absorbed = absorbedDf(fes);
  const nonNested = cluster ? fes.filter((f) => !nestedIn(f, cluster)) : fes;
  const variance = (bread: number[][], X: number[][], e: ArrayLike<number>, K: number) => {
    const dfAll = n - K - absorbed;
    if (opts.se === 'iid') {
      let ssr = 0;
      for (let i = 0; i < n; i++) ssr += e[i] * e[i];
      return { V: bread.map((r) => r.map((v) => (v * ssr) / dfAll)), df: dfAll, factor: 1 };
    }
    if (opts.se === 'hc1') {
      const f = n / dfAll;
      return { V: sandwich(bread, X, e, null, n).map((r) => r.map((v) => v * f)), df: dfAll, factor: f };
    }
    const c = cluster!;
    const f = clusterFactor(opts.preset, {
      n,
      slopes: K,
      absorbedAll: absorbed,
      absorbedNonNested: nonNested.length ? absorbedDf(nonNested) : 1,
      clusters: c.levels,
    });
    return { V: sandwich(bread, X, e, c.codes, c.levels).map((r) => r.map((v) => v * f)), df: c.levels - 1, factor: f };
  };
  const breadOf = (X: number[][]) => {
    const M = new Matrix(X);
    return inverse(M.transpose().mmul(M)).to2DArray();
  };
  // first stages
  const firstStageF: Record<string, number> = {};
  const firstStage: Record<string, Record<string, CoefficientRow>> = {};
  const fitted: Float64Array[] = [];
  const Xfs = rowsOf([...Z, ...W]);
  const namesFs = [...inst, ...exog];
  endog.forEach((name, k) => {
    const fs = ols(Xfs, E[k], { names: namesFs, intercept: false });
    fitted.push(fs.fitted);
    const { V, df } = variance(breadOf(Xfs), Xfs, fs.residuals, namesFs.length);
    const q = inst.length;
    const b = fs.coefficients.slice(0, q).map((c) => c.estimate);
    const Vq = new Matrix(V.slice(0, q).map((r) => r.slice(0, q)));
    const w = new Matrix([b]).mmul(inverse(Vq)).mmul(Matrix.columnVector(b)).get(0, 0);
    firstStageF[name] = w / q;
    firstStage[name] = Object.fromEntries(
      fs.coefficients.map((c, j) => {
        const se = Math.sqrt(V[j][j]);
        return [c.name, { estimate: c.estimate, se, t: c.estimate / se, p: tTwoSidedP(c.estimate / se, df) }];
      }),
    );
  });
  // second stage
  const Xhat = rowsOf([...fitted, ...W]);
  const Xact = rowsOf([...E, ...W]);
  const names = [...endog, ...exog];
  const ss = ols(Xhat, yt, { names, intercept: false });
  const beta = ss.coefficients.map((c) => c.estimate);
  const e = Float64Array.from({ length: n }, (_, i) => yt[i] - Xact[i].reduce((s, v, j) => s + v * beta[j], 0));
  const { V, df, factor } = variance(breadOf(Xhat), Xhat, e, names.length);
  const coefficients: Record<string, CoefficientRow> = {};
  names.forEach((t, j) => {
    const se = Math.sqrt(V[j][j]);
    coefficients[t] = { estimate: beta[j], se, t: beta[j] / se, p: tTwoSidedP(beta[j] / se, df) };
  });
  return {
    type: 'iv',
    coefficients,
    n,
    df,
    clusters: cluster ? cluster.levels : null,
    firstStageF,
    firstStage,
    smallSample: factor,
    vcov: V,
    fe: feNames,
    options: { se: opts.se, preset: opts.preset },
  };
}
