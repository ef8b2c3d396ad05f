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
      const res = copeland(columns(REF.matrix), c.weights, { outranking: true });
      res.outranking!.forEach((row, a) =>
        row.forEach((v, b) => expect(Math.abs(v - c.outranking[a][b])).toBeLessThan(1e-12)),
      );
      expect(Array.from(res.scores)).toEqual(c.scores);
      expect([res.nDominant, res.fracDominant]).toEqual([c.nDominant, c.fracDominant]);
    });
  }
  it('scores, dominant pairs and outranking row sums of 300 units with many ties', () => {
    const L = REF.large;
    const res = copeland(columns(L.matrix), L.weights, { outranking: true });
    expect(Array.from(res.scores)).toEqual(L.scores);
    expect([res.nDominant, res.fracDominant]).toEqual([L.nDominant, L.fracDominant]);
    res.outranking!.forEach((row, a) =>
      expect(Math.abs(row.reduce((s, v) => s + v, 0) - L.rowSums[a])).toBeLessThan(1e-9),
    );
    const lean = copeland(columns(L.matrix), L.weights);
    expect(lean.outranking).toBeUndefined();
    expect(Array.from(lean.scores)).toEqual(L.scores);
    expect(lean.nDominant).toBe(L.nDominant);
  });
  it('sums the weights one indicator at a time, in order, to the bit, for any number of indicators', () => {
    // the definition written out pair by pair (weights rescaled to sum 1), beside copeland's blocked loop
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const k of [1, 2, 3, 4, 5, 7, 8, 9, 13]) {
      const n = 23;
      // columns with repeated values (ties) and without, mixed within the blocks of four
      const cols = Array.from({ length: k }, (_, j) =>
        Array.from({ length: n }, () => (j % 3 === 1 ? Math.round(rnd() * 4) : rnd())),
      );
      const raw = Array.from({ length: k }, () => 0.1 + rnd());
      const total = raw.reduce((a, b) => a + b, 0);
      const w = raw.map((v) => v / total);
      const res = copeland(cols, raw, { outranking: true });
      for (let a = 0; a < n; a++)
        for (let b = a + 1; b < n; b++) {
          let better = 0;
          let tied = 0;
          for (let j = 0; j < k; j++) {
            better += w[j] * +(cols[j][a] > cols[j][b]);
            tied += w[j] * +(cols[j][a] === cols[j][b]);
          }
          expect(res.outranking![a][b], `k = ${k}, pair ${a}, ${b}`).toBe(better + tied / 2);
        }
    }
  });
  it('counts an exact split as a tie although the weight sums round off ½', () => {
    // A better on the first 20 of 40 equally weighted indicators, B on the last 20:
    // twenty weights of 1/40 add up to 0.5000000000000001 in floating point
    const cols = Array.from({ length: 40 }, (_, j) => (j < 20 ? [2, 1, 0] : [1, 2, 0]));
    const res = copeland(cols, new Array(40).fill(1));
    expect(Array.from(res.scores)).toEqual([1, 1, -2]);
    expect(res.nDominant).toBe(2);
  });
  it('scores a unit that ties another everywhere as 0 against it', () => {
    const res = copeland(
      [
        [1, 1, 0],
        [2, 2, 0],
      ],
      [1, 1],
      { outranking: true },
    );
    expect(res.outranking![0][1]).toBe(0.5);
    expect(Array.from(res.scores)).toEqual([1, 1, -2]);
  });
});
