/**
 * The JSON written in pieces parses to the same value as JSON.stringify with
 * the output replacer (typed arrays as arrays, NaN and ±Infinity as null,
 * undefined members left out), at every depth of expansion.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { jsonPieces, outputReplacer } from '../../src/adapters/report/json.ts';
import { writeJsonTo } from '../../src/adapters/io/write-json.ts';

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
  it('writeJsonTo writes members still being computed last, as if they had been there', async () => {
    const write = async (value: unknown, later?: Promise<Record<string, unknown>>) => {
      const out = new PassThrough();
      const chunks: string[] = [];
      out.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
      await writeJsonTo(out, value, later);
      return chunks.join('');
    };
    const value = { a: Float64Array.of(1, Number.NaN), b: [{ c: 1 }], skip: undefined };
    const rest = { r: { rows: Array.from({ length: 3 }, (_, i) => ({ i })) } };
    const text = await write(value, new Promise((ok) => setTimeout(() => ok(rest), 10)));
    expect(text).toBe(await write({ ...value, ...rest }));
    expect(Object.keys(JSON.parse(text))).toEqual(['a', 'b', 'r']);
    // a member the value gains while it is written (the caller setting it from the same promise) is written once
    const grows: Record<string, unknown> = { a: 1 };
    const done = Promise.resolve({ r: 2 });
    void done.then((x) => {
      grows.r = x.r;
    });
    const once = await write(grows, done);
    expect(once.match(/"r"/g)?.length).toBe(1);
    expect(JSON.parse(once)).toEqual({ a: 1, r: 2 });
  });
});
