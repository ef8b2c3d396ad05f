/**
 * Coupling coordination of n ≥ 2 systems (耦合协调度模型), per unit and time.
 * Each system has a development level U_i ∈ [0, 1] (e.g. its index score on
 * min-max normalised data).
 *
 * Coupling degree C, two forms (both named in the output):
 *
 *   standard   C = n · [ Π_i U_i / (Σ_i U_i)^n ]^(1/n)                    = geometric mean / arithmetic mean
 *              for n = 2:  C = 2 √(U_1 U_2) / (U_1 + U_2)
 *              (the normative form of the traditional model as restated by 王淑佳 et al. 2021;
 *               C ∈ [0, 1] but bunched near 1 for most data.)
 *   corrected  C = sqrt{ [1 − Σ_{i>j} √((U_i − U_j)²) / Σ_{m=1}^{n−1} m] · [Π_i (U_i / max_i U_i)]^(1/(n−1)) }
 *              for n = 2:  C = sqrt{ (1 − |U_1 − U_2|) · min(U)/max(U) }
 *              (王淑佳, 孔伟, 任亮, 治丹丹, 戴彬婷 2021. 国内耦合协调度模型的误区及修正.
 *               自然资源学报 36(3): 793–810 (https://www.jnr.ac.cn/article/2021/1000-3037/1000-3037-36-3-793.shtml) — the modified
 *               model, which spreads C over [0, 1].)
 *
 * Comprehensive development index T = Σ_i α_i U_i (Σ α_i = 1, default α_i = 1/n),
 * coupling coordination degree D = √(C · T).
 *
 * Zero levels: if some U_i = 0 (and not all), C = 0 in both forms. If every
 * U_i = 0, Σ U = 0 and max U = 0 make C 0/0; it is defined as C = 0 (no
 * development, no coordination), and D = 0.
 *
 * Classes of D (ten equal intervals, lower bound inclusive, the last closed):
 * [0,0.1) 极度失调 extreme imbalance, [0.1,0.2) 严重失调 serious imbalance,
 * [0.2,0.3) 中度失调 moderate imbalance, [0.3,0.4) 轻度失调 mild imbalance,
 * [0.4,0.5) 濒临失调 on the verge of imbalance, [0.5,0.6) 勉强协调 barely coordinated,
 * [0.6,0.7) 初级协调 primary coordination, [0.7,0.8) 中级协调 intermediate coordination,
 * [0.8,0.9) 良好协调 good coordination, [0.9,1] 优质协调 high-quality coordination.
 *
 * Relative development type of two systems (相对发展类型), tolerance τ:
 *   difference rule (default, τ = 0.1): U_1 − U_2 > τ → system 2 lags (U_2 滞后型);
 *     |U_1 − U_2| ≤ τ → synchronous (同步型); U_2 − U_1 > τ → system 1 lags (U_1 滞后型).
 *   ratio rule: E = U_1 / U_2; E < 1 − τ → system 1 lags; 1 − τ ≤ E ≤ 1 + τ → synchronous;
 *     E > 1 + τ → system 2 lags (U_2 = 0: system 2 lags unless U_1 = 0 too, then synchronous).
 * "System 1 lags" is the same as "system 2 leads" (超前).
 */
import { XinzhiError, type Problem } from '../errors.ts';
import { bi, type Bilingual } from '../i18n.ts';
import type { Time } from '../panel/types.ts';

export type CouplingForm = 'standard' | 'corrected';

/** Coupling degree C of levels u (n ≥ 2), in the given form. */
export function couplingDegree(u: ArrayLike<number>, form: CouplingForm = 'standard'): number {
  const n = u.length;
  if (n < 2) throw new Error('couplingDegree: at least two systems');
  let sum = 0;
  let max = 0;
  let anyZero = false;
  for (let i = 0; i < n; i++) {
    sum += u[i];
    if (u[i] > max) max = u[i];
    if (u[i] === 0) anyZero = true;
  }
  if (max === 0 || anyZero) return 0;
  if (form === 'standard') {
    // n · (Π U)^(1/n) / Σ U, via logs to avoid underflow for many systems.
    let logProd = 0;
    for (let i = 0; i < n; i++) logProd += Math.log(u[i]);
    return Math.min(1, (n * Math.exp(logProd / n)) / sum);
  }
  let diff = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) diff += Math.sqrt((u[i] - u[j]) ** 2);
  const pairsNorm = (n * (n - 1)) / 2; // Σ_{m=1}^{n−1} m
  let logRatio = 0;
  for (let i = 0; i < n; i++) logRatio += Math.log(u[i] / max);
  const inner = (1 - diff / pairsNorm) * Math.exp(logRatio / (n - 1));
  return Math.sqrt(Math.max(0, inner));
}

