/**
 * Rank-sum ratio (秩和比法, RSR), 田凤调 (1988) 《秩和比法及其应用》; 田凤调
 * (1993) 中国卫生统计 10(2); the procedure of SPSSAU / SPSSPRO.
 *
 * Ranks of n units on m indicators (larger rank = better):
 *   integer     (整次秩和比): R_ij = rank of x_ij, ascending for "+", descending for "−", ties averaged
 *   non-integer (非整次秩和比): R_ij = 1 + (n − 1)(x_ij − min_j)/(max_j − min_j)  ("−": (max_j − x_ij))
 *   RSR_i = Σ_j w_j R_ij / n     (Σ_j w_j = 1; equal weights give the classic Σ_j R_ij / (m n))
 * Distribution: the distinct RSR values in ascending order, each with its
 * frequency f, cumulative frequency cf, mean rank R̄ = cf − (f − 1)/2 and
 * p = R̄ / n (the last group 1 − 1/(4n)); probit = 5 + Φ⁻¹(p).
 * Regression (one point per distinct value): RSR = a + b · probit (OLS);
 * fitted RSR_i = a + b · probit_i. Grading: probit cut-offs t_1 < … < t_{g−1}
 * (田凤调's table: 3 grades 4, 6; 4 grades 3.5, 5, 6.5; 5 grades 3.2, 4.4, 5.6,
 * 6.8; 6 grades 3, 4, 5, 6, 7), RSR cut-offs a + b t_k; grade_i = 1 + #{k:
 * fitted_i ≥ a + b t_k} (1 = lowest). Degenerate: a constant column ranks
 * every unit (n + 1)/2 in both variants; fewer than two distinct RSR values
 * leave the regression undefined (a, b, fitted NaN, grade 0) with a warning.
 */
import { normalQuantile } from '../../stats/normal.ts';
import type { Direction } from '../direction.ts';
import { rank } from '../rank.ts';
import { checkColumns, checkWeights, MeasureInputError } from '../weights/input.ts';
import { bi, type Bilingual } from '../../i18n.ts';
import { checkDirections } from './directions.ts';

export const RSR_VARIANTS = ['integer', 'non-integer'] as const;
export type RsrVariant = (typeof RSR_VARIANTS)[number];

/** 田凤调's probit cut-offs by number of grades. */
export const RSR_PROBIT_CUTOFFS: Record<number, number[]> = {
  3: [4, 6],
  4: [3.5, 5, 6.5],
  5: [3.2, 4.4, 5.6, 6.8],
  6: [3, 4, 5, 6, 7],
};

export interface RsrOptions {
  /** integer ranks (default) or non-integer (linear) ranks. */
  variant?: RsrVariant;
  /** Number of grades (3–6, default 3) or explicit increasing probit cut-offs. */
  grades?: number | number[];
}

export interface RsrDistributionRow {
  rsr: number;
  f: number;
  cumulative: number;
  meanRank: number;
  p: number;
  probit: number;
}

