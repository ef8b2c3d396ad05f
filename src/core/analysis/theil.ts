/**
 * Theil indices and their additive decomposition into within- and
 * between-group parts (Theil 1967, Economics and Information Theory;
 * Shorrocks 1980, Econometrica 48: 613–625, the generalised-entropy family GE(α)).
 *
 * With n observations y_i > 0 (≥ 0 for T), mean μ, groups g of size n_g and mean μ_g,
 * population share p_g = n_g / n and income share s_g = n_g μ_g / (n μ):
 *
 *   T = GE(1) = (1/n) Σ_i (y_i/μ) ln(y_i/μ)          Theil T (0·ln 0 = 0)
 *     = Σ_g s_g T_g  +  Σ_g s_g ln(μ_g/μ)            within (income-share weights) + between
 *   L = GE(0) = (1/n) Σ_i ln(μ/y_i)                   Theil L, mean log deviation (needs y_i > 0)
 *     = Σ_g p_g L_g  +  Σ_g p_g ln(μ/μ_g)            within (population-share weights) + between
 *
 * Degenerate cases: a group whose values are all 0 has T_g := 0 and
 * contributes 0 to both T parts (weight s_g = 0, and s_g ln(μ_g/μ) → 0).
 * Errors: no observations, a missing / non-finite or negative value,
 * an overall mean of 0, and for L a value ≤ 0 (the error names the row; ask
 * for T only in that case).
 */
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { sum } from '../stats/descriptive.ts';
import type { Locate } from './distribution-by-time.ts';
import { checkNonNegative } from './dagum-gini.ts';

export type TheilMeasure = 'T' | 'L';

export interface TheilGroup {
  name: string;
  n: number;
  mean: number;
  populationShare: number;
  incomeShare: number;
  /** T_g or L_g of the group. */
  index: number;
  /** Weight × index: the group's part of the within component. */
  withinContribution: number;
  /** The group's term of the between component: s_g ln(μ_g/μ) for T, p_g ln(μ/μ_g) for L. */
  betweenContribution: number;
}

export interface TheilDecomposition {
  measure: TheilMeasure;
  total: number;
  within: number;
  between: number;
  /** within / total, between / total (NaN when total = 0). */
  shares: { within: number; between: number };
  groups: TheilGroup[];
  /** Why a statistic is absent (present only then): a total of 0 leaves the shares undefined. */
  warnings?: string[];
}

export interface TheilResult {
  n: number;
  mean: number;
  T?: TheilDecomposition;
  L?: TheilDecomposition;
}

/** Theil T of a sample with mean μ > 0: (1/n) Σ (y/μ) ln(y/μ), with 0·ln 0 = 0. */
export function theilT(y: ArrayLike<number>, mu = sum(y) / y.length): number {
  if (!(mu > 0)) return 0;
  const terms: number[] = [];
  for (let i = 0; i < y.length; i++) {
    const r = y[i] / mu;
    terms.push(r > 0 ? r * Math.log(r) : 0);
  }
  return sum(terms) / y.length;
}

/** Theil L (mean log deviation) of a positive sample: (1/n) Σ ln(μ/y). */
export function theilL(y: ArrayLike<number>, mu = sum(y) / y.length): number {
  const terms: number[] = [];
  for (let i = 0; i < y.length; i++) terms.push(Math.log(mu / y[i]));
  return sum(terms) / y.length;
}

const collator = new Intl.Collator('en', { numeric: true });

/**
 * Theil T and / or L of `values`, decomposed by `groups` when given
 * (groups listed by ascending mean, ties by name; without groups the
 * within part is the total and there is one group "all").
 */
export function theil(
  values: ArrayLike<number>,
  groups?: ArrayLike<string> | null,
  opts: { measures?: TheilMeasure[]; locate?: Locate; column?: string } = {},
): TheilResult {
  const measures = opts.measures ?? ['T', 'L'];
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
  checkNonNegative(values, opts.locate, opts.column, { zh: '泰尔指数', en: 'the Theil index' });
  if (measures.includes('L')) {
    for (let i = 0; i < n; i++) {
      if (values[i] <= 0) {
        throw new XinzhiError({
          code: 'non-positive-value',
          severity: 'error',
          column: opts.column,
          ...(opts.locate ? opts.locate(i) : { row: i + 1 }),
          message: bi(
            `Theil L（平均对数偏差）要求 y > 0，此处为 ${values[i]}`,
            `Theil L (mean log deviation) needs y > 0; this value is ${values[i]}`,
          ),
          fix: bi(
            '只计算 Theil T（CLI：--measure T），或先处理 0 值',
            'compute Theil T only (CLI: --measure T), or treat the zeros first',
          ),
        });
      }
    }
  }
  const mu = sum(values) / n;
  if (!(mu > 0)) {
    throw new XinzhiError({
      code: 'zero-mean',
      severity: 'error',
      column: opts.column,
      message: bi('均值为 0，泰尔指数无定义', 'the mean is 0, so the Theil index is undefined'),
      fix: bi('检查该列（是否全为 0）或换用其他变量', 'check the column (all zeros?) or use another variable'),
    });
  }
  const buckets = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const g = groups ? String(groups[i]) : 'all';
    let b = buckets.get(g);
    if (!b) buckets.set(g, (b = []));
    b.push(values[i]);
  }
  const raw = [...buckets.entries()].map(([name, ys]) => {
    const total = sum(ys);
    return { name, ys, n: ys.length, mean: total / ys.length, sum: total };
  });
  raw.sort((a, b) => a.mean - b.mean || collator.compare(a.name, b.name));

  const decompose = (measure: TheilMeasure): TheilDecomposition => {
    const total = measure === 'T' ? theilT(values, mu) : theilL(values, mu);
    const gs: TheilGroup[] = raw.map((g) => {
      const p = g.n / n;
      const s = g.sum / (n * mu);
      if (measure === 'T') {
        const idx = g.mean > 0 ? theilT(g.ys, g.mean) : 0;
        return {
          name: g.name,
          n: g.n,
          mean: g.mean,
          populationShare: p,
          incomeShare: s,
          index: idx,
          withinContribution: s * idx,
          betweenContribution: s > 0 ? s * Math.log(g.mean / mu) : 0,
        };
      }
      const idx = theilL(g.ys, g.mean);
      return {
        name: g.name,
        n: g.n,
        mean: g.mean,
        populationShare: p,
        incomeShare: s,
        index: idx,
        withinContribution: p * idx,
        betweenContribution: p * Math.log(mu / g.mean),
      };
    });
    const within = sum(gs.map((g) => g.withinContribution));
    const between = sum(gs.map((g) => g.betweenContribution));
    const share = (x: number) => (total > 0 ? x / total : NaN);
    return {
      measure,
      total,
      within,
      between,
      shares: { within: share(within), between: share(between) },
      groups: gs,
      ...(total > 0
        ? {}
        : {
            warnings: [
              `Theil ${measure} is 0 (all values equal): the within and between shares are undefined / 泰尔 ${measure} 指数为 0（所有取值相等），组内与组间贡献率无定义`,
            ],
          }),
    };
  };
  const out: TheilResult = { n, mean: mu };
  if (measures.includes('T')) out.T = decompose('T');
  if (measures.includes('L')) out.L = decompose('L');
  return out;
}
