/**
 * Spec defaults are written once (SPEC_DEFAULTS, applied by fillDefaults); the
 * spec-fields table of docs/measurement.md states the same values.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillDefaults, SPEC_DEFAULTS } from '../../src/core/measure/spec-schema.ts';

const doc = readFileSync(new URL('../../docs/measurement.md', import.meta.url), 'utf8');
/** The table row of a spec field (its first cell is the field in backticks). */
const row = (field: string) => doc.split('\n').find((l) => l.startsWith(`| \`${field}\``)) ?? '';

describe('spec defaults: one place, stated in the docs', () => {
  it('fillDefaults on a minimal spec gives SPEC_DEFAULTS', () => {
    const s = fillDefaults({ unit: 'u', indicators: [{ id: 'x', column: 'x', direction: '+' }] } as never);
    const D = SPEC_DEFAULTS;
    expect(s.missing).toEqual({ method: D.missing.method });
    expect(s.outliers).toEqual({ method: D.outliers.method });
    const { targetVariant, cap, ...always } = D.normalize;
    expect(s.normalize).toEqual(always);
    const t = fillDefaults({
      unit: 'u',
      indicators: [{ id: 'x', column: 'x', direction: '+', target: 1 }],
      normalize: { method: 'distance-to-target' },
    } as never);
    expect(t.normalize.targetVariant).toBe(targetVariant);
    expect(t.normalize.cap).toBeUndefined(); // each method's default: CAP_DEFAULT
    expect(cap).toEqual({ goalposts: true, 'distance-to-target': false });
    expect(s.weights).toEqual(D.weights);
    expect(s.aggregate).toEqual(D.aggregate);
    expect(s.score).toEqual({
      topsis: false,
      gra: false,
      vikor: false,
      promethee: false,
      copeland: false,
      rsr: false,
      fuzzy: false,
      scale: D.score.scale,
      ties: D.score.ties,
    });
    expect(s.nodes).toEqual([]);
    expect(s.time).toBeNull();
  });

  it('docs/measurement.md gives the same defaults', () => {
    const D = SPEC_DEFAULTS;
    expect(row('missing.method')).toContain(`[${D.missing.method}]`);
    expect(row('outliers')).toContain(`[${D.outliers.method}]`);
    for (const [k, v] of Object.entries(D.outliers.coinr)) expect(row('outliers')).toContain(`${k} [${v}]`);
    expect(row('normalize')).toContain(`[${D.normalize.method}]`);
    for (const k of ['shift', 'log', 'logPlusOne'] as const)
      expect(row('normalize')).toContain(`${k} [${D.normalize[k]}]`);
    expect(row('normalize')).toContain(`by-time [${D.normalize.panel}]`);
    expect(row('normalize')).toContain(`coinr [${D.normalize.targetVariant}]`);
    expect(row('normalize')).toContain(
      `cap [${D.normalize.cap.goalposts} for goalposts, ${D.normalize.cap['distance-to-target']} for distance-to-target]`,
    );
    expect(row('weights')).toContain(`[${D.weights.method}]`);
    expect(row('weights')).toContain(`by-time [${D.weights.panel}]`);
    expect(row('weights')).toContain(`children [${D.weights.scope}]`);
    expect(row('weights')).toContain(`allowInconsistent [${D.weights.allowInconsistent}]`);
    expect(row('aggregate.method')).toContain(`[${D.aggregate.method}]`);
    expect(row('score')).toContain(`minmax} [${D.score.topsis.normalize}]`);
    expect(row('score')).toContain(`rho [${D.score.gra.rho}]`);
    expect(row('score')).toContain(`v [${D.score.vikor.v}]`);
    expect(row('score')).toContain(`scale [${D.score.scale}]`);
    expect(row('score')).toContain(`average [${D.score.ties}]`);
    expect(row('uncertainty')).toContain(`seed [${D.uncertainty.seed}]`);
    expect(row('uncertainty')).toContain(`weightNoise [${D.uncertainty.weightNoise}]`);
  });
});