export interface RsrResult {
  /** R_ij: ranks[j][i]. */
  ranks: Float64Array[];
  rsr: Float64Array;
  probit: Float64Array;
  fitted: Float64Array;
  /** 1 = lowest grade; 0 when the regression is undefined. */
  grade: Float64Array;
  distribution: RsrDistributionRow[];
  regression: { intercept: number; slope: number; r2: number; points: number };
  /** Probit cut-offs and the RSR cut-offs a + b t. */
  probitCutoffs: number[];
  rsrCutoffs: number[];
  warnings: Bilingual[];
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Rank-sum ratio with probit regression and grading (formulas in the module comment).
 * @example rankSumRatio([[1, 2, 3], [3, 1, 2]], [0.5, 0.5], ['+', '+']).rsr // [2/3, 1/2, 5/6]
 */
export function rankSumRatio(
  cols: ArrayLike<number>[],
  weights: number[],
  directions: Direction[],
  opts: RsrOptions = {},
): RsrResult {
  const n = checkColumns(cols, 'RSR');
  const m = cols.length;
  checkWeights(weights, m, 'RSR');
  checkDirections(directions, m, 'RSR');
  const variant = opts.variant ?? 'integer';
  const cut = Array.isArray(opts.grades) ? opts.grades : RSR_PROBIT_CUTOFFS[opts.grades ?? 3];
  if (!cut || cut.some((t, k) => !Number.isFinite(t) || (k > 0 && t <= cut[k - 1])))
    throw new MeasureInputError({
      code: 'rsr-grades',
      severity: 'error',
      message: bi(
        `RSR 分档设置无效：${JSON.stringify(opts.grades)}`,
        `invalid RSR grades: ${JSON.stringify(opts.grades)}`,
      ),
      fix: bi(
        'grades 取 3–6，或给出递增的概率单位（probit）分界值，如 [4, 6]',
        'give grades 3–6, or increasing probit cut-offs such as [4, 6]',
      ),
    });
  let wsum = 0;
  for (const w of weights) wsum += w;
  const ranks = cols.map((x, j) => {
    const neg = directions[j] === '-';
    let lo = x[0];
    let hi = x[0];
    for (let i = 1; i < n; i++) {
      if (x[i] < lo) lo = x[i];
      if (x[i] > hi) hi = x[i];
    }
    if (hi === lo) return new Float64Array(n).fill((n + 1) / 2);
    if (variant === 'integer') return rank(x, { order: neg ? 'desc' : 'asc', ties: 'average' });
    const r = new Float64Array(n);
    for (let i = 0; i < n; i++) r[i] = 1 + ((n - 1) * (neg ? hi - x[i] : x[i] - lo)) / (hi - lo);
    return r;
  });
  const rsr = new Float64Array(n);
  for (let j = 0; j < m; j++) for (let i = 0; i < n; i++) rsr[i] += (weights[j] / wsum) * ranks[j][i];
  for (let i = 0; i < n; i++) rsr[i] /= n;

  // distribution of the distinct values
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => rsr[a] - rsr[b]);
  const distribution: RsrDistributionRow[] = [];
  const probit = new Float64Array(n);
  for (let s = 0; s < n; ) {
    let e = s + 1;
    while (e < n && same(rsr[order[e]], rsr[order[s]])) e++;
    const f = e - s;
    const meanRank = e - (f - 1) / 2;
    const p = e === n ? 1 - 1 / (4 * n) : meanRank / n;
    const pr = 5 + normalQuantile(p);
    distribution.push({ rsr: rsr[order[s]], f, cumulative: e, meanRank, p, probit: pr });
    for (let k = s; k < e; k++) probit[order[k]] = pr;
    s = e;
  }
  // OLS of RSR on probit over the distinct values
  const warnings: Bilingual[] = [];
  const q = distribution.length;
  let intercept = Number.NaN;
  let slope = Number.NaN;
  let r2 = Number.NaN;
  if (q >= 2) {
    let mx = 0;
    let my = 0;
    for (const d of distribution) {
      mx += d.probit / q;
      my += d.rsr / q;
    }
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (const d of distribution) {
      sxy += (d.probit - mx) * (d.rsr - my);
      sxx += (d.probit - mx) ** 2;
      syy += (d.rsr - my) ** 2;
    }
    slope = sxy / sxx;
    intercept = my - slope * mx;
    r2 = (sxy * sxy) / (sxx * syy);
  } else
    warnings.push(
      bi(
        'RSR 不同取值少于两个，概率单位回归与分档无定义',
        'RSR: fewer than two distinct values, the probit regression and the grades are undefined',
      ),
    );
  const fitted = new Float64Array(n);
  const grade = new Float64Array(n);
  const rsrCutoffs = cut.map((t) => intercept + slope * t);
  for (let i = 0; i < n; i++) {
    fitted[i] = intercept + slope * probit[i];
    if (q < 2) continue;
    let g = 1;
    for (const c of rsrCutoffs) if (fitted[i] >= c - 1e-12 * Math.max(1, Math.abs(c))) g++;
    grade[i] = g;
  }
  return {
    ranks,
    rsr,
    probit,
    fitted,
    grade,
    distribution,
    regression: { intercept, slope, r2, points: q },
    probitCutoffs: [...cut],
    rsrCutoffs,
    warnings,
  };
}
