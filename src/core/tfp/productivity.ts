/**
 * Productivity indices between consecutive periods, for a balanced panel
 * given as `periods[t][j]` (period t, unit j; the same units in every period).
 *
 * - Malmquist (Färe, Grosskopf, Norris & Zhang 1994, AER 84: 66–83),
 *   contemporaneous frontiers, radial distance E (output-oriented by default:
 *   E = 1/η*, the Shephard output distance; input-oriented: E = θ*):
 *     M = [E^t(t+1)/E^t(t) · E^{t+1}(t+1)/E^{t+1}(t)]^{1/2} = EC · TC,
 *     EC = E^{t+1}(t+1)/E^t(t),  TC = [E^t(t+1)/E^{t+1}(t+1) · E^t(t)/E^{t+1}(t)]^{1/2}.
 * - Malmquist–Luenberger (Chung, Färe & Grosskopf 1997) on the directional
 *   distance D = β* with g = (y, −b) (see ddf.ts):
 *     ML = [(1+D^t(t))/(1+D^t(t+1)) · (1+D^{t+1}(t))/(1+D^{t+1}(t+1))]^{1/2} = EC · TC,
 *     EC = (1+D^t(t))/(1+D^{t+1}(t+1)),
 *     TC = [(1+D^{t+1}(t))/(1+D^t(t)) · (1+D^{t+1}(t+1))/(1+D^t(t+1))]^{1/2}.
 *   A mixed-period programme (D^t(t+1) or D^{t+1}(t)) can be infeasible; the
 *   index of that unit and pair is then null with status 'infeasible' (never
 *   replaced by a number); use GML, which has no mixed-period programmes. The
 *   same holds when a feasible mixed-period distance gives 1 + D ≤ 0 (the
 *   ratio, and its square root, would be undefined).
 * - Global Malmquist–Luenberger (Oh 2010, J. Prod. Anal. 34: 183–197): D^G on
 *   the global frontier spanned by all periods together,
 *     GML = (1+D^G(t))/(1+D^G(t+1)) = EC · BPC,  EC as in ML,
 *     BPC (reported as tc) = [(1+D^G(t))/(1+D^t(t))] / [(1+D^G(t+1))/(1+D^{t+1}(t+1))].
 * With `frontier: 'sequential'` the frontier of period a is spanned by periods
 * 1…a (Shestalova 2003, J. Prod. Anal. 19: 211–226; Oh & Heshmati 2010,
 * Energy Econ. 32: 1345–1355), so it never moves backwards (TC ≥ 1).
 * A value above 1 means productivity growth; TC < 1 (a frontier moving
 * backwards) is reported as it is.
 */
import {
  type ChunkOut,
  type DeaJob,
  type DistanceOut,
  type IndexOptions,
  type IndexType,
  planChunks,
  solveDeaJob,
} from './chunks.ts';
import type { LpSolver, LpStatus } from './lp.ts';
import type { Observation } from './technology.ts';

/** The index types and their options live beside the chunks that solve them (chunks.ts). */
export type { IndexOptions, IndexType } from './chunks.ts';

/** The index of one unit between period `from` and `from + 1` (indices into `periods`). */
export interface IndexValue {
  unit: number;
  from: number;
  status: LpStatus;
  value: number | null;
  ec: number | null;
  tc: number | null;
}

/**
 * The job of an index's distances (chunks.ts): each period's observations
 * against their own period's frontier, and for GML against the global one;
 * for Malmquist and ML also against the neighbouring periods' frontiers (in
 * the same chunks as the period's own, after them).
 * @example solveDeaJob(solver, indexJob(periods, { type: 'gml', rts: 'crs' }))
 */
export function indexJob(periods: Observation[][], opts: IndexOptions): DeaJob {
  const T = periods.length;
  const count = periods[0]?.length ?? 0;
  const sets: Array<{ periods: number[]; count: number; ref: number | 'global' }> = [];
  for (let a = 0; a < T; a++) {
    // period a against its own frontier; Malmquist and ML also its neighbours against it
    const mixed = opts.type === 'gml' ? [] : [a - 1, a + 1].filter((p) => p >= 0 && p < T);
    sets.push({ periods: [a, ...mixed], count, ref: a });
  }
  if (opts.type === 'gml') sets.push({ periods: periods.map((_, t) => t), count, ref: 'global' });
  return { periods, settings: { index: opts }, chunks: planChunks(sets) };
}

