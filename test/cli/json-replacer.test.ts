import { describe, expect, it, vi } from 'vitest';
import { jsonReplacer, printJsonRows } from '../../src/adapters/cli/util.ts';
import { outputReplacer } from '../../src/adapters/report/json.ts';

describe('one JSON replacer for --json and results.json', () => {
  it('turns typed arrays into arrays and non-finite numbers into null', () => {
    const doc = { a: Float64Array.of(1, Number.NaN, Infinity), b: -Infinity, c: 2 };
    expect(JSON.parse(JSON.stringify(doc, jsonReplacer))).toEqual({ a: [1, null, null], b: null, c: 2 });
    expect(jsonReplacer).toBe(outputReplacer);
  });
});

describe('printJsonRows', () => {
  /** What printJsonRows writes, joined. */
  async function printed(doc: Record<string, unknown>, key: string, rows: unknown[]): Promise<string> {
    const chunks: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(String(chunk));
      return true;
    });
    try {
      await printJsonRows(doc, key, rows.length, (i) => rows[i]);
    } finally {
      spy.mockRestore();
    }
    return chunks.join('');
  }
  const row = (i: number) => ({
    unit: `U${i}\n"quoted"`,
    values: { a: i / 3, b: Number.NaN, c: [1, { d: Float64Array.of(i, Infinity) }] },
    top: i % 2 ? [] : [{ id: 'a', obstacle: 0.5 }],
    empty: {},
  });
  it('writes the text printJson gives for the document with the rows in place', async () => {
    for (const n of [0, 1, 2, 3000]) {
      const rows = Array.from({ length: n }, (_, i) => (i === 1 ? null : row(i)));
      const doc = { ideal: 1.0001, rows: null as unknown, mean: [{ time: 2022, x: Number.NaN }], names: { a: 'A' } };
      const expected = `${JSON.stringify({ ...doc, rows }, jsonReplacer, 2)}\n`;
      expect(await printed(doc, 'rows', rows)).toBe(expected);
    }
  });
  it('puts the rows where the key is, also as the last member', async () => {
    const rows = [row(0), row(1)];
    const doc = { first: 1, list: null };
    expect(await printed(doc, 'list', rows)).toBe(`${JSON.stringify({ first: 1, list: rows }, jsonReplacer, 2)}\n`);
  });
});
