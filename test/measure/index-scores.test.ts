/**
 * indexScores — the robustness check's re-runs under other weighting methods —
 * gives evaluate's weights, scores and ranks under each method.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPanelFile } from '../../src/adapters/io/read.ts';
import { DEFAULT_DATA, DEFAULT_SPEC } from '../../src/adapters/io/defaults.ts';
import { evaluate, indexScorer, indexScores } from '../../src/core/measure/evaluate.ts';
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
  it('one scorer for several methods (one preparation of the data) gives each method’s evaluate numbers', () => {
    const score = indexScorer(panel);
    const last = panel.time[panel.time.length - 1];
    // in an order that reuses the prepared data after another method has used it
    for (const method of ['critic', 'equal', 'entropy', 'critic', 'cv'] as const) {
      const s = { ...spec, weights: { ...spec.weights, method } };
      const full = evaluate(panel, s);
      const shared = score(s);
      expect(shared.weights, method).toEqual(full.weights);
      expect(shared.scores, method).toEqual(full.scores);
      const latest = score(s, (t) => t === last);
      expect(latest.scores).toEqual(full.scores.filter((r) => r.time === last));
    }
    // a spec that prepares the data otherwise (another normalisation) is not given the first one's
    const zs = {
      ...spec,
      normalize: { method: 'zscore' as const },
      weights: { ...spec.weights, method: 'critic' as const },
    };
    expect(score(zs).scores).toEqual(evaluate(panel, zs).scores);
  });
});
