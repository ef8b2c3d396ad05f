import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { isUtf8 } from 'node:buffer';
import { decodeText, parseTable } from '../../src/adapters/formats/table.ts';
import { utf8Bytes } from '../../src/adapters/formats/decode.ts';
import { XinzhiError } from '../../src/core/errors.ts';
import { here, readBytes, utf8 } from './helpers.ts';

const GBK = here('./fixtures/gbk.csv');
const BOM = here('./fixtures/utf8-bom.csv');
const UTF16 = here('./fixtures/utf16.csv');

async function xlsxBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function thrown(p: Promise<unknown> | (() => unknown)): Promise<XinzhiError> {
  try {
    if (typeof p === 'function') p();
    else await p;
  } catch (e) {
    expect(e).toBeInstanceOf(XinzhiError);
    return e as XinzhiError;
  }
  throw new Error('expected a XinzhiError');
}

describe('decodeText', () => {
  it('reads plain UTF-8 and says so', () => {
    expect(decodeText(utf8('省份,年份\n北京,2020'))).toEqual({ text: '省份,年份\n北京,2020', encoding: 'utf-8' });
  });
  it('strips a UTF-8 BOM and reports utf-8-bom', () => {
    const r = decodeText(readBytes(BOM));
    expect(r.encoding).toBe('utf-8-bom');
    expect(r.text.startsWith('省份,')).toBe(true);
  });
  it('falls back to GB18030 for GBK bytes (not valid UTF-8) and reports it', () => {
    const r = decodeText(readBytes(GBK));
    expect(r.encoding).toBe('gb18030');
    expect(r.text.split('\n')[1]).toBe('北京,2020,1.5,东部');
  });
  it('refuses UTF-16 with a fix', async () => {
    const e = await thrown(() => decodeText(readBytes(UTF16)));
    expect(e.problems[0].code).toBe('encoding-utf16');
    expect(e.problems[0].fix?.en).toMatch(/CSV UTF-8/);
  });
  it('documented limit: a GBK byte string that is also valid UTF-8 is read as UTF-8 (and reported as utf-8)', () => {
    // GBK "省" = CA A1, which is also the UTF-8 encoding of U+02A1. Real files are
    // long enough that this does not happen; the encoding used is always returned.
    expect(decodeText(new Uint8Array([0xca, 0xa1]))).toEqual({ text: '\u02a1', encoding: 'utf-8' });
  });
  it('pure ASCII is UTF-8', () => {
    expect(decodeText(utf8('a,b\n1,2')).encoding).toBe('utf-8');
  });
});

