/**
 * Dagum's Gini coefficient and its decomposition by subgroups
 * (Dagum, C. 1997. A new approach to the decomposition of the Gini income
 * inequality ratio. Empirical Economics 22: 515–531).
 *
 * With k groups, group j of size n_j and mean μ_j, n = Σ n_j, μ the overall mean,
 * p_j = n_j / n (population share) and s_j = n_j μ_j / (n μ) (income share):
 *
 *   G    = Σ_j Σ_h Σ_i Σ_r |y_ji − y_hr| / (2 n² μ)                         overall Gini
 *   G_jj = Σ_i Σ_r |y_ji − y_jr| / (2 n_j² μ_j)                              within group j
 *   G_jh = Σ_i Σ_r |y_ji − y_hr| / (n_j n_h (μ_j + μ_h))                     between groups j, h
 *   Gw   = Σ_j G_jj p_j s_j                                                   within-group contribution
 *   Gnb  = Σ_{j=2}^{k} Σ_{h=1}^{j−1} G_jh (p_j s_h + p_h s_j) D_jh              net between-group contribution
 *   Gt   = Σ_{j=2}^{k} Σ_{h=1}^{j−1} G_jh (p_j s_h + p_h s_j) (1 − D_jh)        transvariation
 *   D_jh = (d_jh − p_jh) / (d_jh + p_jh)                                     relative economic affluence
 *   d_jh = Σ_i Σ_r (y_ji − y_hr)₊ / (n_j n_h),  p_jh = Σ_i Σ_r (y_hr − y_ji)₊ / (n_j n_h)
 *
 * and G = Gw + Gnb + Gt. As Dagum requires, groups are ordered by their mean
 * (ascending, ties by name), so in every pair (j, h) with j > h group j is the
 * one with the higher (or equal) mean and D_jh ∈ [0, 1].
 *
 * Exact and O(n log n): no pair of observations is visited. Every double sum
 * of absolute differences is written as an integral over the gaps of the
 * sorted values: Σ_{i<r} (y_(r) − y_(i)) = Σ_k (y_(k+1) − y_(k)) · k · (m − k),
 * and for two groups Σ_i Σ_r (a_i − b_r)₊ = Σ over gaps of the merged sorted
 * values of gap × #(a above) × #(b below). All terms are non-negative (no
 * cancellation) and are summed with Neumaier compensation.
 *
 * Degenerate cases (defined, not errors):
 * - one group: G = Gw = G_11, Gnb = Gt = 0, no pairs;
 * - one unit in a group: G_jj = 0;
 * - all values equal (or a pair of groups whose values are all equal):
 *   G_jh = 0 and D_jh = 0/0, defined as 0;
 * - a group whose values are all 0: G_jj = 0 (its contributions carry weight s_j = 0).
 * Errors: an empty input, a missing / non-finite or negative value (Dagum's
 * d_jh, p_jh integrate over incomes y ≥ 0), an overall mean of 0.
 */
import { XinzhiError, type Problem } from '../errors.ts';
import { bi } from '../i18n.ts';
import { sum } from '../stats/descriptive.ts';
import type { Locate } from './distribution-by-time.ts';

export interface DagumGroup {
  name: string;
  n: number;
  mean: number;
  /** p_j = n_j / n. */
  populationShare: number;
  /** s_j = n_j μ_j / (n μ). */
  incomeShare: number;
  /** G_jj. */
  gini: number;
  /** G_jj p_j s_j (its part of Gw). */
  withinContribution: number;
}

export interface DagumPair {
  /** Group with the higher mean (j). */
  high: string;
  /** Group with the lower mean (h). */
  low: string;
  /** G_jh. */
  gini: number;
  /** d_jh: mean of (y_j − y_h)₊ over all pairs. */
  d: number;
  /** p_jh: mean of (y_h − y_j)₊ over all pairs. */
  p: number;
  /** D_jh = (d − p)/(d + p); 0 when d + p = 0. */
  D: number;
  /** G_jh (p_j s_h + p_h s_j) D_jh. */
  betweenContribution: number;
  /** G_jh (p_j s_h + p_h s_j)(1 − D_jh). */
  transvariationContribution: number;
}

