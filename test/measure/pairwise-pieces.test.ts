/**
 * A pairwise sample cut into pieces (core/measure/pairwise-jobs.ts
 * pairwisePieces / runPiece / joinPieces) gives runPairwiseJob's numbers to
 * the bit for any number of pieces: PROMETHEE II cut by criteria (gaussian
 * and piecewise, zero weights, reversed directions already applied), Copeland
 * cut by rows (ties, dominant pairs). The pieces cover every criterion or row
 * once, and a job whose input is not valid makes no pieces but throws the
 * error runPairwiseJob throws.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  joinPieces,
  maxPieces,
  type PairwiseJob,
  type PairwisePiece,
  pairwiseCost,
  pairwisePieces,
  pieceCost,
  runPairwiseJob,
  runPiece,
} from '../../src/core/measure/pairwise-jobs.ts';
import type { PrometheeCriterion } from '../../src/core/measure/scores/promethee.ts';

/** k columns of n values, rounded to `digits` decimals (few digits: many ties). */
function columns(rng: () => number, n: number, k: number, digits: number): Float64Array[] {
  const f = 10 ** digits;
  return Array.from({ length: k }, () => Float64Array.from({ length: n }, () => Math.round(rng() * f) / f));
}

const FNS: PrometheeCriterion[] = [
  { fn: 'gaussian', s: 0.2 },
  { fn: 'linear', q: 0.05, p: 0.3 },
  { fn: 'usual' },
  { fn: 'gaussian', s: 0.05 },
  { fn: 'v-shape', p: 0.2 },
  { fn: 'level', q: 0.1, p: 0.4 },
];

/** Every number of the output, as bits. */
const bits = (o: object) =>
  Object.entries(o).map(([key, v]) => [key, typeof v === 'number' ? v : Array.from(v as Float64Array)]);

function jobs(seed: string): PairwiseJob[] {
  const rng = seedrandom(seed);
  const out: PairwiseJob[] = [];
  for (let c = 0; c < 12; c++) {
    const n = 2 + Math.floor(rng() * 60);
    const k = 1 + Math.floor(rng() * 9);
    const cols = columns(rng, n, k, 1 + Math.floor(rng() * 3));
    const w: number[] = Array.from({ length: k }, () => (rng() < 0.15 ? 0 : rng()));
    if (!w.some((v) => v > 0)) w[0] = 1;
    out.push({ method: 'copeland', cols, w });
    out.push({ method: 'promethee', cols, w, criteria: cols.map(() => FNS[Math.floor(rng() * FNS.length)]) });
  }
  return out;
}

describe('pairwise samples cut into pieces', () => {
  it('join into runPairwiseJob’s output to the bit, for 1 to 8 pieces and more pieces than can be made', () => {
    for (const job of jobs('xinzhi-pieces')) {
      const whole = bits(runPairwiseJob(job));
      for (const count of [1, 2, 3, 4, 5, 8, 1000]) {
        const pieces = pairwisePieces(job, count);
        expect(pieces.length).toBeLessThanOrEqual(Math.min(count, maxPieces(job)));
        expect(bits(joinPieces(job, pieces, pieces.map(runPiece))), `${job.method} ${count}`).toEqual(whole);
      }
    }
  });

  it('cover every weighted criterion or every row once, in order, with the work of the whole job', () => {
    for (const job of jobs('xinzhi-pieces-cover')) {
      const n = job.cols[0].length;
      const pieces = pairwisePieces(job, 4);
      if (job.method === 'copeland') {
        const ranges = pieces.map((p) => {
          const c = p as Extract<PairwisePiece, { method: 'copeland' }>;
          return [c.from, c.to];
        });
        expect(ranges[0][0]).toBe(0);
        expect(ranges[ranges.length - 1][1]).toBe(n);
        for (let i = 1; i < ranges.length; i++) expect(ranges[i][0]).toBe(ranges[i - 1][1]);
        for (const [from, to] of ranges) expect(to).toBeGreaterThan(from);
      } else {
        const at = pieces.flatMap((p) => (p as Extract<PairwisePiece, { method: 'promethee' }>).at);
        expect(at).toEqual(job.w.flatMap((v, j) => (v !== 0 ? [j] : [])));
      }
      const work = pieces.reduce((s, p) => s + pieceCost(p), 0);
      expect(Math.abs(work - pairwiseCost(job))).toBeLessThanOrEqual(1e-12 * pairwiseCost(job));
    }
  });

  it('balance the work: Copeland rows cut where the pairs are shared equally', () => {
    const cols = columns(seedrandom('balance'), 1000, 3, 3);
    const job: PairwiseJob = { method: 'copeland', cols, w: [1, 1, 1] };
    const costs = pairwisePieces(job, 4).map(pieceCost);
    expect(costs).toHaveLength(4);
    const share = pairwiseCost(job) / 4;
    for (const c of costs) expect(Math.abs(c - share) / share).toBeLessThan(0.01);
  });

  it('throw runPairwiseJob’s error when the input is not valid', () => {
    const bad: PairwiseJob[] = [
      { method: 'promethee', cols: [Float64Array.of(1)], w: [1], criteria: [{ fn: 'gaussian', s: 0.1 }] },
      { method: 'promethee', cols: [Float64Array.of(1, 2)], w: [1], criteria: [{ fn: 'gaussian' }] },
      { method: 'copeland', cols: [Float64Array.of(1, 2), Float64Array.of(1)], w: [1, 1] },
      { method: 'copeland', cols: [Float64Array.of(1, 2)], w: [Number.NaN] },
    ];
    for (const job of bad) {
      let expected: unknown;
      try {
        runPairwiseJob(job);
      } catch (e) {
        expected = e;
      }
      expect(expected, job.method).toBeDefined();
      expect(() => pairwisePieces(job, 2)).toThrow(expected as Error);
    }
  });
});
