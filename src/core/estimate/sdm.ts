/**
 * Spatial panel models with fixed effects by maximum likelihood (Elhorst
 * 2014, Spatial Econometrics, ch. 3; LeSage & Pace 2009):
 *
 *   SDM  y_t = ρWy_t + X_tβ + WX_tθ + μ + λ_t + ε_t
 *   SAR  the same with θ = 0;   SEM  y_t = X_tβ + u_t, u_t = λWu_t + ε_t
 *
 * Variant ("direct approach", Lee & Yu 2010): the variables are
 * within-transformed (unit, time or two-way FE) and their spatial lags are
 * taken of the transformed variables, W·(Qy), W·(QX), as R splm `spml` and
 * spatialreg on the demeaned data do (for unit FE identical to Q·(Wy)).
 * ℓ(ρ) = −NT/2·log(2πσ²) + T·Σ_i log(1 − ρω_i) − e'e/(2σ²), ω = eigenvalues
 * of W; β and σ² = e'e/NT are concentrated out and ρ is found by Brent's
 * method on (1/ω_min, 1/ω_max), then polished by Newton steps on the score.
 * W is row-standardised; its eigenvalues are computed once, from the
 * symmetric D^(−1/2)AD^(−1/2) when the raw weights are symmetric (real), else
 * from W itself (complex pairs possible, e.g. k nearest neighbours).
 *
 * Standard errors: the inverse of the information matrix of (β, θ, ρ, σ²),
 * "observed" (the analytic Hessian at the optimum, as Stata's ml in xsmle;
 * default) or "expected" (Anselin 1988 / Elhorst's asymptotic variance, with
 * tr(GᵀG), G = W(I − ρW)⁻¹, from one dense inverse; spatialreg `lagsarlm`).
 * Lee & Yu (2010) bias correction (unit / two-way FE): θ¹ = θ̂ + I⁻¹·a with
 * a = (0, tr G, N/(2σ²)) for unit FE, plus (0, T/(1 − ρ), T/(2σ²)) for
 * two-way FE, I the expected information at θ̂; standard errors then from
 * the expected information at θ¹.
 *
 * @example estimateSpatialPanel({ y, x: { gdp }, unit, time, weights }, { type: 'sdm', fe: 'both' }).rho.estimate
 */
import { brentMinimise } from '../stats/brent.ts';
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import type { SpatialWeights } from '../analysis/spatial-weights.ts';
import { chisqCdf, normalTwoSidedP } from '../stats/distributions.ts';
import { rng } from '../analysis/moran.ts';
import { cholesky, dot, invert, invertDense, solve } from './dense.ts';
import {
  arrange,
  lagPanel,
  layoutPanel,
  rowStandardised,
  type SpatialFe,
  type Spectrum,
  weightsEigenvalues,
  within,
} from './spatial-panel.ts';
import { float64Of } from '../stats/gather.ts';

export const SPATIAL_TYPES = ['sdm', 'sar', 'sem'] as const;
export type SpatialType = (typeof SPATIAL_TYPES)[number];
export const INFO_FORMS = ['observed', 'expected'] as const;
export type InfoForm = (typeof INFO_FORMS)[number];
export const BIAS_CORRECTIONS = ['none', 'lee-yu'] as const;
export type BiasCorrection = (typeof BIAS_CORRECTIONS)[number];

export interface SpatialPanelData {
  y: ArrayLike<number>;
  /** Regressors by name, in output order. */
  x: Record<string, ArrayLike<number>>;
  unit: ArrayLike<string>;
  time: ArrayLike<string | number>;
  /** Raw (unstyled) symmetric weights over the units; row-standardised here. */
  weights: SpatialWeights;
  source?: string;
}

export interface SpatialPanelOptions {
  type: SpatialType;
  fe: SpatialFe;
  /** Information matrix form of the standard errors [observed]. */
  info?: InfoForm;
  /** Lee–Yu bias correction (unit or two-way FE) [none]. */
  correction?: BiasCorrection;
  /** Simulation draws of the impacts' standard errors [1000] and their seed [1]. */
  draws?: number;
  seed?: number;
}

/** A z-test row (asymptotic normal). */
export interface ZRow {
  estimate: number;
  se: number;
  z: number;
  p: number;
}

