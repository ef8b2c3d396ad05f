/**
 * The CSV reader's one-pass scan (src/adapters/formats/csv-scan.ts) against
 * papaparse, the reader it stands in for: on any text that papaparse reads
 * without a quoting error, the scanned table has the same header and rows,
 * and every cell read as a plain decimal holds the double Number(text) gives.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { guessNewline, scanCsv } from '../../src/adapters/formats/csv-scan.ts';
import { guessDelimiter, parseCsv } from '../../src/adapters/formats/table.ts';
import {
  GRID_NUMBER,
  cellAt,
  cellEnd,
  cellKey,
  gridColumns,
  headRows,
  isBlankAt,
  rowCount,
  rowWidth,
  sameCell,
} from '../../src/core/panel/raw-table.ts';
import { tableToPanel } from '../../src/core/panel/from-table.ts';
import { utf8 } from './helpers.ts';

/** The table papaparse gives (the reader before the scan): header trimmed, "" → null, trailing blank rows left out. */
function papaTable(text: string): { header: string[]; rows: Array<Array<string | null>> } | 'error' {
  const res = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: guessDelimiter(text) });
  if (res.errors.some((e) => e.type === 'Quotes')) return 'error';
  const records = res.data.map((r) => r.map((c) => (c === '' ? null : c)));
  while (records.length && records[records.length - 1].every((c) => c === null || c.trim() === '')) records.pop();
  if (!records.length) return { header: [], rows: [] };
  return { header: records[0].map((h) => (h === null ? '' : h.trim())), rows: records.slice(1) };
}

function scanned(text: string): { header: string[]; rows: unknown[][] } {
  const t = parseCsv(utf8(text), 'x.csv');
  return { header: t.header, rows: t.rows };
}