export interface DagumGiniResult {
  n: number;
  mean: number;
  /** G. */
  total: number;
  /** Gw. */
  within: number;
  /** Gnb. */
  between: number;
  /** Gt. */
  transvariation: number;
  /** Gw / G, Gnb / G, Gt / G (NaN when G = 0). */
  shares: { within: number; between: number; transvariation: number };
  /** Groups in Dagum's order (ascending mean, ties by name). */
  groups: DagumGroup[];
  /** Pairs (j > h) in the order (2,1), (3,1), (3,2), ... of the groups. */
  pairs: DagumPair[];
  /** Why a statistic is absent (present only then): G = 0 leaves the shares undefined. */
  warnings?: string[];
}

/** Neumaier-compensated accumulator (as descriptive.ts `sum`), for sums built term by term. */
class Acc {
  private s = 0;
  private c = 0;
  add(v: number): void {
    const t = this.s + v;
    this.c += Math.abs(this.s) >= Math.abs(v) ? this.s - t + v : v - t + this.s;
    this.s = t;
  }
  get value(): number {
    return this.s + this.c;
  }
}

/**
 * Σ_i Σ_r |y_i − y_r| over all ordered pairs of a sorted sample
 * = 2 Σ_k (y_(k+1) − y_(k)) k (m − k).
 */
export function sumAbsDiffSorted(sorted: ArrayLike<number>): number {
  const m = sorted.length;
  const acc = new Acc();
  for (let k = 1; k < m; k++) {
    const gap = sorted[k] - sorted[k - 1];
    if (gap !== 0) acc.add(gap * k * (m - k));
  }
  return 2 * acc.value;
}

/**
 * For two sorted samples a and b: Σ_i Σ_r (a_i − b_r)₊ and Σ_i Σ_r (b_r − a_i)₊,
 * by one merge over the gaps of the pooled sorted values.
 */
export function crossPositiveSumsSorted(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
): { aOverB: number; bOverA: number } {
  const na = a.length;
  const nb = b.length;
  const ab = new Acc();
  const ba = new Acc();
  let i = 0;
  let r = 0;
  let prev = NaN;
  while (i < na || r < nb) {
    const takeA = r >= nb || (i < na && a[i] <= b[r]);
    const x = takeA ? a[i] : b[r];
    if (i + r > 0) {
      const gap = x - prev;
      if (gap !== 0) {
        // Between prev and x: a below = i, b below = r.
        const aAbove = na - i;
        const bAbove = nb - r;
        if (aAbove > 0 && r > 0) ab.add(gap * aAbove * r);
        if (bAbove > 0 && i > 0) ba.add(gap * bAbove * i);
      }
    }
    if (takeA) i++;
    else r++;
    prev = x;
  }
  return { aOverB: ab.value, bOverA: ba.value };
}

function badValue(
  code: string,
  i: number,
  v: number,
  locate: Locate | undefined,
  message: { zh: string; en: string },
  fix: { zh: string; en: string },
): XinzhiError {
  const where = locate ? locate(i) : { row: i + 1 };
  const p: Problem = {
    code,
    severity: 'error',
    ...where,
    message: bi(`${message.zh}（值 ${v}）`, `${message.en} (value ${v})`),
    fix,
  };
  return new XinzhiError(p);
}

/** Check that values are finite and ≥ 0 (Dagum's decomposition, like Theil's, is defined for incomes y ≥ 0); `method` names the measure in the message. */
export function checkNonNegative(
  values: ArrayLike<number>,
  locate: Locate | undefined,
  column?: string,
  method: { zh: string; en: string } = { zh: 'Dagum 基尼系数', en: 'the Dagum Gini' },
): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      const err = badValue(
        'missing-value',
        i,
        v,
        locate,
        { zh: '缺失或非有限值', en: 'missing or non-finite value' },
        { zh: '先处理缺失值（插补或删除该行）', en: 'treat missing values first (impute or drop the row)' },
      );
      if (column) err.problems[0].column = column;
      throw err;
    }
    if (v < 0) {
      const err = badValue(
        'negative-value',
        i,
        v,
        locate,
        { zh: `负值：${method.zh}要求 y ≥ 0`, en: `negative value: ${method.en} needs y ≥ 0` },
        { zh: '使用非负指标，或先做归一化 / 平移', en: 'use a non-negative variable, or normalise / shift it first' },
      );
      if (column) err.problems[0].column = column;
      throw err;
    }
  }
}

const groupCollator = new Intl.Collator('en', { numeric: true });

