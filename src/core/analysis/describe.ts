/**
 * The first table of an empirical paper: descriptive statistics of the
 * variables (N, mean, SD with n − 1, min, max — as Stata's `summarize` and R's
 * sd) overall, by time and by group, and the Pearson correlation matrix with
 * two-sided p-values from t = r √((n − 2) / (1 − r²)) on n − 2 df (R's
 * cor.test) and stars at 0.1 / 0.05 / 0.01.
 *
 * Missing cells (NaN) are left out and counted: N is the number of values
 * used, and each correlation uses the rows where both variables are present
 * (pairwise, as Stata's `pwcorr`), with its own N.
 *
 * @example describe({ score: [0.1, 0.4, 0.3] }).overall[0].mean // 0.2667
 */
import { tTwoSidedP } from '../stats/distributions.ts';
import { mean, pearson, sd } from '../stats/descriptive.ts';

export interface DescribeRow {
  variable: string;
  /** Values used (missing cells left out). */
  n: number;
  /** Missing cells left out. */
  missing: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
}

export interface CorrelationCell {
  r: number;
  p: number;
  n: number;
}

export interface DescribeResult {
  variables: string[];
  overall: DescribeRow[];
  /** One block per time (in first-seen order), when times were given. */
  byTime?: Array<{ time: string | number; rows: DescribeRow[] }>;
  /** One block per group (in first-seen order), when groups were given. */
  byGroup?: Array<{ group: string; rows: DescribeRow[] }>;
  /** r, p and N for every pair (i, j); the diagonal has r = 1, p = 0. */
  correlation: CorrelationCell[][];
}

export { stars } from '../stats/stars.ts';

function present(x: ArrayLike<number>, rows?: number[]): number[] {
  const out: number[] = [];
  const idx = rows ?? Array.from({ length: x.length }, (_, i) => i);
  for (const i of idx) if (Number.isFinite(x[i])) out.push(x[i]);
  return out;
}

function rowOf(variable: string, x: ArrayLike<number>, rows?: number[]): DescribeRow {
  const v = present(x, rows);
  const total = rows ? rows.length : x.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const a of v) {
    if (a < min) min = a;
    if (a > max) max = a;
  }
  return {
    variable,
    n: v.length,
    missing: total - v.length,
    mean: v.length ? mean(v) : Number.NaN,
    sd: v.length > 1 ? sd(v) : Number.NaN,
    min: v.length ? min : Number.NaN,
    max: v.length ? max : Number.NaN,
  };
}

/** Pearson r with its two-sided p over the rows where both are present; NaN when n < 3 or a variable is constant. */
export function correlationTest(x: ArrayLike<number>, y: ArrayLike<number>): CorrelationCell {
  return correlationOf(x, y, complete(x) ? mean(x) : undefined, complete(y) ? mean(y) : undefined);
}

/** Whether every value is finite (no missing cell). */
function complete(x: ArrayLike<number>): boolean {
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) return false;
  return true;
}

/**
 * correlationTest with the means of complete columns known (`mx`, `my`:
 * mean(x), mean(y), or undefined when the column has missing cells). Two
 * complete columns are used as they are; otherwise the rows where both are
 * present are copied out. Either way r adds the same products in the same order.
 */
function correlationOf(x: ArrayLike<number>, y: ArrayLike<number>, mx?: number, my?: number): CorrelationCell {
  if (mx !== undefined && my !== undefined) return testOf(x.length, pearson(x, y, mx, my));
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < x.length; i++)
    if (Number.isFinite(x[i]) && Number.isFinite(y[i])) {
      a.push(x[i]);
      b.push(y[i]);
    }
  return testOf(a.length, a.length >= 3 ? pearson(a, b) : Number.NaN);
}

/** r with its two-sided p on n − 2 df; NaN for both when r is not a number (n < 3, a constant variable). */
function testOf(n: number, r: number): CorrelationCell {
  if (n < 3 || !Number.isFinite(r)) return { r: Number.NaN, p: Number.NaN, n };
  const p = Math.abs(r) >= 1 ? 0 : tTwoSidedP(r * Math.sqrt((n - 2) / (1 - r * r)), n - 2);
  return { r, p, n };
}

/**
 * The correlation matrix: each pair computed once (r is symmetric to the last
 * bit: the products and sums are the same), the means of complete columns once.
 */
function correlationMatrix(variables: string[], columns: Record<string, ArrayLike<number>>): CorrelationCell[][] {
  const cols = variables.map((v) => columns[v]);
  const means = cols.map((c) => (complete(c) ? mean(c) : undefined));
  const m: CorrelationCell[][] = cols.map(() => []);
  for (let i = 0; i < cols.length; i++) {
    m[i][i] = { r: 1, p: 0, n: present(cols[i]).length };
    for (let j = i + 1; j < cols.length; j++) {
      const cell = correlationOf(cols[i], cols[j], means[i], means[j]);
      m[i][j] = cell;
      m[j][i] = { ...cell };
    }
  }
  return m;
}

function groupsOf<K extends string | number>(keys: ArrayLike<K>): Map<K, number[]> {
  const m = new Map<K, number[]>();
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  }
  return m;
}

export function describe(
  columns: Record<string, ArrayLike<number>>,
  opts: { time?: ArrayLike<string | number>; group?: ArrayLike<string> } = {},
): DescribeResult {
  const variables = Object.keys(columns);
  const res: DescribeResult = {
    variables,
    overall: variables.map((v) => rowOf(v, columns[v])),
    correlation: correlationMatrix(variables, columns),
  };
  if (opts.time)
    res.byTime = [...groupsOf(opts.time)].map(([time, rows]) => ({
      time,
      rows: variables.map((v) => rowOf(v, columns[v], rows)),
    }));
  if (opts.group)
    res.byGroup = [...groupsOf(opts.group)].map(([group, rows]) => ({
      group,
      rows: variables.map((v) => rowOf(v, columns[v], rows)),
    }));
  return res;
}