describe('scanCsv', () => {
  it('reads plain decimals into numbers as Number() does, and keeps other cells as text', () => {
    const text = 'a,b,c,d,e,f\n1,-2.5,.5,1e3,12345678901234567,x1\n0.1,+7,1.,-0,2.2250738585072014e-308,1e309\n';
    const g = scanCsv(utf8(text), ',', '\n')!;
    const nums: number[] = [];
    for (let c = 0; c < g.kind.length; c++) if (g.kind[c] === GRID_NUMBER) nums.push(g.value[c]);
    expect(nums).toEqual([1, -2.5, 0.5, 1000, 12345678901234568, 0.1, 7, 1, -0, 2.2250738585072014e-308, Infinity]);
    expect(Object.is(nums[8], -0)).toBe(true);
  });
  it('reads random decimals to the same double as Number()', () => {
    const digits = fc.array(fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), {
      minLength: 1,
      maxLength: 20,
    });
    const num = fc
      .tuple(
        fc.constantFrom('', '-', '+'),
        digits,
        fc.option(digits),
        fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '-', '+'), fc.integer({ min: 0, max: 400 }))),
      )
      .map(
        ([s, a, b, e]) =>
          `${s}${a.join('')}${b === null ? '' : `.${b.join('')}`}${e === null ? '' : `${e[0]}${e[1]}${e[2]}`}`,
      );
    fc.assert(
      fc.property(fc.array(num, { minLength: 1, maxLength: 8 }), (cells) => {
        const text = `${cells.map((_, j) => `c${j}`).join(',')}\n${cells.join(',')}\n`;
        const g = scanCsv(utf8(text), ',', '\n')!;
        const row = g.rowStart[1];
        cells.forEach((c, j) => {
          expect(g.kind[row + j], c).toBe(GRID_NUMBER);
          expect(g.value[row + j], c).toBe(Number(c));
        });
      }),
      { numRuns: 500, seed: 15 },
    );
  });
  it('reads back the shortest round-trip text of any double (16–17 digits: the long-mantissa path)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 20 }),
        (xs) => {
          const text = `${xs.map((_, j) => `c${j}`).join(',')}\n${xs.map(String).join(',')}\n`;
          const g = scanCsv(utf8(text), ',', '\n')!;
          xs.forEach((x, j) => expect(Object.is(g.value[g.rowStart[1] + j], Number(String(x))), String(x)).toBe(true));
        },
      ),
      { numRuns: 500, seed: 15 },
    );
    // values like the benchmark's: e^(1 + 2u) · k printed in full
    for (let i = 1; i <= 20000; i++) {
      const x = Math.exp(1 + (2 * i) / 20000) * (1 + (i % 5));
      const g = scanCsv(utf8(`a\n${x}\n`), ',', '\n')!;
      if (g.value[1] !== x) expect(g.value[1], String(x)).toBe(x);
    }
  });
  it('guesses the line ending as papaparse does', () => {
    expect(guessNewline('a,b\r\n1,2\r\n')).toBe('\r\n');
    expect(guessNewline('a,b\n1,2\r\n')).toBe('\n');
    expect(guessNewline('a,b\r1,2\r')).toBe('\r');
    expect(guessNewline('"x\r\ny",b\n1,2\n')).toBe('\n');
  });
  it('guesses the line ending by the rule of papaparse on random texts (quoted pairs removed, split at "\\r")', () => {
    // papaparse 5 guessLineEndings, as written in its source
    const papaRule = (text: string): string => {
      const head = text.substring(0, 1024 * 1024).replace(/"([\s\S]*?)"/g, '');
      const r = head.split('\r');
      const n = head.split('\n');
      if (r.length === 1 || (n.length > 1 && n[0].length < r[0].length)) return '\n';
      let withN = 0;
      for (const part of r) if (part[0] === '\n') withN++;
      return withN >= r.length / 2 ? '\r\n' : '\r';
    };
    const text = fc.array(fc.constantFrom('\r', '\n', '\r\n', '"', 'a', ','), { maxLength: 16 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(guessNewline(t), JSON.stringify(t)).toBe(papaRule(t));
      }),
      { numRuns: 3000, seed: 3 },
    );
    // a quote pair closing past the first megabyte is not removed
    const long = `${'a'.repeat(1024 * 1024 - 2)}"\r\n"\r\n`;
    expect(guessNewline(long)).toBe(papaRule(long));
  });
  it('gives back null on irregular quoting, so that papaparse names the row', () => {
    expect(scanCsv(utf8('a,b\n"oops,1\n'), ',', '\n')).toBeNull();
    expect(scanCsv(utf8('a,b\n"x"y,1\n'), ',', '\n')).toBeNull();
  });
  it('matches papaparse on quoted fields, CRLF, blank and ragged rows', () => {
    const texts = [
      'a,b\r\n1,2\r\n\r\n3,4\r\n',
      'a,"b ""q"" c",d\n"1,5",2,"line\nbreak"\n,,\n7,8,9,10\n',
      'x;y\n1;2\n',
      ' a , b \n 1 , 2 \n',
      'a,b\n1,2',
      'a,b\r1,2\r3,4',
      '\n\na,b\n1,2\n\n\n',
      'a,b\n"",""\n5,\n',
      // cells of 254, 255 and more bytes (their length past one byte is kept aside), quoted or not
      `a,b,c\n${'x'.repeat(254)},"${'y'.repeat(255)}",${'中'.repeat(90)}\n"${'q""'.repeat(100)}",1${'0'.repeat(300)},z\n`,
    ];
    for (const t of texts) expect(scanned(t), JSON.stringify(t)).toEqual(papaTable(t));
  });
  it('matches papaparse on random texts', () => {
    const ch = fc.constantFrom(
      'a',
      '1',
      '2',
      '0',
      '.',
      '-',
      '+',
      'e',
      '"',
      ',',
      ';',
      '\n',
      '\r',
      ' ',
      '9',
      '中',
      'w'.repeat(120), // with its neighbours, cells of 255 bytes and more
      '7'.repeat(130),
    );
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 60 }), (cs) => {
        const text = cs.join('');
        const ref = papaTable(text);
        if (!/\S/.test(text)) return;
        const bytes = utf8(text);
        const g = scanCsv(bytes, guessDelimiter(text), guessNewline(text));
        if (ref === 'error') {
          expect(g).toBeNull();
          return;
        }
        if (g === null) return; // irregular for the scan (quote then spaces): papaparse reads it
        expect(scanned(text)).toEqual(ref);
        for (let c = 0; c < g.kind.length; c++)
          if (g.kind[c] === GRID_NUMBER)
            expect(g.value[c]).toBe(Number(new TextDecoder().decode(bytes.subarray(g.start[c], cellEnd(g, c)))));
      }),
      { numRuns: 400, seed: 15 },
    );
  });
});

