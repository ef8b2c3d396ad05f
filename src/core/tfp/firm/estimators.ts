/**
 * Firm production-function estimators for y = β_f·f + β_s·s + ω + ε (logs:
 * y output or value added, f free inputs such as labour, s state inputs such
 * as capital (and age, or several capital types), ω productivity known to the
 * firm, ε noise):
 *
 * - `ols`: pooled OLS of y on [1, f, s]; classical standard errors (Stata `regress`).
 * - `fe`: within (firm fixed-effects) estimator; s² = SSR/(N − G − K), the
 *   degrees of freedom of Stata `xtreg, fe` and R plm "within".
 * - `op` / `lp`: Olley & Pakes (1996) with investment as proxy, Levinsohn &
 *   Petrin (2003) with intermediate inputs as proxy; one or more state variables.
 *   Stage 1: OLS of y on f and a full polynomial of degree d (default 3) in
 *   (s₁…s_S, proxy) → β̂_f and φ̂ = fitted − β̂_f·f.
 *   Stage 2: for candidate β_s, ω̂ = φ̂ − β_s·s; ĝ = OLS fit of ω̂_t on
 *   [1, ω̂_{t−1}, ω̂²_{t−1}, ω̂³_{t−1}]; β̂_s minimises Σ (y − β̂_f·f − β_s·s − ĝ)²
 *   (LP 2003, eqs. 11–12). One state: a grid of 41 points on
 *   [β_s^OLS − 1, β_s^OLS + 1], then Brent's method between the neighbours of the
 *   best point (the criterion can have several local minima when capital is
 *   very persistent). Several states: Nelder–Mead from the OLS estimates.
 *   Exit correction (OP 1996 §4; prodest `att`, opreg `exit()`), when the data
 *   carry an exit indicator: P̂_t, the fitted survival probability of
 *   survival.ts, enters ĝ, which becomes the full cubic in (ω̂_{t−1}, P̂_{t−1}):
 *   1, ω, P, ω², ωP, P², ω³, ω²P, ωP², P³ (the series form of prodest).
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
import { normalCdf } from '../../stats/distributions.ts';
import { ols } from '../../regression/ols.ts';
import { brentMinimise, nelderMead } from './optimise.ts';
import { polynomialTerms } from './polynomial.ts';
import { fitBinary, type SurvivalLink } from './survival.ts';
import { float64Of, gather } from '../../stats/gather.ts';
import { rowsByKey } from '../../panel/ops.ts';
import { resamplePicks } from '../../stats/resample.ts';

export const FIRM_ESTIMATORS = ['ols', 'fe', 'op', 'lp', 'acf'] as const;
export type FirmEstimator = (typeof FIRM_ESTIMATORS)[number];

/** Source of each estimator, printed with its results. */
export const FIRM_SOURCES: Record<FirmEstimator, string> = {
  ols: 'pooled OLS, classical SE (Stata regress)',
  fe: 'within estimator, SE with N − G − K df (Stata xtreg, fe)',
  op: 'Olley & Pakes (1996), investment proxy',
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
  /** Exit indicator per row (1 = the firm leaves after this period) and the survival model: the OP exit correction (op, lp). */
  survival?: { exit: number[]; link: SurvivalLink };
}

/** The fitted survival model of an estimate with the exit correction. */
export interface SurvivalFit {
  link: SurvivalLink;
  /** Rows in the survival model (periods before the panel's last). */
  rows: number;
  /** Exits among them. */
  exits: number;
  logLik: number;
  /** γ̂ on the polynomial terms (constant first, by degree). */
  coefficients: number[];
}

