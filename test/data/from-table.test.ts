import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseTable, type RawTable } from '../../src/adapters/formats/table.ts';
import { readPanelFile, readTableFile } from '../../src/adapters/io/read.ts';
import { tableToPanel } from '../../src/core/panel/from-table.ts';
import { readNumber } from '../../src/core/panel/cells.ts';
import { XinzhiError, type Problem } from '../../src/core/errors.ts';
import { fromRoot, here, utf8 } from './helpers.ts';

const csv = (text: string, name = 't.csv'): Promise<RawTable> => parseTable(utf8(text), name);
const codes = (ps: Problem[]): string[] => ps.map((p) => p.code);
const errors = (ps: Problem[]): Problem[] => ps.filter((p) => p.severity === 'error');

describe('readNumber (cell conventions)', () => {
  it.each([
    ['1234.5', 1234.5],
    ['  -2 ', -2],
    ['+3e2', 300],
    ['.5', 0.5],
    ['9.36e-06', 9.36e-6],
  ])('plain %s', (s, v) => expect(readNumber(s)).toEqual({ kind: 'number', value: v }));
  it('thousands separators only in groups of three', () => {
    expect(readNumber('1,234')).toEqual({ kind: 'number', value: 1234, notes: ['thousands'] });
    expect(readNumber('-1,234,567.25')).toEqual({ kind: 'number', value: -1234567.25, notes: ['thousands'] });
    expect(readNumber('1,23').kind).toBe('text');
    expect(readNumber('1,2345').kind).toBe('text');
  });
  it('full-width digits, point and minus', () => {
    expect(readNumber('１２３．４')).toEqual({ kind: 'number', value: 123.4, notes: ['fullwidth'] });
    expect(readNumber('－５')).toEqual({ kind: 'number', value: -5, notes: ['fullwidth'] });
    expect(readNumber('\u22125')).toEqual({ kind: 'number', value: -5, notes: ['fullwidth'] });
  });
  it('trailing percent divides by 100 (as Excel stores it)', () => {
    expect(readNumber('12.5%')).toEqual({ kind: 'number', value: 0.125, notes: ['percent'] });
    expect(readNumber('１２％')).toEqual({ kind: 'number', value: 0.12, notes: ['fullwidth', 'percent'] });
  });
  it('missing tokens and infinities', () => {
    for (const s of ['', ' ', 'NA', 'n/a', '#N/A', 'NaN', 'null', '-', '--', '…', '缺失', '暂无'])
      expect(readNumber(s).kind, s).toBe('missing');
    expect(readNumber(null).kind).toBe('missing');
    expect(readNumber('Inf')).toEqual({ kind: 'number', value: Infinity });
    expect(readNumber('-Infinity')).toEqual({ kind: 'number', value: -Infinity });
  });
  it('non-numeric stays text', () => {
    for (const s of ['(123)', '¥100', '12万', '#DIV/0!', '1.2.3', '0x10', 'abc'])
      expect(readNumber(s).kind, s).toBe('text');
  });
});

