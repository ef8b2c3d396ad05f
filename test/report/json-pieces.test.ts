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
  it('agrees with JSON.stringify on random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), (v, e) => {
        same(v, e);
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});
