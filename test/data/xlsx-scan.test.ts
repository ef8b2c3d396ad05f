/**
 * The XLSX worksheet scanner (adapters/formats/xlsx-scan.ts) against exceljs,
 * the independent reference: every workbook is read both ways and the tables
 * (header, rows, first data row, sheets, passed-over title rows) must be
 * equal; the plain ones must be taken by the scanner (typed columns), the
 * others (dates, merged cells, hyperlinks, unusual XML) left to exceljs.
 * Numbers read from their bytes (decimalAt) equal Number(text).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { inflateSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decimalAt } from '../../src/adapters/formats/csv-scan.ts';
import { parseTable, parseXlsxWithExceljs, scanXlsxTable } from '../../src/adapters/formats/table.ts';
import { BUILTIN_DATE_FORMATS, isDateFormat } from '../../src/adapters/formats/xlsx-scan.ts';
import { fflateInflateRaw, type InflateRaw, streamInflateRaw } from '../../src/adapters/formats/zip.ts';
import { nodeInflateRaw } from '../../src/adapters/io/read.ts';
import { tableToPanel } from '../../src/core/panel/from-table.ts';
import type { RawTable } from '../../src/core/panel/raw-table.ts';
import type { XinzhiError } from '../../src/core/errors.ts';
import { yearbookXlsx } from './yearbook-xlsx.ts';

async function book(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const plain = (t: RawTable) => ({
  header: t.header,
  rows: t.rows,
  firstDataRow: t.firstDataRow,
  sheet: t.sheet,
  sheets: t.sheets,
  skippedTitleRows: t.skippedTitleRows,
});

/** Pieces of 7 bytes: every row, tag and number is cut somewhere. */
const tinyPieces: InflateRaw = function* (raw) {
  const all = inflateSync(raw);
  for (let i = 0; i < all.length; i += 7) yield all.subarray(i, i + 7);
};

/**
 * Read both ways (and by the scanner with zlib's and with tiny pieces). The
 * scanner's table, with per column whether it came as numbers (read before
 * `rows`, which replaces the columns), or null when it left the workbook to exceljs.
 */
async function both(
  bytes: Uint8Array,
  opts: { sheet?: string; headerRow?: number } = {},
): Promise<{ table: RawTable; numeric: boolean[] } | null> {
  const want = plain(await parseXlsxWithExceljs(bytes, 'w.xlsx', opts.sheet, opts.headerRow));
  const got = await scanXlsxTable(bytes, 'w.xlsx', opts.sheet, opts.headerRow, undefined);
  const numeric = got?.typed?.map((c) => 'values' in c) ?? [];
  if (got) {
    expect(plain(got)).toEqual(want);
    for (const inflate of [nodeInflateRaw, streamInflateRaw, fflateInflateRaw, tinyPieces]) {
      const again = await scanXlsxTable(bytes, 'w.xlsx', opts.sheet, opts.headerRow, inflate);
      expect(again && plain(again)).toEqual(want);
    }
  }
  expect(plain(await parseTable(bytes, 'w.xlsx', opts))).toEqual(want);
  return got && { table: got, numeric };
}

