/**
 * The web method panel's preset choice (spec-edit.ts applyPreset) gives the
 * spec that `xinzhi evaluate --preset` evaluates, and the web session computes
 * the same weights from it as the core.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/adapters/web/session.ts';
import { applyPreset } from '../../src/adapters/web/spec-edit.ts';
import { presetOver } from '../../src/core/measure/presets.ts';
import type { Spec } from '../../src/core/measure/spec.ts';
import { ROOT } from '../default-result.ts';

describe('web preset choice', () => {
  it('applyPreset = presetOver, and the session evaluates it as the core does', async () => {
    const spec = JSON.parse(readFileSync(join(ROOT, 'data/specs/nqpf-province.json'), 'utf8')) as Spec;
    const edited = structuredClone(spec);
    applyPreset(edited, 'stata-entropy');
    const over = presetOver(spec, 'stata-entropy');
    expect(edited.normalize).toEqual(over.normalize);
    expect(edited.weights).toEqual(over.weights);
    expect(edited.preset).toBe('stata-entropy');
    const s = new Session();
    await s.load(
      new Uint8Array(readFileSync(join(ROOT, 'data/province-intensity/province_intensity_2013_2022.csv'))),
      'province_intensity_2013_2022.csv',
      edited,
    );
    const r = s.evaluate(edited).result;
    expect(r.record.spec.weights.entropy).toEqual({ pEpsilon: 1e-10, k: 'periods' });
    expect(r.record.spec.normalize.shift).toBe(0);
    // k = 1/ln T flattens the weights towards equal (16 indicators)
    for (const w of Object.values(r.weights)) expect(Math.abs(w - 1 / 16)).toBeLessThan(0.02);
  });
});
