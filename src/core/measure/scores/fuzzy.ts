/**
 * Fuzzy comprehensive evaluation (模糊综合评价), Zadeh (1965) Information and
 * Control 8:338–353; 汪培庄 (1983) 《模糊集合论及其应用》; the one-level model
 * B = W ∘ R of SPSSAU / SPSSPRO and Chinese textbooks (司守奎《数学建模算法与应用》).
 *
 * For each unit, R = (r_jk) is the membership of indicator j in grade k
 * (m × g), W = (w_j) the indicator weights (Σ w_j = 1). Composition operators:
 *   weighted-average   M(·,+):  b_k = Σ_j w_j r_jk        (default; uses all information)
 *   min-max            M(∧,∨):  b_k = max_j min(w_j, r_jk)   (main-factor decisive)
 *   product-max        M(·,∨):  b_k = max_j w_j r_jk         (main-factor prominent)
 *   min-bounded-sum    M(∧,⊕):  b_k = min(1, Σ_j min(w_j, r_jk))
 * b' = b / Σ_k b_k (normalised); grade by maximum membership = argmax_k b_k
 * (ties: the lowest such grade, flagged); weighted grade score = Σ_k b'_k s_k
 * with grade scores s_k (default 1, …, g).
 *
 * Memberships from values (after normalisation, larger = better):
 *   centres c_1 < … < c_g: grade 1 is 1 for x ≤ c_1 falling linearly to 0 at
 *   c_2; grade k (1 < k < g) the triangle (c_{k−1}, c_k, c_{k+1}); grade g
 *   rises from c_{g−1} to 1 at c_g and stays 1 (the memberships sum to 1);
 *   trapezoids [a, b, c, d]: 0 below a, rising to 1 at b, 1 to c, falling to
 *   0 at d; a = b = null opens the left side (1 below c), c = d = null the
 *   right side (1 above b); a triangle is b = c.
 * Degenerate: Σ_k b_k = 0 (no membership anywhere) gives b' NaN, score NaN and
 * grade 0, with a warning.
 */
import { bi, type Bilingual } from '../../i18n.ts';
import { checkColumns, checkWeights, MeasureInputError } from '../weights/input.ts';

export const FUZZY_OPERATORS = ['weighted-average', 'min-max', 'product-max', 'min-bounded-sum'] as const;
export type FuzzyOperator = (typeof FUZZY_OPERATORS)[number];

/** A trapezoid [a, b, c, d]; null a, b (or c, d) open the left (right) side. */
export type Trapezoid = [number | null, number | null, number | null, number | null];

export type MembershipFunctions = { centres: number[] } | { trapezoids: Trapezoid[] };

export interface FuzzyResult {
  /** b_k per grade: b[k][i]. */
  b: Float64Array[];
  /** b'_k = b_k / Σ b. */
  normalised: Float64Array[];
  /** Grade by maximum membership, 1-based; 0 when Σ b = 0. */
  grade: Float64Array;
  /** 1 where two or more grades share the maximum. */
  tie: Float64Array;
  score: Float64Array;
  warnings: Bilingual[];
}

function badFunctions(detail: string): MeasureInputError {
  return new MeasureInputError({
    code: 'fuzzy-membership',
    severity: 'error',
    message: bi(`模糊隶属函数无效：${detail}`, `invalid fuzzy membership functions: ${detail}`),
    fix: bi(
      'centres 须严格递增且至少 2 个；梯形 [a, b, c, d] 须 a ≤ b ≤ c ≤ d（左开写 null, null，右开写 null, null）',
      'centres must be strictly increasing, at least 2; a trapezoid [a, b, c, d] needs a ≤ b ≤ c ≤ d (null, null opens the left or right side)',
    ),
  });
}

/** Check membership functions; returns the number of grades. */
export function checkMembership(f: MembershipFunctions): number {
  if ('centres' in f) {
    const c = f.centres;
    if (c.length < 2 || c.some((v, k) => !Number.isFinite(v) || (k > 0 && v <= c[k - 1])))
      throw badFunctions(`centres ${JSON.stringify(c)}`);
    return c.length;
  }
  const t = f.trapezoids;
  if (t.length < 2) throw badFunctions('fewer than 2 grades');
  for (const [a, b, c, d] of t) {
    const leftOpen = a === null && b === null;
    const rightOpen = c === null && d === null;
    const pts = [a, b, c, d].filter((v): v is number => v !== null);
    const ok =
      (leftOpen || (a !== null && b !== null)) &&
      (rightOpen || (c !== null && d !== null)) &&
      !(leftOpen && rightOpen) &&
      pts.every((v, k) => Number.isFinite(v) && (k === 0 || v >= pts[k - 1]));
    if (!ok) throw badFunctions(JSON.stringify([a, b, c, d]));
  }
  return t.length;
}

/**
 * Membership of value x in every grade (formulas in the module comment).
 * @example membership(0.6, { centres: [0, 0.5, 1] }) // [0, 0.8, 0.2]
 */
export function membership(x: number, f: MembershipFunctions): number[] {
  const g = 'centres' in f ? f.centres.length : f.trapezoids.length;
  const out = new Array<number>(g).fill(0);
  membershipInto(x, f, out);
  return out;
}