describe('parseTable: CSV', () => {
  it('UTF-8: header, rows as strings, empty cells null, firstDataRow 2', async () => {
    const t = await parseTable(utf8('Province,Year,GDP\nBeijing,2020,1.5\nShanghai,2020,\n'), 'p.csv');
    expect(t).toEqual({
      name: 'p.csv',
      header: ['Province', 'Year', 'GDP'],
      rows: [
        ['Beijing', '2020', '1.5'],
        ['Shanghai', '2020', null],
      ],
      encoding: 'utf-8',
      firstDataRow: 2,
    });
  });
  it('GBK file decodes and keeps the encoding on the table', async () => {
    const t = await parseTable(readBytes(GBK), 'gbk.csv');
    expect(t.encoding).toBe('gb18030');
    expect(t.header).toEqual(['省份', '年份', '数字经济指数', '地区']);
    expect(t.rows[2]).toEqual(['重庆', '2020', '0.8', '西部']);
  });
  it('reads the same table with the UTF-8 check of Node (no decode) as with the decoding one', async () => {
    for (const path of [GBK, BOM]) {
      const a = await parseTable(readBytes(path), 'f.csv');
      const b = await parseTable(readBytes(path), 'f.csv', { isUtf8 });
      expect({ ...b }).toEqual({ ...a });
    }
    expect(utf8Bytes(readBytes(GBK), 'g.csv', { isUtf8 }).encoding).toBe('gb18030');
    expect(new TextDecoder().decode(utf8Bytes(readBytes(GBK)).bytes)).toBe(decodeText(readBytes(GBK)).text);
    const e = await thrown(() => utf8Bytes(readBytes(UTF16), 'u.csv', { isUtf8 }));
    expect(e.problems[0].code).toBe('encoding-utf16');
  });
  it('decodes text cells of any length and script from the bytes; a file of ideographic spaces is blank', async () => {
    const long = `${'长文本'.repeat(30)}é`;
    const t = await parseTable(utf8(`名称,说明,值\nA,${long},1\n"引""号""",${'x'.repeat(100)},2\n`), 'c.csv');
    expect(t.rows).toEqual([
      ['A', long, '1'],
      ['引"号"', 'x'.repeat(100), '2'],
    ]);
    expect((await parseTable(utf8('\u3000 \n\u00a0\n'), 'blank.csv')).header).toEqual([]);
  });
  it('BOM file: header has no BOM', async () => {
    const t = await parseTable(readBytes(BOM), 'bom.csv');
    expect(t.encoding).toBe('utf-8-bom');
    expect(t.header[0]).toBe('省份');
  });
  it('detects tab and semicolon delimiters', async () => {
    expect((await parseTable(utf8('a\tb\n1\t2\n'), 'x.tsv')).rows).toEqual([['1', '2']]);
    expect((await parseTable(utf8('a;b\n1;2\n'), 'x.csv')).rows).toEqual([['1', '2']]);
  });
  it('a quoted cell with a newline and a comma counts as one spreadsheet row', async () => {
    const t = await parseTable(utf8('name,v\n"multi\nline, note",1\nnext,2\n'), 'q.csv');
    expect(t.rows).toEqual([
      ['multi\nline, note', '1'],
      ['next', '2'],
    ]);
  });
  it('keeps blank rows inside the data so row numbers stay true, drops trailing ones', async () => {
    const t = await parseTable(utf8('a,b\n1,2\n,\n3,4\n\n\n'), 'b.csv');
    expect(t.rows).toEqual([
      ['1', '2'],
      [null, null],
      ['3', '4'],
    ]);
  });
  it('empty and whitespace-only files give an empty table (reported later as empty-file)', async () => {
    expect((await parseTable(new Uint8Array(), 'e.csv')).header).toEqual([]);
    expect((await parseTable(utf8(' \n\n'), 'e.csv')).rows).toEqual([]);
  });
  it('unclosed quote is an error naming the file', async () => {
    const e = await thrown(parseTable(utf8('a,b\n"oops,1\n2,3\n'), 'bad.csv'));
    expect(e.problems[0]).toMatchObject({ code: 'csv-syntax', file: 'bad.csv' });
  });
  it('unknown extension and .xls are refused with a fix', async () => {
    expect((await thrown(parseTable(utf8('a'), 'data.dat'))).problems[0].code).toBe('unsupported-format');
    expect((await thrown(parseTable(utf8('a'), 'data.xls'))).problems[0].fix?.en).toMatch(/xlsx/);
  });
  it('format option overrides the extension', async () => {
    expect((await parseTable(utf8('[{"a":1}]'), 'data.txt', { format: 'json' })).rows).toEqual([[1]]);
  });
});