export interface FirmFit {
  /** β for [free..., state...]. */
  beta: number[];
  /** Classical standard errors (ols, fe); null for control-function estimators. */
  se: number[] | null;
  /** Rows used in the stage-2 criterion (with a lag), for op / lp / acf. */
  stage2Rows: number | null;
  /** The survival model when the exit correction was used. */
  survival?: SurvivalFit;
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
  const firms = firmRows(data);
  const K = data.free[0].length + data.state[0].length;
  const X: number[][] = data.y.map(() => new Array<number>(K).fill(0));
  const y = new Array<number>(data.y.length).fill(0);
  for (const rows of firms) {
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
  const G = firms.length;
  // ols() uses N − K; the within estimator also spends G degrees of freedom on the firm means.
  const scale = Math.sqrt((N - K) / (N - G - K));
  return {
    beta: res.coefficients.map((c) => c.estimate),
    se: res.coefficients.map((c) => c.se * scale),
    stage2Rows: null,
  };
}

/**
 * Residuals of v after least squares on the columns (modified Gram–Schmidt on [X | v], backward stable for
 * least squares; Björck 1967). A column that is (numerically) a combination of the previous ones is skipped,
 * which leaves the fitted values as a rank-revealing solver gives them. Works in place: v becomes the
 * residuals, and `space` (an array of v's length per column) holds the orthonormal basis.
 */
function residualsOnSpan(columns: Float64Array[], v: Float64Array, space: Float64Array[]): Float64Array {
  const n = v.length;
  const basis: Float64Array[] = [];
  for (const [k, column] of columns.entries()) {
    const q = space[k];
    let before = 0;
    for (let i = 0; i < n; i++) {
      const x = column[i];
      q[i] = x;
      before += x * x;
    }
    const norm = sweep(basis, q, true);
    if (!(norm > 1e-24 * before)) continue; // also skips a column of zeros
    const scale = 1 / Math.sqrt(norm);
    for (let i = 0; i < n; i++) q[i] *= scale;
    basis.push(q);
  }
  sweep(basis, v, false);
  return v;
}

/**
 * q −= (b·q) b for each b of the basis in turn (modified Gram–Schmidt), in
 * place; returns Σ q² after the last when `norm`. Each subtraction pass also
 * sums the next dot product (or the squares) from the values just written:
 * the same numbers in the same order as a pass for each sum.
 */
function sweep(basis: Float64Array[], q: Float64Array, norm: boolean): number {
  const n = q.length;
  let dot = 0;
  if (basis.length) {
    const b = basis[0];
    for (let i = 0; i < n; i++) dot += b[i] * q[i];
  }
  for (let k = 0; k < basis.length; k++) {
    const b = basis[k];
    const d = dot;
    dot = 0;
    if (k + 1 < basis.length) {
      const c = basis[k + 1];
      for (let i = 0; i < n; i++) {
        const x = q[i] - d * b[i];
        q[i] = x;
        dot += c[i] * x;
      }
    } else if (norm) {
      for (let i = 0; i < n; i++) {
        const x = q[i] - d * b[i];
        q[i] = x;
        dot += x * x;
      }
      return dot;
    } else for (let i = 0; i < n; i++) q[i] -= d * b[i];
  }
  if (!norm) return 0;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += q[i] * q[i];
  return ss;
}

/** The rows of the stage-2 criterion (those with a lag) and their lags' rows. */
interface LagRows {
  rows: Int32Array;
  lags: Int32Array;
}

/**
 * The stage-2 regression: OLS of ω̂_t on cubic terms of its lag (with P̂ of the lag: the full cubic in
 * (ω̂_{t−1}, P̂_{t−1})) on the rows with a lag. Run at every evaluation of the stage-2 criterion, so its
 * columns are built with plain loops into arrays made once per fit (the terms in P̂ alone once as well).
 *
 * @example const stage2 = new Stage2(at, null); const xi = stage2.innovations(omega) // rewritten at the next call
 */
class Stage2 {
  private readonly w: Float64Array;
  private readonly w2: Float64Array;
  private readonly w3: Float64Array;
  /** P̂ of the lag, and the products of its powers with ω̂'s (survival only). */
  private readonly p: Float64Array | null;
  private readonly products: Float64Array[];
  private readonly columns: Float64Array[];
  /** The orthonormal basis, one array a column. */
  private readonly space: Float64Array[];
  private readonly v: Float64Array;

  constructor(
    private readonly at: LagRows,
    survival: Float64Array | null,
  ) {
    const n = at.rows.length;
    const make = () => new Float64Array(n);
    this.w = make();
    this.w2 = make();
    this.w3 = make();
    this.columns = [make().fill(1), this.w, this.w2, this.w3];
    this.p = survival ? gather(survival, at.lags) : null;
    this.products = [];
    if (this.p) {
      const p2 = make();
      const p3 = make();
      squareAndCube(this.p, p2, p3);
      this.products = [make(), make(), make()]; // ω̂·P̂, ω̂²·P̂, ω̂·P̂²
      const [wp, w2p, wp2] = this.products;
      this.columns.push(this.p, wp, p2, w2p, wp2, p3);
    }
    this.space = this.columns.map(make);
    this.v = make();
  }

