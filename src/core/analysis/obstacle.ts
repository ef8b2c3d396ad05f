/**
 * Obstacle degree model (障碍度模型): which indicators and dimensions hold a
 * unit's composite score back, per unit and time.
 *
 *   factor contribution  F_j  = w_j            the indicator's global (effective) weight
 *   deviation            I_ij = e − x'_ij      distance of the normalised value from the ideal e
 *   obstacle degree      O_ij = F_j I_ij / Σ_j F_j I_ij        (a share; ×100 gives %)
 *   dimension obstacle   O_iB = Σ_{j ∈ B} O_ij
 *   contribution         C_ij = F_j I_ij    (unnormalised, in index points; C_iB = Σ_{j ∈ B} C_ij)
 *   gap                  G_i  = Σ_j C_ij    (= e − score_i for a weighted arithmetic index with Σ w = 1)
 *
 * The shares O compare indicators within one unit-year but hide how far the
 * unit is from the ideal; the contributions C keep that scale, so they can be
 * compared across units and years (a leader's largest obstacle share can be a
 * tiny gap). Both are reported.
 *
 * The ideal e: the literature writes I_ij = 1 − x'_ij for min-max data in [0, 1].
 * When the normalisation adds a shift s (x' = s + (x − min)/(max − min) ∈ [s, 1 + s],
 * as xinzhi's minmax with shift 0.0001 does), 1 − x' would be −s for the best unit, so
 * xinzhi uses e = 1 + s: the best attainable normalised value. Deviations are used as
 * they are — no clipping; a value above e (or below 0) is an error that names the cell.
 * With s = 0 this is exactly 1 − x'. e can be set explicitly.
 *
 * Degenerate case: a unit at the ideal on every indicator has Σ_j F_j I_ij = 0; its
 * obstacle degrees are defined as 0 (flagged `atIdeal`).
 * Top-k: indicators (or dimensions) sorted by O descending, ties kept in the
 * indicator order of the input; `tieAtK` tells when the k-th and (k+1)-th are equal.
 */
import { XinzhiError, type Problem } from '../errors.ts';
import { bi } from '../i18n.ts';
import type { Time } from '../panel/types.ts';
import type { EvaluationResult, NodeWeight } from '../measure/result.ts';
import { levelRange } from './inputs.ts';

export interface ObstacleInput {
  /** Indicator ids, in order. */
  indicators: string[];
  unit: ArrayLike<string>;
  time?: ArrayLike<Time> | null;
  /** values[j][r]: normalised value of indicator j in row r. */
  values: Array<ArrayLike<number>>;
  /** Global weight of each indicator; or a function giving them for a row's time (weights by time). */
  weights: number[] | ((time: Time | null) => number[]);
  /** Dimension of each indicator (for the dimension level); omitted = the indicator itself. */
  dimensionOf?: Record<string, string>;
  /** Ideal value e (default 1 + shift). */
  ideal?: number;
  /** Shift of the normalisation (default 0). */
  shift?: number;
  file?: string;
}

export interface ObstacleItem {
  id: string;
  obstacle: number;
}

/** Shares and contributions by indicator and dimension, and the gap: of one row (ObstacleRow) or their means (ObstacleMean). */
export interface ObstacleShares {
  /** O_ij by indicator id (shares summing to 1, or all 0 when atIdeal). */
  indicators: Record<string, number>;
  /** O_iB by dimension id. */
  dimensions: Record<string, number>;
  /** C_ij = F_j I_ij by indicator id (unnormalised contributions to the gap). */
  contributions: Record<string, number>;
  /** C_iB by dimension id. */
  dimensionContributions: Record<string, number>;
  /** G_i = Σ_j C_ij, the weighted gap to the ideal. */
  gap: number;
}

export interface ObstacleRow extends ObstacleShares {
  unit: string;
  time: Time | null;
  atIdeal: boolean;
}

/**
 * Obstacle degrees of every row, stored by column: four numbers per indicator
 * and dimension and row in typed arrays (a firm panel has 10^5 rows and more;
 * one record per row would hold every number boxed). `obstacleRow` gives one
 * row as an ObstacleRow.
 */
