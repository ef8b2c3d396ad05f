/**
 * PROMETHEE II net outranking flows (Brans & Vincke 1985, Management Science
 * 31: 647–656; Brans & Mareschal 2005, in Figueira et al. (eds.) Multiple
 * Criteria Decision Analysis, ch. 5).
 *
 *   d_j(a,b) = g_j(a) − g_j(b) for a "+" criterion, g_j(b) − g_j(a) for "−"
 *   π(a,b)   = Σ_j w_j P_j(d_j(a,b)) / Σ_j w_j       (weights are normalised to sum 1)
 *   φ⁺(a) = Σ_b π(a,b) / (n−1),  φ⁻(a) = Σ_b π(b,a) / (n−1),  φ(a) = φ⁺(a) − φ⁻(a)
 *
 * The six preference functions ("generalised criteria") of Brans & Vincke, P(d) = 0 for d ≤ 0 in all of them:
 *   usual     P = 1 for d > 0
 *   u-shape   P = 1 for d > q (quasi-criterion), else 0
 *   v-shape   P = d/p for 0 < d ≤ p, 1 beyond        (linear preference)
 *   level     P = 0 for d ≤ q, 1/2 for q < d ≤ p, 1 beyond
 *   linear    P = (d − q)/(p − q) for q < d ≤ p, 1 beyond (V-shape with indifference)
 *   gaussian  P = 1 − exp(−d² / (2 s²))
 * Σφ = 0 always; a constant criterion contributes nothing.
 */
import { XinzhiError } from '../../errors.ts';
import { bi } from '../../i18n.ts';
import type { Direction } from '../direction.ts';
import { lowProduct } from '../../stats/exact.ts';
import { checkColumns, checkWeights, sumToOne } from '../weights/input.ts';
import { checkDirections } from './directions.ts';

export const PREFERENCE_FUNCTIONS = ['usual', 'u-shape', 'v-shape', 'level', 'linear', 'gaussian'] as const;
export type PreferenceFunction = (typeof PREFERENCE_FUNCTIONS)[number];

export interface PreferenceParameters {
  /** Indifference threshold (u-shape, level, linear). */
  q?: number;
  /** Preference threshold (v-shape, level, linear). */
  p?: number;
  /** Inflection point (gaussian). */
  s?: number;
}

export interface PrometheeCriterion extends PreferenceParameters {
  fn: PreferenceFunction;
}

export interface PrometheeResult {
  phiPlus: Float64Array;
  phiMinus: Float64Array;
  phi: Float64Array;
  /** Weights as used (normalised to sum 1). */
  weights: number[];
  criteria: PrometheeCriterion[];
}

/**
 * One preference function at a difference d (formulas in the module comment).
 * @example preferenceValue('linear', 1.5, { q: 1, p: 2 }) // 0.5
 */
export function preferenceValue(fn: PreferenceFunction, d: number, par: PreferenceParameters): number {
  if (d <= 0) return 0;
  switch (fn) {
    case 'usual':
      return 1;
    case 'u-shape':
      return d > par.q! ? 1 : 0;
    case 'v-shape':
      return d >= par.p! ? 1 : d / par.p!;
    case 'level':
      return d <= par.q! ? 0 : d <= par.p! ? 0.5 : 1;
    case 'linear':
      return d <= par.q! ? 0 : d >= par.p! ? 1 : (d - par.q!) / (par.p! - par.q!);
    case 'gaussian':
      return 1 - Math.exp(-(d * d) / (2 * par.s! * par.s!));
  }
}