  /** ξ = ω̂_t − ĝ on the rows with a lag, in an array rewritten at the next call. */
  innovations(omega: Float64Array): Float64Array {
    const { w, w2, w3, p, v, at } = this;
    const n = at.rows.length;
    for (let i = 0; i < n; i++) w[i] = omega[at.lags[i]];
    squareAndCube(w, w2, w3);
    if (p) {
      const [wp, w2p, wp2] = this.products;
      const p2 = this.columns[6];
      for (let i = 0; i < n; i++) {
        wp[i] = w[i] * p[i];
        w2p[i] = w2[i] * p[i];
        wp2[i] = w[i] * p2[i];
      }
    }
    for (let i = 0; i < n; i++) v[i] = omega[at.rows[i]];
    return residualsOnSpan(this.columns, v, this.space);
  }
}

/**
 * x² and x³ of each value into `sq` and `cube`, as products: x·x and x·x·x, as R's `^` computes
 * an integer power (R_pow_di). `x ** 3` calls pow, which can differ from
 * x·x·x in the last bit, and took about half of an ACF fit, whose stage-2
 * criterion builds these columns at every evaluation.
 */
function squareAndCube(x: Float64Array, sq: Float64Array, cube: Float64Array): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const v2 = v * v;
    sq[i] = v2;
    cube[i] = v2 * v;
  }
}

/** Column j of the rows' inputs (`data.free` or `data.state`), as a Float64Array. */
function inputColumn(rows: number[][], j: number): Float64Array {
  return float64Of(rows.length, (r) => rows[r][j]);
}

/**
 * ω̂ = φ̂ − Σ_j b_j x_j into `out`, adding the products in the order of the columns from 0
 * (as a reduce over each row's inputs would).
 */
function omegaInto(out: Float64Array, phi: ArrayLike<number>, x: Float64Array[], b: number[]): Float64Array {
  for (let r = 0; r < out.length; r++) {
    let a = 0;
    for (let j = 0; j < x.length; j++) a += b[j] * x[j][r];
    out[r] = phi[r] - a;
  }
  return out;
}

/** Nelder–Mead stopping rule of the op / lp stage 2 with several states (the reference script uses the same). */
export const STAGE2_TOLERANCE = { xtol: 1e-9, ftol: 1e-10 } as const;

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
  const at: LagRows = { rows: Int32Array.from(rows), lags: Int32Array.from(rows, (r) => lag[r]) };
  const start = fitOls(data).beta;
  if (estimator === 'acf') {
    if (data.survival) throw exitNotProvided('acf');
    const terms = polynomialTerms(
      data.y.map((_, r) => [...data.free[r], ...data.state[r], data.proxy[r]]),
      degree,
    );
    const phi = Array.from(ols(terms, data.y, { intercept: true }).fitted);
    const free = Array.from({ length: nf }, (_, j) => inputColumn(data.free, j));
    const state = Array.from({ length: ns }, (_, j) => inputColumn(data.state, j));
    const x = [...free, ...state];
    // instruments z = [s_t, f_{t−1}] on the stage-2 rows
    const z = [...state.map((c) => gather(c, at.rows)), ...free.map((c) => gather(c, at.lags))];
    const omega = new Float64Array(phi.length);
    const stage2 = new Stage2(at, null);
    const criterion = (beta: number[]) => {
      const xi = stage2.innovations(omegaInto(omega, phi, x, beta));
      let q = 0;
      for (let j = 0; j < nf + ns; j++) {
        const zj = z[j];
        let m = 0;
        for (let i = 0; i < xi.length; i++) m += xi[i] * zj[i];
        q += (m / xi.length) ** 2;
      }
      return q;
    };
    return { beta: nelderMead(criterion, start).x, se: null, stage2Rows: rows.length };
  }
  const terms = polynomialTerms(
    data.y.map((_, r) => [...data.state[r], data.proxy[r]]),
    degree,
  );
  const X1 = data.y.map((_, r) => [...data.free[r], ...terms[r]]);
  const stage1 = ols(X1, data.y, { intercept: true });
  const betaFree = stage1.coefficients.slice(0, nf).map((c) => c.estimate);
  const freePart = data.free.map((f) => f.reduce((a, v, j) => a + betaFree[j] * v, 0));
  const phi = Array.from(stage1.fitted).map((v, r) => v - freePart[r]);
  const yNet = data.y.map((v, r) => v - freePart[r]);
  const survival = data.survival ? fitSurvival(data, terms) : null;
  const probability = survival ? Float64Array.from(survival.probability) : null;
  const state = Array.from({ length: ns }, (_, j) => inputColumn(data.state, j));
  const yNetAt = gather(yNet, at.rows);
  const phiAt = gather(phi, at.rows);
  const omega = new Float64Array(phi.length);
  const stage2 = new Stage2(at, probability);
  const criterion = (bs: number[]) => {
    const xi = stage2.innovations(omegaInto(omega, phi, state, bs));
    let ssr = 0;
    // y − β_f f − β_s s − ĝ = (ω̂_t − ĝ) + (y − β_f f − φ̂)
    for (let i = 0; i < xi.length; i++) ssr += (xi[i] + yNetAt[i] - phiAt[i]) ** 2;
    return ssr;
  };
  const estimate = (beta: number[]): FirmFit => ({
    beta: [...betaFree, ...beta],
    se: null,
    stage2Rows: rows.length,
    ...(survival ? { survival: survival.fit } : {}),
  });
  // Several states: Nelder–Mead from the OLS estimates. The sum of squares is flat at its minimum (it can be
  // located to about √ε·scale only), so the simplex stops at a spread of 1e-9 in β and 1e-10 in the criterion.
  if (ns > 1) return estimate(nelderMead(criterion, start.slice(nf), STAGE2_TOLERANCE).x);
  // One state: the criterion can have several local minima, so a grid of 41 points on
  // [β^OLS − 1, β^OLS + 1] first, then Brent between the neighbours of the best grid point.
  const scalar = (bk: number) => criterion([bk]);
  const grid = Array.from({ length: 41 }, (_, g) => start[nf] - 1 + g * 0.05);
  const values = grid.map(scalar);
  const best = values.indexOf(Math.min(...values));
  return estimate([brentMinimise(scalar, grid[Math.max(best - 1, 0)], grid[Math.min(best + 1, 40)])]);
}