/**
 * Memberships of every value of a column, one column per grade: out[k][i]
 * is membership(x[i], f)[k], with no array made per value.
 * @example membershipColumns([0.6, 1], { centres: [0, 0.5, 1] }) // [[0, 0], [0.8, 0], [0.2, 1]]
 */
export function membershipColumns(x: ArrayLike<number>, f: MembershipFunctions): Float64Array[] {
  const g = 'centres' in f ? f.centres.length : f.trapezoids.length;
  const out = Array.from({ length: g }, () => new Float64Array(x.length));
  const one = new Array<number>(g).fill(0);
  for (let i = 0; i < x.length; i++) {
    one.fill(0);
    membershipInto(x[i], f, one);
    for (let k = 0; k < g; k++) out[k][i] = one[k];
  }
  return out;
}

/** Write the memberships of x into out (zeros in, one entry per grade). */
function membershipInto(x: number, f: MembershipFunctions, out: number[]): void {
  if ('centres' in f) {
    const c = f.centres;
    const g = c.length;
    if (x <= c[0]) out[0] = 1;
    else if (x >= c[g - 1]) out[g - 1] = 1;
    else {
      let k = 0;
      while (x > c[k + 1]) k++;
      const t = (x - c[k]) / (c[k + 1] - c[k]);
      out[k] = 1 - t;
      out[k + 1] = t;
    }
    return;
  }
  const t = f.trapezoids;
  for (let k = 0; k < t.length; k++) {
    const [a, b, c, d] = t[k];
    if (a !== null && b !== null && x < b) out[k] = x <= a ? 0 : (x - a) / (b - a);
    else if (c !== null && d !== null && x > c) out[k] = x >= d ? 0 : (d - x) / (d - c);
    else out[k] = 1;
  }
}

/**
 * One-level fuzzy comprehensive evaluation of every unit: `r[j][k][i]` is the
 * membership of unit i's indicator j in grade k (columns: r[j][k] over units).
 * @example fuzzyEvaluate([[[0.2], [0.8]], [[0.6], [0.4]]], [0.5, 0.5]).b // [[0.4], [0.6]]
 */
export function fuzzyEvaluate(
  r: ArrayLike<number>[][],
  weights: number[],
  opts: { operator?: FuzzyOperator; scores?: number[] } = {},
): FuzzyResult {
  const m = r.length;
  checkWeights(weights, m, 'fuzzy');
  const g = r[0]?.length ?? 0;
  const n = checkColumns(r.flat(), 'fuzzy');
  const op = opts.operator ?? 'weighted-average';
  const scores = opts.scores ?? Array.from({ length: g }, (_, k) => k + 1);
  if (scores.length !== g || scores.some((s) => !Number.isFinite(s)))
    throw new MeasureInputError({
      code: 'fuzzy-scores',
      severity: 'error',
      message: bi(
        `等级分值须有 ${g} 个有限数，得到 ${JSON.stringify(scores)}`,
        `grade scores need ${g} finite numbers, got ${JSON.stringify(scores)}`,
      ),
      fix: bi(
        '每个等级给一个分值，如 [1, 2, 3, 4, 5] 或 [60, 70, 80, 90, 100]',
        'give one score per grade, e.g. [1, 2, 3, 4, 5] or [60, 70, 80, 90, 100]',
      ),
    });
  let wsum = 0;
  for (const w of weights) wsum += w;
  const w = weights.map((v) => v / wsum);
  const b = Array.from({ length: g }, () => new Float64Array(n));
  for (let k = 0; k < g; k++) {
    const bk = b[k];
    for (let i = 0; i < n; i++) {
      let acc = 0;
      for (let j = 0; j < m; j++) {
        const v = r[j][k][i];
        if (op === 'weighted-average') acc += w[j] * v;
        else if (op === 'min-max') acc = Math.max(acc, Math.min(w[j], v));
        else if (op === 'product-max') acc = Math.max(acc, w[j] * v);
        else acc += Math.min(w[j], v);
      }
      bk[i] = op === 'min-bounded-sum' ? Math.min(1, acc) : acc;
    }
  }
  const normalised = Array.from({ length: g }, () => new Float64Array(n));
  const grade = new Float64Array(n);
  const tie = new Float64Array(n);
  const score = new Float64Array(n);
  const warnings: Bilingual[] = [];
  let empty = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    let best = 0;
    for (let k = 0; k < g; k++) {
      s += b[k][i];
      if (b[k][i] > b[best][i]) best = k;
    }
    if (!(s > 0)) {
      empty++;
      for (let k = 0; k < g; k++) normalised[k][i] = Number.NaN;
      score[i] = Number.NaN;
      continue;
    }
    let sc = 0;
    for (let k = 0; k < g; k++) {
      normalised[k][i] = b[k][i] / s;
      sc += normalised[k][i] * scores[k];
      if (k !== best && b[k][i] === b[best][i]) tie[i] = 1;
    }
    grade[i] = best + 1;
    score[i] = sc;
  }
  if (empty)
    warnings.push(
      bi(
        `模糊评价：${empty} 个单位在所有等级上隶属度均为 0（得分 NaN）`,
        `fuzzy: ${empty} unit(s) with no membership in any grade (score NaN)`,
      ),
    );
  return { b, normalised, grade, tie, score, warnings };
}
