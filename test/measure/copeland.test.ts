import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { copeland } from '../../src/core/measure/scores/copeland.ts';

const REF = JSON.parse(readFileSync(new URL('../reference/measure/fixtures/copeland.json', import.meta.url), 'utf8'));
const columns = (m: number[][]) => m[0].map((_, j) => m.map((r) => r[j]));

describe('Copeland scores (checked against test/reference/measure/copeland_reference.py, NumPy)', () => {
  for (const [name, c] of Object.entries(REF.cases) as Array<
    [string, { weights: number[]; outranking: number[][]; scores: number[]; nDominant: number; fracDominant: number }]
  >) {
    it(`outranking matrix, scores and dominant pairs with ${name} weights`, () => {
      const res = copeland(columns(REF.matrix), c.weights);
      res.outranking.forEach((row, a) =>
        row.forEach((v, b) => expect(Math.abs(v - c.outranking[a][b])).toBeLessThan(1e-12)),
      );
      expect(Array.from(res.scores)).toEqual(c.scores);
      expect([res.nDominant, res.fracDominant]).toEqual([c.nDominant, c.fracDominant]);
    });
  }
  it('scores a unit that ties another everywhere as 0 against it', () => {
    const res = copeland(
      [
        [1, 1, 0],
        [2, 2, 0],
      ],
      [1, 1],
    );
    expect(res.outranking[0][1]).toBe(0.5);
    expect(Array.from(res.scores)).toEqual([1, 1, -2]);
  });
});