describe('grid tables', () => {
  it('tableToPanel reads a grid table as it reads the same rows', () => {
    const text = 'u,t,x,y\nA,2020,1.5,"1,234"\nB,2020,NA,12%\nC,2020,-3e2,7%\n';
    const t = parseCsv(utf8(text), 'g.csv');
    expect(t.grid).toBeDefined();
    expect(rowCount(t)).toBe(3);
    expect(cellAt(t, 0, 3)).toBe('1,234');
    expect(Array.from(gridColumns(t, [2])![0].plain)).toEqual([1, 0, 1]);
    const viaGrid = tableToPanel(t, { unit: 'u', time: 't' });
    const copy = { ...parseCsv(utf8(text), 'g.csv') }; // the spread reads rows: no grid
    expect((copy as { grid?: unknown }).grid).toBeUndefined();
    expect(viaGrid).toEqual(tableToPanel(copy, { unit: 'u', time: 't' }));
  });
  it('headRows gives the first rows as rows holds them and keeps the grid (ragged rows too)', () => {
    const text = 'u,t,x,y\nA,2020,1.5,"1,234"\nB,2020\nC,2020,-3e2,7%,extra\n';
    const t = parseCsv(utf8(text), 'g.csv');
    const two = headRows(t, 2);
    const all = headRows(t, 10);
    expect(t.grid).toBeDefined(); // not read into rows
    const rows = parseCsv(utf8(text), 'g.csv').rows;
    expect(two).toEqual(rows.slice(0, 2));
    expect(all).toEqual(rows);
    expect(headRows(t, 0)).toEqual([]);
  });
  it('changing rows drops the grid, so the change is what is read', () => {
    const t = parseCsv(utf8('u,t,x\nA,1,5\n'), 'g.csv');
    t.rows[0][2] = '6';
    expect(t.grid).toBeUndefined();
    expect(tableToPanel(t, { unit: 'u', time: 't' }).panel.columns.x[0]).toBe(6);
  });
  it('readOnce: the numbers become the columns in place, and the panel is the one read by copy', () => {
    const text =
      'u,t,x,y,z\nA,2020,1.5,"1,234",2\nB,2020,NA,12%,\nC,2020,-3e2,7%,4\nC,2020,1,1%,1\nD,2021,0.25,3%,-0\n';
    const once = parseCsv(utf8(text), 'g.csv');
    const opts = { unit: 'u', time: 't', duplicates: 'keep-first' as const };
    const got = tableToPanel(once, { ...opts, readOnce: true });
    expect(once.grid?.value.length).toBe(0); // taken
    expect(got).toEqual(tableToPanel(parseCsv(utf8(text), 'g.csv'), opts));
    expect(Object.is(got.panel.columns.z[3], -0)).toBe(true);
    // the numbers are gone; the text is still there
    expect(() => gridColumns(once, [2])).toThrow(/taken/);
    expect(cellAt(once, 1, 3)).toBe('12%');
  });
  it('readOnce copies when the rows are ragged or few of the columns are asked for, and frees the grid’s numbers either way', () => {
    const ragged = parseCsv(utf8('u,t,x\nA,1,5\nB,2\n'), 'g.csv');
    const { panel } = tableToPanel(ragged, { unit: 'u', time: 't', readOnce: true });
    expect(Array.from(panel.columns.x)).toEqual([5, Number.NaN]);
    expect(ragged.grid?.value.length).toBe(0);
    const wide = () => parseCsv(utf8('u,t,a,b,c,d\nA,1,1,2,3,4\nB,1,5,6,7,8\n'), 'g.csv');
    const one = wide();
    const numbers = one.grid!.value.buffer;
    const cols = gridColumns(one, [2], undefined, { readOnce: true });
    expect(Array.from(cols![0].values)).toEqual([1, 5]); // one column of six: copied
    expect(one.grid?.value.length).toBe(0);
    expect(numbers.byteLength).toBe(0); // moved out, to be freed with the clone it went to
    expect(() => gridColumns(one, [3])).toThrow(/taken by an earlier read/);
    expect(cellAt(one, 1, 2)).toBe('5'); // the cells are still read, as text
    const most = wide();
    const taken = gridColumns(most, [2, 3, 5], Int32Array.of(1), { readOnce: true });
    expect(taken!.map((c) => Array.from(c.values))).toEqual([[5], [6], [8]]);
    expect(most.grid?.value.length).toBe(0);
    // long data read once: the value column copied, the grid's numbers freed, the panel as read from rows
    const text = 'u,t,indicator,value\nA,1,x,1.5\nA,1,y,2\nB,1,x,3\n';
    const opts = { unit: 'u', time: 't', shape: 'long' as const, indicator: 'indicator', value: 'value' };
    const long = parseCsv(utf8(text), 'l.csv');
    expect(tableToPanel(long, { ...opts, readOnce: true })).toEqual(tableToPanel(parseCsv(utf8(text), 'l.csv'), opts));
    expect(long.grid?.value.length).toBe(0);
  });
  it('isBlankAt and sameCell agree with the cells cellAt reads (quoted, padded, ragged, full-width)', () => {
    const cell = fc.constantFrom(
      '',
      ' ',
      '"  "',
      '""',
      '"a"',
      'a',
      ' a',
      '\u3000',
      '\u00a0x',
      '12',
      '12.0',
      '"12"',
      '１２',
      'NA',
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }), (rows) => {
        const text = `a,b,c,d\n${rows.map((r) => r.join(',')).join('\n')}\n`;
        const t = parseCsv(utf8(text), 'b.csv');
        const n = rowCount(t);
        for (let i = 0; i < n; i++)
          for (let j = 0; j < 5; j++) {
            const v = cellAt(t, i, j);
            expect(isBlankAt(t, i, j)).toBe(
              v === null || v === undefined || (typeof v === 'string' && v.trim() === ''),
            );
            for (let i2 = 0; i2 < n; i2++)
              if (sameCell(t, i, i2, j)) {
                expect(cellAt(t, i2, j)).toBe(v);
                expect(cellKey(t, i2, j)).toBe(cellKey(t, i, j)); // what buildLong looks names up by
              }
            expect(cellKey(t, i, j) >= 0).toBe(j < rowWidth(t, i));
            // a cell is the same as itself, and as a copy of its row's text in the same form
            expect(sameCell(t, i, i, j)).toBe(true);
          }
      }),
      { numRuns: 300, seed: 5 },
    );
    // and the same bytes in two rows are found the same without making the text (what keyRows relies on)
    const t = parseCsv(utf8('u,t,x\nfirm 1,2020,1\nfirm 1,2020,2\n"firm 1",2021,3\n'), 's.csv');
    expect([sameCell(t, 0, 1, 0), sameCell(t, 0, 1, 1), sameCell(t, 0, 1, 2)]).toEqual([true, true, false]);
    expect(sameCell(t, 0, 2, 0)).toBe(true); // quoted without doubled quotes: the same text between the quotes
    // and cells of other bytes get other keys (a constant key would still be right, but read every name again)
    const keys = new Set([0, 1, 2].flatMap((j) => [0, 2].map((i) => cellKey(t, i, j))));
    expect(keys.size).toBe(5); // firm 1 (twice, as the same text), 2020, 2021, 1, 3
  });
  it('long data: a grid table, read by copy or once, gives the panel and problems of the same table read into rows', () => {
    const value = fc.constantFrom('1.5', '-3e2', '', 'NA', '12%', '"1,234"', 'x', '１２', '0');
    const line = fc.tuple(
      fc.constantFrom('f1', 'f2', ' f1', '"f1"', ''), // an empty unit drops the record (an error)
      fc.constantFrom('2000', '2001', ' 2000', '', '2001.5'), // a non-integer makes every period text
      fc.constantFrom('a', 'b', ' a', '', 'c'),
      value,
      fc.constantFrom('E', 'W'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.boolean(), fc.boolean(), (rows, labels, keepFirst) => {
        const lines = rows.map(([u, t, i, v, g], r) => [u, t, i, v, g].slice(0, r % 7 === 3 ? 3 : 5).join(','));
        const text = `u,t,indicator,value,g\n${lines.join('\n')}\n`;
        const opts = {
          unit: 'u',
          time: 't',
          shape: 'long' as const,
          indicator: 'indicator',
          value: 'value',
          ...(labels ? { labels: ['g'] } : {}),
          ...(keepFirst ? { duplicates: 'keep-first' as const } : {}),
        };
        const grid = parseCsv(utf8(text), 'l.csv');
        expect(grid.grid).toBeDefined();
        const byRows = tableToPanel({ ...parseCsv(utf8(text), 'l.csv') }, opts);
        expect(tableToPanel(grid, opts)).toEqual(byRows);
        // read once: the value column's numbers taken before the records are keyed (all kept) or the text read
        expect(tableToPanel(parseCsv(utf8(text), 'l.csv'), { ...opts, readOnce: true })).toEqual(byRows);
      }),
      { numRuns: 300, seed: 6 },
    );
  });
  it('rowUnits: each row a unit named by its spreadsheet row, read from the grid as it is', () => {
    const text = 'g,y,t\nA,1,2020\n\nB,2,2020\nA,3,2021\n';
    const t = parseCsv(utf8(text), 'o.csv');
    const { panel, problems } = tableToPanel(t, { unit: '(row)', rowUnits: true, time: 't', labels: ['g'] });
    expect(problems).toEqual([]);
    expect(t.grid).toBeDefined(); // not read into rows
    expect(panel.unitKey).toBe('(row)');
    expect(panel.unit).toEqual(['row 2', 'row 4', 'row 5']); // the blank line keeps its number
    expect(panel.time).toEqual([2020, 2020, 2021]);
    expect(Array.from(panel.columns.y)).toEqual([1, 2, 3]);
    expect(panel.labels?.g).toEqual(['A', 'B', 'A']);
    // the same panel as a table given a unit column of those names
    const named = parseCsv(utf8('u,g,y,t\nrow 2,A,1,2020\n\nrow 4,B,2,2020\nrow 5,A,3,2021\n'), 'o.csv');
    const ref = tableToPanel(named, { unit: '(row)', time: 't', labels: ['g'] });
    expect(ref.problems.map((p) => p.code)).toEqual(['missing-column']); // "(row)" is not a column of a file
    const byColumn = tableToPanel(named, { unit: 'u', time: 't', labels: ['g'] }).panel;
    expect({ ...panel, unitKey: 'u', sourceRow: byColumn.sourceRow }).toEqual(byColumn);
  });
  it('long data: a row without its indicator cell is an empty indicator, named with its row', () => {
    const t = parseCsv(utf8('u,t,indicator,value\nA,2020,x,1\nA,2021\n'), 'l.csv');
    const { problems } = tableToPanel(t, {
      unit: 'u',
      time: 't',
      shape: 'long',
      indicator: 'indicator',
      value: 'value',
    });
    expect(problems.map((p) => [p.code, p.row])).toEqual([['missing-indicator', 3]]);
  });
  it('readOnce gives the panel read by copy on random files', () => {
    const cell = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.integer({ min: -999, max: 999 }).map(String),
      fc.constantFrom('', 'NA', '12%', '"1,234"', 'x', '１２'),
    );
    const file = fc
      .record({
        w: fc.integer({ min: 1, max: 5 }),
        units: fc.integer({ min: 1, max: 6 }),
        rows: fc.integer({ min: 0, max: 30 }),
        seed: fc.integer(),
        blank: fc.boolean(),
      })
      .chain(({ w, units, rows, seed, blank }) =>
        fc.tuple(
          fc.constant({ w, blank }),
          fc.array(
            fc.tuple(
              fc.integer({ min: 0, max: units - 1 }),
              fc.integer({ min: 2000, max: 2003 }),
              fc.array(cell, { minLength: w, maxLength: w }),
            ),
            { minLength: rows, maxLength: rows },
          ),
          fc.constant(seed),
        ),
      );
    let taken = 0;
    fc.assert(
      fc.property(file, ([{ w, blank }, rows]) => {
        const header = ['u', 't', ...Array.from({ length: w }, (_, j) => `x${j}`)].join(',');
        const lines = rows.map(([u, t, cells]) => [`f${u}`, t, ...cells].join(','));
        if (blank && lines.length > 1) lines.splice(1, 0, '');
        const text = `${header}\n${lines.join('\n')}\n`;
        const opts = { unit: 'u', time: 't', duplicates: 'keep-first' as const };
        const table = parseCsv(utf8(text), 'r.csv');
        const once = tableToPanel(table, { ...opts, readOnce: true });
        if (table.grid?.value.length === 0) taken++;
        const copied = tableToPanel(parseCsv(utf8(text), 'r.csv'), opts);
        expect(once).toEqual(copied);
      }),
      { numRuns: 300, seed: 21 },
    );
    expect(taken).toBeGreaterThan(100); // most files are read in place
  });
});
