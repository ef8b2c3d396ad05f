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
 * Identification statistics as ivreg2 / ivreghdfe report them (rank-test.ts):
 *   Anderson LM = N·r²_min and Cragg–Donald F = N·r²_min/(1 − r²_min) · (N − L − s)/(N·L₁)
 *   (iid, r the canonical correlations of the partialled endogenous variables and
 *   excluded instruments); with robust or clustered errors the Kleibergen–Paap rk LM
 *   (χ² with L₁ − K₁ + 1 df) and rk Wald F = rk_W · c / L₁,
 *     c = (N − L − s)/(N − 1) · (G − 1)/G  clustered,   c = (N − L − s)/N  robust,
 *   L = excluded + included exogenous instruments, L₁ the excluded, s = ivreghdfe's
 *   sdofminus: the absorbed df (constant included; with clusters the effects nested
 *   in them left out and the constant too, at least 1). `rkWaldFUnadjusted` = rk_W / L₁.
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
import { type RankTestResult, rankTest } from './rank-test.ts';
import { chisqCdf } from '../stats/distributions.ts';
import { float64Of } from '../stats/gather.ts';

/** Kleibergen–Paap (2006) statistics under robust or clustered errors, with ivreg2's conventions. */
export interface KleibergenPaap {
  /** rk LM statistic: the underidentification test, χ²(df). */
  rkLM: number;
  rkLMp: number;
  df: number;
  /** rk Wald statistic (χ² form, no small-sample factor). */
  rkWald: number;
  /** rk Wald F with ivreg2's small-sample factor: rkWald · factor / L₁ (weak identification). */
  rkWaldF: number;
  /** The unadjusted variant rkWald / L₁. */
  rkWaldFUnadjusted: number;
  factor: number;
  vce: 'robust' | 'cluster';
}

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
  /** Cragg–Donald Wald F (iid errors; the weak-identification statistic ivreg2 prints without robust options). */
  craggDonaldF: number;
  /** Anderson canonical-correlation LM test of underidentification (iid errors). */
  andersonLM: { statistic: number; df: number; p: number };
  /** Kleibergen–Paap rk statistics, with robust (hc1) or clustered standard errors. */
  kleibergenPaap?: KleibergenPaap;
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
  const ident = identification(E, Z, W, n, {
    cluster,
    absorbed,
    nonNested: nonNested.length ? absorbedDf(nonNested) : 0,
    anyNested: nonNested.length < fes.length,
    se: opts.se,
  });
  // second stage
  const Xhat = rowsOf([...fitted, ...W]);
  const Xact = rowsOf([...E, ...W]);
  const names = [...endog, ...exog];
  const ss = ols(Xhat, yt, { names, intercept: false });
  const beta = ss.coefficients.map((c) => c.estimate);
  const e = float64Of(n, (i) => yt[i] - Xact[i].reduce((s, v, j) => s + v * beta[j], 0));
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
    ...ident,
    smallSample: factor,
    vcov: V,
    fe: feNames,
    options: { se: opts.se, preset: opts.preset },
  };
}

/** Columns less their least-squares fit on W (FWL); the columns themselves when W is empty. */
function partialOut(cols: Float64Array[], W: Float64Array[]): Float64Array[] {
  if (!W.length) return cols;
  const n = cols[0].length;
  const Wm = new Matrix(Array.from({ length: n }, (_, i) => W.map((c) => c[i])));
  const WtW = Wm.transpose().mmul(Wm);
  return cols.map((c) => {
    const b = inverse(WtW).mmul(Wm.transpose().mmul(Matrix.columnVector(Array.from(c))));
    const fit = Wm.mmul(b);
    return float64Of(c.length, (i) => c[i] - fit.get(i, 0));
  });
}

/**
 * Anderson LM, Cragg–Donald F and, with robust or clustered errors, the
 * Kleibergen–Paap rk statistics (ivreghdfe's counts: s = max(1, absorbed df),
 * with clusters the nested effects and the constant left out).
 */
function identification(
  E: Float64Array[],
  Z: Float64Array[],
  W: Float64Array[],
  n: number,
  d: {
    cluster: ReturnType<typeof factorOf> | null;
    absorbed: number;
    nonNested: number;
    anyNested: boolean;
    se: FeOptions['se'];
  },
): Pick<IvResult, 'craggDonaldF' | 'andersonLM' | 'kleibergenPaap'> {
  const y = partialOut(E, W);
  const z = partialOut(Z, W);
  const L1 = Z.length;
  const Lall = Z.length + W.length;
  const clustered = d.se === 'cluster' && d.cluster !== null;
  const dfA = clustered && d.anyNested ? Math.max(d.nonNested - 1, 0) : d.absorbed;
  const s = Math.max(1, dfA);
  // degenerate first stages leave the statistics undefined: NaN (null in JSON) rather than an
  // error, as for the first-stage F — collinear partialled instruments, or (ranktest's check)
  // a canonical correlation within 1e-10 of 1, an exact first stage, for which ivreg2 reports
  // the statistics as missing
  const df = L1 - E.length + 1;
  const missing = { rk: Number.NaN, df, ccorr: [] as number[], n };
  let lmIid: RankTestResult = missing;
  try {
    lmIid = rankTest({ y, z, groups: null, form: 'lm', vce: 'iid' });
  } catch {
    lmIid = missing;
  }
  const exact = !(lmIid.ccorr.length && 1 - lmIid.ccorr[0] >= 1e-10);
  const safe = (run: () => RankTestResult): RankTestResult => {
    if (exact) return missing;
    try {
      const r = run();
      return Number.isFinite(r.rk) ? r : missing;
    } catch {
      return missing;
    }
  };
  const lm = safe(() => lmIid);
  const cd = safe(() => rankTest({ y, z, groups: null, form: 'wald', vce: 'iid' })).rk / n;
  const out: Pick<IvResult, 'craggDonaldF' | 'andersonLM' | 'kleibergenPaap'> = {
    craggDonaldF: (cd * (n - s - Lall)) / L1,
    andersonLM: { statistic: lm.rk, df: lm.df, p: 1 - chisqCdf(lm.rk, lm.df) },
  };
  if (d.se === 'iid') return out;
  const vce = clustered ? 'cluster' : 'robust';
  const robust = (form: 'lm' | 'wald') =>
    safe(() => rankTest({ y, z, groups: clustered ? d.cluster!.codes : null, clusters: d.cluster?.levels, form, vce }));
  const rkLM = robust('lm');
  const rkWald = robust('wald').rk;
  const G = d.cluster?.levels ?? 0;
  const factor = clustered ? ((n - Lall - s) / (n - 1)) * ((G - 1) / G) : (n - Lall - s) / n;
  out.kleibergenPaap = {
    rkLM: rkLM.rk,
    rkLMp: 1 - chisqCdf(rkLM.rk, rkLM.df),
    df: rkLM.df,
    rkWald,
    rkWaldF: (rkWald * factor) / L1,
    rkWaldFUnadjusted: rkWald / L1,
    factor,
    vce,
  };
  return out;
}
