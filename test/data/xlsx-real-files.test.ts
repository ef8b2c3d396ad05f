/** XLSX as yearbook / EPS exports come (issue 9): a notes sheet first, a merged title row above the header. */
import { describe, expect, it } from 'vitest';
import { parseTable } from '../../src/adapters/formats/table.ts';
import type { XinzhiError } from '../../src/core/errors.ts';
import { yearbookXlsx } from './yearbook-xlsx.ts';

describe('XLSX from real exports', () => {
  it('passes over a notes sheet and a merged title row, and says which rows it passed over', async () => {
    const t = await parseTable(await yearbookXlsx(), 'yearbook.xlsx');
    expect(t.sheet).toBe('数据');
    expect(t.sheets).toEqual(['说明', '数据']);
    expect(t.header).toEqual(['省份', '年份', 'GDP', '专利']);
    expect(t.skippedTitleRows).toEqual([1]);
    expect(t.firstDataRow).toBe(3);
    expect(t.rows[0]).toEqual(['北京', 2021, 40269.6, 19.9]);
  });
  it('takes the sheet and header row the user chooses, and refuses an empty header row by its number', async () => {
    const bytes = await yearbookXlsx();
    const notes = await parseTable(bytes, 'y.xlsx', { sheet: '说明' });
    expect(notes.header).toEqual(['数据来源：国家统计局']);
    const chosen = await parseTable(bytes, 'y.xlsx', { sheet: '数据', headerRow: 2 });
    expect(chosen.header[2]).toBe('GDP');
    try {
      await parseTable(bytes, 'y.xlsx', { sheet: '数据', headerRow: 40 });
      expect.unreachable();
    } catch (e) {
      expect((e as XinzhiError).problems[0]).toMatchObject({ code: 'header-row', row: 40, file: 'y.xlsx' });
    }
  });
});