export interface ObstacleResult {
  ideal: number;
  indicators: string[];
  dimensions: string[];
  /** Unit and time of each row, as given (time null without a time column). */
  unit: ArrayLike<string>;
  time: ArrayLike<Time> | null;
  /** share[j][r] = O_rj, the share of indicator j in row r's gap (all 0 when atIdeal). */
  share: Float64Array[];
  /** dimensionShare[d][r] = O_rB for dimension d. */
  dimensionShare: Float64Array[];
  /** contribution[j][r] = C_rj = F_j I_rj. */
  contribution: Float64Array[];
  /** dimensionContribution[d][r] = C_rB. */
  dimensionContribution: Float64Array[];
  /** gap[r] = G_r = Σ_j C_rj. */
  gap: Float64Array;
  /** 1 where the row is at the ideal on every indicator. */
  atIdeal: Uint8Array;
}

/** Obstacle degrees from normalised values and global weights. */
export function obstacleDegree(input: ObstacleInput): ObstacleResult {
  const m = input.indicators.length;
  const rows = input.unit.length;
  const ideal = input.ideal ?? 1 + (input.shift ?? 0);
  const problems: Problem[] = [];
  for (let j = 0; j < m; j++) {
    for (let r = 0; r < rows; r++) {
      const v = input.values[j][r];
      if (!(v >= 0 && v <= ideal + 1e-12)) {
        problems.push({
          code: 'out-of-range',
          severity: 'error',
          file: input.file,
          unit: input.unit[r],
          ...(input.time ? { time: input.time[r] } : {}),
          column: input.indicators[j],
          message: bi(
            `标准化值须在 [0, ${ideal}] 内，此处为 ${v}`,
            `a normalised value must lie in [0, ${ideal}]; this one is ${v}`,
          ),
          fix: bi(
            '障碍度需要 min-max 标准化后的数据（理想值 e = 1 + 平移量）；检查标准化方法、平移量或 --ideal',
            'the obstacle degree needs min-max normalised data (ideal e = 1 + shift); check the normalisation, the shift or --ideal',
          ),
        });
        if (problems.length >= 20) break;
      }
    }
  }
  if (problems.length) throw new XinzhiError(problems);
  const dimOf = (id: string) => input.dimensionOf?.[id] ?? id;
  const dimensions: string[] = [];
  for (const id of input.indicators) if (!dimensions.includes(dimOf(id))) dimensions.push(dimOf(id));
  const dimIndex = input.indicators.map((id) => dimensions.indexOf(dimOf(id)));
  const columns = (k: number) => Array.from({ length: k }, () => new Float64Array(rows));
  const share = columns(m);
  const contribution = columns(m);
  const dimensionShare = columns(dimensions.length);
  const dimensionContribution = columns(dimensions.length);
  const gap = new Float64Array(rows);
  const atIdeal = new Uint8Array(rows);
  const fixedWeights = Array.isArray(input.weights) ? input.weights : null;
  const fi = new Float64Array(m);
  for (let r = 0; r < rows; r++) {
    const w = fixedWeights ?? (input.weights as (t: Time | null) => number[])(input.time ? input.time[r] : null);
    let total = 0;
    for (let j = 0; j < m; j++) {
      fi[j] = w[j] * (ideal - input.values[j][r]);
      total += fi[j];
    }
    const still = !(total > 0);
    // the dimension sums add their indicators in input order
    for (let j = 0; j < m; j++) {
      const o = still ? 0 : fi[j] / total;
      share[j][r] = o;
      dimensionShare[dimIndex[j]][r] += o;
      contribution[j][r] = fi[j];
      dimensionContribution[dimIndex[j]][r] += fi[j];
    }
    gap[r] = total;
    atIdeal[r] = still ? 1 : 0;
  }
  return {
    ideal,
    indicators: [...input.indicators],
    dimensions,
    unit: input.unit,
    time: input.time ?? null,
    share,
    dimensionShare,
    contribution,
    dimensionContribution,
    gap,
    atIdeal,
  };
}

/** Number of rows (unit-times) of an obstacle result. */
export function obstacleRowCount(result: ObstacleResult): number {
  return result.gap.length;
}

/**
 * Row r of an obstacle result as a record of each indicator's and dimension's share and contribution.
 * @example obstacleRow(obstacleDegree({ indicators: ['a'], unit: ['u'], values: [[0.5]], weights: [1] }), 0).indicators // { a: 1 }
 */
