/**
 * Firm production-function estimators for y = β_f·f + β_s·s + ω + ε (logs:
 * y output or value added, f free inputs such as labour, s state inputs such
 * as capital, ω productivity known to the firm, ε noise):
 *
 * - `ols`: pooled OLS of y on [1, f, s]; classical standard errors (Stata `regress`).
 * - `fe`: within (firm fixed-effects) estimator; s² = SSR/(N − G − K), the
 *   degrees of freedom of Stata `xtreg, fe` and R plm "within".
 * - `op` / `lp`: Olley & Pakes (1996) with investment as proxy, Levinsohn &
 *   Petrin (2003) with intermediate inputs as proxy; one state variable.
 *   Stage 1: OLS of y on f and a full polynomial of degree d (default 3) in
 *   (s, proxy) → β̂_f and φ̂ = fitted − β̂_f·f.
 *   Stage 2: for a candidate β_s, ω̂ = φ̂ − β_s·s; ĝ = OLS fit of ω̂_t on
 *   [1, ω̂_{t−1}, ω̂²_{t−1}, ω̂³_{t−1}]; β̂_s minimises Σ (y − β̂_f·f − β_s·s − ĝ)²
 *   (LP 2003, eqs. 11–12): a grid of 41 points on [β_s^OLS − 1, β_s^OLS + 1], then
 *   Brent's method between the neighbours of the best point (the criterion can
 *   have several local minima when capital is very persistent).
 *   The OP selection (exit) correction is not included (as `prodest` without `exit`).
 * - `acf`: Ackerberg, Caves & Frazer (2015). Stage 1: OLS of y on a full
 *   polynomial of degree d in (f, s, proxy) → φ̂ = fitted. Stage 2: for
 *   β = (β_f, β_s), ω̂ = φ̂ − β·x, ξ̂ = ω̂_t − ĝ(ω̂_{t−1}) (cubic as above);
 *   moments (1/N₂) Σ ξ̂·z with z = [s_t, f_{t−1}]; β̂ minimises their sum of
 *   squares (identity weight; just identified) by Nelder–Mead from the OLS estimates.
 *
 * ln TFP_it = y_it − β̂_f·f_it − β̂_s·s_it (the constant and the noise stay in it,
 * as `prodest`'s residual prediction). Rows without a previous period of the
 * same firm enter stage 1 but not the stage-2 criterion.
 */
import { XinzhiError } from '../../errors.ts';
import { bi } from '../../i18n.ts';
import { ols } from '../../regression/ols.ts';
import { brentMinimise, nelderMead } from './optimise.ts';
import { polynomialTerms } from './polynomial.ts';

export const FIRM_ESTIMATORS = ['ols', 'fe', 'op', 'lp', 'acf'] as const;
export type FirmEstimator = (typeof FIRM_ESTIMATORS)[number];

/** Source of each estimator, printed with its results. */
export const FIRM_SOURCES: Record<FirmEstimator, string> = {
  ols: 'pooled OLS, classical SE (Stata regress)',
  fe: 'within estimator, SE with N − G − K df (Stata xtreg, fe)',
  op: 'Olley & Pakes (1996), investment proxy, no exit correction',
  lp: 'Levinsohn & Petrin (2003), intermediate-input proxy',
  acf: 'Ackerberg, Caves & Frazer (2015)',
};

/** Firm panel in logs; rows in any order; `time` integer periods. */
export interface FirmData {
  firm: string[];
  time: number[];
  y: number[];
  /** Free inputs per row (e.g. [ln L]). */
  free: number[][];
  /** State inputs per row (e.g. [ln K]). */
  state: number[][];
  /** Proxy per row (ln M for lp / acf, ln I for op); empty for ols / fe. */
  proxy: number[];
}

export interface FirmFit {
  /** β for [free..., state...]. */
  beta: number[];
  /** Classical standard errors (ols, fe); null for control-function estimators. */
  se: number[] | null;
  /** Rows used in the stage-2 criterion (with a lag), for op / lp / acf. */
  stage2Rows: number | null;
}

/** Row index of the same firm in the previous period, or −1. */
export function lagIndex(data: Pick<FirmData, 'firm' | 'time'>): number[] {
  const at = new Map<string, number>();
  data.firm.forEach((f, r) => at.set(`${f}\u0000${data.time[r]}`, r));
  return data.firm.map((f, r) => at.get(`${f}\u0000${data.time[r] - 1}`) ?? -1);
}

