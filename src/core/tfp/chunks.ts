/**
 * The DEA programmes of a run, in chunks that can be solved anywhere: in
 * this thread, or spread over worker threads (adapters/io/dea-pool.ts).
 *
 * A chunk is a run of at most DEA_CHUNK units, scored in one period against
 * that period's frontier (efficiency), or in one or more periods against
 * one reference set (the distances of a productivity index: a period, the
 * periods up to it, or all of them; the reference period's own observations
 * first, so the frontier units they find start the other periods'
 * programmes — a mixed-period programme on a few units alone is often
 * infeasible and then solved over all units). Each chunk starts its own frontier hint
 * (subset.ts SubsetHint), so what a chunk gives does not depend on which
 * chunks were solved before it or where: a run gives the same numbers, bit
 * for bit, on one thread or on many. The λ weights are not kept (no output
 * reports them, and at firm scale they would be n numbers per programme).
 *
 * @example solveDeaJob(solver, { periods, settings: { index: { type: 'gml', rts: 'crs' } }, chunks })
 */
import { directionalDistance } from './ddf.ts';
import type { LpSolver, LpStatus } from './lp.ts';
import { type Orientation, radialEfficiency } from './radial.ts';
import { sbmEfficiency, superSbmEfficiency } from './sbm.ts';
import type { DeaScore } from './score.ts';
import type { Observation, ReturnsToScale, Technology } from './technology.ts';

/** A productivity index (productivity.ts): Malmquist, Malmquist–Luenberger or global ML. */
export type IndexType = 'malmquist' | 'ml' | 'gml';

export interface IndexOptions {
  type: IndexType;
  /** Frontier returns to scale; the literature's default is 'crs'. */
  rts: ReturnsToScale;
  /** Malmquist only: orientation of the radial distance (default 'output', as Färe et al. 1994). */
  orientation?: Orientation;
  /**
   * Malmquist and ML: the frontier of period a is spanned by that period only ('contemporaneous',
   * default) or by all periods up to a ('sequential', Shestalova 2003; Oh & Heshmati 2010), which
   * rules out technical regress. GML always uses the global frontier.
   */
  frontier?: 'contemporaneous' | 'sequential';
}

/** Units per chunk. */
export const DEA_CHUNK = 250;

/** The efficiency model of a run by period (the fields of TfpModel it reads). */
export interface ScoreSettings {
  type: 'ccr' | 'bcc' | 'sbm';
  rts: ReturnsToScale;
  orientation: string;
  super: boolean;
}

/** Units `from` … `to − 1` of each of `periods`, in that order, against their period's frontier or against `ref`. */
export interface DeaChunk {
  /** One period for efficiency scores; for distances the reference period first, if it is one of them. */
  periods: number[];
  from: number;
  to: number;
  /** A distance's reference set: a period (with `frontier: 'sequential'`, the periods up to it) or 'global'. */
  ref?: number | 'global';
}

/** Everything a thread needs to solve some chunks. */
export interface DeaJob {
  /** periods[t][j]: observation j of period t. */
  periods: Observation[][];
  settings: { score: ScoreSettings } | { index: IndexOptions };
  chunks: DeaChunk[];
}

/** One efficiency score (λ left out). */
export interface ScoreOut {
  score: DeaScore;
  superEfficiency: boolean;
}

/** One distance of a productivity index. */
export interface DistanceOut {
  status: LpStatus;
  value: number | null;
}

/** What a chunk gives: one entry per observation, period by period (chunk.periods), then unit by unit. */
export type ChunkOut = ScoreOut[] | DistanceOut[];

/** Solves a job's chunks elsewhere (a worker thread) and resolves to their outputs in the job's order. */
export type DeaRunner = (job: DeaJob) => Promise<ChunkOut[]>;

/**
 * The chunks of some sets of units, in order: each set's units cut into
 * runs of at most `size` (a chunk of several periods has that many units in
 * each: a new hint is costly against a large reference set, so the global
 * frontier's chunks are the largest).
 * @example planChunks([{ periods: [0], count: 600 }]) // from 0, 250, 500
 */
export function planChunks(
  sets: Array<{ periods: number[]; count: number; ref?: number | 'global' }>,
  size = DEA_CHUNK,
): DeaChunk[] {
  const out: DeaChunk[] = [];
  for (const s of sets) {
    for (let from = 0; from < s.count; from += size)
      out.push({
        periods: s.periods,
        from,
        to: Math.min(s.count, from + size),
        ...(s.ref !== undefined ? { ref: s.ref } : {}),
      });
  }
  return out;
}

/**
 * The efficiency of observation j against `tech` (its period), with
 * super-efficiency for an efficient unit when asked: Tone (2002) for SBM,
 * Andersen & Petersen (1993) for CCR / BCC (the unit left out of its own
 * reference set).
 */
function scoreOne(
  solver: LpSolver,
  model: ScoreSettings,
  tech: Technology,
  j: number,
  frontier: Set<Observation>,
): ScoreOut {
  const obs = tech[j];
  const others = () => tech.filter((_, k) => k !== j);
  if (model.type === 'sbm') {
    const score = sbmEfficiency(solver, tech, obs, model.rts, { frontier });
    if (model.super && score.status === 'optimal' && (score.efficiency as number) >= 1 - 1e-9)
      return { score: superSbmEfficiency(solver, others(), obs, model.rts, { frontier }), superEfficiency: true };
    return { score, superEfficiency: false };
  }
  const opts = {
    rts: model.rts,
    orientation: model.orientation === 'output' ? ('output' as const) : ('input' as const),
    frontier,
  };
  const score = radialEfficiency(solver, tech, obs, opts);
  if (model.super && score.status === 'optimal' && (score.efficiency as number) >= 1 - 1e-9)
    return { score: radialEfficiency(solver, others(), obs, opts), superEfficiency: true };
  return { score, superEfficiency: false };
}

