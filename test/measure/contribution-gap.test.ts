/** Contribution gaps (issue 9: diagnosis from the unit's own data). */
import { describe, expect, it } from 'vitest';
import { defaultResult } from '../default-result.ts';
import { contributionGap } from '../../src/core/measure/contribution-gap.ts';
import { evaluate } from '../../src/core/measure/evaluate.ts';
import type { Panel } from '../../src/core/panel/types.ts';

describe('contribution gap', () => {
  it('a hand-computed case: equal weights, min-max values, leader = the best unit', () => {
    const panel: Panel = {
      unitKey: 'u',
      timeKey: 't',
      unit: ['A', 'B', 'C'],
      time: [1, 1, 1],
      columns: { x: Float64Array.from([0, 5, 10]), y: Float64Array.from([10, 0, 5]) },
    };
    const r = evaluate(panel, {
      unit: 'u',
      time: 't',
      indicators: [
        { id: 'x', column: 'x', direction: '+', parent: null },
        { id: 'y', column: 'y', direction: '+', parent: null },
      ],
      normalize: { method: 'minmax', shift: 0 },
      weights: { method: 'equal' },
      aggregate: { method: 'arithmetic' },
    });
    // normalised: A (0, 1), B (0.5, 0), C (1, 0.5); index: A 0.5, B 0.25, C 0.75
    const g = contributionGap(r, 'B', 1, 1);
    expect(g.leaders).toEqual(['C']);
    expect(g.indexGap).toBeCloseTo(0.5, 15);
    // x: 0.5 × (1 − 0.5) = 0.25; y: 0.5 × (0.5 − 0) = 0.25
    expect(g.indicators.map((i) => [i.id, i.gap])).toEqual([
      ['x', 0.25],
      ['y', 0.25],
    ]);
    expect(g.indicators[0].share).toBe(0.5);
    expect(g.additive).toBe(true);
  });

  it('on the default index the gaps add up to the leaders’ mean index minus the unit’s, per dimension too', async () => {
    const r = await defaultResult();
    const last = r.times[r.times.length - 1];
    const worst = r.scores.filter((x) => String(x.time) === String(last)).sort((a, b) => a.score - b.score)[0].unit;
    const g = contributionGap(r, worst, last);
    expect(g.leaders).toHaveLength(3);
    expect(Math.abs(g.total - g.indexGap)).toBeLessThan(1e-12 * Math.max(1, Math.abs(g.indexGap)));
    const dimSum = Object.entries(g.dimensions)
      .filter(([id]) => r.nodeWeights.find((w) => w.id === id)?.parent === null)
      .reduce((a, [, v]) => a + v, 0);
    expect(dimSum).toBeCloseTo(g.total, 12);
    expect(g.indicators[0].gap).toBeGreaterThanOrEqual(g.indicators[g.indicators.length - 1].gap);
  });
});