export function obstacleRow(result: ObstacleResult, r: number): ObstacleRow {
  const record = (ids: string[], cols: Float64Array[]) => {
    const out: Record<string, number> = {};
    for (let j = 0; j < ids.length; j++) out[ids[j]] = cols[j][r];
    return out;
  };
  return {
    unit: result.unit[r],
    time: result.time ? result.time[r] : null,
    indicators: record(result.indicators, result.share),
    dimensions: record(result.dimensions, result.dimensionShare),
    contributions: record(result.indicators, result.contribution),
    dimensionContributions: record(result.dimensions, result.dimensionContribution),
    gap: result.gap[r],
    atIdeal: result.atIdeal[r] === 1,
  };
}

/** Every row of an obstacle result as an ObstacleRow (for a few hundred rows; a firm panel's take kilobytes each). */
export function obstacleRows(result: ObstacleResult): ObstacleRow[] {
  return Array.from({ length: obstacleRowCount(result) }, (_, r) => obstacleRow(result, r));
}

export interface ObstacleMean extends ObstacleShares {
  time: Time | null;
}

/**
 * Means over a set of rows (one period) of the shares, contributions and gap,
 * each adding the rows in the order given (NaN for no rows).
 * @example obstacleMean(ob, 2022, [0, 1, 2]).dimensions
 */
export function obstacleMean(result: ObstacleResult, time: Time | null, rows: readonly number[]): ObstacleMean {
  const avg = (ids: string[], cols: Float64Array[]) => {
    const out: Record<string, number> = {};
    for (let j = 0; j < ids.length; j++) out[ids[j]] = columnMean(cols[j], rows);
    return out;
  };
  return {
    time,
    indicators: avg(result.indicators, result.share),
    dimensions: avg(result.dimensions, result.dimensionShare),
    contributions: avg(result.indicators, result.contribution),
    dimensionContributions: avg(result.dimensions, result.dimensionContribution),
    gap: columnMean(result.gap, rows),
  };
}

function columnMean(col: Float64Array, rows: readonly number[]): number {
  let s = 0;
  for (const r of rows) s += col[r];
  return s / rows.length;
}

/** The k largest obstacles of a row (by indicator or dimension), ties in input order. */
export function topObstacles(
  row: ObstacleRow,
  k: number,
  level: 'indicator' | 'dimension' = 'indicator',
): { top: ObstacleItem[]; tieAtK: boolean } {
  const rec = level === 'indicator' ? row.indicators : row.dimensions;
  const ids = Object.keys(rec);
  return largest(ids, (j) => rec[ids[j]], k);
}

/**
 * topObstacles of row r of a result, read from its columns.
 * @example topObstaclesAt(ob, 0, 5).top // the 5 largest indicator shares of row 0
 */
export function topObstaclesAt(
  result: ObstacleResult,
  r: number,
  k: number,
  level: 'indicator' | 'dimension' = 'indicator',
): { top: ObstacleItem[]; tieAtK: boolean } {
  const [ids, cols] =
    level === 'indicator' ? [result.indicators, result.share] : [result.dimensions, result.dimensionShare];
  return largest(ids, (j) => cols[j][r], k);
}

/** The k largest of `value(j)` over ids, largest first, ties in id order; tieAtK: the k-th equals the (k+1)-th. */
function largest(
  ids: readonly string[],
  value: (j: number) => number,
  k: number,
): { top: ObstacleItem[]; tieAtK: boolean } {
  // the k + 1 largest so far, largest first, equal ones in input order (what a stable sort gives),
  // without sorting every factor: a firm panel has tens of thousands of rows
  const keep = k + 1;
  const best: ObstacleItem[] = [];
  for (let j = 0; j < ids.length; j++) {
    const obstacle = value(j);
    let p = best.length;
    while (p > 0 && best[p - 1].obstacle < obstacle) p--;
    if (p < keep) {
      best.splice(p, 0, { id: ids[j], obstacle });
      if (best.length > keep) best.pop();
    }
  }
  const top = best.slice(0, k);
  const tieAtK = best.length > k && k > 0 && best[k].obstacle === best[k - 1].obstacle;
  return { top, tieAtK };
}