export interface CoordinationClass {
  /** 1 (极度失调) … 10 (优质协调). */
  level: number;
  label: Bilingual;
  /** Interval [lower, upper) (upper closed for level 10). */
  lower: number;
  upper: number;
}

export const COORDINATION_LABELS: Bilingual[] = [
  bi('极度失调', 'extreme imbalance'),
  bi('严重失调', 'serious imbalance'),
  bi('中度失调', 'moderate imbalance'),
  bi('轻度失调', 'mild imbalance'),
  bi('濒临失调', 'on the verge of imbalance'),
  bi('勉强协调', 'barely coordinated'),
  bi('初级协调', 'primary coordination'),
  bi('中级协调', 'intermediate coordination'),
  bi('良好协调', 'good coordination'),
  bi('优质协调', 'high-quality coordination'),
];

const BOUNDS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

/** The 10-level class of a coordination degree D ∈ [0, 1]. */
export function coordinationClass(D: number): CoordinationClass {
  let level = 1;
  for (let k = 1; k <= 9; k++) if (D >= BOUNDS[k]) level = k + 1;
  return { level, label: COORDINATION_LABELS[level - 1], lower: BOUNDS[level - 1], upper: BOUNDS[level] };
}

export type RelativeRule = 'difference' | 'ratio';
export type RelativeType = 'system1-lagging' | 'synchronous' | 'system2-lagging';

/** Relative development type of two systems under the difference or ratio rule with tolerance τ. */
export function relativeType(u1: number, u2: number, rule: RelativeRule = 'difference', tolerance = 0.1): RelativeType {
  if (rule === 'difference') {
    const d = u1 - u2;
    if (d > tolerance) return 'system2-lagging';
    if (-d > tolerance) return 'system1-lagging';
    return 'synchronous';
  }
  if (u2 === 0) return u1 === 0 ? 'synchronous' : 'system2-lagging';
  const e = u1 / u2;
  if (e < 1 - tolerance) return 'system1-lagging';
  if (e > 1 + tolerance) return 'system2-lagging';
  return 'synchronous';
}

/** Bilingual label of a relative type, naming the systems. */
export function relativeTypeLabel(type: RelativeType, names: [string, string]): Bilingual {
  if (type === 'synchronous') return bi('同步型', 'synchronous');
  const lag = type === 'system1-lagging' ? names[0] : names[1];
  return bi(`${lag}滞后型`, `${lag} lagging`);
}

export interface CouplingRow {
  unit: string;
  time: Time | null;
  /** Levels U_i in system order. */
  levels: number[];
  C: number;
  T: number;
  D: number;
  class: CoordinationClass;
  /** Two systems only. */
  relative?: { type: RelativeType; label: Bilingual };
}

export interface CouplingOptions {
  form?: CouplingForm;
  /** Contributions α_i (normalised to sum 1; default equal). */
  alpha?: number[];
  relativeRule?: RelativeRule;
  tolerance?: number;
  /**
   * Upper end of the accepted level range (default 1). Scores of an evaluation whose
   * min-max normalisation adds a shift s lie in [s, 1 + s]; pass 1 + s to accept them
   * (D may then exceed 1 by at most about s; its class is still 10).
   */
  maxLevel?: number;
  /**
   * Rescale each system's column over all rows to [a, b] first,
   * a + (b − a)(x − min)/(max − min) — SPSSAU's "data intervalization", on by
   * default there with [0.01, 0.99] (spssau.net/helps/coupling.html). The raw
   * levels then need not lie in [0, maxLevel]; a constant column gives b.
   */
  intervalize?: [number, number];
}

export interface CouplingInput {
  /** System names (column names). */
  systems: string[];
  unit: ArrayLike<string>;
  time?: ArrayLike<Time> | null;
  /** levels[i][r]: level of system i in row r. */
  levels: Array<ArrayLike<number>>;
  /** Location of row r, for messages. */
  locate?: (r: number) => Pick<Problem, 'file' | 'row' | 'unit' | 'time'>;
}

export interface CouplingResult {
  form: CouplingForm;
  systems: string[];
  alpha: number[];
  relativeRule: RelativeRule;
  tolerance: number;
  /** Accepted level range [0, maxLevel]. */
  maxLevel: number;
  /** The interval the levels were rescaled to, when asked. */
  intervalize?: [number, number];
  rows: CouplingRow[];
}

/** Min-max rescale of each column to [a, b] over all rows (constant column → b); non-finite values are left for the range check. */
function intervalizeColumns(levels: Array<ArrayLike<number>>, [a, b]: [number, number]): Float64Array[] {
  return levels.map((col) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let r = 0; r < col.length; r++) {
      const v = col[r];
      if (Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    const out = new Float64Array(col.length);
    for (let r = 0; r < col.length; r++) {
      const v = col[r];
      out[r] = !Number.isFinite(v) ? v : hi === lo ? b : a + ((b - a) * (v - lo)) / (hi - lo);
    }
    return out;
  });
}