describe('parseTable: JSON', () => {
  it('array of row objects: header = keys in first-seen order; numbers stay numbers', async () => {
    const t = await parseTable(
      utf8(
        JSON.stringify([
          { u: 'A', t: 2020, x: 1.5 },
          { u: 'B', t: 2020, y: 'n', x: null },
        ]),
      ),
      'r.json',
    );
    expect(t.header).toEqual(['u', 't', 'x', 'y']);
    expect(t.rows).toEqual([
      ['A', 2020, 1.5, null],
      ['B', 2020, null, 'n'],
    ]);
    expect(t.firstDataRow).toBe(1);
  });
  it('{columns, data}', async () => {
    const t = await parseTable(
      utf8(
        JSON.stringify({
          columns: ['u', 't', 'x'],
          data: [
            ['A', 2020, 1],
            ['B', 2021, true],
          ],
        }),
      ),
      'c.json',
    );
    expect(t.rows).toEqual([
      ['A', 2020, 1],
      ['B', 2021, 'TRUE'],
    ]);
  });
  it('syntax and shape errors name the file and the accepted shapes', async () => {
    expect((await thrown(parseTable(utf8('[{"a":1},'), 'bad.json'))).problems[0]).toMatchObject({
      code: 'json-syntax',
      file: 'bad.json',
    });
    expect((await thrown(parseTable(utf8('{"a": 1}'), 'bad.json'))).problems[0].code).toBe('json-shape');
    expect((await thrown(parseTable(utf8('[1, 2]'), 'bad.json'))).problems[0].code).toBe('json-shape');
  });
  it('GBK-encoded JSON is decoded too', async () => {
    // '[{"省份":1}]' in GBK: 5B 7B 22 CA A1 B7 DD 22 3A 31 7D 5D
    const t = await parseTable(
      new Uint8Array([0x5b, 0x7b, 0x22, 0xca, 0xa1, 0xb7, 0xdd, 0x22, 0x3a, 0x31, 0x7d, 0x5d]),
      'g.json',
    );
    expect(t).toMatchObject({ header: ['省份'], rows: [[1]], encoding: 'gb18030' });
  });
});

describe('parseTable: XLSX (generated with exceljs)', () => {
  it('first sheet: numbers stay numbers, formulas give results, dates ISO, rich text plain', async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet('数据');
      ws.addRow(['省份', '年份', 'GDP', '日期']);
      ws.addRow(['北京', 2020, 1.5, new Date(Date.UTC(2020, 11, 31))]);
      ws.addRow([{ richText: [{ text: '上' }, { text: '海' }] }, 2020, { formula: 'C2*2', result: 3 }, null]);
      wb.addWorksheet('other').addRow(['x']);
    });
    const t = await parseTable(bytes, 'book.xlsx');
    expect(t.sheet).toBe('数据');
    expect(t.header).toEqual(['省份', '年份', 'GDP', '日期']);
    expect(t.rows).toEqual([
      ['北京', 2020, 1.5, '2020-12-31'],
      ['上海', 2020, 3, null],
    ]);
    expect(t.firstDataRow).toBe(2);
  });
  it('named sheet; header below title rows gives the true firstDataRow; blank rows kept', async () => {
    const bytes = await xlsxBytes((wb) => {
      wb.addWorksheet('first').addRow(['ignore']);
      const ws = wb.addWorksheet('panel');
      ws.getCell('A3').value = 'unit';
      ws.getCell('B3').value = 'v';
      ws.getCell('A4').value = 'a';
      ws.getCell('B4').value = 1;
      ws.getCell('A6').value = 'b';
      ws.getCell('B6').value = '#DIV/0!';
      ws.getCell('B7').value = { error: '#N/A' } as unknown as ExcelJS.CellValue;
    });
    const t = await parseTable(bytes, 'book.xlsx', { sheet: 'panel' });
    expect(t.header).toEqual(['unit', 'v']);
    expect(t.firstDataRow).toBe(4);
    expect(t.rows).toEqual([
      ['a', 1],
      [null, null],
      ['b', '#DIV/0!'],
      [null, '#N/A'],
    ]);
  });
  it('a missing sheet lists the sheets that exist', async () => {
    const bytes = await xlsxBytes((wb) => {
      wb.addWorksheet('2020').addRow(['a']);
      wb.addWorksheet('2021').addRow(['a']);
    });
    const e = await thrown(parseTable(bytes, 'book.xlsx', { sheet: '2022' }));
    expect(e.problems[0].code).toBe('sheet-not-found');
    expect(e.problems[0].message.en).toContain('2020, 2021');
  });
  it('an empty sheet gives an empty table; a non-zip file is a clear error', async () => {
    const bytes = await xlsxBytes((wb) => void wb.addWorksheet('empty'));
    expect((await parseTable(bytes, 'e.xlsx')).header).toEqual([]);
    expect((await thrown(parseTable(utf8('a,b\n1,2'), 'renamed.xlsx'))).problems[0].code).toBe('xlsx-invalid');
  });
});
