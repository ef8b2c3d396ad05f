/**
 * Calibration: raw values → set memberships (Ragin 2008, Redesigning Social
 * Inquiry, ch. 5; Duşa 2019, QCA with R, ch. 4).
 *
 * - Direct method (logistic, three anchors: exclusion e, crossover c,
 *   inclusion i). With L the log-odds of membership at the anchors,
 *     x ≥ c:  m = 1 / (1 + exp(−L (x − c) / (i − c)))
 *     x < c:  m = 1 / (1 + exp(−L (x − c) / (c − e)))
 *   so m(e) = 1/(1+e^L), m(c) = 0.5, m(i) = 1/(1+e^−L). With e > i the set is
 *   decreasing: the same formula on the mirrored anchors, then 1 − m.
 *   Two conventions for L (named presets):
 *     'qca'   L = ln(0.95/0.05) ≈ 2.944: R package QCA, calibrate(..., idm = 0.95)
 *             (its default), so the anchors get exactly 0.95 and 0.05;
 *     'fsqca' L = 3: Ragin's fs/QCA program and Ragin (2008, ch. 5), so the
 *             anchors get 0.953 and 0.047.
 *   Default 'fsqca' (what most published fsQCA studies, and the Chinese
 *   management literature, report); 'qca' reproduces the R package.
 * - Crisp (binary or multi-value): the number of thresholds ≤ x; with
 *   `decreasing` the levels are reversed (QCA's crisp calibration, Duşa 2019, ch. 4).
 * - Indirect method (Ragin 2008, ch. 5): the researcher gives each case a
 *   target membership (qualitative anchors); a fractional logit
 *   logit E[m] = b0 + b1 x is fitted by binomial quasi-likelihood (IRLS) and
 *   its fitted values are the memberships.
 */
import { XinzhiError, type Problem } from '../errors.ts';
import { bi } from '../i18n.ts';

/** Log-odds conventions of the direct method. */
export const LOGISTIC_PRESETS = {
  /** R package QCA, `idm = 0.95` (its default). */
  qca: Math.log(0.95 / 0.05),
  /** fs/QCA (Ragin): ±3 log-odds at the anchors. */
  fsqca: 3,
} as const;
export type LogisticPreset = keyof typeof LOGISTIC_PRESETS;
export const DEFAULT_LOGISTIC_PRESET: LogisticPreset = 'fsqca';

export interface DirectAnchors {
  /** Threshold of full non-membership (exclusion). */
  exclusion: number;
  crossover: number;
  /** Threshold of full membership (inclusion). */
  inclusion: number;
}

export interface DirectCalibration {
  method: 'direct';
  anchors: DirectAnchors;
  preset: LogisticPreset;
  /** Log-odds used at the anchors. */
  logOdds: number;
  memberships: number[];
}

function badAnchors(message: string, en: string): XinzhiError {
  return new XinzhiError({
    code: 'qca-anchors',
    severity: 'error',
    message: bi(message, en),
    fix: bi(
      '三个锚点须互不相同，交叉点位于两者之间（e < c < i 为递增集合，e > c > i 为递减集合）',
      'give three distinct anchors with the crossover between them ' +
        '(e < c < i for an increasing set, e > c > i for a decreasing one)',
    ),
  });
}

/**
 * Direct (logistic) calibration with three anchors.
 * Formula in the module comment; sources: Ragin (2008, ch. 5), QCA's `calibrate()`.
 * @example calibrateDirect([720, 1098], { exclusion: 400, crossover: 550, inclusion: 900 }).memberships
 */
