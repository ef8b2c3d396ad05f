/**
 * The samples of Copeland and gaussian PROMETHEE II (per time, or the pooled
 * one) computed away from the evaluation (evaluateAsync's `pairwise`: in any
 * order, on worker threads through io/pairwise-pool.ts and cut into pieces
 * there, or not at all) give evaluate's result
 * to the bit, with its members and steps in the same order; a sample left
 * uncomputed is computed by the evaluation, whose error names the unit and
 * time as on one thread. `xinzhi evaluate --jobs 1` and `--jobs 3` print the
 * same JSON.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { XinzhiError } from '../../src/core/errors.ts';
import { evaluate, evaluateAsync } from '../../src/core/measure/evaluate.ts';
import {
  GAUSSIAN_PAIR_COST,
  type PairwiseJob,
  type PairwiseRunner,
  pairwiseCost,
  runPairwiseJob,
} from '../../src/core/measure/pairwise-jobs.ts';
import { panelFromRows } from '../../src/core/panel/ops.ts';
import { pairwiseRunner } from '../../src/adapters/io/pairwise-pool.ts';
import { sameOnThreads } from '../analysis/gini-cli-helpers.ts';
import { TWO_DIMENSIONS } from './two-dimensions.ts';

const rows: Array<Record<string, string | number>> = [];
for (let i = 0; i < 40; i++)
  for (let t = 0; t < 5; t++)
    rows.push({
      u: `U${i}`,
      t: 2018 + t,
      x1: 1 + ((i * 7 + t * 3) % 11) + 0.25 * t,
      x2: 20 - (i % 13) * 1.3 + t * 0.7 + ((i * i) % 5) * 0.9,
      x3: 3 + Math.sqrt(i + 1) * (1 + 0.1 * t),
      x4: 50 + ((i * 13 + t * 5) % 17) * 2.5, // repeated values: Copeland's ties
    });
const panel = panelFromRows(rows, 'u', 't');
const spec = (score: Record<string, unknown>, panelWeights = 'by-time') => ({
  ...TWO_DIMENSIONS,
  normalize: { method: 'minmax', shift: 0.0001 },
  weights: { method: 'entropy', panel: panelWeights },
  aggregate: { method: 'arithmetic' },
  score,
});
const gaussian = spec({ promethee: { fn: 'gaussian', s: 0.2 }, copeland: true, topsis: true });
const mixed = spec({ promethee: { fn: 'linear', q: 0.05, p: 0.3, criteria: { b2: { fn: 'gaussian', s: 0.1 } } } });

/** Runs the jobs here, last first, and counts them. */
function reversed(): PairwiseRunner & { calls: PairwiseJob[][] } {
  const calls: PairwiseJob[][] = [];
  const run = async (jobs: PairwiseJob[]) => {
    calls.push(jobs);
    const outs = new Array<ReturnType<typeof runPairwiseJob>>(jobs.length);
    for (let i = jobs.length - 1; i >= 0; i--) outs[i] = runPairwiseJob(jobs[i]);
    return outs;
  };
  return Object.assign(run, { calls });
}

/** The result as text: every number, member and step in order. */
const text = (r: unknown) => JSON.stringify(r);

