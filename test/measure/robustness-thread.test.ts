/**
 * The robustness check off the main thread (io/robustness-thread.ts) and its
 * pieces: the report from a worker thread, and from the cut-down basis, is
 * the report rankRobustness gives on the whole result here; indexScores gives
 * evaluate's weights, scores and ranks under each method.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rankRobustnessOnWorker, robustnessWorker } from '../../src/adapters/io/robustness-thread.ts';
import { readPanelFile } from '../../src/adapters/io/read.ts';
import { DEFAULT_DATA, DEFAULT_SPEC } from '../../src/adapters/io/defaults.ts';
import { evaluate, indexScores } from '../../src/core/measure/evaluate.ts';
import type { EvaluationResult } from '../../src/core/measure/result.ts';
import { rankRobustness, robustnessBasis } from '../../src/core/measure/robustness.ts';
import type { Spec } from '../../src/core/measure/spec.ts';
import type { Panel } from '../../src/core/panel/types.ts';

describe('robustness off the main thread', () => {
  let panel: Panel;
  let spec: Spec;
  let result: EvaluationResult;
  beforeAll(async () => {
    spec = JSON.parse(readFileSync(DEFAULT_SPEC, 'utf8')) as Spec;
    ({ panel } = await readPanelFile(DEFAULT_DATA, { unit: spec.unit, time: spec.time, labels: spec.labels }));
    result = evaluate(panel, { ...spec, uncertainty: { draws: 20, seed: 4 } });
  });
  it('indexScores gives evaluate’s weights, scores and ranks under each method', () => {
    for (const method of ['entropy', 'critic', 'equal'] as const) {
      const s = { ...spec, weights: { ...spec.weights, method } };
      const full = evaluate(panel, s);
      const light = indexScores(panel, s);
      expect(light.weights).toEqual(full.weights);
      expect(light.scores).toEqual(full.scores);
    }
  });
  it('the basis cut to the reported times gives the same report (latest and all times)', () => {
    for (const times of ['latest', 'all'] as const) {
      const basis = robustnessBasis(result, times);
      if (times === 'latest') expect(basis.scores.length).toBe(result.units.length);
      expect(rankRobustness(panel, basis, { times })).toEqual(rankRobustness(panel, result, { times }));
    }
  });
  it('a worker thread gives the report computed here', async () => {
    const here = rankRobustness(panel, result, { threshold: 2 });
    expect(await rankRobustnessOnWorker(panel, result, { threshold: 2, minRows: 0 })).toEqual(here);
    expect(await rankRobustnessOnWorker(panel, result, { threshold: 2 })).toEqual(here); // small: in this thread
    // a worker started ahead: used, or ended when the check runs here
    const ahead = robustnessWorker();
    expect(await rankRobustnessOnWorker(panel, result, { threshold: 2, minRows: 0, worker: ahead })).toEqual(here);
    expect(await rankRobustnessOnWorker(panel, result, { threshold: 2, worker: robustnessWorker() })).toEqual(here);
  });
});
