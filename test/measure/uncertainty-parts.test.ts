/**
 * The uncertainty analysis split into ranges of draws (uncertaintyPart,
 * mergeUncertainty, evaluateAsync) gives the report of one run in one
 * thread, whatever the split: every draw has its own random stream (seed,
 * draw number), and the merged sums are of whole ranks. On worker threads
 * (io/uncertainty-pool.ts) as in this thread; a worker's XinzhiError comes
 * back as the same error.
 */
import { describe, expect, it } from 'vitest';
import { XinzhiError } from '../../src/core/errors.ts';
import { evaluate, evaluateAsync } from '../../src/core/measure/evaluate.ts';
import {
  drawRanges,
  drawStream,
  uncertaintyPart,
  type UncertaintyPartRunner,
} from '../../src/core/measure/uncertainty.ts';
import { panelFromRows } from '../../src/core/panel/ops.ts';
import { runPartOnWorker, uncertaintyParts } from '../../src/adapters/io/uncertainty-pool.ts';
import { TWO_DIMENSIONS } from './two-dimensions.ts';

const rows: Array<Record<string, string | number>> = [];
for (let i = 0; i < 12; i++)
  for (let t = 0; t < 4; t++)
    rows.push({
      u: `U${i}`,
      t: 2019 + t,
      x1: 1 + ((i * 7 + t * 3) % 11) + 0.25 * t,
      x2: 20 - i * 1.3 + t * 0.7 + ((i * i) % 5) * 0.9,
      x3: 3 + Math.sqrt(i + 1) * (1 + 0.1 * t),
      x4: 50 + ((i * 13 + t * 5) % 17) * 2.5,
    });
const panel = panelFromRows(rows, 'u', 't');
const spec = (uncertainty: Record<string, unknown>, weights: Record<string, unknown> = { method: 'entropy' }) => ({
  ...TWO_DIMENSIONS,
  normalize: { method: 'minmax', shift: 0.0001 },
  weights,
  aggregate: { method: 'arithmetic' },
  uncertainty,
});
const mixed = spec(
  {
    draws: 101,
    seed: 7,
    normalize: ['minmax', 'mean-ratio'],
    weights: ['entropy', 'equal', 'cv'],
    aggregate: ['arithmetic', 'geometric'],
  },
  { method: 'entropy', panel: 'by-time', scope: 'children' },
);

/** Parts computed in this thread, one after the other. */
const inThread: UncertaintyPartRunner = async (inp, from, to, onDraws) => uncertaintyPart(inp, from, to, onDraws);

describe('uncertainty analysis in parts', () => {
  it('splits the draws into contiguous ranges', () => {
    expect(drawRanges(10, 3)).toEqual([
      [0, 3],
      [3, 6],
      [6, 10],
    ]);
    expect(drawRanges(2, 8)).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(drawRanges(5, 1)).toEqual([[0, 5]]);
  });

  it('gives each draw its own stream of (seed, draw)', () => {
    expect(drawStream(7, 3)()).toBe(drawStream(7, 3)());
    expect(drawStream(7, 3)()).not.toBe(drawStream(7, 4)());
    expect(drawStream(7, 3)()).not.toBe(drawStream(8, 3)());
  });

  it('1, 2, 3 and 7 parts give the report (and design) of one run', async () => {
    const one = evaluate(panel, mixed, { keepDraws: true }).uncertainty!;
    for (const parts of [1, 2, 3, 7]) {
      const r = await evaluateAsync(panel, mixed, { keepDraws: true, parallel: { runPart: inThread, parts } });
      expect(r.uncertainty, `${parts} parts`).toEqual(one);
    }
  });

  it('reports progress up to all draws', async () => {
    const seen: number[] = [];
    await evaluateAsync(panel, mixed, {
      onProgress: (done) => seen.push(done),
      parallel: { runPart: inThread, parts: 3 },
    });
    expect(seen.at(-1)).toBe(101);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('1 and 2 worker threads give identical results', async () => {
    const s = spec({ draws: 60, seed: 3, normalize: ['minmax', 'zscore'], weights: ['entropy', 'critic'] });
    const single = evaluate(panel, s);
    const w1 = await evaluateAsync(panel, s, { parallel: { runPart: runPartOnWorker, parts: 1 } });
    const w2 = await evaluateAsync(panel, s, { parallel: { runPart: runPartOnWorker, parts: 2 } });
    expect(w1.uncertainty).toEqual(single.uncertainty);
    expect(w2.uncertainty).toEqual(w1.uncertainty);
    expect(w2.scores).toEqual(single.scores);
  }, 60_000);

  it("a worker's XinzhiError comes back as the same error", async () => {
    // z-scores cannot feed a geometric mean: the one-thread run stops with geometric-nonpositive
    const s = spec({ draws: 20, seed: 1, normalize: ['zscore'], aggregate: ['geometric'] });
    const code = (e: unknown) => (e instanceof XinzhiError ? e.problems[0].code : String(e));
    let inOne: unknown;
    try {
      evaluate(panel, s);
    } catch (e) {
      inOne = e;
    }
    expect(code(inOne)).toBe('geometric-nonpositive');
    const inWorkers = await evaluateAsync(panel, s, { parallel: { runPart: runPartOnWorker, parts: 2 } }).catch(
      (e: unknown) => e,
    );
    expect(inWorkers).toBeInstanceOf(XinzhiError);
    expect((inWorkers as XinzhiError).problems).toEqual((inOne as XinzhiError).problems);
  }, 60_000);

  it('uses worker threads only for large analyses unless told', () => {
    expect(uncertaintyParts(300, 1000)).toBe(1);
    expect(uncertaintyParts(75_000, 1000)).toBeGreaterThanOrEqual(1);
    expect(uncertaintyParts(300, 1000, 2)).toBe(2);
    expect(uncertaintyParts(300, 1, 4)).toBe(1);
  });
});