/** The periods of an index's reference set `ref` among T: one period, the periods up to it (sequential), or all (global). */
function referencePeriods(T: number, opts: IndexOptions, ref: number | 'global'): number[] {
  if (ref === 'global') return Array.from({ length: T }, (_, t) => t);
  if (opts.frontier === 'sequential' && opts.type !== 'gml') return Array.from({ length: ref + 1 }, (_, t) => t);
  return [ref];
}

/** The reference set `ref` of an index (referencePeriods), its periods' observations in order. */
function referenceSet(periods: Observation[][], opts: IndexOptions, ref: number | 'global'): Technology {
  return referencePeriods(periods.length, opts, ref).flatMap((t) => periods[t]);
}

/**
 * Solve every chunk of a job in this thread, in order; each reference set
 * is made once (so the subset route's caches hold across its chunks).
 * @example solveDeaJob(solver, job)[0][0].score.efficiency
 */
export function solveDeaJob(solver: LpSolver, job: DeaJob): ChunkOut[] {
  const refs = new Map<number | 'global', Technology>();
  return job.chunks.map((c): ChunkOut => {
    const frontier = new Set<Observation>(); // this chunk's own hint
    const out: Array<ScoreOut | DistanceOut> = [];
    if ('score' in job.settings) {
      const tech = job.periods[c.periods[0]];
      for (let j = c.from; j < c.to; j++) {
        const s = scoreOne(solver, job.settings.score, tech, j, frontier);
        out.push({ score: { ...s.score, lambda: [] }, superEfficiency: s.superEfficiency });
      }
      return out as ScoreOut[];
    }
    const opts = job.settings.index;
    const ref = c.ref ?? c.periods[0];
    let tech = refs.get(ref);
    if (!tech) refs.set(ref, (tech = referenceSet(job.periods, opts, ref)));
    for (const p of c.periods)
      for (let j = c.from; j < c.to; j++) {
        const obs = job.periods[p][j];
        if (opts.type === 'malmquist') {
          const orientation = opts.orientation ?? 'output';
          const s = radialEfficiency(solver, tech, obs, { rts: opts.rts, orientation, slacks: false, frontier });
          out.push({ status: s.status, value: s.efficiency });
        } else out.push(directionalDistance(solver, tech, obs, opts.rts, { frontier }));
      }
    return out as DistanceOut[];
  });
}

/**
 * A chunk's rough cost: its programmes × (200 + the size of their reference
 * set), as when pricing read every unit of the set and HiGHS' own work was
 * about that of pricing 200 units. Pricing by blocks (subset.ts) now reads a
 * part of a large set, so this overstates large sets; it is only used to
 * share chunks out (GML on 2,000 firms × 15 years on 2 threads: 16.4 s
 * against 30.3 s on one).
 */
export function chunkCost(job: DeaJob, c: DeaChunk): number {
  const ref = c.ref ?? c.periods[0];
  const size =
    'index' in job.settings
      ? referencePeriods(job.periods.length, job.settings.index, ref).reduce((n, t) => n + job.periods[t].length, 0)
      : job.periods[ref as number].length;
  return (c.to - c.from) * c.periods.length * (200 + size);
}

/** Programmes of a job: every chunk's units × periods. */
export function jobProgrammes(job: DeaJob): number {
  return job.chunks.reduce((n, c) => n + (c.to - c.from) * c.periods.length, 0);
}

/**
 * How many runners to use: a number, or one chosen from the job's
 * programmes (jobProgrammes), as the CLI chooses threads.
 */
export type DeaParts = number | ((programmes: number) => number);

/** Below this many programmes one thread is quicker than starting others (each loads HiGHS). */
export const PARALLEL_MIN_PROGRAMMES = 2_000;

/**
 * solveDeaJob with the chunks shared out to `parts` runners that run at
 * once (the costliest first, each to the runner with the least so far:
 * chunkCost); the outputs come back in the job's order and are those of
 * solveDeaJob (see the module comment).
 * @example await solveDeaJobAsync(solver, job, { runPart: runDeaOnWorker, parts: 2 })
 */
export async function solveDeaJobAsync(
  solver: LpSolver,
  job: DeaJob,
  parallel?: { runPart: DeaRunner; parts: DeaParts },
): Promise<ChunkOut[]> {
  const asked = typeof parallel?.parts === 'function' ? parallel.parts(jobProgrammes(job)) : (parallel?.parts ?? 1);
  const parts = Math.min(asked, job.chunks.length);
  if (!parallel || parts < 2) return solveDeaJob(solver, job);
  const cost = job.chunks.map((c) => chunkCost(job, c));
  const order = job.chunks.map((_, k) => k).sort((a, b) => cost[b] - cost[a] || a - b);
  const load = new Array<number>(parts).fill(0);
  const dealt: number[][] = Array.from({ length: parts }, () => []);
  for (const k of order) {
    const p = load.indexOf(Math.min(...load));
    dealt[p].push(k);
    load[p] += cost[k];
  }
  const got = await Promise.all(dealt.map((ks) => parallel.runPart({ ...job, chunks: ks.map((k) => job.chunks[k]) })));
  const outs = new Array<ChunkOut>(job.chunks.length);
  dealt.forEach((ks, p) => ks.forEach((k, i) => (outs[k] = got[p][i])));
  return outs;
}
