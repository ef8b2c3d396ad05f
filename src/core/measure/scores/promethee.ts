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
import { checkColumns, checkWeights } from '../weights/input.ts';
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

/**
 * PROMETHEE II flows of the rows (alternatives) of the given columns (criteria).
 * @example prometheeII([[1, 2, 3]], [1], ['+'], [{ fn: 'usual' }]).phi // [-1, 0, 1]
 */
export function prometheeII(
  cols: ArrayLike<number>[],
  weights: ArrayLike<number>,
  directions: Direction[],
  criteria: PrometheeCriterion[],
): PrometheeResult {
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
  const total = Array.from(weights).reduce((a, b) => a + b, 0);
  const w = Array.from(weights, (x) => x / total);
  const phiPlus = new Float64Array(n);
  const phiMinus = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      if (a === b) continue;
      let pi = 0;
      for (let j = 0; j < k; j++) {
        const d = directions[j] === '+' ? cols[j][a] - cols[j][b] : cols[j][b] - cols[j][a];
        pi += w[j] * preferenceValue(criteria[j].fn, d, criteria[j]);
      }
      phiPlus[a] += pi / (n - 1);
      phiMinus[b] += pi / (n - 1);
    }
  }
  const phi = phiPlus.map((v, a) => v - phiMinus[a]);
  return { phiPlus, phiMinus, phi, weights: w, criteria: criteria.map((c) => ({ ...c })) };
}
