/**
 * An evaluation's result shares no memory with its panel: every array in it
 * is its own. The CLI frees the panel's columns once the robustness check
 * has run (io/release.ts releasePanelColumns) while the result is written;
 * that is safe only as long as this holds, for every kind of spec.
 */
import { describe, expect, it } from 'vitest';
import { releasePanelColumns } from '../../src/adapters/io/release.ts';
import { jsonPieces } from '../../src/adapters/report/json.ts';
import { evaluate } from '../../src/core/measure/evaluate.ts';
import { rankRobustness } from '../../src/core/measure/robustness.ts';
import { panelFromRows } from '../../src/core/panel/ops.ts';
import type { Panel } from '../../src/core/panel/types.ts';
import { TWO_DIMENSION_ROWS, TWO_DIMENSIONS } from './two-dimensions.ts';

/** A fresh panel each time (a test frees its columns). */
const firmPanel = (): Panel => panelFromRows([...TWO_DIMENSION_ROWS], 'u', 't');

const base = { ...TWO_DIMENSIONS, labels: ['region'] };

/** Specs that take every path a column could pass through unchanged. */
const variants: Array<Record<string, unknown>> = [
  {},
  { normalize: { method: 'none' }, weights: { method: 'equal' } },
  { normalize: { method: 'zscore' }, weights: { method: 'critic' } },
  { normalize: { method: 'vector' }, weights: { method: 'equal' } },
  { normalize: { method: 'minmax', panel: 'by-time', shift: 0 } },
  { normalize: { method: 'minmax', log: true } },
  { weights: { method: 'critic' } },
  { weights: { method: 'equal' }, aggregate: { method: 'geometric' } },
  { weights: { method: 'pca' } },
  { weights: { method: 'entropy', panel: 'by-time' } },
  { outliers: { method: 'coinr' } },
  { score: { topsis: true, gra: true, vikor: true, promethee: true, copeland: true, rsr: true, fuzzy: true } },
  { uncertainty: { draws: 20, seed: 3 } },
];

/** Every ArrayBuffer (or SharedArrayBuffer) that an array view inside `value` views. */
function buffersIn(value: unknown, seen = new Set<unknown>(), out = new Set<ArrayBufferLike>()): Set<ArrayBufferLike> {
  if (value === null || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  if (ArrayBuffer.isView(value)) {
    out.add(value.buffer);
    return out;
  }
  if (value instanceof Map) for (const [k, v] of value) buffersIn(v, seen, buffersIn(k, seen, out));
  else for (const v of Object.values(value)) buffersIn(v, seen, out);
  return out;
}

describe('an evaluation result and its panel', () => {
  it('share no array, for every kind of normalisation, weighting, aggregation and extra score', () => {
    for (const extra of variants) {
      const panel = firmPanel();
      const result = evaluate(panel, { ...base, ...extra });
      result.robustness = rankRobustness(panel, result);
      const own = buffersIn(result);
      const shared = Object.entries(panel.columns).filter(([, c]) => own.has(c.buffer));
      expect(
        shared.map(([k]) => k),
        JSON.stringify(extra),
      ).toEqual([]);
    }
  });
  it('the result reads the same after the panel’s columns are freed', async () => {
    const panel = firmPanel();
    const result = evaluate(panel, { ...base, score: { topsis: true } });
    result.robustness = rankRobustness(panel, result);
    const before = [...jsonPieces(result)].join('');
    await releasePanelColumns(panel);
    expect(panel.columns.x1.length).toBe(0); // freed
    expect([...jsonPieces(result)].join('')).toBe(before);
  });
});
