/**
 * Aggregation of child scores into a parent score, row by row, with weights
 * that may differ by group (time) of the row.
 *
 *   arithmetic (weighted arithmetic mean):  y_r = Σ_c w_gc x_rc
 *   geometric  (weighted geometric mean):   y_r = Π_c x_rc ^ w_gc = exp(Σ_c w_gc ln x_rc)
 *   harmonic   (weighted harmonic mean):    y_r = 1 / Σ_c (w_gc / x_rc)
 *   power      (generalised mean, p ≠ 0):   y_r = (Σ_c w_gc x_rc^p)^(1/p)
 *
 * where g = group of row r and Σ_c w_gc = 1. The power mean is the family
 * M_p: p = 1 arithmetic, p → 0 geometric, p = −1 harmonic, p → ±∞ max / min;
 * a smaller p penalises a weak child more (less compensation). Sources: OECD/JRC
 * Handbook on Constructing Composite Indicators (2008), §6.2 (linear and
 * geometric aggregation); Hardy, Littlewood & Pólya (1934) Inequalities, ch. II
 * (weighted power means); Becker et al. (2017) COINr / Decancq & Lugo (2013)
 * Econometric Reviews 32(1) on generalised means in composite indices.
 * Same definitions as scipy.stats.hmean / pmean with weights.
 *
 * Domain (no silent shift): the geometric and harmonic means and the power mean
 * with p < 0 need x_rc > 0; the power mean with p > 0 needs x_rc ≥ 0. A value
 * outside the domain raises AggregateDomainError naming the row and child
 * (a child with weight 0 is skipped). Min-max data reach 0 at the worst value
 * unless normalize.shift > 0 — the default 0.0001 keeps every value positive.
 */
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';

/** Aggregation methods (the spec's `aggregate.method`). */
export const AGGREGATE_METHODS = ['arithmetic', 'geometric', 'harmonic', 'power'] as const;
export type AggregateMethod = (typeof AGGREGATE_METHODS)[number];

/** Each method's formula as short plain text (run record, terminal). */
export const AGGREGATE_FORMULA: Record<AggregateMethod, string> = {
  arithmetic: 'Σ w_c x_c',
  geometric: 'Π x_c^w_c',
  harmonic: '1 / Σ (w_c / x_c)',
  power: '(Σ w_c x_c^p)^(1/p)',
};

/**
 * Weighted mean of columns. `weights[g]` holds the weights (aligned with
 * `cols`) for group g; `group[r]` is the group of row r (null → every row in
 * group 0); `p` is the exponent of the power mean (finite, ≠ 0; ignored by
 * the other methods). Throws AggregateDomainError for a value outside the
 * method's domain (the caller names the unit/time/child).
 * @example aggregateColumns([[1], [4]], [[0.5, 0.5]], null, 'harmonic')[0] // 1.6
 */
