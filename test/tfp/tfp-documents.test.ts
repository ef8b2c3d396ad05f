/**
 * report/tfp-xlsx.ts and the Word report of a TFP run: every value read back
 * from the workbook equals the run's own result (full precision), the Word
 * document has the HTML report's sections and tables.
 */
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLpSolver } from '../../src/adapters/io/lp-solver.ts';
import { rasterizeSvg } from '../../src/adapters/io/rasterize.ts';
import { tfpReportDocx, tfpReportParts } from '../../src/adapters/report/tfp-html.ts';
import { TFP_SHEETS, tfpWorkbook } from '../../src/adapters/report/tfp-xlsx.ts';
import type { LpSolver } from '../../src/core/tfp/lp.ts';
import { runTfp } from '../../src/core/tfp/run.ts';
import { deaModel, deaPanel } from './fixture.ts';

async function sheets(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const rowsOf = (ws: ExcelJS.Worksheet | undefined) => {
  const out: unknown[][] = [];
  ws?.eachRow((row, i) => {
    if (i > 1) out.push((row.values as unknown[]).slice(1));
  });
  return out;
};

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadLpSolver();
});

describe('TFP workbook', () => {
  it('SBM: efficiency, slacks and shares of every unit and period, as computed', async () => {
    const run = runTfp(solver, deaPanel(), deaModel('sbm'));
    const wb = await sheets(await tfpWorkbook(run, 'zh'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([TFP_SHEETS.method, TFP_SHEETS.efficiency]);
    const rows = rowsOf(wb.getWorksheet(TFP_SHEETS.efficiency));
    expect(rows).toHaveLength(run.results.length);
    run.results.forEach((r, i) => {
      expect(rows[i][0]).toBe(r.unit);
      expect(rows[i][1]).toBe(r.time);
      expect(rows[i][3] ?? null).toBe(r.efficiency);
      if (r.status === 'optimal') {
        expect(rows[i][5] === r.slacks.L).toBe(true); // −0 is written as 0
        expect(rows[i][9] === r.shares.L).toBe(true);
      }
    });
  });

  it('GML: the index with EC and BPC, and the cumulative index', async () => {
    const run = runTfp(solver, deaPanel(), deaModel('gml'));
    const wb = await sheets(await tfpWorkbook(run, 'en'));
    const index = rowsOf(wb.getWorksheet(TFP_SHEETS.index));
    expect(index).toHaveLength(run.index.length);
    expect(index[0].slice(4, 7)).toEqual([run.index[0].value, run.index[0].ec, run.index[0].tc]);
    const cum = rowsOf(wb.getWorksheet(TFP_SHEETS.cumulative));
    expect(cum.map((r) => r[2] ?? null)).toEqual(run.cumulative.map((c) => c.value));
    expect(String(wb.getWorksheet(TFP_SHEETS.index)?.getRow(1).getCell(7).value)).toBe('BPC');
  });
});

describe('TFP Word report', () => {
  it('has the sections and tables of the HTML report and the chart as an image', async () => {
    const run = runTfp(solver, deaPanel(), deaModel('gml'));
    const parts = tfpReportParts(run, 'zh');
    const bytes = await tfpReportDocx(run, 'zh', rasterizeSvg);
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    const doc = parse(value);
    for (const s of parts.sections) expect(doc.text).toContain(s.title.zh);
    expect(doc.querySelectorAll('table').length).toBe(
      parse(parts.sections.map((s) => s.html).join('')).querySelectorAll('table').length,
    );
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).some((f) => f.startsWith('word/media/'))).toBe(true);
  }, 60_000);
});