/** Check one criterion's function and thresholds (j: its position, for messages). */
export function checkCriterion(c: PrometheeCriterion, j = 0): void {
  const need: Record<PreferenceFunction, Array<keyof PreferenceParameters>> = {
    usual: [],
    'u-shape': ['q'],
    'v-shape': ['p'],
    level: ['q', 'p'],
    linear: ['q', 'p'],
    gaussian: ['s'],
  };
  const bad = (zh: string, en: string, fixZh: string, fixEn: string) =>
    new XinzhiError({
      code: 'promethee-criterion',
      severity: 'error',
      message: bi(`PROMETHEE 第 ${j + 1} 个指标：${zh}`, `PROMETHEE criterion ${j + 1}: ${en}`),
      fix: bi(fixZh, fixEn),
    });
  if (!PREFERENCE_FUNCTIONS.includes(c.fn))
    throw bad(
      `未知的偏好函数 "${String(c.fn)}"`,
      `unknown preference function "${String(c.fn)}"`,
      `可选：${PREFERENCE_FUNCTIONS.join(', ')}`,
      `choose one of: ${PREFERENCE_FUNCTIONS.join(', ')}`,
    );
  for (const k of need[c.fn]) {
    const v = c[k];
    if (v === undefined || !Number.isFinite(v) || v < 0 || (k !== 'q' && v === 0))
      throw bad(
        `${c.fn} 需要参数 ${k}`,
        `${c.fn} needs the parameter ${k}`,
        `给出 ${k}（${k === 'q' ? '≥ 0' : '> 0'}，与该指标同单位）`,
        `give ${k} (${k === 'q' ? '≥ 0' : '> 0'}, in the criterion's units)`,
      );
  }
  if ((c.fn === 'level' || c.fn === 'linear') && !(c.q! < c.p!))
    throw bad(
      '需要 q < p',
      'needs q < p',
      '使无差异阈值 q 小于偏好阈值 p',
      'make the indifference threshold q smaller than the preference threshold p',
    );
}

/** Functions whose flows need every pair (not a function of ranks and running sums): a sample's size is capped for them. */
export const PAIRWISE_FUNCTIONS: readonly PreferenceFunction[] = ['gaussian'];

/**
 * PROMETHEE II flows of the rows (alternatives) of the given columns (criteria).
 *
 * Per criterion, the flows of the five piecewise functions come from the
 * sorted column instead of from every pair: for a row with value x and the
 * sorted values s_0 ≤ … ≤ s_{n−1}, d_i = x − s_i falls as i rises, so the
 * rows with d above a threshold form a prefix, whose end only moves forward
 * as x rises: one sweep over the sorted values finds them all (with d
 * computed as in the pairwise sum, so ties and values on a threshold count
 * as there). Σ d_i over a range is m·x − (S_hi − S_lo) from running sums S
 * of the sorted values, kept and combined in double-double arithmetic.
 * O(n log n) per criterion instead of O(n²); the gaussian function still
 * takes every pair, once, in sorted order (pairwiseFlows). Rows with the
 * same values get the same flows.
 *
 * @example prometheeII([[1, 2, 3]], [1], ['+'], [{ fn: 'usual' }]).phi // [-1, 0, 1]
 */
export function prometheeII(
  cols: ArrayLike<number>[],
  weights: ArrayLike<number>,
  directions: Direction[],
  criteria: PrometheeCriterion[],
): PrometheeResult {
  const n = checkPrometheeInput(cols, weights, directions, criteria);
  const w = sumToOne(weights);
  const sums = { phiPlus: new Float64Array(n), phiMinus: new Float64Array(n) };
  const flows = { plus: new Float64Array(n), minus: new Float64Array(n) };
  const g = new Float64Array(n);
  for (let j = 0; j < cols.length; j++) {
    if (w[j] === 0) continue;
    criterionFlows(cols[j], directions[j], criteria[j], flows, g);
    addFlows(sums, w[j], flows);
  }
  return { ...netFlows(sums), weights: w, criteria: criteria.map((c) => ({ ...c })) };
}

/** Checks prometheeII's input and gives the number of rows (throws the errors prometheeII throws). */
export function checkPrometheeInput(
  cols: ArrayLike<number>[],
  weights: ArrayLike<number>,
  directions: Direction[],
  criteria: PrometheeCriterion[],
): number {
  const n = checkColumns(cols, 'PROMETHEE II', { minRows: 2 });
  const k = cols.length;
  checkWeights(weights, k, 'PROMETHEE II');
  checkDirections(directions, k, 'PROMETHEE II');
  if (criteria.length !== k)
    throw new XinzhiError({
      code: 'promethee-criterion',
      severity: 'error',
      message: bi(
        `PROMETHEE：偏好函数 ${criteria.length} 个，指标 ${k} 个`,
        `PROMETHEE: ${criteria.length} preference functions for ${k} criteria`,
      ),
      fix: bi('为每个指标给出一个偏好函数', 'give one preference function per criterion'),
    });
  criteria.forEach(checkCriterion);
  return n;
}

/** One criterion's unweighted flows: plus[a] = Σ_b P(d(a,b)), minus[a] = Σ_b P(d(b,a)). */
export interface CriterionFlows {
  plus: Float64Array;
  minus: Float64Array;
}