export interface ChiTest {
  statistic: number;
  df: number;
  p: number;
}

export interface SpatialTests {
  /** LM tests on the non-spatial FE model (Anselin 1988; Elhorst 2014 panel forms), χ²(1). */
  lmLag: ChiTest;
  lmError: ChiTest;
  robustLmLag: ChiTest;
  robustLmError: ChiTest;
  /** SDM only: LR and Wald tests of θ = 0 (SDM → SAR) and θ + ρβ = 0 (SDM → SEM), χ²(k). */
  lrSar?: ChiTest;
  lrSem?: ChiTest;
  waldSar?: ChiTest;
  waldSem?: ChiTest;
}

export interface Impacts {
  direct: Record<string, ZRow>;
  indirect: Record<string, ZRow>;
  total: Record<string, ZRow>;
  draws: number;
  seed: number;
}

export interface SpatialPanelResult {
  type: SpatialType;
  /** β (by regressor) and, for the SDM, θ under `W*x`. */
  coefficients: Record<string, ZRow>;
  /** Spatial autoregressive parameter (SDM, SAR). */
  rho?: ZRow;
  /** Spatial error parameter (SEM). */
  lambda?: ZRow;
  sigma2: number;
  logLik: number;
  /** Observations N·T, units N, periods T. */
  n: number;
  units: number;
  periods: number;
  fe: SpatialFe;
  /** Search interval of ρ (λ): (1/ω_min, 1/ω_max). */
  interval: [number, number];
  impacts?: Impacts;
  tests: SpatialTests;
  /** The uncorrected (direct ML) estimates when the Lee–Yu correction is applied. */
  uncorrected?: { rho: number; sigma2: number; coefficients: Record<string, number> };
  options: { info: InfoForm; correction: BiasCorrection; logDet: 'eigenvalues'; weights: 'row-standardised' };
}

/** Everything a fit needs, prepared once. */
interface Prepared {
  N: number;
  T: number;
  n: number;
  W: SpatialWeights;
  omega: Spectrum;
  y: Float64Array;
  Wy: Float64Array;
  X: Float64Array[];
  WX: Float64Array[];
  names: string[];
}

const z = (estimate: number, se: number): ZRow => ({
  estimate,
  se,
  z: estimate / se,
  p: normalTwoSidedP(estimate / se),
});
const chi = (statistic: number, df: number): ChiTest => ({ statistic, df, p: 1 - chisqCdf(statistic, df) });
const gram = (cols: Float64Array[]) => cols.map((a) => cols.map((b) => dot(a, b)));

/** Σ log|1 − ρω|, Re Σ ω/(1 − ρω), Re Σ ω²/(1 − ρω)² (complex ω in conjugate pairs). */
function logDet(omega: Spectrum, rho: number): { ld: number; tr1: number; tr2: number } {
  let ld = 0;
  let tr1 = 0;
  let tr2 = 0;
  const { re, im } = omega;
  for (let i = 0; i < re.length; i++) {
    const w = re[i];
    const v = im ? im[i] : 0;
    if (v === 0) {
      const d = 1 - rho * w;
      ld += Math.log(Math.abs(d));
      tr1 += w / d;
      tr2 += (w * w) / (d * d);
      continue;
    }
    // g = ω / (1 − ρω), complex
    const dr = 1 - rho * w;
    const di = -rho * v;
    const dd = dr * dr + di * di;
    ld += 0.5 * Math.log(dd);
    const gr = (w * dr + v * di) / dd;
    const gi = (v * dr - w * di) / dd;
    tr1 += gr;
    tr2 += gr * gr - gi * gi;
  }
  return { ld, tr1, tr2 };
}

/** OLS coefficients of v on the columns (normal equations, small k). */
function olsCoef(cols: Float64Array[], v: Float64Array): number[] {
  return solve(
    gram(cols),
    cols.map((c) => dot(c, v)),
  );
}

function residual(v: Float64Array, cols: Float64Array[], b: number[]): Float64Array {
  const e = Float64Array.from(v);
  cols.forEach((c, j) => {
    for (let r = 0; r < e.length; r++) e[r] -= b[j] * c[r];
  });
  return e;
}