/** Coupling C, comprehensive index T, coordination D, its class, and (n = 2) the relative type, per row. */
export function couplingCoordination(input: CouplingInput, opts: CouplingOptions = {}): CouplingResult {
  const n = input.systems.length;
  const form = opts.form ?? 'standard';
  const rule = opts.relativeRule ?? 'difference';
  const tolerance = opts.tolerance ?? 0.1;
  const maxLevel = opts.maxLevel ?? 1;
  if (n < 2) {
    throw new XinzhiError({
      code: 'too-few-systems',
      severity: 'error',
      message: bi(
        `耦合协调至少需要 2 个系统（现有 ${n} 个）`,
        `coupling coordination needs at least 2 systems (got ${n})`,
      ),
      fix: bi(
        '选择至少两个维度作为系统（命令行：--systems U1,U2）',
        'choose at least two dimensions as systems (command line: --systems U1,U2)',
      ),
    });
  }
  let alpha = opts.alpha ?? Array.from({ length: n }, () => 1 / n);
  if (
    alpha.length !== n ||
    alpha.some((a) => !(a >= 0) || !Number.isFinite(a)) ||
    !(alpha.reduce((s, a) => s + a, 0) > 0)
  ) {
    throw new XinzhiError({
      code: 'bad-option',
      severity: 'error',
      message: bi(
        `贡献系数 α 须为 ${n} 个非负数（现为 ${alpha.join(', ')}）`,
        `the contributions α must be ${n} non-negative numbers (got ${alpha.join(', ')})`,
      ),
      fix: bi('例如 --alpha 0.5,0.5（将按和为 1 归一化）', 'e.g. --alpha 0.5,0.5 (they are rescaled to sum to 1)'),
    });
  }
  const asum = alpha.reduce((s, a) => s + a, 0);
  alpha = alpha.map((a) => a / asum);
  const iv = opts.intervalize;
  if (iv && !(Number.isFinite(iv[0]) && Number.isFinite(iv[1]) && 0 <= iv[0] && iv[0] < iv[1] && iv[1] <= maxLevel))
    throw new XinzhiError({
      code: 'bad-option',
      severity: 'error',
      message: bi(
        `区间化的区间须满足 0 ≤ a < b ≤ ${maxLevel}（现为 ${iv.join(', ')}）`,
        `the intervalization range must satisfy 0 ≤ a < b ≤ ${maxLevel} (got ${iv.join(', ')})`,
      ),
      fix: bi('例如 --intervalize 0.01,0.99（SPSSAU 的默认）', "e.g. --intervalize 0.01,0.99 (SPSSAU's default)"),
    });
  if (iv) input = { ...input, levels: intervalizeColumns(input.levels, iv) };
  const rows = input.unit.length;
  const problems: Problem[] = [];
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < rows; r++) {
      const v = input.levels[i][r];
      // a weighted mean of values at the top of the range may land a rounding step above it
      if (!(v >= 0 && v <= maxLevel * (1 + 1e-12))) {
        const where = input.locate
          ? input.locate(r)
          : { unit: input.unit[r], ...(input.time ? { time: input.time[r] } : {}) };
        problems.push({
          code: 'out-of-range',
          severity: 'error',
          ...where,
          column: input.systems[i],
          message: bi(
            `系统发展水平须在 [0, ${maxLevel}] 内，此处为 ${v}`,
            `a system's level must lie in [0, ${maxLevel}]; this one is ${v}`,
          ),
          fix: bi(
            '先对各系统得分做归一化（如 min-max），缺失值先处理',
            'normalise the system scores first (e.g. min-max) and treat missing values',
          ),
        });
        if (problems.length >= 20) break;
      }
    }
  }
  if (problems.length) throw new XinzhiError(problems);
  const out: CouplingRow[] = [];
  for (let r = 0; r < rows; r++) {
    const u = input.levels.map((col) => col[r]);
    const C = couplingDegree(u, form);
    let T = 0;
    for (let i = 0; i < n; i++) T += alpha[i] * u[i];
    const D = Math.sqrt(C * T);
    const row: CouplingRow = {
      unit: input.unit[r],
      time: input.time ? input.time[r] : null,
      levels: u,
      C,
      T,
      D,
      class: coordinationClass(D),
    };
    if (n === 2) {
      const type = relativeType(u[0], u[1], rule, tolerance);
      row.relative = { type, label: relativeTypeLabel(type, [input.systems[0], input.systems[1]]) };
    }
    out.push(row);
  }
  return {
    form,
    systems: input.systems,
    alpha,
    relativeRule: rule,
    tolerance,
    maxLevel,
    ...(iv ? { intervalize: iv } : {}),
    rows: out,
  };
}
