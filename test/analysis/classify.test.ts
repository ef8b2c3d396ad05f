/** Map class breaks against R's classInt (test/reference/classify/classify_reference.R). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ClassStyle, classBreaks, classOf } from '../../src/core/stats/classify.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/classify/fixtures/classify.json', import.meta.url), 'utf8'));

describe('class breaks, against classInt', () => {
  for (const [name, set] of Object.entries(fx) as Array<
    [string, { values: number[]; cases: Array<{ style: ClassStyle; k: number; breaks: number[]; class: number[] }> }]
  >)
    for (const c of set.cases)
      it(`${name}: ${c.style}, k = ${c.k}`, () => {
        const b = classBreaks(set.values, c.k, c.style);
        expect(b.length).toBe(c.breaks.length);
        b.forEach((v, i) =>
          expect(Math.abs(v - c.breaks[i])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(c.breaks[i]))),
        );
        expect(set.values.map((v) => classOf(v, b))).toEqual(c.class);
      });
  it('manual breaks are sorted; a missing value has class 0; bad k is refused', () => {
    expect(classBreaks([1, 2], 0, 'manual', [3, 1, 2])).toEqual([1, 2, 3]);
    expect(classOf(Number.NaN, [0, 1])).toBe(0);
    expect(() => classBreaks([1, 2], 0, 'quantile')).toThrow(RangeError);
  });
});
