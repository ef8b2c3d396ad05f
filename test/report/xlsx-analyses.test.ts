/** Analysis results in the workbook (issue 9): one sheet per analysis section with its tables and interpretation. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ALL_ANALYSES, analysisSections } from '../../src/adapters/report/analysis-sections.ts';
import { workbook } from '../../src/adapters/report/xlsx.ts';
import { defaultResult } from '../default-result.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const GEO = JSON.parse(readFileSync(join(ROOT, 'data/geo/china_provinces.geojson'), 'utf8')) as unknown;

describe('workbook with analyses', () => {
  it('adds a sheet per analysis with the section tables (numbers as numbers) and the interpretation', async () => {
    const r = await defaultResult();
    const { sections, results } = analysisSections(r, { analyses: ALL_ANALYSES, lang: 'en', geojson: GEO });
    const bytes = await workbook(r, { lang: 'en', sections });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const gini = wb.worksheets.find((w) => w.name.startsWith('分析 Disparities - Dagum'));
    expect(gini, wb.worksheets.map((w) => w.name).join(' | ')).toBeTruthy();
    // the last year's overall G is in the sheet as a number, rounded as the table prints it
    const last = results.gini!.rows[results.gini!.rows.length - 1];
    const values: unknown[] = [];
    gini!.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values).toContain(Number(last.total.toFixed(4)));
    expect(values).toContain('Interpretation');
    expect(wb.worksheets.length).toBeGreaterThan(10);
  });
});
