/**
 * The long arrays of a JSON document in columns (report/json-leaves.ts):
 * their text, made from the columns, is the text jsonPieces writes for them,
 * and arrays the columns cannot carry are refused (then written as before).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonParts, jsonPieces, outputReplacer, type JsonLeaf } from '../../src/adapters/report/json.ts';
import { encodeLeaf, leafBlocks, leafBytes } from '../../src/adapters/report/json-leaves.ts';

/** The document's text with every leaf that encodes written from its columns. */
function viaLeaves(value: unknown, expand = 2): { text: string; leaves: number } {
  let leaves = 0;
  let text = '';
  for (const part of jsonParts(value, (l) => encodeLeaf(l) !== undefined, expand)) {
    if (typeof part === 'string') text += part;
    else if ('later' in part) throw new Error('no promise in these documents');
    else {
      leaves++;
      text += [...leafBlocks(encodeLeaf(part)!)].join('');
    }
  }
  return { text, leaves };
}

const records = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    node: i % 3 ? 'index' : '劳动者 "a"\n',
    unit: `u${i % 17}`,
    time: i % 5 === 0 ? '2020Q1' : 2008 + (i % 15),
    score: i % 11 === 0 ? Number.NaN : i % 13 === 0 ? null : i / 7,
    rank: i % 19 === 0 ? Number.POSITIVE_INFINITY : i + 1,
    ok: i % 2 === 0,
  }));

describe('json-leaves', () => {
  it('writes numeric arrays and record arrays as jsonPieces does, at every depth', () => {
    const n = 5000;
    const m = 12_000; // long enough for their object to be laid out member by member
    const doc = {
      weights: { a: 0.5 },
      scores: records(n),
      nodeScores: records(n + 3),
      normalized: {
        unit: Array.from({ length: m }, (_, i) => `u${i}`),
        values: {
          a: Array.from({ length: m }, (_, i) => (i % 97 === 0 ? null : i % 89 === 0 ? Number.NaN : Math.exp(i / m))),
          b: Float64Array.from({ length: m }, (_, i) => (i % 101 === 0 ? Number.NEGATIVE_INFINITY : -i / 3)),
          c: Int32Array.from({ length: m }, (_, i) => i - 2500),
          d: Float32Array.from({ length: m }, (_, i) => i / 9),
        },
      },
      nested: [records(4100)],
    };
    for (const expand of [0, 1, 2, 3, 4]) {
      const { text, leaves } = viaLeaves(doc, expand);
      expect(text).toBe([...jsonPieces(doc, expand)].join(''));
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(doc, outputReplacer)));
      if (expand === 2) expect(leaves).toBe(6); // scores, nodeScores, values a–d (normalized.unit holds strings)
    }
  });

  it('turns a column of numbers into codes when a string appears in it', () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({
      v: i < 30 ? (i % 7 ? i / 3 : Number.NaN) : `s${i}`,
      w: null,
    }));
    const job = encodeLeaf({ leaf: 'records', value: rows, depth: 1 })!;
    expect(job.leaf === 'records' && 'texts' in job.columns[0] && 'numbers' in job.columns[1]).toBe(true);
    expect([...leafBlocks(job)].join('')).toBe([...jsonPieces(rows, 2, 1)].join(''));
    expect(leafBytes(job)).toBe(50 * 4 + 50 * 8);
  });

  it('refuses arrays whose records differ in keys or order, or hold anything but primitives', () => {
    const leaf = (value: unknown[]): JsonLeaf => ({ leaf: 'records', value, depth: 1 });
    class Row {
      a = 1;
    }
    const refused: unknown[][] = [
      [
        { a: 1, b: 2 },
        { b: 2, a: 1 },
      ],
      [{ a: 1 }, { a: 1, b: 2 }],
      [{ a: 1, b: 2 }, { a: 1 }],
      [{ a: 1 }, { a: undefined }],
      [{ a: 1 }, { a: { b: 1 } }],
      [{ a: 1 }, { a: [1] }],
      [{ a: 1 }, new Row()],
      [{ a: 1, toJSON: () => 'x' }],
      [{ a: 1 }, null],
      [1, 2],
      [{ a: 1 }, { a: 10n }],
    ];
    for (const rows of refused) expect(encodeLeaf(leaf(rows))).toBeUndefined();
    expect(encodeLeaf({ leaf: 'numbers', value: [1, 'a'], depth: 0 })).toBeUndefined();
    expect(encodeLeaf({ leaf: 'numbers', value: BigInt64Array.of(1n), depth: 0 })).toBeUndefined();
    expect(encodeLeaf(leaf([{}, {}]))).toBeDefined();
    expect([...leafBlocks(encodeLeaf(leaf([{}, {}]))!)].join('')).toBe([...jsonPieces([{}, {}], 2, 1)].join(''));
  });

  it('agrees with jsonPieces on random arrays of flat records and numbers', () => {
    const prim = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.string(),
      fc.constantFrom(null, true, false, Number.NaN, -0, Number.POSITIVE_INFINITY),
    );
    const keys = fc.uniqueArray(fc.string({ maxLength: 4 }), { maxLength: 4 });
    const rowsOf = keys.chain((ks) =>
      fc.array(
        fc.tuple(...ks.map(() => prim)).map((vs) => Object.fromEntries(ks.map((k, i) => [k, vs[i]]))),
        {
          minLength: 1,
          maxLength: 30,
        },
      ),
    );
    fc.assert(
      fc.property(
        rowsOf,
        fc.array(fc.oneof(fc.double(), fc.constant(null)), { minLength: 4100, maxLength: 4200 }),
        fc.integer({ min: 0, max: 3 }),
        (rows, numbers, expand) => {
          const doc = { rows, more: { rows, numbers } };
          expect(viaLeaves(doc, expand).text).toBe([...jsonPieces(doc, expand)].join(''));
        },
      ),
      { numRuns: 100, seed: 7 },
    );
  });
});