export function calibrateDirect(
  values: readonly number[],
  anchors: DirectAnchors,
  preset: LogisticPreset = DEFAULT_LOGISTIC_PRESET,
): DirectCalibration {
  const { exclusion: e, crossover: c, inclusion: i } = anchors;
  if (![e, c, i].every(Number.isFinite)) throw badAnchors('锚点必须是有限数值', 'anchors must be finite numbers');
  const increasing = e < c && c < i;
  if (!increasing && !(e > c && c > i))
    throw badAnchors(`锚点 e=${e}, c=${c}, i=${i} 的顺序不对`, `anchors e=${e}, c=${c}, i=${i} are not in order`);
  if (!(preset in LOGISTIC_PRESETS))
    throw new XinzhiError({
      code: 'bad-option',
      severity: 'error',
      message: bi(`未知的对数几率约定 "${preset}"`, `unknown log-odds preset "${preset}"`),
      fix: bi('使用 fsqca 或 qca', 'use fsqca or qca'),
    });
  const logOdds = LOGISTIC_PRESETS[preset];
  const lo = increasing ? e : i;
  const hi = increasing ? i : e;
  const memberships = values.map((x) => {
    const scaled = x >= c ? (logOdds * (x - c)) / (hi - c) : (logOdds * (x - c)) / (c - lo);
    const m = 1 / (1 + Math.exp(-scaled));
    return increasing ? m : 1 - m;
  });
  return { method: 'direct', anchors: { ...anchors }, preset, logOdds, memberships };
}

export interface CrispCalibration {
  method: 'crisp';
  thresholds: number[];
  decreasing: boolean;
  /** Levels 0 … thresholds.length. */
  memberships: number[];
}

/**
 * Crisp calibration: level = #{thresholds ≤ x}; `decreasing` gives K − level.
 * One threshold gives a binary crisp set, k thresholds a multi-value set with k + 1 levels (Duşa 2019, ch. 4).
 * @example calibrateCrisp([720, 390], [550]).memberships // [1, 0]
 */
export function calibrateCrisp(
  values: readonly number[],
  thresholds: readonly number[],
  decreasing = false,
): CrispCalibration {
  if (thresholds.length === 0 || !thresholds.every(Number.isFinite))
    throw new XinzhiError({
      code: 'qca-thresholds',
      severity: 'error',
      message: bi('清晰集校准需要至少一个有限阈值', 'crisp calibration needs at least one finite threshold'),
      fix: bi('例如 thresholds: [550]', 'e.g. thresholds: [550]'),
    });
  const sorted = [...thresholds].sort((a, b) => a - b);
  if (sorted.some((t, k) => k > 0 && t === sorted[k - 1]))
    throw new XinzhiError({
      code: 'qca-thresholds',
      severity: 'error',
      message: bi('阈值重复', 'thresholds repeat'),
      fix: bi('给出互不相同的阈值', 'give distinct thresholds'),
    });
  const top = sorted.length;
  const memberships = values.map((x) => {
    const level = sorted.filter((t) => t <= x).length;
    return decreasing ? top - level : level;
  });
  return { method: 'crisp', thresholds: sorted, decreasing, memberships };
}

export interface IndirectCalibration {
  method: 'indirect';
  /** Fractional-logit coefficients: logit m = intercept + slope x. */
  intercept: number;
  slope: number;
  iterations: number;
  memberships: number[];
}

/**
 * Indirect calibration (Ragin 2008, ch. 5): fractional logit of target memberships on x, fitted by IRLS
 * (binomial quasi-likelihood, as `glm(family = quasibinomial)` in R or statsmodels' `GLM(Binomial)`).
 * @example calibrateIndirect([1, 2, 3, 4], [0, 0.2, 0.8, 1]).memberships
 */