/** Maximise a concentrated log-likelihood in one parameter: Brent, then Newton on the analytic score. */
function maximise(
  f: (r: number) => number,
  score: (r: number) => { g: number; h: number },
  lo: number,
  hi: number,
): number {
  const span = hi - lo;
  let r = brentMinimise((x) => -f(x), lo + 1e-9 * span, hi - 1e-9 * span, 1e-10);
  for (let k = 0; k < 20; k++) {
    const { g, h } = score(r);
    if (!(h < 0)) break;
    const next = r - g / h;
    if (!(next > lo && next < hi) || f(next) < f(r) - 1e-12 * Math.abs(f(r))) break;
    const done = Math.abs(next - r) <= 1e-15 * Math.max(1, Math.abs(r));
    r = next;
    if (done) break;
  }
  return r;
}

/** The spatial lag model (SDM with Z = [X, WX], SAR with Z = X) by concentrated ML. */
function fitLag(p: Prepared, Z: Float64Array[]) {
  const b0 = olsCoef(Z, p.y);
  const b1 = olsCoef(Z, p.Wy);
  const e0 = residual(p.y, Z, b0);
  const eL = residual(p.Wy, Z, b1);
  const s00 = dot(e0, e0);
  const s0L = dot(e0, eL);
  const sLL = dot(eL, eL);
  const { n, T, omega } = p;
  const sse = (r: number) => s00 - 2 * r * s0L + r * r * sLL;
  const f = (r: number) => -(n / 2) * Math.log(sse(r) / n) + T * logDet(omega, r).ld;
  const score = (r: number) => {
    const s = sse(r);
    const ds = -2 * s0L + 2 * r * sLL;
    const { tr1, tr2 } = logDet(omega, r);
    return { g: (-(n / 2) * ds) / s - T * tr1, h: -(n / 2) * ((2 * sLL) / s - (ds * ds) / (s * s)) - T * tr2 };
  };
  const [lo, hi] = interval(omega);
  const rho = maximise(f, score, lo, hi);
  const beta = b0.map((b, j) => b - rho * b1[j]);
  const e = residual(p.y, Z, beta); // then e = y − ρWy − Zβ
  for (let r = 0; r < e.length; r++) e[r] -= rho * p.Wy[r];
  const sigma2 = dot(e, e) / n;
  const logLik = -(n / 2) * (Math.log(2 * Math.PI) + Math.log(sigma2) + 1) + T * logDet(omega, rho).ld;
  return { rho, beta, sigma2, e, logLik };
}

/** (1/ω_min, 1/ω_max) of the real parts (as spatialreg): the interval on which I − ρW is non-singular. */
function interval(omega: Spectrum): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const w of omega.re) {
    lo = Math.min(lo, w);
    hi = Math.max(hi, w);
  }
  return [1 / lo, 1 / hi];
}

/** The spatial error model by concentrated ML (regressors X, lags WX). */
function fitError(p: Prepared) {
  const { n, T, omega, X, WX, y, Wy } = p;
  const XX = gram(X);
  const XWX = X.map((a) => WX.map((b) => dot(a, b)));
  const WXWX = gram(WX);
  const Xy = X.map((a) => dot(a, y));
  const XWy = X.map((a) => dot(a, Wy));
  const WXy = WX.map((a) => dot(a, y));
  const WXWy = WX.map((a) => dot(a, Wy));
  const yy = dot(y, y);
  const yWy = dot(y, Wy);
  const WyWy = dot(Wy, Wy);
  // (X − λWX)'(X − λWX), (X − λWX)'(y − λWy), (y − λWy)'(y − λWy)
  const at = (l: number) => {
    const A = XX.map((row, i) => row.map((v, j) => v - l * (XWX[i][j] + XWX[j][i]) + l * l * WXWX[i][j]));
    const c = Xy.map((v, i) => v - l * (XWy[i] + WXy[i]) + l * l * WXWy[i]);
    const b = solve(A, c);
    const sse = yy - 2 * l * yWy + l * l * WyWy - dot(b, c);
    return { b, sse };
  };
  const f = (l: number) => -(n / 2) * Math.log(at(l).sse / n) + T * logDet(omega, l).ld;
  const [lo, hi] = interval(omega);
  const lambda = brentMinimise((l) => -f(l), lo + 1e-9 * (hi - lo), hi - 1e-9 * (hi - lo), 1e-12);
  const { b: beta } = at(lambda);
  const u = residual(y, X, beta);
  const Wu = residual(Wy, WX, beta);
  const e = float64Of(u.length, (r) => u[r] - lambda * Wu[r]);
  const sigma2 = dot(e, e) / n;
  const logLik = -(n / 2) * (Math.log(2 * Math.PI) + Math.log(sigma2) + 1) + T * logDet(omega, lambda).ld;
  return { lambda, beta, sigma2, e, u, Wu, logLik };
}