export function aggregateColumns(
  cols: ArrayLike<number>[],
  weights: ArrayLike<number>[],
  group: Int32Array | null,
  method: AggregateMethod,
  p = 1,
): Float64Array {
  const n = cols.length ? cols[0].length : 0;
  const out = new Float64Array(n);
  const k = cols.length;
  if (method === 'arithmetic' && group === null) {
    // four columns per pass over the rows (the same additions in the same order,
    // columns with weight 0 skipped), so the output is read and written k/4 times
    const cs: number[] = [];
    for (let c = 0; c < k; c++) if (weights[0][c] !== 0) cs.push(c);
    let q = 0;
    for (; q + 4 <= cs.length; q += 4) {
      const x0 = cols[cs[q]],
        x1 = cols[cs[q + 1]],
        x2 = cols[cs[q + 2]],
        x3 = cols[cs[q + 3]];
      const w0 = weights[0][cs[q]],
        w1 = weights[0][cs[q + 1]],
        w2 = weights[0][cs[q + 2]],
        w3 = weights[0][cs[q + 3]];
      for (let r = 0; r < n; r++) {
        let y = out[r];
        y += w0 * x0[r];
        y += w1 * x1[r];
        y += w2 * x2[r];
        y += w3 * x3[r];
        out[r] = y;
      }
    }
    for (; q < cs.length; q++) {
      const x = cols[cs[q]],
        w = weights[0][cs[q]];
      for (let r = 0; r < n; r++) out[r] += w * x[r];
    }
    return out;
  }
  if (method === 'arithmetic') {
    // weights by group (the ungrouped case returned above)
    for (let c = 0; c < k; c++) {
      const x = cols[c];
      for (let r = 0; r < n; r++) out[r] += weights[group![r]][c] * x[r];
    }
    return out;
  }
  if (method === 'power' && !(Number.isFinite(p) && p !== 0)) throw new AggregateExponentError(p);
  // geometric: Σ w ln x then exp; harmonic: Σ w / x then 1/·; power: Σ w x^p then ·^(1/p)
  const strict = method !== 'power' || p < 0;
  for (let c = 0; c < k; c++) {
    const x = cols[c];
    for (let r = 0; r < n; r++) {
      const w = group === null ? weights[0][c] : weights[group[r]][c];
      if (w === 0) continue;
      const v = x[r];
      if (!(strict ? v > 0 : v >= 0)) throw new AggregateDomainError(r, c, v, method, p);
      out[r] += method === 'geometric' ? w * Math.log(v) : method === 'harmonic' ? w / v : w * v ** p;
    }
  }
  if (method === 'geometric') for (let r = 0; r < n; r++) out[r] = Math.exp(out[r]);
  else if (method === 'harmonic') for (let r = 0; r < n; r++) out[r] = 1 / out[r];
  else for (let r = 0; r < n; r++) out[r] = out[r] ** (1 / p);
  return out;
}

const DOMAIN_TEXT: Record<Exclude<AggregateMethod, 'arithmetic'>, [string, string]> = {
  geometric: ['几何平均要求正值', 'the geometric mean needs positive values'],
  harmonic: ['调和平均要求正值', 'the harmonic mean needs positive values'],
  power: ['幂平均要求', 'the power mean needs'],
};

/** A value outside the domain of the mean, at row `row` of child `child`. */
export class AggregateDomainError extends XinzhiError {
  constructor(
    readonly row: number,
    readonly child: number,
    readonly value: number,
    method: AggregateMethod = 'geometric',
    p = 1,
  ) {
    const m = method === 'arithmetic' ? 'geometric' : method;
    const [zh, en] = DOMAIN_TEXT[m];
    const need =
      m === 'power'
        ? bi(
            `${zh} ${p < 0 ? '正值' : '非负值'}（p = ${p}），得到 ${value}`,
            `${en} ${p < 0 ? 'positive' : 'non-negative'} values (p = ${p}), got ${value}`,
          )
        : bi(`${zh}，得到 ${value}`, `${en}, got ${value}`);
    super({
      code: m === 'geometric' ? 'geometric-nonpositive' : `${m}-domain`,
      severity: 'error',
      message: need,
      fix: bi(
        '设置 normalize.shift > 0（如 0.0001）使标准化值为正，或改用 aggregate.method "arithmetic"；z-score 等可为负的标准化不能配合此合成方法',
        'set normalize.shift > 0 (e.g. 0.0001) so normalised values are positive, or use aggregate.method "arithmetic"; normalisations that can be negative (z-score, ...) cannot go with this mean',
      ),
    });
  }
}

/** A power-mean exponent that is not a finite number ≠ 0. */
export class AggregateExponentError extends XinzhiError {
  constructor(readonly p: number) {
    super({
      code: 'power-exponent',
      severity: 'error',
      column: 'aggregate.p',
      message: bi(
        `幂平均的指数 p 须为非零有限数，得到 ${p}`,
        `the power-mean exponent p must be a finite number ≠ 0, got ${p}`,
      ),
      fix: bi(
        'p = 1 为算术平均，p = −1 为调和平均；p → 0 的极限是几何平均，请用 aggregate.method "geometric"',
        'p = 1 is the arithmetic mean and p = −1 the harmonic mean; the limit p → 0 is the geometric mean: use aggregate.method "geometric"',
      ),
    });
  }
}
