/**
 * The JSON record scanner (adapters/formats/json-scan.ts) against JSON.parse,
 * the independent reference: every document is read both ways and the
 * tables (header, rows, the cells' kinds) must be equal; strict JSON that is
 * an array of flat row objects must be taken by the scanner, and every other
 * document (syntax errors, nested values, repeated keys, the columns / data
 * shape) left to JSON.parse, with its messages.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanJsonRecords } from '../../src/adapters/formats/json-scan.ts';
import { parseJsonText, parseTable } from '../../src/adapters/formats/table.ts';
import type { XinzhiError } from '../../src/core/errors.ts';

const enc = (s: string) => new TextEncoder().encode(s);

/** Read both ways; whether the scanner took the document. */
async function both(text: string): Promise<boolean> {
  const want = await Promise.resolve()
    .then(() => parseJsonText(text, 'p.json', 'utf-8'))
    .then(
      (t) => ({ header: t.header, rows: t.rows }),
      (e: XinzhiError) => ({ error: e.problems.map((p) => p.code) }),
    );
  const got = await parseTable(enc(text), 'p.json').then(
    (t) => ({ header: t.header, rows: t.rows }),
    (e: XinzhiError) => ({ error: e.problems.map((p) => p.code) }),
  );
  expect(got).toEqual(want);
  // -0 and 0 alike to toEqual: compare the signs too
  if ('rows' in got && 'rows' in want)
    got.rows.forEach((r, i) => r.forEach((c, j) => expect(Object.is(c, want.rows[i][j]), `${i},${j}`).toBe(true)));
  return scanJsonRecords(enc(text)) !== null;
}

describe('JSON record scanner against JSON.parse', () => {
  it('reads arrays of flat records of every value kind', async () => {
    const docs = [
      '[]',
      ' [ ] ',
      '[{}]',
      '[{"a":1},{"b":2},{"a":"x","c":null}]',
      '[{"省份":"北京","年份":2020,"x":1.5,"y":"","z":true,"w":false}]',
      '[{"a":-0},{"a":0},{"a":-0.0e5},{"a":1e400},{"a":-1E-400},{"a":123456789012345678901234567890}]',
      '[{"a":"\\u4e2d\\n\\"q\\"\\\\ \\/ \\ud83d\\ude00 \\ud800"},{"a":"tab\\there"}]',
      '[\r\n\t{ "a" : 1 , "b" : "2" } ,\n{"b":3,"a":4}\n]\n',
      '[{"x":1.7976931348623157e308,"y":5e-324,"z":0.1},{"x":2,"y":3,"z":"0.1"}]',
    ];
    for (const d of docs) expect(await both(d), d).toBe(true);
  });

  it('leaves every other document to JSON.parse, with the same table or error', async () => {
    const docs = [
      '',
      '   ',
      '[{"a":1},]',
      '[{"a":01}]',
      '[{"a":1.}]',
      '[{"a":.5}]',
      '[{"a":+1}]',
      '[{"a":NaN}]',
      "[{'a':1}]",
      '[{"a":"raw\ttab"}]',
      '[{"a":"bad \\x escape"}]',
      '[{"a":{"b":1}}]',
      '[{"a":[1,2]}]',
      '[{"a":1,"a":2}]',
      '[1,2]',
      '{"columns":["a","b"],"data":[[1,2],[3,"x"]]}',
      '{"a":1}',
      '[{"a":1}] x',
      '[{"a":1}',
    ];
    for (const d of docs) expect(await both(d), d).toBe(false);
  });

  it('reads random record arrays as JSON.parse does', async () => {
    const value = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.constantFrom('', ' ', '北京', 'a"b', 'x\\y', '\n', '—', '12%'),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
    );
    const keys = fc.constantFrom('unit', 'year', 'x1', 'x2', '指标', 'a b', 'q"k');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.dictionary(keys, value, { maxKeys: 5 }), { maxLength: 30 }), async (records) => {
        const text = JSON.stringify(records, null, records.length % 2 ? 1 : undefined);
        expect(await both(text)).toBe(true);
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('keeps numeric columns typed and gives the columns JSON.parse gives, on a firm-sized panel', async () => {
    const records = Array.from({ length: 3000 }, (_, i) => ({
      unit: `firm ${i % 200}`,
      year: 2010 + Math.floor(i / 200),
      x: Math.sin(i) * 10 ** ((i % 7) - 3),
      y: i % 13 === 0 ? null : i / 7,
      note: i % 101 === 0 ? '—' : '',
    }));
    const text = JSON.stringify(records);
    const t = await parseTable(enc(text), 'p.json');
    expect(t.typed?.map((c) => 'values' in c)).toEqual([false, true, true, true, false]);
    expect(await both(text)).toBe(true);
  });
});