export interface TopObstacleCount {
  id: string;
  /** Units whose top k include the factor in the period. */
  count: number;
  /** count / units in the period. */
  share: number;
}

/**
 * How often each factor is among the units' top-k obstacles in one period,
 * most frequent first (ties in the order of `ids`): the main obstacle factors
 * of a large panel, where every unit's list cannot be read.
 * @example topObstacleCounts([{ time: 2022, top: [{ id: 'x2', obstacle: 0.4 }] }], ['x1', 'x2'], 2022)
 *   // [{ id: 'x2', count: 1, share: 1 }, { id: 'x1', count: 0, share: 0 }]
 */
export function topObstacleCounts(
  rows: ReadonlyArray<{ time: Time | null; top: readonly ObstacleItem[] }>,
  ids: readonly string[],
  time: Time | null,
): TopObstacleCount[] {
  const count = new Map(ids.map((id) => [id, 0]));
  const key = String(time); // periods matched as the runner's means match them
  let units = 0;
  for (const r of rows) {
    if (String(r.time) !== key) continue;
    units++;
    for (const t of r.top) count.set(t.id, (count.get(t.id) ?? 0) + 1);
  }
  return ids
    .map((id, i) => ({ id, count: count.get(id)!, share: units ? count.get(id)! / units : NaN, i }))
    .sort((a, b) => b.count - a.count || a.i - b.i)
    .map(({ id, count: c, share }) => ({ id, count: c, share }));
}

/** The first-level dimension (child of the index) above each indicator, from the node weights. */
export function dimensionsFromNodeWeights(nodeWeights: NodeWeight[]): Record<string, string> {
  const parent = new Map(nodeWeights.map((n) => [n.id, n.parent] as const));
  const isTop = (p: string | null | undefined) => p === null || p === undefined || p === 'index';
  const out: Record<string, string> = {};
  for (const n of nodeWeights) {
    if (n.kind !== 'indicator') continue;
    let cur = n.id;
    let p = parent.get(cur);
    const seen = new Set<string>();
    while (!isTop(p) && !seen.has(cur)) {
      seen.add(cur);
      cur = p!;
      p = parent.get(cur);
    }
    out[n.id] = cur;
  }
  return out;
}

/**
 * Obstacle degrees from an evaluation result: its normalised values, the
 * indicators' global weights (per time under weights.panel = "by-time"),
 * dimensions = first-level nodes, and the shift of its normalisation.
 */
export function obstacleFromEvaluation(
  result: Pick<EvaluationResult, 'indicators' | 'nodeWeights' | 'normalized' | 'weights'> & {
    record?: { spec?: { normalize?: { method?: string; shift?: number } } };
  },
  opts: { ideal?: number; file?: string } = {},
): ObstacleResult {
  const ids = result.indicators.map((i) => i.id);
  const nw = new Map(result.nodeWeights.map((n) => [n.id, n] as const));
  const missing = ids.filter((id) => !(id in result.normalized.values));
  if (missing.length) {
    throw new XinzhiError({
      code: 'missing-normalized',
      severity: 'error',
      file: opts.file,
      message: bi(
        `测度结果缺少指标的标准化值：${missing.join(', ')}`,
        `the evaluation result has no normalised values for: ${missing.join(', ')}`,
      ),
      fix: bi(
        '用当前版本的 xinzhi evaluate 重新生成 results.json',
        'regenerate results.json with the current xinzhi evaluate',
      ),
    });
  }
  const globalOf = (id: string, time: Time | null): number => {
    const n = nw.get(id);
    if (n?.byTime && time !== null && n.byTime[String(time)]) return n.byTime[String(time)].global;
    return n ? n.global : result.weights[id];
  };
  const shift = levelRange(result.record?.spec ?? {}).shift;
  const byTime = new Map<string, number[]>();
  return obstacleDegree({
    indicators: ids,
    unit: result.normalized.unit,
    time: result.normalized.time,
    values: ids.map((id) => result.normalized.values[id]),
    weights: (t) => {
      // one list per period, not per row
      let w = byTime.get(String(t));
      if (!w) byTime.set(String(t), (w = ids.map((id) => globalOf(id, t))));
      return w;
    },
    dimensionOf: dimensionsFromNodeWeights(result.nodeWeights),
    shift,
    ideal: opts.ideal,
    file: opts.file,
  });
}
