/**
 * indexScores — the robustness check's re-runs under other weighting methods —
 * gives evaluate's weights, scores and ranks under each method.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPanelFile } from '../../src/adapters/io/read.ts';
import { DEFAULT_DATA, DEFAULT_SPEC } from '../../src/adapters/io/defaults.ts';
import { evaluate, indexScores } from '../../src/core/measure/evaluate.ts';
import type { Spec } from '../../src/core/measure/spec.ts';
import type { Panel } from '../../src/core/panel/types.ts';

describe('indexScores', () => {
  let panel: Panel;
  let spec: Spec;
  beforeAll(async () => {
    spec = JSON.parse(readFileSync(DEFAULT_SPEC, 'utf8')) as Spec;
    ({ panel } = await readPanelFile(DEFAULT_DATA, { unit: spec.unit, time: spec.time, labels: spec.labels }));
  });
  it('gives evaluate’s weights, scores and ranks under each method', () => {
    for (const method of ['entropy', 'critic', 'equal'] as const) {
      const s = { ...spec, weights: { ...spec.weights, method } };
      const full = evaluate(panel, s);
      const light = indexScores(panel, s);
      expect(light.weights).toEqual(full.weights);
      expect(light.scores).toEqual(full.scores);
    }
  });
});