/** Dense G = W(I − ρW)⁻¹ (N × N, row-major), for the expected information. */
function denseG(W: SpatialWeights, rho: number): Float64Array {
  const N = W.ids.length;
  const a = new Float64Array(N * N);
  for (let i = 0; i < N; i++) {
    a[i * N + i] = 1;
    for (let k = W.offsets[i]; k < W.offsets[i + 1]; k++) a[i * N + W.neighbours[k]] -= rho * W.weights[k];
  }
  const inv = invertDense(a, N);
  const G = new Float64Array(N * N);
  for (let i = 0; i < N; i++)
    for (let k = W.offsets[i]; k < W.offsets[i + 1]; k++) {
      const w = W.weights[k];
      const row = W.neighbours[k] * N;
      for (let j = 0; j < N; j++) G[i * N + j] += w * inv[row + j];
    }
  return G;
}

/** (I_T ⊗ G) v with a dense G. */
function applyDense(G: Float64Array, N: number, v: Float64Array): Float64Array {
  const out = new Float64Array(v.length);
  for (let base = 0; base < v.length; base += N)
    for (let i = 0; i < N; i++) {
      let s = 0;
      for (let j = 0; j < N; j++) s += G[i * N + j] * v[base + j];
      out[base + i] = s;
    }
  return out;
}

/**
 * Information matrix of (coefficients, ρ, σ²) of the lag model, observed (the
 * negative analytic Hessian at the given residuals) or expected.
 */
function lagInformation(
  p: Prepared,
  Z: Float64Array[],
  beta: number[],
  rho: number,
  sigma2: number,
  e: Float64Array,
  form: InfoForm,
): number[][] {
  const { n, T, omega, N } = p;
  const K = Z.length;
  const s2 = sigma2;
  const { tr1, tr2 } = logDet(omega, rho);
  const I = Array.from({ length: K + 2 }, () => new Array<number>(K + 2).fill(0));
  const ZZ = gram(Z);
  for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) I[i][j] = ZZ[i][j] / s2;
  if (form === 'observed') {
    for (let i = 0; i < K; i++) {
      I[i][K] = I[K][i] = dot(Z[i], p.Wy) / s2;
      I[i][K + 1] = I[K + 1][i] = dot(Z[i], e) / (s2 * s2);
    }
    I[K][K] = T * tr2 + dot(p.Wy, p.Wy) / s2;
    I[K][K + 1] = I[K + 1][K] = dot(e, p.Wy) / (s2 * s2);
    I[K + 1][K + 1] = -n / (2 * s2 * s2) + dot(e, e) / (s2 * s2 * s2);
    return I;
  }
  const G = denseG(p.W, rho);
  let trGtG = 0;
  for (const g of G) trGtG += g * g;
  const Zb = new Float64Array(n);
  Z.forEach((c, j) => {
    for (let r = 0; r < n; r++) Zb[r] += beta[j] * c[r];
  });
  const GZb = applyDense(G, N, Zb);
  for (let i = 0; i < K; i++) I[i][K] = I[K][i] = dot(Z[i], GZb) / s2;
  I[K][K] = T * (tr2 + trGtG) + dot(GZb, GZb) / s2;
  I[K][K + 1] = I[K + 1][K] = (T * tr1) / s2;
  I[K + 1][K + 1] = n / (2 * s2 * s2);
  return I;
}