/**
 * The survival model of the exit correction on the stage-1 polynomial terms: fitted on the rows before the
 * panel's last period, P̂ predicted for every row. No exit, or no survivor, among those rows leaves the
 * correction unidentified (an error, never a silent run without it).
 */
function fitSurvival(data: FirmData, terms: number[][]): { probability: number[]; fit: SurvivalFit } {
  const { exit, link } = data.survival as NonNullable<FirmData['survival']>;
  const end = data.time.reduce((a, t) => Math.max(a, t), -Infinity);
  const sample = data.time.map((t, r) => (t < end ? r : -1)).filter((r) => r >= 0);
  const exits = sample.reduce((a, r) => a + exit[r], 0);
  if (exits === 0 || exits === sample.length) {
    const none = exits === 0;
    throw new XinzhiError({
      code: none ? 'firm-exit-none' : 'firm-exit-all',
      severity: 'error',
      column: 'exit',
      message: bi(
        none
          ? `最后一期之前的 ${sample.length} 个观测中没有企业退出：退出修正无法识别（生存概率恒为 1）。`
          : `最后一期之前的 ${sample.length} 个观测全部退出：退出修正无法识别（生存概率恒为 0）。`,
        none
          ? `No firm exits in the ${sample.length} observations before the panel's last period: ` +
              'the exit correction is not identified (survival is always 1).'
          : `All ${sample.length} observations before the panel's last period exit: ` +
              'the exit correction is not identified (survival is always 0).',
      ),
      fix: bi(
        '检查退出列（1 = 该企业在本期之后退出）；面板中确无退出时删去 "exit"，不作退出修正。',
        'Check the exit column (1 = the firm leaves after this period); ' +
          'when the panel has no exits, remove "exit" and estimate without the correction.',
      ),
    });
  }
  const model = fitBinary(
    sample.map((r) => terms[r]),
    sample.map((r) => 1 - exit[r]),
    link,
  );
  const probability = terms.map((row) => {
    const z = row.reduce((a, v, j) => a + v * model.coefficients[j], 0);
    return link === 'logit' ? 1 / (1 + Math.exp(-z)) : normalCdf(z);
  });
  return {
    probability,
    fit: { link, rows: sample.length, exits, logLik: model.logLik, coefficients: model.coefficients },
  };
}

/** The exit correction is provided for op and lp only. */
export function exitNotProvided(estimator: FirmEstimator): XinzhiError {
  return new XinzhiError({
    code: 'firm-exit-estimator',
    severity: 'error',
    column: 'exit',
    message: bi(
      `退出（生存）修正只用于 op 和 lp，"${estimator}" 不提供。`,
      `The exit (survival) correction is provided for op and lp, not for "${estimator}".`,
    ),
    fix: bi('改用 "type": "op"，或删去 "exit"。', 'Use "type": "op", or remove "exit".'),
  });
}

/**
 * Fit one estimator (point estimates; classical SEs for ols / fe).
 * @example fitProduction(data, 'lp', 3).beta // [β_l, β_k]
 */
