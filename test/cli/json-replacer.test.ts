import seedrandom from 'seedrandom';
import { describe, expect, it, vi } from 'vitest';
import { jsonReplacer, lazyRows, printJson } from '../../src/adapters/cli/util.ts';
import { outputReplacer } from '../../src/adapters/report/json.ts';
import { jsonTextPieces } from '../../src/adapters/report/json-text.ts';

describe('one JSON replacer for --json and results.json', () => {
  it('turns typed arrays into arrays and non-finite numbers into null', () => {
    const doc = { a: Float64Array.of(1, Number.NaN, Infinity), b: -Infinity, c: 2 };
    expect(JSON.parse(JSON.stringify(doc, jsonReplacer))).toEqual({ a: [1, null, null], b: null, c: 2 });
    expect(jsonReplacer).toBe(outputReplacer);
  });
});

describe('printJson', () => {
  /** What printJson writes, joined, and the number of writes. */
  function printed(value: unknown): { text: string; writes: number } {
    const chunks: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(String(chunk));
      return true;
    });
    try {
      printJson(value);
    } finally {
      spy.mockRestore();
    }
    return { text: chunks.join(''), writes: chunks.length };
  }
  const same = (value: unknown) => expect(printed(value).text).toBe(`${JSON.stringify(value, jsonReplacer, 2)}\n`);

  /** A random JSON-ish value: every kind JSON.stringify treats specially, long arrays among them. */
  function randomValue(u: () => number, depth: number): unknown {
    const pick = Math.floor(u() * (depth > 3 ? 9 : 13));
    switch (pick) {
      case 0:
        return Math.round(u() * 1e6) / 7;
      case 1:
        return [Number.NaN, Infinity, -0, 1e-300][Math.floor(u() * 4)];
      case 2:
        return ['a\nb "q" \u0000', '汉字', '', '\u2028'][Math.floor(u() * 4)];
      case 3:
        return [null, true, false][Math.floor(u() * 3)];
      case 4:
        return undefined;
      case 5:
        return () => 1;
      case 6:
        return new Date(Date.UTC(2020, 1, 2));
      case 7:
        return Float64Array.of(1.5, Number.NaN, 3);
      case 8:
        return { toJSON: () => ({ was: 'toJSON' }) };
      case 9:
      case 10: {
        // an array, often long enough to be written element by element
        const n = u() < 0.5 ? Math.floor(u() * 4) : 250 + Math.floor(u() * 20);
        return Array.from({ length: n }, () => randomValue(u, depth + 2));
      }
      default: {
        const o: Record<string, unknown> = {};
        const n = Math.floor(u() * 5);
        for (let i = 0; i < n; i++) o[['a', 'b', '1', 'é "k"', 'rows'][i]] = randomValue(u, depth + 1);
        return o;
      }
    }
  }

  it('writes the text of JSON.stringify(value, jsonReplacer, 2) for 400 random documents', () => {
    const u = seedrandom('print-json');
    for (let k = 0; k < 400; k++) same(randomValue(u, 0));
  });

  it('gives, compact, the text of JSON.stringify(value, outputReplacer) for the same 400 documents (server job results)', () => {
    const u = seedrandom('print-json');
    for (let k = 0; k < 400; k++) {
      const value = randomValue(u, 0);
      // (a document JSON leaves out altogether, such as undefined, gives no text)
      expect([...jsonTextPieces(value, 0)].join('')).toBe(JSON.stringify(value, outputReplacer) ?? '');
    }
    const n = 300;
    const row = (i: number) => ({ unit: `U${i}`, v: [i / 3, Number.POSITIVE_INFINITY] });
    const rows = Array.from({ length: n }, (_, i) => row(i));
    expect([...jsonTextPieces({ a: { rows: lazyRows(n, row) }, b: [] }, 0)].join('')).toBe(
      JSON.stringify({ a: { rows }, b: [] }, outputReplacer),
    );
    // rows deeper down, as a job's obstacle rows (analyses.runs.obstacle.result.rows), indented and compact
    const deep = (r: unknown) => ({ analyses: { runs: { obstacle: { result: { rows: r, k: 3 }, rows: r } } }, n });
    expect([...jsonTextPieces(deep(lazyRows(n, row)), 0)].join('')).toBe(JSON.stringify(deep(rows), outputReplacer));
    expect([...jsonTextPieces(deep(lazyRows(2, row)), 2)].join('')).toBe(
      JSON.stringify(deep(rows.slice(0, 2)), outputReplacer, 2),
    );
  });

  it('writes a long document in several blocks, not one string', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ unit: `U${i}`, values: { a: i / 3, b: [i, i + 1] } }));
    const doc = { head: { n: 5000 }, rows, tail: [] };
    same(doc);
    expect(printed(doc).writes).toBeGreaterThan(5);
  });

  it('writes lazyRows as the array of its rows, made one at a time', () => {
    const row = (i: number) => ({ unit: `U${i}\n"q"`, v: [i / 3, Number.NaN], top: i % 2 ? [] : [{ id: 'a' }] });
    for (const n of [0, 1, 2, 300]) {
      const made: number[] = [];
      const lazy = {
        ideal: 1.0001,
        rows: lazyRows(n, (i) => {
          made.push(i);
          return row(i);
        }),
        mean: [{ t: 1 }],
      };
      const expected = `${JSON.stringify({ ...lazy, rows: Array.from({ length: n }, (_, i) => row(i)) }, jsonReplacer, 2)}\n`;
      expect(printed(lazy).text).toBe(expected);
      expect(made).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });
});