/**
 * The index values of every unit and consecutive pair of periods from the
 * solved distances of indexJob (`outs` in the job's chunk order).
 */
export function indexValues(job: DeaJob, outs: ChunkOut[]): IndexValue[] {
  const opts = (job.settings as { index: IndexOptions }).index;
  const table = new Map<string, DistanceOut[]>();
  job.chunks.forEach((c, k) => {
    const width = c.to - c.from;
    c.periods.forEach((p, q) => {
      const key = `${c.ref}|${p}`;
      let row = table.get(key);
      if (!row) table.set(key, (row = []));
      for (let i = 0; i < width; i++) row[c.from + i] = (outs[k] as DistanceOut[])[q * width + i];
    });
  });
  const distance: Distance = (a, t, j) => (table.get(`${a}|${t}`) as DistanceOut[])[j];
  const result: IndexValue[] = [];
  for (let t = 0; t + 1 < job.periods.length; t++)
    for (let j = 0; j < job.periods[t].length; j++) result.push(indexOf(opts.type, t, j, distance));
  return result;
}

/**
 * Malmquist, ML or GML index of every unit between consecutive periods.
 * @example productivityIndex(solver, [period2020, period2021], { type: 'gml', rts: 'crs' })[0].value
 */
export function productivityIndex(solver: LpSolver, periods: Observation[][], opts: IndexOptions): IndexValue[] {
  const job = indexJob(periods, opts);
  return indexValues(job, solveDeaJob(solver, job));
}

type Distance = (a: number | 'global', t: number, j: number) => DistanceOut;

function indexOf(type: IndexType, t: number, j: number, distance: Distance): IndexValue {
  const needed: Array<[number | 'global', number]> =
    type === 'gml'
      ? [
          [t, t],
          [t + 1, t + 1],
          ['global', t],
          ['global', t + 1],
        ]
      : [
          [t, t],
          [t, t + 1],
          [t + 1, t],
          [t + 1, t + 1],
        ];
  const got = needed.map(([a, b]) => distance(a, b, j));
  const failed = got.find((d) => d.status !== 'optimal');
  if (failed) return { unit: j, from: t, status: failed.status, value: null, ec: null, tc: null };
  const out = indexValue(
    type,
    t,
    j,
    got.map((d) => d.value as number),
  );
  // a ratio of a distance that is 0, or of 1 + D ≤ 0 (an observation beyond the other period's frontier by
  // its own size, possible in mixed-period VRS programmes), has no value: null, never NaN or ±∞
  if (![out.value, out.ec, out.tc].every((x) => x !== null && Number.isFinite(x) && x > 0))
    return { unit: j, from: t, status: 'infeasible', value: null, ec: null, tc: null };
  return out;
}

function indexValue(type: IndexType, t: number, j: number, v: number[]): IndexValue {
  if (type === 'malmquist') {
    const [tt, t1, s0, s1] = v; // E^t(t), E^t(t+1), E^{t+1}(t), E^{t+1}(t+1)
    const ec = s1 / tt;
    const tc = Math.sqrt((t1 / s1) * (tt / s0));
    return { unit: j, from: t, status: 'optimal', value: ec * tc, ec, tc };
  }
  if (type === 'ml') {
    const [tt, t1, s0, s1] = v.map((d) => 1 + d);
    const ec = tt / s1;
    const tc = Math.sqrt((s0 / tt) * (s1 / t1));
    return { unit: j, from: t, status: 'optimal', value: ec * tc, ec, tc };
  }
  const [tt, s1, g0, g1] = v.map((d) => 1 + d);
  const value = g0 / g1;
  const ec = tt / s1;
  return { unit: j, from: t, status: 'optimal', value, ec, tc: g0 / tt / (g1 / s1) };
}

/**
 * Cumulative index with the first period = 1: c_0 = 1, c_{t+1} = c_t · I_{t,t+1}.
 * Once a link is null (infeasible), the later cumulative values are null too.
 * @example cumulativeIndex([1.1, 0.9]) // [1, 1.1, 0.99]
 */
export function cumulativeIndex(links: Array<number | null>): Array<number | null> {
  const out: Array<number | null> = [1];
  for (const link of links) {
    const last = out[out.length - 1];
    out.push(last === null || link === null ? null : last * link);
  }
  return out;
}