describe('tableToPanel: wide', () => {
  it('builds columns, numeric times, labels, sourceRow, in source order', async () => {
    const t = await csv(
      'Province,Year,Region,GDP,Pop\nBeijing,2021,East,2,20\nBeijing,2020,East,1,\nHubei,2020,Central,3,58\n',
    );
    const { panel, problems } = tableToPanel(t, { unit: 'Province', time: 'Year', labels: ['Region'] });
    expect(problems).toEqual([]);
    expect(panel.unit).toEqual(['Beijing', 'Beijing', 'Hubei']);
    expect(panel.time).toEqual([2021, 2020, 2020]);
    expect(Object.keys(panel.columns)).toEqual(['GDP', 'Pop']);
    expect([...panel.columns.Pop]).toEqual([20, NaN, 58]);
    expect(panel.labels).toEqual({ Region: ['East', 'East', 'Central'] });
    expect(panel.sourceRow).toEqual([2, 3, 4]);
    expect(panel.source).toBe('t.csv');
  });
  it('times stay strings when not all integers; cross-section has time ""', async () => {
    const t = await csv('u,q,x\na,2020Q1,1\na,2020Q2,2\n');
    expect(tableToPanel(t, { unit: 'u', time: 'q' }).panel.time).toEqual(['2020Q1', '2020Q2']);
    const c = tableToPanel(t, { unit: 'u', time: null, columns: ['x'] });
    expect(c.panel.time).toEqual(['']); // the second row of unit a is a duplicate in a cross-section
    expect(codes(c.problems)).toEqual(['duplicate-row']);
  });
  it('missing unit/time/requested/label columns: all listed with available columns and the closest match', async () => {
    const t = await csv('Province,Year,GDP per capita\nA,2020,1\n');
    const { problems } = tableToPanel(t, { unit: 'province', time: 'Yaer', labels: ['Region'], columns: ['GDP'] });
    expect(problems.map((p) => [p.code, p.column])).toEqual([
      ['missing-column', 'province'],
      ['missing-column', 'Yaer'],
      ['missing-column', 'Region'],
    ]);
    expect(problems[0].fix?.en).toContain('"Province"');
    expect(problems[1].fix?.en).toContain('"Year"');
    expect(problems[0].message.en).toContain('"Province", "Year", "GDP per capita"');
    const r = tableToPanel(t, { unit: 'Province', time: 'Year', columns: ['GDP'] });
    expect(r.problems[0]).toMatchObject({ code: 'missing-column', column: 'GDP', file: 't.csv' });
    expect(r.problems[0].fix?.en).toContain('"GDP per capita"');
  });
  it('non-numeric cells: each with file, row, column, unit, time and a fix', async () => {
    const t = await csv('u,t,x,y\na,2020,1,2\nb,2020,(3),4\nc,2020,5,12万\n');
    const { problems } = tableToPanel(t, { unit: 'u', time: 't' });
    expect(errors(problems).map((p) => [p.code, p.row, p.column, p.unit, p.time])).toEqual([
      ['non-numeric', 3, 'x', 'b', 2020],
      ['non-numeric', 4, 'y', 'c', 2020],
    ]);
    expect(problems[0].file).toBe('t.csv');
    expect(problems[0].fix?.en).toMatch(/plain number/);
  });
  it('duplicate (unit, time) names both rows', async () => {
    const t = await csv('u,t,x\na,2020,1\nb,2020,2\na,2020,3\n');
    const { panel, problems } = tableToPanel(t, { unit: 'u', time: 't' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'duplicate-row', row: 4, unit: 'a', time: 2020 });
    expect(problems[0].message.en).toContain('rows 2 and 4');
    expect(panel.unit).toEqual(['a', 'b']);
  });
  it('empty file, header-only file, empty unit / time cells, duplicate header', async () => {
    expect(codes(tableToPanel(await csv(''), { unit: 'u', time: 't' }).problems)).toEqual(['empty-file']);
    expect(codes(tableToPanel(await csv('u,t,x\n'), { unit: 'u', time: 't' }).problems)).toEqual(['empty-file']);
    const p = tableToPanel(await csv('u,t,x\n,2020,1\na,,2\n'), { unit: 'u', time: 't' }).problems;
    expect(p.map((q) => [q.code, q.row])).toEqual([
      ['missing-unit', 2],
      ['missing-time', 3],
    ]);
    const d = tableToPanel(await csv('u,t,x,x\na,2020,1,2\n'), { unit: 'u', time: 't' }).problems;
    expect(d[0]).toMatchObject({ code: 'duplicate-column', column: 'x', row: 1 });
    expect(d[0].message.en).toContain('columns C and D');
  });
  it('blank rows are skipped but row numbers stay true', async () => {
    const { panel } = tableToPanel(await csv('u,t,x\na,2020,1\n,,\nb,2020,2\n'), { unit: 'u', time: 't' });
    expect(panel.sourceRow).toEqual([2, 4]);
  });
  it('thousands separators, full-width digits and percent are read and reported per column', async () => {
    const t = await csv('u,t,x,y,z\na,2020,"1,234",１２,5%\nb,2020,5,3,12.5%\n');
    const { panel, problems } = tableToPanel(t, { unit: 'u', time: 't' });
    expect([...panel.columns.x]).toEqual([1234, 5]);
    expect([...panel.columns.y]).toEqual([12, 3]);
    expect([...panel.columns.z]).toEqual([0.05, 0.125]);
    expect(problems.map((p) => [p.code, p.severity, p.column, p.row])).toEqual([
      ['thousands-separator', 'warning', 'x', 2],
      ['fullwidth-digits', 'warning', 'y', 2],
      ['percent', 'warning', 'z', 2],
    ]);
  });
  it('a column mixing percent and plain numbers is an error', async () => {
    const { problems } = tableToPanel(await csv('u,t,z\na,2020,5%\nb,2020,0.3\n'), { unit: 'u', time: 't' });
    expect(problems).toMatchObject([{ code: 'mixed-percent', severity: 'error', column: 'z' }]);
  });
  it('a mostly-text column is not taken as an indicator by default (warning); explicitly requested it is errors', async () => {
    const t = await csv('u,t,region,x\na,2020,east,1\nb,2020,west,2\n');
    const d = tableToPanel(t, { unit: 'u', time: 't' });
    expect(Object.keys(d.panel.columns)).toEqual(['x']);
    expect(d.problems).toMatchObject([{ code: 'text-column', severity: 'warning', column: 'region' }]);
    const e = tableToPanel(t, { unit: 'u', time: 't', columns: ['region'] });
    expect(errors(e.problems).map((p) => p.code)).toEqual(['non-numeric', 'non-numeric']);
  });
  it('GBK input gives a warning naming the encoding', async () => {
    const t = await readTableFile(here('./fixtures/gbk.csv'));
    const { panel, problems } = tableToPanel(t, { unit: '省份', time: '年份', labels: ['地区'] });
    expect(problems).toMatchObject([{ code: 'encoding-gb18030', severity: 'warning', file: 'gbk.csv' }]);
    expect([...panel.columns['数字经济指数']]).toEqual([1.5, 2.5, 0.8]);
    expect(panel.labels?.['地区']).toEqual(['东部', '东部', '西部']);
  });
  it('caps repeated problems per column and adds a count', async () => {
    const lines = ['u,t,x'];
    for (let i = 0; i < 30; i++) lines.push(`u${i},2020,bad`);
    lines.push('z,2020,1');
    const { problems } = tableToPanel(await csv(lines.join('\n')), { unit: 'u', time: 't', columns: ['x'] });
    expect(problems).toHaveLength(11);
    expect(problems[10].message.en).toContain('20 more problems');
  });
});

