/**
 * The JSON written in pieces parses to the same value as JSON.stringify with
 * the output replacer (typed arrays as arrays, NaN and ±Infinity as null,
 * undefined members left out), at every depth of expansion.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPieces, outputReplacer } from '../../src/adapters/report/json.ts';

const same = (v: unknown, expand: number) =>
  expect(JSON.parse([...jsonPieces(v, expand)].join(''))).toEqual(JSON.parse(JSON.stringify(v, outputReplacer)));

describe('jsonPieces', () => {
  it('handles typed arrays, non-finite numbers, undefined and empty containers', () => {
    const v = {
      a: Float64Array.of(1, Number.NaN, 2.5),
      b: [1, undefined, Number.POSITIVE_INFINITY, { c: undefined, d: [] }],
      e: {},
      f: null,
      g: 'x"y\n',
      h: undefined,
    };
    for (const expand of [0, 1, 2, 3, 5]) same(v, expand);
  });
  it('writes long arrays in pieces whose text joins to the compact text (any length around a piece)', () => {
    for (const n of [4095, 4096, 4097, 8192, 10001]) {
      const plain = Array.from({ length: n }, (_, i) => (i % 997 === 5 ? Number.NaN : i % 3 ? i / 7 : null));
      const typed = Float64Array.from({ length: n }, (_, i) =>
        i % 1009 === 3 ? Number.POSITIVE_INFINITY : Math.exp(i / n),
      );
      for (const v of [plain, typed]) {
        const pieces = [...jsonPieces(v, 0)];
        expect(pieces.join('')).toBe(JSON.stringify(v, outputReplacer));
        expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(100_000); // below V8's large-object size
      }
      for (const expand of [0, 1, 2, 3]) same({ values: { a: plain, b: typed } }, expand);
    }
  });
  it('agrees with JSON.stringify on random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), (v, e) => {
        same(v, e);
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});