export function fitProduction(data: FirmData, estimator: FirmEstimator, degree = 3): FirmFit {
  if (data.survival && (estimator === 'ols' || estimator === 'fe')) throw exitNotProvided(estimator);
  if (estimator === 'ols') return fitOls(data);
  if (estimator === 'fe') return fitFe(data);
  return fitControlFunction(data, estimator, degree);
}

/** The rows of each firm, firms in first-seen order. */
function firmRows(data: Pick<FirmData, 'firm'>): number[][] {
  return [...rowsByKey(data.firm).values()];
}

/**
 * The firms each bootstrap replication draws (indices in first-seen order), `uniform` in [0, 1) read in
 * replication order: drawn before any fit, so the replications can be fitted anywhere (several threads)
 * and give the numbers one thread gives.
 * @example bootstrapPicks(data, 50, seedrandom('1'))[0].length // the number of firms
 */
export function bootstrapPicks(data: Pick<FirmData, 'firm'>, reps: number, uniform: () => number): Int32Array[] {
  return resamplePicks(new Set(data.firm).size, reps, uniform);
}

/** The panel of the firms `pick` names (a firm drawn twice enters as two firms, named by their draw); `rowsOf`: firmRows(data). */
function resampleByPicks(data: FirmData, rowsOf: number[][], pick: ArrayLike<number>): FirmData {
  const out: FirmData = { firm: [], time: [], y: [], free: [], state: [], proxy: [] };
  const exit: number[] = [];
  for (let b = 0; b < pick.length; b++) {
    for (const r of rowsOf[pick[b]]) {
      out.firm.push(`${b}`);
      out.time.push(data.time[r]);
      out.y.push(data.y[r]);
      out.free.push(data.free[r]);
      out.state.push(data.state[r]);
      if (data.proxy.length > 0) out.proxy.push(data.proxy[r]);
      if (data.survival) exit.push(data.survival.exit[r]);
    }
  }
  if (data.survival) out.survival = { exit, link: data.survival.link };
  return out;
}

/**
 * β̂ of each replication drawn in `picks`, or null where its data cannot be estimated (a XinzhiError:
 * e.g. no exit among the firms drawn, for the exit correction).
 */
export function fitReplicates(
  data: FirmData,
  estimator: FirmEstimator,
  degree: number,
  picks: ReadonlyArray<ArrayLike<number>>,
): Array<number[] | null> {
  const rowsOf = firmRows(data);
  return picks.map((pick) => {
    try {
      return fitProduction(resampleByPicks(data, rowsOf, pick), estimator, degree).beta;
    } catch (e) {
      if (!(e instanceof XinzhiError)) throw e;
      return null;
    }
  });
}

/** The bootstrap's SEs (sample SD, n − 1) from the replications' β̂ (null: skipped and counted). */
export function bootstrapSummary(
  fits: ReadonlyArray<number[] | null>,
  k: number,
): { se: number[]; failed: number; draws: number[][] } {
  const draws = fits.filter((d): d is number[] => d !== null);
  const n = draws.length;
  const se = Array.from({ length: k }, (_, j) => {
    if (n < 2) return NaN;
    const mean = draws.reduce((a, d) => a + d[j], 0) / n;
    return Math.sqrt(draws.reduce((a, d) => a + (d[j] - mean) ** 2, 0) / (n - 1));
  });
  return { se, failed: fits.length - n, draws };
}

/**
 * Bootstrap standard errors: the sample standard deviation (n − 1) of β̂ over
 * `reps` firm-resampled fits (as `prodest` / `levpet` with reps()). A
 * replication whose data cannot be estimated (e.g. no exit among the firms
 * drawn, for the exit correction) is skipped and counted in `failed`, as
 * prodest skips it; with fewer than two successful replications the SEs are NaN.
 * `draws` holds β̂ of every successful replication.
 * @example bootstrapFit(data, 'acf', 3, 50, seedrandom('1')).se
 */
export function bootstrapFit(
  data: FirmData,
  estimator: FirmEstimator,
  degree: number,
  reps: number,
  uniform: () => number,
): { se: number[]; failed: number; draws: number[][] } {
  const fits = fitReplicates(data, estimator, degree, bootstrapPicks(data, reps, uniform));
  return bootstrapSummary(fits, data.free[0].length + data.state[0].length);
}

/**
 * Bootstrap standard errors only (see `bootstrapFit`).
 * @example bootstrapSe(data, 'acf', 3, 50, seedrandom('1'))
 */
export function bootstrapSe(
  data: FirmData,
  estimator: FirmEstimator,
  degree: number,
  reps: number,
  uniform: () => number,
): number[] {
  return bootstrapFit(data, estimator, degree, reps, uniform).se;
}