describe('tableToPanel: long', () => {
  const text = 'unit,year,indicator,value,region\na,2020,x,1,e\na,2020,y,2,e\nb,2020,x,3,w\na,2021,x,4,e\n';
  it('pivots to wide with NaN for absent combinations', async () => {
    const { panel, problems } = tableToPanel(await csv(text), {
      unit: 'unit',
      time: 'year',
      indicator: 'indicator',
      value: 'value',
      labels: ['region'],
    });
    expect(problems).toEqual([]);
    expect(panel.unit).toEqual(['a', 'b', 'a']);
    expect(panel.time).toEqual([2020, 2020, 2021]);
    expect([...panel.columns.x]).toEqual([1, 3, 4]);
    expect([...panel.columns.y]).toEqual([2, NaN, NaN]);
    expect(panel.labels).toEqual({ region: ['e', 'w', 'e'] });
    expect(panel.sourceRow).toEqual([2, 4, 5]);
  });
  it('shape "long" finds columns named indicator/value; columns filter and missing indicator', async () => {
    const r = tableToPanel(await csv(text), { unit: 'unit', time: 'year', shape: 'long', columns: ['y', 'zz'] });
    expect(Object.keys(r.panel.columns)).toEqual(['y']);
    expect(r.problems).toMatchObject([{ code: 'missing-column', column: 'zz' }]);
  });
  it('duplicate (unit, time, indicator), non-numeric value, label conflict', async () => {
    const bad = 'unit,year,indicator,value,region\na,2020,x,1,e\na,2020,x,2,e\na,2020,y,n/v,w\n';
    const { problems } = tableToPanel(await csv(bad), {
      unit: 'unit',
      time: 'year',
      indicator: 'indicator',
      value: 'value',
      labels: ['region'],
    });
    expect(problems.map((p) => [p.code, p.row])).toEqual([
      ['duplicate-row', 3],
      ['label-conflict', 4],
      ['non-numeric', 4],
    ]);
    expect(problems[0].message.en).toContain('rows 2 and 3');
  });
  it('JSON long data', async () => {
    const t = await parseTable(
      utf8(
        JSON.stringify([
          { u: 'a', t: 1, k: 'x', v: 1.5 },
          { u: 'a', t: 2, k: 'x', v: '2,000' },
        ]),
      ),
      'l.json',
    );
    const { panel, problems } = tableToPanel(t, { unit: 'u', time: 't', indicator: 'k', value: 'v' });
    expect([...panel.columns.x]).toEqual([1.5, 2000]);
    expect(problems).toMatchObject([{ code: 'thousands-separator', row: 2 }]);
  });
});

