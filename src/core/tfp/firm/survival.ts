/**
 * The survival (exit) step of Olley & Pakes (1996): which firm-years exit, and
 * the probability of staying in the market next period given this period's
 * state and proxy.
 *
 * Convention of the exit indicator: exit_it = 1 when firm i is observed in
 * period t and leaves the market after t (t is its last period); 0 otherwise.
 * `inferExit` reads it off the panel (`"exit": "infer"`, as prodest's `att` /
 * R prodest's `exit = TRUE`): a firm's last period is an exit when it is
 * before the panel's last period.
 *
 * Survival model (OP 1996, §4 "the second step"; opreg's probit):
 *   Pr(χ_{t+1} = 1 | J_t) = F(z_tᵀγ),  χ_{t+1} = 1 − exit_t,
 * z_t the full polynomial of the stage-1 degree in (state_t, proxy_t), constant
 * included; F = Φ (probit, default) or the logistic function (logit preset).
 * γ̂ by maximum likelihood (Newton–Raphson with step halving). Only rows before
 * the panel's last period enter (the panel cannot show whether the last
 * period's firms survive); P̂_t = F(z_tᵀγ̂) is then predicted for every row.
 */
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { XinzhiError } from '../../errors.ts';
import { bi } from '../../i18n.ts';
import { normalCdf } from '../../stats/distributions.ts';

export const SURVIVAL_LINKS = ['probit', 'logit'] as const;
export type SurvivalLink = (typeof SURVIVAL_LINKS)[number];

export interface BinaryFit {
  /** γ̂ in the order of the columns of X. */
  coefficients: number[];
  /** F(xᵀγ̂) for every row of X. */
  fitted: number[];
  logLik: number;
  iterations: number;
}

const DENSITY = 1 / Math.sqrt(2 * Math.PI);

/** log F(q·z) and d/dz of it for one row, q = 2y − 1. */
function rowTerms(link: SurvivalLink, z: number, q: number): { ll: number; lambda: number; weight: number } {
  if (link === 'logit') {
    const p = 1 / (1 + Math.exp(-z));
    const pq = q > 0 ? p : 1 - p;
    return { ll: Math.log(pq), lambda: (q > 0 ? 1 : 0) - p, weight: p * (1 - p) };
  }
  const s = q * z;
  const cdf = normalCdf(s);
  // Mills ratio φ(s)/Φ(s); for s far in the lower tail Φ underflows and the ratio tends to −s.
  const ratio = cdf > 1e-300 ? (DENSITY * Math.exp(-0.5 * s * s)) / cdf : -s;
  const lambda = q * ratio;
  return { ll: cdf > 0 ? Math.log(cdf) : -0.5 * s * s, lambda, weight: lambda * (lambda + z) };
}

function logLikelihood(link: SurvivalLink, X: number[][], y: number[], g: number[]): number {
  let ll = 0;
  for (let i = 0; i < y.length; i++) {
    let z = 0;
    for (let j = 0; j < g.length; j++) z += X[i][j] * g[j];
    ll += rowTerms(link, z, 2 * y[i] - 1).ll;
  }
  return ll;
}

function separation(rows: number): XinzhiError {
  return new XinzhiError({
    code: 'firm-exit-separation',
    severity: 'error',
    column: 'exit',
    message: bi(
      `生存概率模型（${rows} 个观测）完全预测了退出：极大似然估计不存在，退出修正无法识别。`,
      `The survival model (${rows} observations) predicts exit perfectly: ` +
        'its maximum-likelihood estimate does not exist, so the exit correction is not identified.',
    ),
    fix: bi(
      '降低 "degree"（生存模型与第一阶段用同一多项式），检查退出列；或删去 "exit"、不作退出修正。',
      'Lower "degree" (the survival model uses the stage-1 polynomial), check the exit column, ' +
        'or remove "exit" and estimate without the correction.',
    ),
  });
}

/**
 * Binary-response maximum likelihood (probit or logit) by Newton–Raphson with
 * step halving; stops when no coefficient moves by more than 1e-10 (relative).
 * Perfect prediction (complete separation: the likelihood tends to 0, or the
 * coefficients run away for 100 steps) is an error, as is a singular
 * information matrix. Under quasi-complete separation the likelihood is
 * maximised numerically and the rows predicted with certainty get fitted
 * values at 0 or 1, as in statsmodels.
 * @example fitBinary([[1, 0], [1, 1], [1, 2], [1, 3]], [0, 1, 0, 1], 'probit').fitted
 */
export function fitBinary(X: number[][], y: number[], link: SurvivalLink = 'probit'): BinaryFit {
  const n = y.length;
  const k = X[0]?.length ?? 0;
  let g = new Array<number>(k).fill(0);
  let ll = logLikelihood(link, X, y, g);
  let converged = false;
  let iter = 0;
  for (; iter < 100 && !converged; iter++) {
    const score = new Array<number>(k).fill(0);
    const info = Matrix.zeros(k, k);
    for (let i = 0; i < n; i++) {
      let z = 0;
      for (let j = 0; j < k; j++) z += X[i][j] * g[j];
      const { lambda, weight } = rowTerms(link, z, 2 * y[i] - 1);
      for (let a = 0; a < k; a++) {
        score[a] += lambda * X[i][a];
        for (let b = 0; b <= a; b++) info.set(a, b, info.get(a, b) + weight * X[i][a] * X[i][b]);
      }
    }
    for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) info.set(b, a, info.get(a, b));
    const chol = new CholeskyDecomposition(info);
    if (!chol.isPositiveDefinite()) throw separation(n);
    const step = chol.solve(Matrix.columnVector(score)).getColumn(0);
    let t = 1;
    let next = g.map((v, j) => v + step[j]);
    let llNext = logLikelihood(link, X, y, next);
    while (!(llNext >= ll - 1e-12 * Math.abs(ll)) && t > 1e-8) {
      t /= 2;
      next = g.map((v, j) => v + t * step[j]);
      llNext = logLikelihood(link, X, y, next);
    }
    const moved = Math.max(...next.map((v, j) => Math.abs(v - g[j]) / Math.max(1, Math.abs(v))));
    g = next;
    ll = llNext;
    converged = moved <= 1e-10;
  }
  // No finite maximum: the likelihood keeps rising towards 0 (every row predicted with certainty)
  // or the coefficients run away without converging.
  if (!converged || ll > -1e-8 * n || !g.every(Number.isFinite)) throw separation(n);
  const fitted = X.map((row) => {
    const z = row.reduce((a, v, j) => a + v * g[j], 0);
    return link === 'logit' ? 1 / (1 + Math.exp(-z)) : normalCdf(z);
  });
  return { coefficients: g, fitted, logLik: ll, iterations: iter };
}

/**
 * Exit indicator read off the panel: 1 in a firm's last period when that
 * period is before the panel's last period.
 * @example inferExit(['a', 'a', 'b'], [1, 2, 1]) // [0, 0, 1]
 */
export function inferExit(firm: readonly string[], time: readonly number[]): number[] {
  const last = new Map<string, number>();
  firm.forEach((f, r) => last.set(f, Math.max(last.get(f) ?? -Infinity, time[r])));
  const end = time.reduce((a, t) => Math.max(a, t), -Infinity);
  return firm.map((f, r) => (time[r] === last.get(f) && time[r] < end ? 1 : 0));
}