/** Information matrix of (β, λ, σ²) of the error model. */
function errorInformation(p: Prepared, fit: ReturnType<typeof fitError>, form: InfoForm): number[][] {
  const { n, T, omega, X, WX } = p;
  const { lambda, sigma2: s2, e, Wu } = fit;
  const K = X.length;
  const Xs = X.map((c, j) => float64Of(c.length, (r) => c[r] - lambda * WX[j][r]));
  const { tr1, tr2 } = logDet(omega, lambda);
  const I = Array.from({ length: K + 2 }, () => new Array<number>(K + 2).fill(0));
  const XX = gram(Xs);
  for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) I[i][j] = XX[i][j] / s2;
  if (form === 'observed') {
    for (let i = 0; i < K; i++) {
      I[i][K] = I[K][i] = (dot(Xs[i], Wu) + dot(WX[i], e)) / s2;
      I[i][K + 1] = I[K + 1][i] = dot(Xs[i], e) / (s2 * s2);
    }
    I[K][K] = T * tr2 + dot(Wu, Wu) / s2;
    I[K][K + 1] = I[K + 1][K] = dot(e, Wu) / (s2 * s2);
    I[K + 1][K + 1] = -n / (2 * s2 * s2) + dot(e, e) / (s2 * s2 * s2);
    return I;
  }
  const G = denseG(p.W, lambda);
  let trGtG = 0;
  for (const g of G) trGtG += g * g;
  I[K][K] = T * (tr2 + trGtG);
  I[K][K + 1] = I[K + 1][K] = (T * tr1) / s2;
  I[K + 1][K + 1] = n / (2 * s2 * s2);
  return I;
}

/** Prepare the data: layout, weights, eigenvalues, within transformation and lags. */
function prepare(data: SpatialPanelData, fe: SpatialFe): Prepared {
  const W = rowStandardised(data.weights);
  const layout = layoutPanel(data.unit, data.time, data.weights, data.source);
  const N = layout.units.length;
  const T = layout.times.length;
  const names = Object.keys(data.x);
  const y = within(arrange(data.y, layout), N, T, fe);
  const X = names.map((k) => within(arrange(data.x[k], layout), N, T, fe));
  const degenerate = names.filter((_, j) => dot(X[j], X[j]) <= 1e-20 * (1 + X[j].length));
  if (degenerate.length) {
    throw new XinzhiError({
      code: 'estimate-collinear',
      severity: 'error',
      column: degenerate.join(', '),
      message: bi(
        `回归变量在固定效应变换后没有变化：${degenerate.join('、')}`,
        `regressors without variation after the fixed-effects transformation: ${degenerate.join(', ')}`,
      ),
      fix: bi('删去不随时间（单位）变化的变量', 'drop the variables that do not vary within units (periods)'),
    });
  }
  return {
    N,
    T,
    n: N * T,
    W,
    omega: weightsEigenvalues(data.weights, W),
    y,
    Wy: lagPanel(W, y),
    X,
    WX: X.map((c) => lagPanel(W, c)),
    names,
  };
}

/** LM tests on the non-spatial FE model (pooled OLS on the within data), Anselin (1988) / Elhorst (2014) forms. */
function lmTests(p: Prepared): Pick<SpatialTests, 'lmLag' | 'lmError' | 'robustLmLag' | 'robustLmError'> {
  const { X, y, Wy, W, n, T } = p;
  const b = olsCoef(X, y);
  const e = residual(y, X, b);
  const s2 = dot(e, e) / n;
  const We = lagPanel(W, e);
  const Xb = new Float64Array(n);
  X.forEach((c, j) => {
    for (let r = 0; r < n; r++) Xb[r] += b[j] * c[r];
  });
  const WXb = lagPanel(W, Xb);
  const MWXb = residual(WXb, X, olsCoef(X, WXb));
  // T_W = tr(W'W + WW) over one period, times T
  let trWW = 0;
  let trWtW = 0;
  for (let i = 0; i < W.ids.length; i++)
    for (let k = W.offsets[i]; k < W.offsets[i + 1]; k++) {
      const j = W.neighbours[k];
      trWtW += W.weights[k] ** 2;
      for (let m = W.offsets[j]; m < W.offsets[j + 1]; m++)
        if (W.neighbours[m] === i) trWW += W.weights[k] * W.weights[m];
    }
  const TW = T * (trWW + trWtW);
  const lagScore = dot(e, Wy) / s2;
  const errScore = dot(e, We) / s2;
  const J = dot(WXb, MWXb) / s2 + TW;
  return {
    lmLag: chi((lagScore * lagScore) / J, 1),
    lmError: chi((errScore * errScore) / TW, 1),
    robustLmLag: chi((lagScore - errScore) ** 2 / (J - TW), 1),
    robustLmError: chi((errScore - (TW / J) * lagScore) ** 2 / (TW * (1 - TW / J)), 1),
  };
}