/**
 * The flows of one criterion (column `col`, `direction`, preference function
 * `c`) into `into` (new arrays by default); `g` is scratch space of n numbers.
 * @example criterionFlows([1, 2, 3], '+', { fn: 'usual' }).plus // [0, 1, 2]
 */
export function criterionFlows(
  col: ArrayLike<number>,
  direction: Direction,
  c: PrometheeCriterion,
  into: CriterionFlows = { plus: new Float64Array(col.length), minus: new Float64Array(col.length) },
  g = new Float64Array(col.length),
): CriterionFlows {
  const n = col.length;
  // d_j(a,b) = g(a) − g(b) with g the column or its negative: −(y − x) is x − y exactly
  for (let a = 0; a < n; a++) g[a] = direction === '+' ? col[a] : -col[a];
  if (c.fn === 'gaussian') pairwiseFlows(g, c, into.plus, into.minus);
  else sortedFlows(g, c, into.plus, into.minus);
  return into;
}

/** Adds one criterion's flows, weighted by w_j, to the running sums of φ⁺ and φ⁻ (criteria in their order). */
export function addFlows(
  sums: { phiPlus: Float64Array; phiMinus: Float64Array },
  wj: number,
  flows: CriterionFlows,
): void {
  const { phiPlus, phiMinus } = sums;
  const { plus, minus } = flows;
  for (let a = 0; a < phiPlus.length; a++) {
    phiPlus[a] += wj * plus[a];
    phiMinus[a] += wj * minus[a];
  }
}

/** φ⁺ and φ⁻ from the weighted sums (divided by n − 1, in place) and φ = φ⁺ − φ⁻. */
export function netFlows(sums: { phiPlus: Float64Array; phiMinus: Float64Array }): {
  phiPlus: Float64Array;
  phiMinus: Float64Array;
  phi: Float64Array;
} {
  const { phiPlus, phiMinus } = sums;
  const n = phiPlus.length;
  for (let a = 0; a < n; a++) {
    phiPlus[a] /= n - 1;
    phiMinus[a] /= n - 1;
  }
  const phi = phiPlus.map((v, a) => v - phiMinus[a]);
  return { phiPlus, phiMinus, phi };
}

/**
 * Σ_b P(g_a − g_b) into plus[a] and Σ_b P(g_b − g_a) into minus[a] for the
 * gaussian function, over every pair once, from the sorted values s: for the
 * value at position r, every larger value s_i (i past r's run of equal
 * values) adds P(s_i − s_r) to r's minus flow and to i's plus flow, so the
 * loop has no test of the difference's sign. Rows with equal values get the
 * same flows (the same terms added in the same order).
 */
function pairwiseFlows(g: Float64Array, c: PrometheeCriterion, plus: Float64Array, minus: Float64Array): void {
  const n = g.length;
  const s = Float64Array.from(g).sort();
  const s2 = 2 * c.s! * c.s!;
  const plusAt = new Float64Array(n);
  const minusAt = new Float64Array(n);
  let next = 0; // the first position holding a value larger than s[r]
  for (let r = 0; r < n; r++) {
    if (next <= r) {
      next = r + 1;
      while (next < n && s[next] === s[r]) next++;
    }
    const x = s[r];
    let down = 0;
    for (let i = next; i < n; i++) {
      const d = x - s[i];
      const v = 1 - Math.exp(-(d * d) / s2);
      down += v;
      plusAt[i] += v;
    }
    minusAt[r] = down;
  }
  for (let a = 0; a < n; a++) {
    const r = firstAtLeast(s, g[a]);
    plus[a] = plusAt[r];
    minus[a] = minusAt[r];
  }
}

/**
 * plus[a] = Σ_b P(g_a − g_b) and minus[a] = Σ_b P(g_b − g_a) for the
 * piecewise functions, from the sorted values s (see prometheeII). The flows
 * are found for each sorted value s_r in one sweep: every count of the form
 * #{i : s_r − s_i > t} (or ≥ t, or s_i − s_r > t) moves only forward as r
 * rises, so each is a pointer. A row then takes the flows of its value's
 * first position in s.
 */