describe('pairwise scores computed elsewhere', () => {
  it('give evaluate’s result, members and steps in order, for Copeland and gaussian PROMETHEE per time', async () => {
    for (const s of [gaussian, mixed]) {
      const one = evaluate(panel, s);
      const runner = reversed();
      const r = await evaluateAsync(panel, s, { pairwise: runner });
      expect(text(r)).toBe(text(one));
      expect(Object.keys(r)).toEqual(Object.keys(one));
      expect(runner.calls).toHaveLength(1);
      // one job per time for each pairwise method, the columns shared between the two
      const jobs = runner.calls[0];
      expect(jobs.length).toBe(s === gaussian ? 10 : 5);
      if (s === gaussian) expect(jobs[0].cols).toBe(jobs[5].cols);
      // four gaussian criteria; or one, and three computed from sorted values (n log₂ n each)
      const pairs = (40 * 39) / 2;
      expect(pairwiseCost(jobs[0])).toBeCloseTo(
        s === gaussian ? GAUSSIAN_PAIR_COST * pairs * 4 : GAUSSIAN_PAIR_COST * pairs + 3 * 40 * Math.log2(41),
        9,
      );
    }
  });

  it('computes here what the runner leaves undefined', async () => {
    const one = evaluate(panel, gaussian);
    const none: PairwiseRunner = async (jobs) => jobs.map(() => undefined);
    expect(text(await evaluateAsync(panel, gaussian, { pairwise: none }))).toBe(text(one));
    const half: PairwiseRunner = async (jobs) => jobs.map((j, i) => (i % 2 ? runPairwiseJob(j) : undefined));
    expect(text(await evaluateAsync(panel, gaussian, { pairwise: half }))).toBe(text(one));
  });

  it('sends a pooled sample as one job of each method, and leaves the other PROMETHEE functions to the evaluation', async () => {
    const runner = reversed();
    const pooled = spec({ promethee: { fn: 'gaussian', s: 0.2 }, copeland: true }, 'pooled');
    expect(text(await evaluateAsync(panel, pooled, { pairwise: runner }))).toBe(text(evaluate(panel, pooled)));
    expect(runner.calls.map((jobs) => jobs.map((j) => [j.method, j.cols[0].length]))).toEqual([
      [
        ['promethee', 200],
        ['copeland', 200],
      ],
    ]);
    const usual = spec({ promethee: true });
    expect(text(await evaluateAsync(panel, usual, { pairwise: runner }))).toBe(text(evaluate(panel, usual)));
    expect(runner.calls).toHaveLength(1);
  });

  it('cuts a pooled sample into pieces on 2 and 3 threads: the same result, each piece reported done once', async () => {
    const pooled = spec({ promethee: { fn: 'gaussian', s: 0.2 }, copeland: true }, 'pooled');
    const one = text(evaluate(panel, pooled));
    for (const jobs of [2, 3]) {
      const heard: Array<[number, number]> = [];
      const runner = pairwiseRunner(jobs, (done, total) => heard.push([done, total]));
      expect(text(await evaluateAsync(panel, pooled, { pairwise: runner })), `${jobs}`).toBe(one);
      // the two jobs cut into more pieces than threads, each heard of once
      const m = heard.length;
      expect(m).toBeGreaterThan(jobs);
      expect(heard).toEqual(Array.from({ length: m }, (_, i) => [i + 1, m]));
    }
  });

  it('reports a sample that fails with the unit and time, as on one thread', async () => {
    // one unit alone in 2023: PROMETHEE II needs two alternatives per sample
    const lone = panelFromRows([...rows, { u: 'U0', t: 2023, x1: 2, x2: 3, x3: 4, x4: 5 }], 'u', 't');
    const s = spec({ promethee: { fn: 'gaussian', s: 0.2 } });
    let expected: unknown;
    try {
      evaluate(lone, s);
    } catch (e) {
      expected = e;
    }
    expect(expected).toBeDefined();
    // the method named once, and the time whose sample is too small
    const [p] = (expected as XinzhiError).problems;
    expect(p.message.en).toBe('PROMETHEE II: needs at least 2 rows, got 1.');
    expect(p.time).toBe(2023);
    const throws: PairwiseRunner = async () => {
      throw new Error('a runner that fails');
    };
    for (const runner of [pairwiseRunner(1), pairwiseRunner(2), throws])
      await expect(evaluateAsync(lone, s, { pairwise: runner })).rejects.toEqual(expected);
  });

  it('on worker threads: the same result with 1, 2 and 3 threads, each sample or piece reported done once', async () => {
    const one = text(evaluate(panel, gaussian));
    for (const jobs of [1, 2, 3]) {
      const heard: Array<[number, number]> = [];
      const runner = pairwiseRunner(jobs, (done, total) => heard.push([done, total]));
      expect(text(await evaluateAsync(panel, gaussian, { pairwise: runner })), `${jobs}`).toBe(one);
      // one thread: each of the 10 samples; more: each piece, at least one a sample
      const m = heard.length;
      if (jobs === 1) expect(m).toBe(10);
      else expect(m).toBeGreaterThanOrEqual(10);
      expect(heard).toEqual(Array.from({ length: m }, (_, i) => [i + 1, m]));
    }
  });
});

describe('xinzhi evaluate --jobs with pairwise scores', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('prints the same JSON on one thread and on three, per time and pooled', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xinzhi-pairwise-'));
    dirs.push(dir);
    const csv = join(dir, 'panel.csv');
    const cols = Object.keys(rows[0]);
    await writeFile(csv, [cols.join(','), ...rows.map((r) => cols.map((c) => r[c]).join(','))].join('\n') + '\n');
    // per time (the years as jobs) and pooled (one sample, cut into pieces)
    for (const panelWeights of ['by-time', 'pooled']) {
      const specPath = join(dir, `spec-${panelWeights}.json`);
      await writeFile(specPath, JSON.stringify({ ...gaussian, weights: { method: 'entropy', panel: panelWeights } }));
      const out = JSON.parse(sameOnThreads(['evaluate', '--data', csv, '--spec', specPath, '--json']));
      expect(out.copeland).toHaveLength(rows.length);
      expect(out.promethee).toHaveLength(rows.length);
    }
  });
});