/** One standard-normal draw (Box–Muller, one of the pair). */
function normal(u: () => number): number {
  let a = u();
  while (a === 0) a = u();
  return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * u());
}

/**
 * LeSage & Pace (2009) impacts of each regressor: S_k = (I − ρW)⁻¹(β_k I + θ_k W);
 * direct = tr(S_k)/N = mean_i (β_k + ω_iθ_k)/(1 − ρω_i), total = (β_k + θ_k)/(1 − ρ)
 * (row-standardised W), indirect = total − direct. Standard errors: the standard
 * deviation over `draws` draws of (β, θ, ρ) from N(estimate, V) (seeded).
 */
export function impacts(
  omega: Spectrum,
  names: string[],
  beta: number[],
  theta: number[] | null,
  rho: number,
  V: number[][],
  draws: number,
  seed: number,
): Impacts {
  const k = names.length;
  const N = omega.re.length;
  const effects = (b: number[], th: number[] | null, r: number) => {
    // Re Σ 1/(1 − rω) = N + r·Re Σ ω/(1 − rω);  Re Σ ω/(1 − rω)
    const a1 = logDet(omega, r).tr1;
    const a0 = N + r * a1;
    return b.map((bj, j) => {
      const direct = (bj * a0 + (th ? th[j] * a1 : 0)) / N;
      const total = (bj + (th ? th[j] : 0)) / (1 - r);
      return [direct, total - direct, total];
    });
  };
  const point = effects(beta, theta, rho);
  // draws of (β, θ, ρ) in that order
  const mean = [...beta, ...(theta ?? []), rho];
  const L = cholesky(V);
  const sums = point.map(() => [0, 0, 0]);
  const squares = point.map(() => [0, 0, 0]);
  const u = rng(seed);
  const m = mean.length;
  for (let d = 0; d < draws && L; d++) {
    const zs = Array.from({ length: m }, () => normal(u));
    const p = mean.map((v, i) => {
      let s = v;
      for (let j = 0; j <= i; j++) s += L[i][j] * zs[j];
      return s;
    });
    const e = effects(p.slice(0, k), theta ? p.slice(k, 2 * k) : null, p[m - 1]);
    e.forEach((row, j) =>
      row.forEach((v, c) => {
        sums[j][c] += v;
        squares[j][c] += v * v;
      }),
    );
  }
  const sd = (j: number, c: number) =>
    Math.sqrt(Math.max(0, (squares[j][c] - (sums[j][c] * sums[j][c]) / draws) / (draws - 1)));
  const table = (c: number) =>
    Object.fromEntries(names.map((nm, j) => [nm, z(point[j][c], L ? sd(j, c) : Number.NaN)]));
  return { direct: table(0), indirect: table(1), total: table(2), draws, seed };
}

/** Wald statistic g'(R V R')⁻¹g. */
function wald(g: number[], R: number[][], V: number[][]): number {
  const RV = R.map((r) => V[0].map((_, j) => r.reduce((s, rv, i) => s + rv * V[i][j], 0)));
  const RVR = RV.map((row) => R.map((r) => dot(row, r)));
  const inv = invert(RVR);
  return g.reduce((s, gi, i) => s + gi * dot(inv[i], g), 0);
}

/**
 * Estimate a spatial panel model (SDM, SAR or SEM) with fixed effects.
 * @example estimateSpatialPanel(data, { type: 'sdm', fe: 'unit' }).impacts?.total.x.estimate
 */