const regressors = (data: FirmData, r: number) => [...data.free[r], ...data.state[r]];

function fitOls(data: FirmData): FirmFit {
  const X = data.y.map((_, r) => [1, ...regressors(data, r)]);
  const res = ols(X, data.y);
  return {
    beta: res.coefficients.slice(1).map((c) => c.estimate),
    se: res.coefficients.slice(1).map((c) => c.se),
    stage2Rows: null,
  };
}

function fitFe(data: FirmData): FirmFit {
  const rowsOf = new Map<string, number[]>();
  data.firm.forEach((f, r) => {
    const l = rowsOf.get(f);
    if (l) l.push(r);
    else rowsOf.set(f, [r]);
  });
  const K = data.free[0].length + data.state[0].length;
  const X: number[][] = data.y.map(() => new Array<number>(K).fill(0));
  const y = new Array<number>(data.y.length).fill(0);
  for (const rows of rowsOf.values()) {
    const mx = new Array<number>(K).fill(0);
    let my = 0;
    for (const r of rows) {
      regressors(data, r).forEach((v, j) => (mx[j] += v / rows.length));
      my += data.y[r] / rows.length;
    }
    for (const r of rows) {
      regressors(data, r).forEach((v, j) => (X[r][j] = v - mx[j]));
      y[r] = data.y[r] - my;
    }
  }
  const res = ols(X, y, { intercept: false });
  const N = y.length;
  const G = rowsOf.size;
  // ols() uses N − K; the within estimator also spends G degrees of freedom on the firm means.
  const scale = Math.sqrt((N - K) / (N - G - K));
  return {
    beta: res.coefficients.map((c) => c.estimate),
    se: res.coefficients.map((c) => c.se * scale),
    stage2Rows: null,
  };
}

/** OLS fit of v on cubic terms of its lag; returns ξ = v − ĝ on the rows with a lag. */
function innovations(omega: number[], lag: number[], rows: number[]): number[] {
  const X = rows.map((r) => {
    const w = omega[lag[r]];
    return [1, w, w * w, w * w * w];
  });
  const v = rows.map((r) => omega[r]);
  const res = ols(X, v, { intercept: true });
  return Array.from(res.residuals);
}

function fitControlFunction(data: FirmData, estimator: 'op' | 'lp' | 'acf', degree: number): FirmFit {
  const nf = data.free[0].length;
  const ns = data.state[0].length;
  const lag = lagIndex(data);
  const rows = lag.map((l, r) => (l >= 0 ? r : -1)).filter((r) => r >= 0);
  if (rows.length < 10) {
    throw new XinzhiError({
      code: 'firm-too-few-lags',
      severity: 'error',
      message: bi(
        `只有 ${rows.length} 个观测有上一期数据，无法估计第二阶段。`,
        `Only ${rows.length} observations have a previous period; the second stage cannot be estimated.`,
      ),
      fix: bi(
        '控制函数法需要连续的年份：检查时间列是否为整数年份、面板是否足够长。',
        'Control-function estimators need consecutive periods: ' +
          'check that time is an integer year and the panel is long enough.',
      ),
    });
  }
  const start = fitOls(data).beta;
  if (estimator === 'acf') {
    const terms = polynomialTerms(
      data.y.map((_, r) => [...data.free[r], ...data.state[r], data.proxy[r]]),
      degree,
    );
    const phi = Array.from(ols(terms, data.y, { intercept: true }).fitted);
    const z = rows.map((r) => [...data.state[r], ...data.free[lag[r]]]);
    const criterion = (beta: number[]) => {
      const omega = phi.map((p, r) => p - regressors(data, r).reduce((a, v, j) => a + beta[j] * v, 0));
      const xi = innovations(omega, lag, rows);
      let q = 0;
      for (let j = 0; j < nf + ns; j++) {
        let m = 0;
        for (let i = 0; i < rows.length; i++) m += xi[i] * z[i][j];
        q += (m / rows.length) ** 2;
      }
      return q;
    };
    return { beta: nelderMead(criterion, start).x, se: null, stage2Rows: rows.length };
  }
  if (ns !== 1) {
    throw new XinzhiError({
      code: 'firm-one-state',
      severity: 'error',
      message: bi(
        `${estimator.toUpperCase()} 估计在此实现中只接受一个状态变量，而模型给了 ${ns} 个。`,
        `${estimator.toUpperCase()} here takes one state variable; the model gives ${ns}.`,
      ),
      fix: bi('"state" 只写资本一列，或改用 acf。', 'Give one column (capital) in "state", or use acf.'),
    });
  }
  const terms = polynomialTerms(
    data.y.map((_, r) => [data.state[r][0], data.proxy[r]]),
    degree,
  );
  const X1 = data.y.map((_, r) => [...data.free[r], ...terms[r]]);
  const stage1 = ols(X1, data.y, { intercept: true });
  const betaFree = stage1.coefficients.slice(0, nf).map((c) => c.estimate);
  const freePart = data.free.map((f) => f.reduce((a, v, j) => a + betaFree[j] * v, 0));
  const phi = Array.from(stage1.fitted).map((v, r) => v - freePart[r]);
  const yNet = data.y.map((v, r) => v - freePart[r]);
  const criterion = (bk: number) => {
    const omega = phi.map((p, r) => p - bk * data.state[r][0]);
    const xi = innovations(omega, lag, rows);
    let ssr = 0;
    // y − β_f f − β_k k − ĝ = (ω̂_t − ĝ) + (y − β_f f − φ̂)
    rows.forEach((r, i) => (ssr += (xi[i] + yNet[r] - phi[r]) ** 2));
    return ssr;
  };
  // The criterion can have several local minima: a grid of 41 points on [β^OLS − 1, β^OLS + 1] first,
  // then Brent between the neighbours of the best grid point.
  const grid = Array.from({ length: 41 }, (_, g) => start[nf] - 1 + g * 0.05);
  const values = grid.map(criterion);
  const best = values.indexOf(Math.min(...values));
  const bk = brentMinimise(criterion, grid[Math.max(best - 1, 0)], grid[Math.min(best + 1, 40)]);
  return { beta: [...betaFree, bk], se: null, stage2Rows: rows.length };
}