describe('reading files', () => {
  it('the embedded province panel: 310 rows, 38 columns, no problems', async () => {
    const { panel, problems } = await readPanelFile(fromRoot('data/province-panel/province_panel_2013_2022.csv'), {
      unit: 'Province',
      time: 'Year',
    });
    expect(problems).toEqual([]);
    expect(panel.unit).toHaveLength(310);
    expect(Object.keys(panel.columns)).toHaveLength(38);
    expect(panel.columns['Total Profit (100M RMB)'].some((v) => v < 0)).toBe(true);
    expect(panel.sourceRow?.[309]).toBe(311);
  });
  it('readPanelFile on an XLSX file with a named sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('notes').addRow(['see panel']);
    const ws = wb.addWorksheet('panel');
    ws.addRow(['省份', '年份', 'x']);
    ws.addRow(['北京', 2020, 1.5]);
    ws.addRow(['上海', 2020, '2,000']);
    const dir = mkdtempSync(join(tmpdir(), 'xinzhi-'));
    const path = join(dir, 'book.xlsx');
    await wb.xlsx.writeFile(path);
    try {
      const { panel, problems } = await readPanelFile(path, { unit: '省份', time: '年份', sheet: 'panel' });
      expect([...panel.columns.x]).toEqual([1.5, 2000]);
      expect(panel.source).toBe('book.xlsx');
      expect(problems).toMatchObject([{ code: 'thousands-separator', file: 'book.xlsx', row: 3, column: 'x' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('a missing file is a XinzhiError with the path and a fix naming the nearby file', async () => {
    const err = await readTableFile(here('./fixtures/gbk.cvs')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XinzhiError);
    const p = (err as XinzhiError).problems[0];
    expect(p.code).toBe('file-not-found');
    expect(p.fix?.en).toContain('gbk.csv');
  });
});

describe('tableToPanel: cells outside the header', () => {
  it('an unquoted thousands comma shifts cells: extra-cells error; data under an empty header name: unnamed-column error', async () => {
    const t = await csv('u,t,x,\na,2020,1,\nb,2020,1,234\nc,2020,5,7\n');
    const { problems } = tableToPanel(t, { unit: 'u', time: 't' });
    expect(problems.map((p) => [p.code, p.row, p.column])).toEqual([['unnamed-column', 3, 'D']]);
    const t2 = await csv('u,t,x\na,2020,1\nb,2020,1,234\n');
    expect(tableToPanel(t2, { unit: 'u', time: 't' }).problems).toMatchObject([{ code: 'extra-cells', row: 3 }]);
  });
  it('a trailing empty column (trailing commas) is ignored quietly', async () => {
    const t = await csv('u,t,x,\na,2020,1,\nb,2020,2,\n');
    expect(tableToPanel(t, { unit: 'u', time: 't' }).problems).toEqual([]);
  });
});