/**
 * Dagum Gini decomposition of `values` by `groups` (one cross-section).
 * `locate(i)` names row i in error messages; `column` the value column.
 */
export function dagumGini(
  values: ArrayLike<number>,
  groups: ArrayLike<string>,
  opts: { locate?: Locate; column?: string } = {},
): DagumGiniResult {
  const n = values.length;
  if (n === 0) {
    throw new XinzhiError({
      code: 'empty',
      severity: 'error',
      column: opts.column,
      message: bi('没有观测值', 'no observations'),
      fix: bi('检查数据与时间筛选', 'check the data and the time filter'),
    });
  }
  if (groups.length !== n) throw new Error(`dagumGini: ${n} values but ${groups.length} group labels`);
  checkNonNegative(values, opts.locate, opts.column);

  const buckets = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const g = String(groups[i]);
    let b = buckets.get(g);
    if (!b) buckets.set(g, (b = []));
    b.push(values[i]);
  }
  const all = Float64Array.from(values as ArrayLike<number>).sort();
  const mu = sum(all) / n;
  if (!(mu > 0)) {
    throw new XinzhiError({
      code: 'zero-mean',
      severity: 'error',
      column: opts.column,
      ...(opts.locate ? { file: opts.locate(0).file, time: opts.locate(0).time } : {}),
      message: bi('均值为 0，基尼系数无定义', 'the mean is 0, so the Gini coefficient is undefined'),
      fix: bi('检查该列（是否全为 0）或换用其他变量', 'check the column (all zeros?) or use another variable'),
    });
  }
  const G = sumAbsDiffSorted(all) / (2 * n * n * mu);

  const raw = [...buckets.entries()].map(([name, arr]) => {
    const sorted = Float64Array.from(arr).sort();
    const total = sum(sorted);
    return { name, sorted, n: sorted.length, mean: total / sorted.length, sum: total };
  });
  raw.sort((a, b) => a.mean - b.mean || groupCollator.compare(a.name, b.name));

  const groupsOut: DagumGroup[] = raw.map((g) => {
    const p = g.n / n;
    const s = g.sum / (n * mu);
    const gini = g.mean > 0 ? sumAbsDiffSorted(g.sorted) / (2 * g.n * g.n * g.mean) : 0;
    return {
      name: g.name,
      n: g.n,
      mean: g.mean,
      populationShare: p,
      incomeShare: s,
      gini,
      withinContribution: gini * p * s,
    };
  });

  const pairs: DagumPair[] = [];
  const betweenAcc = new Acc();
  const transAcc = new Acc();
  for (let j = 1; j < raw.length; j++) {
    for (let h = 0; h < j; h++) {
      const gj = raw[j];
      const gh = raw[h];
      const { aOverB, bOverA } = crossPositiveSumsSorted(gj.sorted, gh.sorted);
      const nn = gj.n * gh.n;
      const d = aOverB / nn;
      const pp = bOverA / nn;
      const denom = nn * (gj.mean + gh.mean);
      const gjh = denom > 0 ? (aOverB + bOverA) / denom : 0;
      const D = d + pp > 0 ? (d - pp) / (d + pp) : 0;
      const w =
        groupsOut[j].populationShare * groupsOut[h].incomeShare +
        groupsOut[h].populationShare * groupsOut[j].incomeShare;
      const pair: DagumPair = {
        high: gj.name,
        low: gh.name,
        gini: gjh,
        d,
        p: pp,
        D,
        betweenContribution: gjh * w * D,
        transvariationContribution: gjh * w * (1 - D),
      };
      betweenAcc.add(pair.betweenContribution);
      transAcc.add(pair.transvariationContribution);
      pairs.push(pair);
    }
  }
  const Gw = sum(groupsOut.map((g) => g.withinContribution));
  const Gnb = betweenAcc.value;
  const Gt = transAcc.value;
  const share = (x: number) => (G > 0 ? x / G : NaN);
  return {
    n,
    mean: mu,
    total: G,
    within: Gw,
    between: Gnb,
    transvariation: Gt,
    shares: { within: share(Gw), between: share(Gnb), transvariation: share(Gt) },
    groups: groupsOut,
    pairs,
    ...(G > 0
      ? {}
      : {
          warnings: [
            'total Gini is 0 (all values equal): the within, between and transvariation shares are undefined / 总体基尼系数为 0（所有取值相等），组内、组间与超变密度的贡献率无定义',
          ],
        }),
  };
}