function sortedFlows(g: Float64Array, c: PrometheeCriterion, plus: Float64Array, minus: Float64Array): void {
  const n = g.length;
  const s = Float64Array.from(g).sort();
  const ramp = c.fn === 'v-shape' || c.fn === 'linear';
  // running sums of the sorted values, S[i] = Σ_{t<i} s_t, as hi + lo
  const sumHi = new Float64Array(ramp ? n + 1 : 0);
  const sumLo = new Float64Array(ramp ? n + 1 : 0);
  if (ramp) {
    let hi = 0;
    let lo = 0;
    for (let i = 0; i < n; i++) {
      const t = hi + s[i];
      const bb = t - hi;
      lo += hi - (t - bb) + (s[i] - bb);
      hi = t;
      sumHi[i + 1] = hi;
      sumLo[i + 1] = lo;
    }
  }
  /** Σ_{i ∈ [from, to)} (x − s_i), in double-double until the last step. */
  const spread = (x: number, from: number, to: number): number => {
    const m = to - from;
    if (m <= 0) return 0;
    // R = S[to] − S[from]
    const rh = sumHi[to] - sumHi[from];
    const rb = rh - sumHi[to];
    const re = sumHi[to] - (rh - rb) + (-sumHi[from] - rb) + (sumLo[to] - sumLo[from]);
    // m·x = ph + pe exactly (Dekker), then m·x − R
    const ph = m * x;
    const pe = lowProduct(m, x, ph);
    const t = ph - rh;
    const tb = t - ph;
    const te = ph - (t - tb) + (-rh - tb);
    return t + (te + pe - re);
  };
  const q = c.q ?? 0;
  const p = c.p ?? 0;
  const plusAt = new Float64Array(n);
  const minusAt = new Float64Array(n);
  // plus side, d_i = s_r − s_i (falls with i): gtQ = #{d_i > q}, gt0 = #{d_i > 0}, gtP = #{d_i > p}, geP = #{d_i ≥ p}
  // minus side, e_i = s_i − s_r (rises with i): first index with e_i > q, > 0, > p, ≥ p
  let gtQ = 0;
  let gt0 = 0;
  let gtP = 0;
  let geP = 0;
  let mQ = 0;
  let m0 = 0;
  let mP = 0;
  let mPe = 0;
  for (let r = 0; r < n; r++) {
    const x = s[r];
    if (r > 0 && x === s[r - 1]) {
      plusAt[r] = plusAt[r - 1];
      minusAt[r] = minusAt[r - 1];
      continue;
    }
    while (gt0 < n && x - s[gt0] > 0) gt0++;
    while (m0 < n && !(s[m0] - x > 0)) m0++;
    switch (c.fn) {
      case 'usual':
        plusAt[r] = gt0;
        minusAt[r] = n - m0;
        break;
      case 'u-shape':
        while (gtQ < n && x - s[gtQ] > q) gtQ++;
        while (mQ < n && !(s[mQ] - x > q)) mQ++;
        plusAt[r] = gtQ;
        minusAt[r] = n - mQ;
        break;
      case 'level':
        while (gtQ < n && x - s[gtQ] > q) gtQ++;
        while (gtP < n && x - s[gtP] > p) gtP++;
        while (mQ < n && !(s[mQ] - x > q)) mQ++;
        while (mP < n && !(s[mP] - x > p)) mP++;
        plusAt[r] = gtP + 0.5 * (gtQ - gtP);
        minusAt[r] = n - mP + 0.5 * (mP - mQ);
        break;
      case 'v-shape':
        // 1 for d ≥ p, d/p for 0 < d < p
        while (geP < n && x - s[geP] >= p) geP++;
        while (mPe < n && s[mPe] - x < p) mPe++;
        plusAt[r] = geP + spread(x, geP, gt0) / p;
        minusAt[r] = n - mPe + -spread(x, m0, mPe) / p;
        break;
      case 'linear':
        // 1 for d ≥ p, (d − q)/(p − q) for q < d < p
        while (gtQ < n && x - s[gtQ] > q) gtQ++;
        while (geP < n && x - s[geP] >= p) geP++;
        while (mQ < n && !(s[mQ] - x > q)) mQ++;
        while (mPe < n && s[mPe] - x < p) mPe++;
        plusAt[r] = geP + (spread(x, geP, gtQ) - (gtQ - geP) * q) / (p - q);
        minusAt[r] = n - mPe + (-spread(x, mQ, mPe) - (mPe - mQ) * q) / (p - q);
        break;
      default:
        throw new Error(`sortedFlows: ${c.fn} is not piecewise`);
    }
  }
  for (let a = 0; a < n; a++) {
    const r = firstAtLeast(s, g[a]);
    plus[a] = plusAt[r];
    minus[a] = minusAt[r];
  }
}

/** The first position of a sorted array holding a value ≥ x (binary search). */
function firstAtLeast(s: Float64Array, x: number): number {
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
