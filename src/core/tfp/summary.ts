/**
 * Summaries of a DEA result for large (firm) panels, computed once for the
 * terminal, the reports and the web page: the distribution of the
 * efficiency and of the productivity index by period (count, mean or
 * geometric mean, minimum, quartiles by R's type 7, maximum), the share of
 * efficient units, the mean slack shares of the inefficient units, and the
 * units at both ends of the latest period.
 *
 * @example tfpSummary(result, 20).efficiency[0].median
 */
import type { Time } from '../panel/types.ts';
import { quantileSorted } from '../stats/descriptive.ts';
import type { TfpCumulativeRow, TfpEfficiencyRow, TfpIndexRow, TfpResult } from './run.ts';

/** Count, centre, minimum, quartiles and maximum of the values that exist (null when there are none). */
export interface Spread {
  /** Values that exist (infeasible programmes are left out). */
  n: number;
  /** Arithmetic mean (efficiency) or geometric mean (indices). */
  centre: number | null;
  min: number | null;
  q25: number | null;
  median: number | null;
  q75: number | null;
  max: number | null;
}

export interface EfficiencyByTime extends Spread {
  time: Time;
  /** Rows in the period. */
  rows: number;
  /** Units on the frontier: efficiency 1 (or a super-efficiency score ≥ 1), within 1e-9. */
  efficient: number;
  /** Mean slack share of each column over the period's inefficient units. */
  meanShares: Record<string, number>;
}

export interface IndexByPair extends Spread {
  from: Time;
  to: Time;
  /** Geometric means of EC and TC (BPC for GML) over the units with an index. */
  ec: number | null;
  tc: number | null;
}

export interface TfpSummary {
  efficiency: EfficiencyByTime[];
  /** The latest period's rows with a score, most efficient first: the first and last `each`. */
  best: TfpEfficiencyRow[];
  worst: TfpEfficiencyRow[];
  index: IndexByPair[];
  /** The last pair of periods' index rows, largest index first: the first and last `each`. */
  indexBest: TfpIndexRow[];
  indexWorst: TfpIndexRow[];
  /** The cumulative index at the last period, largest first: the first and last `each`. */
  cumulativeBest: TfpCumulativeRow[];
  cumulativeWorst: TfpCumulativeRow[];
}

/** Spread of the finite values; `geometric` for indices (positive values only; the mean of the logs, exponentiated). */
export function spreadOf(values: Array<number | null>, geometric = false): Spread {
  const kept = values.filter((x): x is number => x !== null && Number.isFinite(x) && (!geometric || x > 0));
  if (!kept.length) return { n: 0, centre: null, min: null, q25: null, median: null, q75: null, max: null };
  // summed in the given order (the rows' order), then sorted for the quantiles
  let sum = 0;
  for (const x of kept) sum += geometric ? Math.log(x) : x;
  const v = Float64Array.from(kept).sort();
  return {
    n: v.length,
    centre: geometric ? Math.exp(sum / v.length) : sum / v.length,
    min: v[0],
    q25: quantileSorted(v, 0.25),
    median: quantileSorted(v, 0.5),
    q75: quantileSorted(v, 0.75),
    max: v[v.length - 1],
  };
}

const sameTime = (a: Time, b: Time) => String(a) === String(b);
const byValue =
  <T>(value: (r: T) => number | null) =>
  (a: T, b: T) =>
    (value(b) as number) - (value(a) as number);
/** The first and last `each` of a list sorted largest first. */
const ends = <T>(sorted: T[], each: number) =>
  sorted.length <= 2 * each ? { best: sorted, worst: [] } : { best: sorted.slice(0, each), worst: sorted.slice(-each) };

/**
 * The summary of a DEA result; `each` units at each end of the latest period.
 * Ties keep the result's order (units as in the data).
 */
export function tfpSummary(result: TfpResult, each = 20): TfpSummary {
  const m = result.model;
  const columns = [...m.inputs, ...m.outputs, ...m.undesirable];
  const efficiency = result.results.length
    ? result.times.map((time): EfficiencyByTime => {
        const rows = result.results.filter((r) => sameTime(r.time, time));
        const inefficient = rows.filter((r) => r.source !== null);
        return {
          time,
          rows: rows.length,
          ...spreadOf(rows.map((r) => r.efficiency)),
          efficient: rows.filter((r) => r.efficiency !== null && r.efficiency >= 1 - 1e-9).length,
          meanShares: Object.fromEntries(
            columns.map((c) => [
              c,
              inefficient.length ? inefficient.reduce((a, r) => a + (r.shares[c] ?? 0), 0) / inefficient.length : 0,
            ]),
          ),
        };
      })
    : [];
  const last = result.times[result.times.length - 1];
  const latest = result.results
    .filter((r) => sameTime(r.time, last) && r.efficiency !== null)
    .sort(byValue((r) => r.efficiency));
  const eff = ends(latest, each);
  const pairs = result.times.slice(1).map((to, k) => ({ from: result.times[k], to }));
  const index = result.index.length
    ? pairs.map(({ from, to }): IndexByPair => {
        const rows = result.index.filter((r) => sameTime(r.from, from));
        return {
          from,
          to,
          ...spreadOf(
            rows.map((r) => r.value),
            true,
          ),
          ec: spreadOf(
            rows.map((r) => r.ec),
            true,
          ).centre,
          tc: spreadOf(
            rows.map((r) => r.tc),
            true,
          ).centre,
        };
      })
    : [];
  const lastFrom = pairs.length ? pairs[pairs.length - 1].from : null;
  const lastPair = result.index
    .filter((r) => lastFrom !== null && sameTime(r.from, lastFrom) && r.value !== null)
    .sort(byValue((r) => r.value));
  const idx = ends(lastPair, each);
  const cumulative = result.cumulative
    .filter((c) => sameTime(c.time, last) && c.value !== null)
    .sort(byValue((c) => c.value));
  const cum = ends(cumulative, each);
  return {
    efficiency,
    best: eff.best,
    worst: eff.worst,
    index,
    indexBest: idx.best,
    indexWorst: idx.worst,
    cumulativeBest: cum.best,
    cumulativeWorst: cum.worst,
  };
}

/**
 * The cumulative index by unit and period, for tables that look it up cell by
 * cell (a Map instead of a search of the whole list for every cell).
 */
export function cumulativeLookup(result: TfpResult): (unit: string, time: Time) => number | null {
  const map = new Map<string, number | null>();
  for (const c of result.cumulative) map.set(`${c.unit}\u0000${String(c.time)}`, c.value);
  return (unit, time) => map.get(`${unit}\u0000${String(time)}`) ?? null;
}
