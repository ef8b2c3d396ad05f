/**
 * The samples of the extra scores that compare every pair of rows — Copeland
 * and PROMETHEE II with a gaussian criterion, O(k·n²) each — as jobs that can
 * run elsewhere (Node: worker threads, io/pairwise-pool.ts; the web app: Web
 * Workers, web/compute-pool.ts). A job holds its sample's normalised columns
 * and effective weights; `runPairwiseJob` gives the same numbers as
 * `evaluate` computes for that sample on this thread.
 *
 * A large sample can also be cut into pieces (`pairwisePieces`) that run on
 * several threads and are joined (`joinPieces`) into the same numbers to the
 * bit as `runPairwiseJob`: PROMETHEE II by criteria (each piece gives its
 * criteria's unweighted flows, joined by the same weighted sums in the
 * criteria's order) and Copeland by rows (each piece gives the integer
 * score changes of its rows' pairs, which add up exactly in any order).
 *
 * @example runPairwiseJob({ method: 'copeland', cols: [Float64Array.of(1, 2, 3)], w: [1] }).score // [-2, 0, 2]
 */
import { checkCopelandInput, copeland, copelandRows, dominantShare, repeatedValues } from './scores/copeland.ts';
import {
  addFlows,
  type CriterionFlows,
  checkPrometheeInput,
  criterionFlows,
  netFlows,
  PAIRWISE_FUNCTIONS,
  type PrometheeCriterion,
  prometheeII,
} from './scores/promethee.ts';
import { threadsFor } from '../threads.ts';
import { sumToOne } from './weights/input.ts';

/** One sample of a pairwise method: its columns (rows of the sample, directions applied) and effective weights. */
export type PairwiseJob =
  | { method: 'promethee'; cols: Float64Array[]; w: number[]; criteria: PrometheeCriterion[] }
  | { method: 'copeland'; cols: Float64Array[]; w: number[] };

/** What a job gives: PROMETHEE II's flows, or the Copeland scores and share of dominant pairs. */
export type PairwiseOutput =
  | { phiPlus: Float64Array; phiMinus: Float64Array; phi: Float64Array }
  | { score: Float64Array; fracDominant: number };

/**
 * Computes the jobs (in any order, on any thread) and gives each one's output
 * in the jobs' order, or undefined for a job that failed: the evaluation then
 * computes that sample itself, so its error is the one a run on one thread
 * throws, with the unit and time it concerns. A runner that rejects leaves
 * every sample to the evaluation.
 */
export type PairwiseRunner = (jobs: PairwiseJob[]) => Promise<Array<PairwiseOutput | undefined>>;

/** A job's output (see the module comment). */
export function runPairwiseJob(job: PairwiseJob): PairwiseOutput {
  if (job.method === 'copeland') {
    const c = copeland(job.cols, job.w);
    return { score: c.scores, fracDominant: c.fracDominant };
  }
  const r = prometheeII(
    job.cols,
    job.w,
    job.cols.map(() => '+'),
    job.criteria,
  );
  return { phiPlus: r.phiPlus, phiMinus: r.phiMinus, phi: r.phi };
}

/**
 * A gaussian criterion's pair costs about this many of Copeland's
 * pair-indicators (an exp against a comparison: 11 and 2.3 ns on one core,
 * bench/outranking.ts).
 */
export const GAUSSIAN_PAIR_COST = 5;

/**
 * A job's work, for sharing jobs between threads: pairs × indicators
 * (Copeland), or per weighted criterion GAUSSIAN_PAIR_COST × pairs
 * (gaussian) or n log₂ n (PROMETHEE's functions computed from sorted values).
 */
export function pairwiseCost(job: PairwiseJob): number {
  const n = job.cols[0]?.length ?? 0;
  if (job.method === 'copeland') return ((n * (n - 1)) / 2) * job.cols.length;
  return job.criteria.reduce((s, c, j) => s + (job.w[j] !== 0 ? criterionCost(c, n) : 0), 0);
}

/**
 * Part of a job: the flows of some of a PROMETHEE sample's criteria (their
 * columns; `at`, their positions in the job), or the pairs of a Copeland
 * sample whose first row is in [from, to) (`w` rescaled to sum 1).
 */
export type PairwisePiece =
  | { method: 'promethee'; cols: Float64Array[]; criteria: PrometheeCriterion[]; at: number[] }
  | { method: 'copeland'; cols: Float64Array[]; w: number[]; repeats: boolean[]; from: number; to: number };

/** What a piece gives: its criteria's flows, or its pairs' part of the Copeland scores and their dominant pairs. */
export type PieceOutput = { flows: CriterionFlows[] } | { score: Float64Array; nDominant: number };