export function calibrateIndirect(values: readonly number[], targets: readonly number[]): IndirectCalibration {
  const n = values.length;
  if (targets.length !== n || n < 2)
    throw new XinzhiError({
      code: 'qca-indirect',
      severity: 'error',
      message: bi(
        '间接校准需要至少两个案例，且每个案例都有目标隶属度',
        'indirect calibration needs at least two cases, each with a target membership',
      ),
      fix: bi('为每个案例给出 0–1 之间的目标隶属度', 'give every case a target membership between 0 and 1'),
    });
  if (targets.some((t) => !(t >= 0 && t <= 1)))
    throw new XinzhiError({
      code: 'qca-indirect',
      severity: 'error',
      message: bi('目标隶属度必须在 [0, 1] 内', 'target memberships must lie in [0, 1]'),
      fix: bi('检查目标列', 'check the target column'),
    });
  if (values.every((x) => x === values[0]))
    throw new XinzhiError({
      code: 'qca-indirect',
      severity: 'error',
      message: bi('原始值全部相同，无法拟合', 'all raw values are equal: nothing to fit'),
      fix: bi('间接校准需要有变化的原始值', 'indirect calibration needs raw values that vary'),
    });
  let b0 = 0;
  let b1 = 0;
  let iterations = 0;
  for (; iterations < 100; iterations++) {
    // IRLS for the logit link: weights w = μ(1−μ), working response z = η + (y − μ)/w.
    let sw = 0,
      swx = 0,
      swxx = 0,
      swz = 0,
      swxz = 0;
    for (let k = 0; k < n; k++) {
      const eta = b0 + b1 * values[k];
      const mu = 1 / (1 + Math.exp(-eta));
      const w = Math.max(mu * (1 - mu), 1e-300);
      const z = eta + (targets[k] - mu) / w;
      sw += w;
      swx += w * values[k];
      swxx += w * values[k] * values[k];
      swz += w * z;
      swxz += w * values[k] * z;
    }
    const det = sw * swxx - swx * swx;
    const n0 = (swxx * swz - swx * swxz) / det;
    const n1 = (sw * swxz - swx * swz) / det;
    const done = Math.abs(n0 - b0) + Math.abs(n1 - b1) < 1e-13 * (1 + Math.abs(n0) + Math.abs(n1));
    b0 = n0;
    b1 = n1;
    if (done) break;
  }
  if (!Number.isFinite(b0) || !Number.isFinite(b1))
    throw new XinzhiError({
      code: 'qca-indirect',
      severity: 'error',
      message: bi(
        '分式 logit 不收敛（目标隶属度被原始值完全分离）',
        'the fractional logit does not converge (targets perfectly separated by the raw values)',
      ),
      fix: bi(
        '使用中间的目标隶属度（如 0.05/0.95 而非 0/1），或改用直接校准',
        'use inner targets (e.g. 0.05/0.95 rather than 0/1), or use direct calibration',
      ),
    });
  const memberships = values.map((x) => 1 / (1 + Math.exp(-(b0 + b1 * x))));
  return { method: 'indirect', intercept: b0, slope: b1, iterations: iterations + 1, memberships };
}

/**
 * Warnings for memberships of exactly 0.5: such a case sits on no corner of the property space and is dropped
 * from every truth-table row (Ragin 2008, ch. 5). Re-calibrate (move the crossover) rather than edit values by hand.
 * @example halfMembershipWarnings([0.5, 0.7], 'DEV', ['AU', 'BE']).length // 1
 */
export function halfMembershipWarnings(
  memberships: readonly number[],
  column: string,
  where: { file?: string; rows?: readonly number[]; cases?: readonly string[] } = {},
): Problem[] {
  const out: Problem[] = [];
  memberships.forEach((m, k) => {
    if (m !== 0.5) return;
    out.push({
      code: 'qca-half-membership',
      severity: 'warning',
      column,
      ...(where.file !== undefined ? { file: where.file } : {}),
      ...(where.rows ? { row: where.rows[k] } : {}),
      ...(where.cases ? { unit: where.cases[k] } : {}),
      message: bi(
        '隶属度恰为 0.5：该案例不属于任何真值表行，会被排除在分析之外',
        'membership of exactly 0.5: the case belongs to no truth-table row and drops out of the analysis',
      ),
      fix: bi(
        '调整交叉点（例如取两个观测值之间的数）后重新校准，不要手工改为 0.501',
        'move the crossover (e.g. to a value between two observations) and recalibrate; do not hand-edit to 0.501',
      ),
    });
  });
  return out;
}
