/**
 * The samples of the extra scores that compare every pair of rows — Copeland
 * and PROMETHEE II with a gaussian criterion, O(k·n²) each — as jobs that can
 * run elsewhere (Node: worker threads, io/pairwise-pool.ts) while the rest of
 * an evaluation is computed here. A job holds its sample's normalised columns
 * and effective weights; `runPairwiseJob` gives the same numbers as
 * `evaluate` computes for that sample on this thread.
 *
 * @example runPairwiseJob({ method: 'copeland', cols: [Float64Array.of(1, 2, 3)], w: [1] }).score // [-2, 0, 2]
 */
import { copeland } from './scores/copeland.ts';
import { type PrometheeCriterion, prometheeII } from './scores/promethee.ts';

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

/** Pairs × criteria a job compares: its cost, for sharing jobs between threads. */
export function pairwiseCost(job: PairwiseJob): number {
  const n = job.cols[0]?.length ?? 0;
  return ((n * (n - 1)) / 2) * job.cols.length;
}