/** A workbook package written by hand (for XML that exceljs does not write). */
function handMade(sheetXml: string, extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetXml}</sheetData></worksheet>`,
    ),
  };
  for (const [k, v] of Object.entries(extra)) files[k] = strToU8(v);
  return zipSync(files);
}

describe('XLSX worksheet scanner against exceljs', () => {
  it('reads a firm panel (shared strings, numbers of every form, empty and text cells) into typed columns', async () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const bytes = await book((wb) => {
      const ws = wb.addWorksheet('面板');
      ws.addRow(['企业', '年份', 'x1', 'x2', 'x3', '备注']);
      for (let i = 0; i < 600; i++) {
        const r = rnd();
        ws.addRow([
          `企业${i % 40}`,
          2010 + (i % 15),
          r * 10 ** Math.floor(rnd() * 30 - 15),
          i % 17 === 0 ? null : -Math.floor(r * 1e6) / 1000,
          i % 50 === 0 ? '—' : i % 51 === 0 ? '  ' : 1 / (i + 1),
          i % 7 === 0 ? `注 & <${i}> "引号"\n第二行` : null,
        ]);
      }
      ws.addRow(['极值', 2030, 1e300, -1e-300, 123456789012345680000, 5e-324]);
    });
    const t = await both(bytes);
    expect(t?.numeric).toEqual([false, true, true, true, false, false]);
    expect(t?.table.rows.length).toBe(601);
  });

  it('gives formula results, booleans, errors and rich text as exceljs does', async () => {
    const t = await both(
      await book((wb) => {
        const ws = wb.addWorksheet('s');
        ws.addRow(['a', 'b', 'c', 'd']);
        ws.addRow([{ formula: 'A3+1', result: 5 }, { formula: '"x"&"y"', result: 'xy' }, true, false]);
        ws.addRow([
          { formula: '1/0', result: { error: '#DIV/0!' } },
          { formula: 'TRUE()', result: true },
          { error: '#N/A' },
          { formula: 'B9' },
        ]);
        ws.addRow([
          { richText: [{ text: '富' }, { font: { bold: true }, text: '文本' }] },
          { sharedFormula: 'A2', result: 7 },
          'tab\there',
          '_x000D_ literal',
        ]);
        ws.addRow([1, 2, 3, 4]);
      }),
    );
    expect(t).not.toBeNull();
  });

  it('finds the data sheet, the header row and the gaps as exceljs does', async () => {
    const bytes = await book((wb) => {
      wb.addWorksheet('说明').addRow(['只有文字']);
      const ws = wb.addWorksheet('数据');
      ws.addRow(['标题']);
      ws.addRow(['省份', '年份', 'GDP']);
      ws.getRow(4).values = ['北京', 2020, 1.5];
      ws.getRow(7).values = ['上海', 2020, 2.5];
      ws.getRow(9).values = ['   ', null, null];
      ws.getRow(10).getCell(5).numFmt = '0.00'; // a styled empty cell beyond the data
    });
    const t = (await both(bytes))?.table;
    expect(t?.sheet).toBe('数据');
    expect(t?.skippedTitleRows).toEqual([1]);
    expect(t?.rows.length).toBe(5);
    await both(bytes, { sheet: '说明' });
    await both(bytes, { sheet: '数据', headerRow: 2 });
    await both(bytes, { sheet: '数据', headerRow: 1 });
    const err = await parseTable(bytes, 'w.xlsx', { sheet: '数据', headerRow: 5 }).catch((e: XinzhiError) => e);
    expect((err as XinzhiError).problems[0]).toMatchObject({ code: 'header-row', row: 5 });
    await both(await book((wb) => wb.addWorksheet('空')));
    await both(await book((wb) => wb.addWorksheet('文字').addRow(['甲', '乙'])));
  });

  it('reads percent and other number formats as numbers, and dates as exceljs writes them', async () => {
    const pct = await book((wb) => {
      const ws = wb.addWorksheet('s');
      ws.addRow(['id', 'share']);
      ws.addRow(['a', 0.125]).getCell(2).numFmt = '0.00%';
      ws.addRow(['b', 1234.5]).getCell(2).numFmt = '#,##0.00';
    });
    expect(await both(pct)).not.toBeNull();
    for (const date1904 of [false, true]) {
      const dates = await book((wb) => {
        wb.properties.date1904 = date1904;
        const ws = wb.addWorksheet('s');
        ws.addRow(['id', 'day', 'n']);
        ws.addRow(['a', new Date(Date.UTC(2020, 0, 2)), 1]);
        ws.addRow(['b', new Date(Date.UTC(1999, 11, 31, 18, 30)), 2]);
        ws.addRow(['c', { formula: 'B2+1', result: new Date(Date.UTC(2020, 0, 3)) }, 3]);
        const r = ws.addRow(['d', 0.75, 4]); // a time of day
        r.getCell(2).numFmt = 'h:mm';
        const t = ws.addRow(['e', '2020-01-05', 5]); // text in a date format stays text
        t.getCell(2).numFmt = 'yyyy-mm-dd';
      });
      const t = await both(dates);
      expect(t?.numeric).toEqual([false, false, true]);
      expect(t?.table.rows.map((r) => r[1])).toEqual(
        ['2020-01-02', '1999-12-31', '2020-01-03', '1899-12-30', '2020-01-05'].map((d, i) =>
          date1904 && i === 3 ? '1904-01-01' : d,
        ),
      );
    }
    const cjkDate = await book((wb) => {
      const ws = wb.addWorksheet('s');
      ws.addRow(['id', 'year']);
      ws.addRow(['a', 44000]).getCell(2).numFmt = 'yyyy"年"m"月"';
    });
    expect(await both(cjkDate)).not.toBeNull();
  });

  it('reads workbooks written by openpyxl and pandas (inline strings, character references, dates, a formula without a cached value)', async () => {
    // test/reference/data/make_xlsx_fixtures.py
    for (const file of ['openpyxl-panel.xlsx', 'pandas-panel.xlsx']) {
      const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL(`./fixtures/${file}`, import.meta.url))));
      const t = await both(bytes);
      expect(t, file).not.toBeNull();
    }
    const t = await parseTable(
      new Uint8Array(readFileSync(fileURLToPath(new URL('./fixtures/openpyxl-panel.xlsx', import.meta.url)))),
      'o.xlsx',
    );
    expect(t.sheet).toBe('面板');
    expect(t.header).toEqual(['证券代码', '年份', '数字化', '专利', '截止日期', '上市', '备注', '合计', '占比']);
    expect(t.rows[0]).toEqual(['600000', 2010, null, -1.25e-7, '2010-12-31', 'TRUE', '有 空格 与\n换行', null, 0.125]);
  });

  it('gives the panel and the problems (row, column, cell) that the exceljs table gives', async () => {
    const bytes = await book((wb) => {
      const ws = wb.addWorksheet('s');
      ws.addRow(['省份', '年份', 'x', 'y']);
      ws.addRow(['北京', 2020, 1.5, '12%']);
      ws.addRow(['北京', 2021, '—', '1,234']);
      ws.addRow(['上海', 2020, 2, 3]);
      ws.addRow(['上海', 2020, 4, '#DIV/0!']);
      ws.addRow([null, 2021, 5, 6]);
    });
    const opts = { unit: '省份', time: '年份', columns: ['x', 'y'] };
    const scanned = await scanXlsxTable(bytes, 'p.xlsx', undefined, undefined, undefined);
    expect(scanned?.typed).toBeDefined();
    const a = tableToPanel(scanned!, opts);
    const b = tableToPanel(await parseXlsxWithExceljs(bytes, 'p.xlsx'), opts);
    expect(a.problems.length).toBeGreaterThan(0);
    expect(a.problems).toEqual(b.problems);
    expect(a.panel).toEqual(b.panel);
  });

  it('gives merged cells the value of the first cell, as exceljs does', async () => {
    expect(await both(await yearbookXlsx())).not.toBeNull();
    const merged = await book((wb) => {
      const ws = wb.addWorksheet('s');
      ws.addRow(['省份', '年份', 'GDP', '备注']);
      ws.addRow(['北京', 2020, 1.5, '注']);
      ws.addRow([null, 2021, 2.5, null]);
      ws.addRow([null, 2022, 3.5, null]);
      ws.mergeCells('A2:A4'); // a province written once for its years
      ws.mergeCells('D2:D3');
      ws.addRow(['上海', 2020, 4, null]);
      ws.mergeCells('C6:D8'); // an empty master below the data: its rows become rows, without values
      ws.mergeCells('F1:G1'); // beyond the header
    });
    const t = await both(merged);
    expect(t?.table.rows.map((r) => r[0])).toEqual(['北京', '北京', '北京', '上海']);
    const xml =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row>' +
      '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row></sheetData><mergeCells count="2">' +
      '<mergeCell ref="A2:B3"/><mergeCell ref="B3:C4"/></mergeCells><sheetData>';
    expect(await scanXlsxTable(handMade(xml), 'w.xlsx', undefined, undefined, undefined)).toBeNull(); // overlapping
  });

  it('names a date-formatted cell whose value is no date, on both paths', async () => {
    const bytes = await book((wb) => {
      const ws = wb.addWorksheet('数据');
      ws.addRow(['id', 'day']);
      ws.addRow(['a', { formula: '"x"&"y"', result: 'xy' }]).getCell(2).numFmt = 'yyyy-mm-dd';
    });
    for (const read of [() => parseTable(bytes, 'd.xlsx'), () => parseXlsxWithExceljs(bytes, 'd.xlsx')]) {
      const err = (await read().catch((e: XinzhiError) => e)) as XinzhiError;
      expect(err.problems[0]).toMatchObject({ code: 'xlsx-date-cell', file: 'd.xlsx', row: 2 });
      expect(err.problems[0].message.en).toContain('cell B2 of sheet "数据"');
      expect(err.problems[0].fix?.zh).toContain('常规');
    }
  });

  it('leaves hyperlinks to exceljs', async () => {
    const link = await book((wb) => {
      const ws = wb.addWorksheet('s');
      ws.addRow(['id', 'x']);
      ws.addRow([{ text: 'site', hyperlink: 'https://example.org' }, 1]);
    });
    expect(await both(link)).toBeNull();
  });

  it('reads hand-written XML: inline strings, entities, line ends, spaces around numbers', async () => {
    const t = await both(
      handMade(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c><c r="B1" t="inlineStr"><is><t xml:space="preserve">值 </t></is></c></row>' +
          '<row r="2" spans="1:2"><c r="A2" t="inlineStr"><is><t>&#x4E2D;&amp;&#25991;\r\nx</t></is></c><c r="B2"><v> 12 </v></c></row>' +
          '<row r="3"><c r="A3" t="str"><v>a&lt;b</v></c><c r="B3" t="n"><v>1.5E-7</v></c></row>' +
          '<!-- a comment --><row r="4"><c r="A4" t="b"><v>1</v></c><c r="B4" t="e"><v>#REF!</v></c></row>' +
          // empty cells with and without a style, in a row of their own and beside a value
          '<row r="5"><c r="A5"/><c r="B5" t="inlineStr"></c></row><row r="6"><c r="A6" s="0"/><c r="B6"><v>6</v></c></row>' +
          '<row r="7"><c r="A7" t="n"></c><c r="B7" s="0"></c></row><row r="8"><c r="A8" t="inlineStr"><is><t>end</t></is></c><c r="B8"><v>8</v></c></row>',
      ),
    );
    expect(t).not.toBeNull();
  });

  it('leaves unusual XML to exceljs', async () => {
    // a cell without a position, a row without a number
    for (const xml of [
      '<row r="1"><c t="inlineStr"><is><t>a</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>',
      '<row><c r="A1"><v>1</v></c></row>',
    ])
      expect(await scanXlsxTable(handMade(xml), 'w.xlsx', undefined, undefined, undefined)).toBeNull();
    const x = zipSync({
      ...Object.fromEntries(
        Object.entries({
          'xl/workbook.xml':
            '<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="a" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>',
          'xl/_rels/workbook.xml.rels':
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
          'xl/worksheets/sheet1.xml':
            '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>',
        }).map(([k, v]) => [k, strToU8(v)]),
      ),
    });
    expect(await scanXlsxTable(x, 'w.xlsx', undefined, undefined, undefined)).toBeNull();
    // damaged archives: exceljs names the problem
    const bytes = await book((wb) => wb.addWorksheet('s').addRow(['a', 1]));
    expect(
      await scanXlsxTable(bytes.slice(0, bytes.length - 30), 'w.xlsx', undefined, undefined, undefined),
    ).toBeNull();
  });

  it('treats as dates the number formats exceljs treats as dates', async () => {
    // @ts-expect-error exceljs' internal table of built-in formats (CommonJS, no types)
    const { default: defaults } = await import('exceljs/lib/xlsx/defaultnumformats.js');
    const ids = Object.keys(defaults as Record<string, { f?: string }>)
      .map(Number)
      .filter((id) => isDateFormat((defaults as Record<string, { f?: string }>)[id].f));
    expect(new Set(ids)).toEqual(BUILTIN_DATE_FORMATS);
  });
});

describe('XLSX worksheet scanner on random workbooks', () => {
  // cells of every kind exceljs writes, rows with gaps, number formats, merged ranges
  const cellArb = fc.oneof(
    fc.constant(null),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }),
    fc.integer({ min: -1e6, max: 1e6 }),
    fc.constantFrom('北京', ' 有空格 ', 'a&b<c>"d"', '行\n二', '', '—', '12%', '_x000D_', '1,234'),
    fc.boolean(),
    fc.integer({ min: 0, max: 40000 }).map((d) => new Date(Date.UTC(1990, 0, 1) + d * 864e5)),
    fc
      .double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 })
      .map((r) => ({ formula: 'A1*2', result: r })),
    fc.constantFrom({ formula: '"x"&"y"', result: 'xy' }, { formula: 'B1' }, { error: '#N/A' }),
  );
  const sheetArb = fc.record({
    rows: fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.array(cellArb, { maxLength: 6 })), {
      minLength: 1,
      maxLength: 12,
    }),
    formats: fc.array(fc.constantFrom('0.00%', 'yyyy-mm-dd', '#,##0.00', 'h:mm', '@'), { maxLength: 3 }),
    merge: fc.option(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 })), { nil: undefined }),
  });
  it('reads the tables exceljs reads', async () => {
    await fc.assert(
      fc.asyncProperty(sheetArb, async ({ rows, formats, merge }) => {
        const bytes = await book((wb) => {
          const ws = wb.addWorksheet('s');
          let r = 1;
          rows.forEach(([gap, cells], i) => {
            r += gap;
            const row = ws.getRow(r);
            cells.forEach((c, j) => {
              if (c !== null) row.getCell(j + 1).value = c as ExcelJS.CellValue;
              if (formats.length && (i + j) % 3 === 0) row.getCell(j + 1).numFmt = formats[(i + j) % formats.length];
            });
            r++;
          });
          if (merge) ws.mergeCells(merge[0], merge[1], merge[0] + 1, merge[1] + 1);
        });
        // a date-formatted text result is an error naming the cell, on both paths
        const refused = await parseXlsxWithExceljs(bytes, 'w.xlsx').then(
          () => null,
          (e: XinzhiError) => e,
        );
        if (refused) {
          expect(refused.problems[0].code).toBe('xlsx-date-cell');
          await expect(parseTable(bytes, 'w.xlsx')).rejects.toMatchObject({ problems: refused.problems });
        } else await both(bytes);
      }),
      { numRuns: 40, seed: 5 },
    );
  }, 60_000);
});

describe('decimalAt', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it('equals Number(text) wherever it gives a number, on decimals of every length and exponent', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
          fc
            .tuple(
              fc.constantFrom('', '-', '+'),
              fc.stringMatching(/^[0-9]{0,22}$/),
              fc.constantFrom('', '.'),
              fc.stringMatching(/^[0-9]{0,22}$/),
              fc.constantFrom('', 'e', 'E-', 'e+'),
              fc.integer({ min: 0, max: 400 }),
            )
            .map(([s, a, p, b, e, x]) => `${s}${a}${p}${b}${e ? `${e}${x}` : ''}`),
        ),
        (text) => {
          const x = decimalAt(bytes(`<v>${text}</v>`), 3, 3 + text.length);
          if (x === x) expect(Object.is(x, Number(text))).toBe(true);
        },
      ),
      { numRuns: 5000, seed: 11 },
    );
  });
  it('reads most doubles as JavaScript writes them, and refuses what is not a plain decimal', () => {
    let read = 0;
    for (let i = 1; i <= 2000; i++) {
      const text = String(Math.sin(i) * 10 ** ((i % 9) - 4));
      const x = decimalAt(bytes(text), 0, text.length);
      if (x === x) read++;
    }
    expect(read).toBeGreaterThan(1900);
    for (const text of ['', '-', '.', '1e', '1.2.3', '0x10', ' 1', '1 ', 'Infinity', '1e1234567'])
      expect(decimalAt(bytes(text), 0, text.length)).toBeNaN();
  });
});