/** How many pieces a job can be cut into: its weighted criteria (PROMETHEE) or its rows but the last (Copeland). */
export function maxPieces(job: PairwiseJob): number {
  const n = job.cols[0]?.length ?? 0;
  return Math.max(1, job.method === 'promethee' ? job.w.filter((v) => v !== 0).length : n - 1);
}

/**
 * A job cut into at most `count` pieces of about equal work (pieceCost).
 * Throws the error runPairwiseJob throws when the job's input is not valid,
 * so that no piece runs on such input.
 * @example pairwisePieces({ method: 'copeland', cols, w }, 4).length // 4 (cols of 5 rows or more)
 */
export function pairwisePieces(job: PairwiseJob, count: number): PairwisePiece[] {
  if (job.method === 'promethee') {
    checkPrometheeInput(
      job.cols,
      job.w,
      job.cols.map(() => '+'),
      job.criteria,
    );
    const n = job.cols[0].length;
    const live = job.w.flatMap((v, j) => (v !== 0 ? [j] : []));
    const costs = live.map((j) => criterionCost(job.criteria[j], n));
    return groupsByCost(costs, count).map(([lo, hi]) => {
      const at = live.slice(lo, hi);
      return { method: 'promethee', cols: at.map((j) => job.cols[j]), criteria: at.map((j) => job.criteria[j]), at };
    });
  }
  const n = checkCopelandInput(job.cols, job.w);
  const w = sumToOne(job.w);
  const repeats = repeatedValues(job.cols);
  const costs = Array.from({ length: n }, (_, a) => n - 1 - a);
  return groupsByCost(costs, count).map(([from, to]) => ({ method: 'copeland', cols: job.cols, w, repeats, from, to }));
}

/** A piece's output (see PairwisePiece). */
export function runPiece(piece: PairwisePiece): PieceOutput {
  if (piece.method === 'copeland') {
    const r = copelandRows(piece.cols, piece.w, piece.repeats, piece.from, piece.to);
    return { score: r.scores, nDominant: r.nDominant };
  }
  return { flows: piece.cols.map((col, i) => criterionFlows(col, '+', piece.criteria[i])) };
}

/** The job's output from its pieces' outputs (in the order pairwisePieces gave them): runPairwiseJob's numbers to the bit. */
export function joinPieces(job: PairwiseJob, pieces: PairwisePiece[], outs: PieceOutput[]): PairwiseOutput {
  const n = job.cols[0].length;
  if (job.method === 'copeland') {
    const score = new Float64Array(n);
    let nDominant = 0;
    for (const o of outs as Array<{ score: Float64Array; nDominant: number }>) {
      for (let a = 0; a < n; a++) score[a] += o.score[a];
      nDominant += o.nDominant;
    }
    return { score, fracDominant: dominantShare(nDominant, n) };
  }
  const w = sumToOne(job.w);
  const flows: CriterionFlows[] = [];
  pieces.forEach((p, i) =>
    (p as { at: number[] }).at.forEach((j, c) => (flows[j] = (outs[i] as { flows: CriterionFlows[] }).flows[c])),
  );
  const sums = { phiPlus: new Float64Array(n), phiMinus: new Float64Array(n) };
  for (let j = 0; j < w.length; j++) if (w[j] !== 0) addFlows(sums, w[j], flows[j]);
  return netFlows(sums);
}

/** Work of a piece, as pairwiseCost counts a job's. */
export function pieceCost(piece: PairwisePiece): number {
  if (piece.method === 'promethee') {
    const n = piece.cols[0]?.length ?? 0;
    return piece.criteria.reduce((s, c) => s + criterionCost(c, n), 0);
  }
  const n = piece.cols[0]?.length ?? 0;
  // Σ_{a=from}^{to−1} (n − 1 − a) pairs, each over every indicator
  return (((piece.to - piece.from) * (2 * n - 1 - piece.from - piece.to)) / 2) * piece.cols.length;
}

/** A PROMETHEE criterion's work (pairwiseCost). */
function criterionCost(c: PrometheeCriterion, n: number): number {
  return PAIRWISE_FUNCTIONS.includes(c.fn) ? (GAUSSIAN_PAIR_COST * n * (n - 1)) / 2 : n * Math.log2(n + 1);
}

/**
 * Consecutive groups [lo, hi) of items with the given costs, at most
 * `count`, each ending where the running cost first reaches its share of
 * the total (items of no cost at the end join the last group); none empty.
 */
function groupsByCost(costs: number[], count: number): Array<[number, number]> {
  const total = costs.reduce((a, b) => a + b, 0);
  const groups: Array<[number, number]> = [];
  let lo = 0;
  let run = 0;
  for (let i = 0; i < costs.length; i++) {
    run += costs[i];
    if (groups.length < count - 1 && run >= (total * (groups.length + 1)) / count && run < total) {
      groups.push([lo, i + 1]);
      lo = i + 1;
    }
  }
  if (lo < costs.length || !groups.length) groups.push([lo, costs.length]);
  return groups;
}

