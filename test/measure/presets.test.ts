/**
 * Tool presets against the tools' own procedures written out independently in
 * NumPy / pandas (test/reference/measure/presets_reference.py →
 * fixtures/presets.json), to 1e-9 relative; and the preset merge rules.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readPanelFile } from '../../src/adapters/io/read.ts';
import { DEFAULT_DATA } from '../../src/adapters/io/defaults.ts';
import { evaluate } from '../../src/core/measure/evaluate.ts';
import { PRESET_IDS, PRESETS, type PresetId } from '../../src/core/measure/presets.ts';
import { comparePresets } from '../../src/core/measure/compare-presets.ts';
import { validateSpec } from '../../src/core/measure/spec-schema.ts';
import type { Panel } from '../../src/core/panel/types.ts';
import { entropyWeights } from '../../src/core/measure/weights/entropy.ts';
import { close, fixture } from './reference-helpers.ts';

const F = fixture('presets.json');
let panel: Panel;
beforeAll(async () => {
  const r = await readPanelFile(DEFAULT_DATA, { unit: 'Province', time: 'Year', labels: ['name_zh', 'region'] });
  panel = r.panel;
});

describe('presets reproduce the tools (NumPy reference)', () => {
  for (const id of ['spssau', 'coinr', 'pymcdm', 'mathmodels', 'stata-entropy'] as const) {
    it(id, () => {
      const e = F.cases[id];
      const withTopsis = e.topsis !== undefined;
      const r = evaluate(panel, { ...F.spec, preset: id, ...(withTopsis ? { score: { topsis: true } } : {}) });
      for (const [ind, w] of Object.entries(e.weights)) close(r.weights[ind], w as number, `${id} weight ${ind}`);
      const got = new Map(r.scores.map((s, i) => [`${s.unit}|${String(s.time)}`, i]));
      e.scores.forEach((s: { unit: string; time: number; score: number; rank: number }, k: number) => {
        const i = got.get(`${s.unit}|${s.time}`)!;
        close(r.scores[i].score, s.score, `${id} score ${s.unit} ${s.time}`);
        expect(r.scores[i].rank, `${id} rank ${s.unit} ${s.time}`).toBe(s.rank);
        if (withTopsis) {
          const t = r.topsis!.find((x) => x.unit === s.unit && x.time === s.time)!;
          close(t.closeness, e.topsis[k], `${id} TOPSIS ${s.unit} ${s.time}`);
          if (e.topsisRank) expect(t.rank).toBe(e.topsisRank[k]);
        }
      });
      expect(r.record.spec.preset).toBe(id);
    });
  }
});

describe('preset merge', () => {
  const base = { unit: 'u', time: 't', indicators: [{ id: 'a', column: 'a', direction: '+' as const }] };

  it('fills only what the spec leaves unset; spec fields win', () => {
    const s = validateSpec({ ...base, preset: 'spssau', weights: { method: 'critic' } });
    expect(s.normalize.shift).toBe(0);
    expect(s.weights.method).toBe('critic');
    // the preset's entropy convention does not apply to CRITIC, so it is not filled either way
    const s2 = validateSpec({ ...base, preset: 'mathmodels', normalize: { range: [0, 1] } });
    expect(s2.normalize.range).toEqual([0, 1]);
    expect(s2.score.scale).toBe(100);
  });

  it('never turns a score method on', () => {
    expect(validateSpec({ ...base, preset: 'pymcdm' }).score.topsis).toBe(false);
    expect(validateSpec({ ...base, preset: 'pymcdm', score: { topsis: true } }).score.topsis).toEqual({
      normalize: 'minmax',
    });
    expect(
      validateSpec({ ...base, preset: 'pymcdm', score: { topsis: { normalize: 'vector' } } }).score.topsis,
    ).toEqual({ normalize: 'vector' });
  });

  it('every preset validates and names its sources', () => {
    for (const id of PRESET_IDS) {
      expect(() => validateSpec({ ...base, preset: id })).not.toThrow();
      expect(PRESETS[id].sources.length).toBeGreaterThan(0);
      expect(PRESETS[id].conventions.length).toBeGreaterThan(0);
    }
  });

  it('range with a shift, range without minmax, entropy options without entropy: errors naming the field', () => {
    const msg = (s: unknown) => {
      try {
        validateSpec(s);
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    };
    expect(msg({ ...base, normalize: { range: [0, 1], shift: 0.01 } })).toMatch(/normalize\.shift/);
    expect(msg({ ...base, normalize: { method: 'zscore', range: [0, 1] } })).toMatch(/normalize\.range/);
    expect(msg({ ...base, normalize: { range: [1, 0] } })).toMatch(/a < b/);
    expect(msg({ ...base, weights: { method: 'critic', entropy: { pEpsilon: 1e-10 } } })).toMatch(/weights\.entropy/);
    expect(msg({ ...base, time: null, weights: { entropy: { k: 'periods' } } })).toMatch(/weights\.entropy\.k/);
  });
});

describe('entropy conventions (hand arithmetic)', () => {
  it('SPSSAU shift: only columns with a value ≤ 0, by |min| + a', () => {
    // column [0, 1]: shifted to [0.01, 1.01]; column [1, 2]: left alone
    const r = entropyWeights([Float64Array.of(0, 1), Float64Array.of(1, 2)], { nonNegativeShift: 0.01 });
    const h = (p: number[]) => -p.reduce((s, v) => s + v * Math.log(v), 0) / Math.log(2);
    close(r.entropy[0], h([0.01 / 1.02, 1.01 / 1.02]), 'e0');
    close(r.entropy[1], h([1 / 3, 2 / 3]), 'e1');
  });

  it('k = periods with pooled rows: e > 1, weights d/Σd as the script writes them', () => {
    // 2 units × 2 periods, one informative and one flat-ish column
    const a = Float64Array.of(0, 1, 2, 3);
    const b = Float64Array.of(1, 1, 1, 2);
    const r = entropyWeights([a, b], { k: 'periods', periods: 2, pEpsilon: 1e-10 });
    const h = (x: Float64Array) => {
      const s = x.reduce((p, v) => p + v, 0);
      return -Array.from(x).reduce((t, v) => t + (v / s + 1e-10) * Math.log(v / s + 1e-10), 0) / Math.log(2);
    };
    close(r.entropy[0], h(a), 'e0');
    close(r.entropy[1], h(b), 'e1');
    expect(r.entropy[0]).toBeGreaterThan(1);
    const d = [1 - h(a), 1 - h(b)];
    close(r.weights[0], d[0] / (d[0] + d[1]), 'w0');
    // the less informative column b gets the larger weight
    expect(r.weights[1]).toBeGreaterThan(r.weights[0]);
  });
});

describe('comparePresets', () => {
  for (const pair of ['spssau|mathmodels', 'spssau|stata-entropy', 'coinr|pymcdm'] as const) {
    it(`${pair}: differences equal the reference (scipy Spearman)`, () => {
      const [a, b] = pair.split('|') as [PresetId, PresetId];
      const e = F.comparisons[pair];
      const c = comparePresets(panel, F.spec, a, b);
      close(c.scores.maxAbs, e.maxAbs, 'maxAbs');
      close(c.scores.meanAbs, e.meanAbs, 'meanAbs');
      expect(c.scores.rankChanges).toBe(e.rankChanges);
      expect(c.scores.maxRankShift).toBe(e.maxRankShift);
      close(c.scores.spearman, e.spearman, 'spearman');
      for (const w of c.weights) close(w.diff, e.weightsDiff[w.indicator], `weight diff ${w.indicator}`);
      // the steps switch every differing setting exactly once, in pipeline order
      expect(c.steps.flatMap((s) => s.settings.map((x) => x.setting))).toEqual(c.settings.map((s) => s.setting));
    });
  }

  it("two steps that cancel: a 0.01 shift in normalisation vs SPSSAU's 0.01 shift inside the entropy method", () => {
    const c = comparePresets(panel, { ...F.spec, normalize: { shift: 0.01 } }, null, 'spssau');
    expect(c.settings.map((s) => s.setting)).toEqual(['normalize.shift', 'weights.entropy.nonNegativeShift']);
    expect(c.steps.length).toBe(2);
    // removing the shift changes the entropy shares; SPSSAU's shift puts the same + 0.01 back
    expect(c.steps[0].weightsL1).toBeGreaterThan(1e-3);
    close(c.steps[1].weightsL1, c.steps[0].weightsL1, 'the second step undoes the first');
    for (const w of c.weights) expect(Math.abs(w.diff)).toBeLessThan(1e-12);
    // composites differ by the constant 0.01 only (weights sum to 1): no rank moves
    close(c.scores.maxAbs, 0.01, 'max |Δscore|');
    expect(c.scores.rankChanges).toBe(0);
  });

  it('range and the shift it replaces move together when apart they are invalid', () => {
    // from COINr (range [0, 100], shift 0) to xinzhi: the shift 0.0001 cannot come while the range is still set
    const c = comparePresets(panel, F.spec, 'coinr', 'xinzhi');
    const joined = c.steps.find((s) => s.settings.some((x) => x.setting === 'normalize.range'))!;
    expect(joined.settings.map((x) => x.setting)).toContain('normalize.shift');
  });
});