/**
 * Fit one estimator (point estimates; classical SEs for ols / fe).
 * @example fitProduction(data, 'lp', 3).beta // [β_l, β_k]
 */
export function fitProduction(data: FirmData, estimator: FirmEstimator, degree = 3): FirmFit {
  if (estimator === 'ols') return fitOls(data);
  if (estimator === 'fe') return fitFe(data);
  return fitControlFunction(data, estimator, degree);
}

/**
 * Resample firms with replacement (a firm drawn twice enters as two firms) using `uniform` in [0, 1).
 * @example resampleFirms(data, seedrandom('1'))
 */
export function resampleFirms(data: FirmData, uniform: () => number): FirmData {
  const rowsOf = new Map<string, number[]>();
  data.firm.forEach((f, r) => {
    const l = rowsOf.get(f);
    if (l) l.push(r);
    else rowsOf.set(f, [r]);
  });
  const firms = [...rowsOf.keys()];
  const out: FirmData = { firm: [], time: [], y: [], free: [], state: [], proxy: [] };
  for (let b = 0; b < firms.length; b++) {
    const pick = firms[Math.floor(uniform() * firms.length)];
    for (const r of rowsOf.get(pick) as number[]) {
      out.firm.push(`${b}`);
      out.time.push(data.time[r]);
      out.y.push(data.y[r]);
      out.free.push(data.free[r]);
      out.state.push(data.state[r]);
      if (data.proxy.length > 0) out.proxy.push(data.proxy[r]);
    }
  }
  return out;
}

/**
 * Bootstrap standard errors: the sample standard deviation (n − 1) of β̂ over
 * `reps` firm-resampled fits (as `prodest` / `levpet` with reps()).
 * @example bootstrapSe(data, 'acf', 3, 50, seedrandom('1'))
 */
export function bootstrapSe(
  data: FirmData,
  estimator: FirmEstimator,
  degree: number,
  reps: number,
  uniform: () => number,
): number[] {
  const draws: number[][] = [];
  for (let b = 0; b < reps; b++) draws.push(fitProduction(resampleFirms(data, uniform), estimator, degree).beta);
  const k = draws[0]?.length ?? 0;
  return Array.from({ length: k }, (_, j) => {
    const mean = draws.reduce((a, d) => a + d[j], 0) / reps;
    return Math.sqrt(draws.reduce((a, d) => a + (d[j] - mean) ** 2, 0) / (reps - 1));
  });
}