/**
 * Work (pairwiseCost) below which the samples are computed on this thread
 * (starting threads would cost more than they save): about 0.2 s on one
 * core; Copeland on a year of 1,000 firms × 40 indicators is 2 × 10^7,
 * gaussian flows on it 10^8.
 */
export const PAIRWISE_MIN_WORK = 1e8;

/**
 * Computes one thread's share of pieces elsewhere (a worker thread, a Web
 * Worker), calling `tick` as each is done: their outputs in order, null for
 * a piece that failed, or undefined when the thread failed.
 */
export type RunShare = (pieces: PairwisePiece[], tick: () => void) => Promise<Array<PieceOutput | null> | undefined>;

/**
 * A PairwiseRunner on a machine with `cores` cores: on this thread when the
 * work is below PAIRWISE_MIN_WORK (or `jobs` is 1), else on up to `jobs` or
 * one per core (at most 8) threads run by `runShare`. The samples are cut
 * into pieces of at most about an eighth of a thread's share (a small
 * sample stays whole), the costliest piece goes first, each to the thread
 * with the least work so far, and the pieces are joined into the samples'
 * outputs: the same numbers as on one thread. A sample whose input is not
 * valid, or of which a piece failed, is left undefined for the evaluation to
 * compute (and report). `onProgress` hears of each sample (on this thread)
 * or piece done.
 *
 * @example await evaluateAsync(panel, spec, { pairwise: piecesRunner(4, runShareOnWorkers) })
 */
export function piecesRunner(
  cores: number,
  runShare: RunShare,
  jobs?: number,
  onProgress?: (done: number, total: number) => void,
): PairwiseRunner {
  return async (list) => {
    const costs = list.map(pairwiseCost);
    const total = costs.reduce((a, b) => a + b, 0);
    const most = list.reduce((s, job) => s + maxPieces(job), 0);
    const parts = list.length ? threadsFor(total / most, most, PAIRWISE_MIN_WORK, cores, jobs) : 1;
    let done = 0;
    if (parts <= 1)
      return list.map((job) => {
        let out: PairwiseOutput | undefined;
        try {
          out = runPairwiseJob(job);
        } catch {
          out = undefined; // computed again by the evaluation, which reports where it fails
        }
        onProgress?.(++done, list.length);
        return out;
      });
    const share = total / (8 * parts);
    const cut = list.map((job, i) => {
      try {
        return pairwisePieces(job, Math.max(1, Math.ceil(costs[i] / share)));
      } catch {
        return [];
      }
    });
    const pieces = cut.flat().map((piece) => ({ piece, cost: pieceCost(piece) }));
    const tick = () => onProgress?.(++done, pieces.length);
    const shares = Array.from({ length: parts }, () => ({ cost: 0, at: [] as number[] }));
    for (const p of Array.from(pieces.keys()).sort((a, b) => pieces[b].cost - pieces[a].cost || a - b)) {
      const least = shares.reduce((m, s) => (s.cost < m.cost ? s : m));
      least.cost += pieces[p].cost;
      least.at.push(p);
    }
    const got: Array<PieceOutput | null> = new Array(pieces.length).fill(null);
    await Promise.all(
      shares
        .filter((s) => s.at.length)
        .map(async ({ at }) => {
          const outs = await runShare(
            at.map((p) => pieces[p].piece),
            tick,
          ).catch(() => undefined);
          at.forEach((p, k) => (got[p] = outs?.[k] ?? null));
        }),
    );
    // pieces are listed job by job: job i's are the next cut[i].length
    let at = 0;
    return list.map((job, i) => {
      const mine = got.slice(at, (at += cut[i].length));
      if (!mine.length || mine.some((o) => o === null)) return undefined;
      return joinPieces(job, cut[i], mine as PieceOutput[]);
    });
  };
}

/** The pieces of a share computed on this thread (a worker's side of RunShare): outputs, null for a piece that failed, and their buffers to move. */
export function runShareHere(
  pieces: PairwisePiece[],
  tick: () => void,
): { outs: Array<PieceOutput | null>; buffers: ArrayBuffer[] } {
  const outs = pieces.map((piece) => {
    let out: PieceOutput | null;
    try {
      out = runPiece(piece);
    } catch {
      out = null; // the sample is computed again by the evaluation, which reports where it fails
    }
    tick();
    return out;
  });
  const arrays = outs.flatMap((o) =>
    o === null ? [] : 'score' in o ? [o.score] : o.flows.flatMap((f) => [f.plus, f.minus]),
  );
  return { outs, buffers: arrays.map((a) => a.buffer as ArrayBuffer) };
}