export function estimateSpatialPanel(data: SpatialPanelData, opts: SpatialPanelOptions): SpatialPanelResult {
  const info = opts.info ?? 'observed';
  const correction = opts.correction ?? 'none';
  const draws = opts.draws ?? 1000;
  const seed = opts.seed ?? 1;
  if (correction === 'lee-yu' && (opts.fe === 'time' || opts.type === 'sem')) {
    throw new XinzhiError({
      code: 'estimate-model',
      severity: 'error',
      column: 'correction',
      message: bi(
        'Lee–Yu 偏差校正只用于个体或双向固定效应的 SDM / SAR',
        'the Lee–Yu bias correction applies to SDM / SAR with unit or two-way fixed effects',
      ),
      fix: bi(
        '去掉 "correction"，或改用 "fe": ["unit"] / ["unit", "time"]',
        'drop "correction", or use unit or two-way fixed effects',
      ),
    });
  }
  const p = prepare(data, opts.fe);
  const { names, N, T, n, omega } = p;
  const k = names.length;
  const wnames = names.map((nm) => `W*${nm}`);
  const options = {
    info: correction === 'lee-yu' ? 'expected' : info,
    correction,
    logDet: 'eigenvalues',
    weights: 'row-standardised',
  } as const;
  const base = { n, units: N, periods: T, fe: opts.fe, interval: interval(omega), options };
  const lm = lmTests(p);

  if (opts.type === 'sem') {
    const fit = fitError(p);
    const V = invert(errorInformation(p, fit, info));
    return {
      type: 'sem',
      coefficients: Object.fromEntries(names.map((nm, j) => [nm, z(fit.beta[j], Math.sqrt(V[j][j]))])),
      lambda: z(fit.lambda, Math.sqrt(V[k][k])),
      sigma2: fit.sigma2,
      logLik: fit.logLik,
      ...base,
      tests: lm,
    };
  }

  const durbin = opts.type === 'sdm';
  const Z = durbin ? [...p.X, ...p.WX] : p.X;
  const terms = durbin ? [...names, ...wnames] : names;
  const K = Z.length;
  const fit = fitLag(p, Z);
  let { rho, beta, sigma2 } = fit;
  let V: number[][];
  let uncorrected: SpatialPanelResult['uncorrected'];
  if (correction === 'lee-yu') {
    const I0 = lagInformation(p, Z, beta, rho, sigma2, fit.e, 'expected');
    const tr1 = logDet(omega, rho).tr1;
    const a = new Array<number>(K + 2).fill(0);
    a[K] = tr1 + (opts.fe === 'both' ? T / (1 - rho) : 0);
    a[K + 1] = (N + (opts.fe === 'both' ? T : 0)) / (2 * sigma2);
    const shift = solve(I0, a);
    uncorrected = { rho, sigma2, coefficients: Object.fromEntries(terms.map((t, j) => [t, beta[j]])) };
    beta = beta.map((b, j) => b + shift[j]);
    rho += shift[K];
    sigma2 += shift[K + 1];
    V = invert(lagInformation(p, Z, beta, rho, sigma2, fit.e, 'expected'));
  } else {
    V = invert(lagInformation(p, Z, beta, rho, sigma2, fit.e, info));
  }
  const coefficients = Object.fromEntries(terms.map((t, j) => [t, z(beta[j], Math.sqrt(V[j][j]))]));
  // (β, θ, ρ) block of V for the impacts and the Wald tests
  const idx = [...Array.from({ length: K }, (_, j) => j), K];
  const Vsub = idx.map((i) => idx.map((j) => V[i][j]));
  const theta = durbin ? beta.slice(k) : null;
  const result: SpatialPanelResult = {
    type: opts.type,
    coefficients,
    rho: z(rho, Math.sqrt(V[K][K])),
    sigma2,
    logLik: fit.logLik,
    ...base,
    impacts: impacts(omega, names, beta.slice(0, k), theta, rho, Vsub, draws, seed),
    tests: lm,
    ...(uncorrected ? { uncorrected } : {}),
  };
  if (durbin && theta) {
    const sar = fitLag(p, p.X);
    const sem = fitError(p);
    const b = beta.slice(0, k);
    // θ = 0: R = [0 I 0]; θ + ρβ = 0: gradient [ρI, I, β]
    const R0 = names.map((_, j) => idx.map((_, c) => (c === k + j ? 1 : 0)));
    const R1 = names.map((_, j) => idx.map((_, c) => (c === j ? rho : c === k + j ? 1 : c === K ? b[j] : 0)));
    result.tests = {
      ...lm,
      lrSar: chi(2 * (fit.logLik - sar.logLik), k),
      lrSem: chi(2 * (fit.logLik - sem.logLik), k),
      waldSar: chi(wald(theta, R0, Vsub), k),
      waldSem: chi(
        wald(
          theta.map((t, j) => t + rho * b[j]),
          R1,
          Vsub,
        ),
        k,
      ),
    };
  }
  return result;
}
