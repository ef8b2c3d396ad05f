/**
 * The XLSX workbook (exceljs): one sheet per table, bilingual sheet names
 * ("中文 English") and headers ("中文 / English"), bold frozen header row,
 * number formats on numeric columns. Cells hold the result's numbers at full
 * precision (formats only change the display); missing / non-finite numbers
 * are empty cells. Pure: returns the file's bytes. What the sheets hold is
 * worked out in report/xlsx-plan.ts (workbookPlan); this module draws it.
 */
import ExcelJS from '#exceljs';
import { parse } from 'node-html-parser';
import type { ReportSection } from './html.ts';
import { cleanText, sectionTables, textOf } from './html-tables.ts';
import { both, type Lang } from '../../core/i18n.ts';
import type { EvaluationResult } from '../../core/measure/result.ts';
import { type Cell, type ColumnDef, type WorkbookOptions, type WorkbookPlan, workbookPlan } from './xlsx-plan.ts';

export { SHEETS, XLSX_MAX_ROWS, workbookPlan } from './xlsx-plan.ts';
export type { Cell, ColumnDef, SheetPlan, WorkbookOptions, WorkbookPlan } from './xlsx-plan.ts';

/** Sheet name of an analysis section: "分析 " + its English title, cut to Excel's 31 characters, unique. */
function sectionSheetName(title: string, used: Set<string>): string {
  const base = `分析 ${title}`
    .replace(/:/g, ' -')
    .replace(/[/\\?*[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .slice(0, 31)
    .trim();
  let name = base;
  for (let k = 2; used.has(name); k++) name = `${base.slice(0, 28)} ${k}`;
  used.add(name);
  return name;
}

/** One sheet per analysis section: each table under its caption (numbers as numbers), then the interpretation. */
function addSectionSheets(wb: ExcelJS.Workbook, sections: ReportSection[], lang: Lang): void {
  const used = new Set(wb.worksheets.map((w) => w.name));
  for (const sec of sections) {
    const tables = sectionTables(sec.html);
    const text = parse(sec.html)
      .querySelectorAll('.interpretation p')
      .map((p) => cleanText(textOf(p)));
    if (!tables.length && !text.length) continue;
    const ws = wb.addWorksheet(sectionSheetName(sec.title.en, used));
    ws.addRow([sec.title[lang]]).font = { bold: true, size: 12 };
    for (const tb of tables) {
      ws.addRow([]);
      if (tb.caption) ws.addRow([tb.caption]).font = { bold: true };
      tb.rows.forEach((r, i) => {
        const row = ws.addRow(r.map((c) => (/^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(c) ? Number(c) : c || null)));
        if (i < tb.head) row.font = { bold: true };
      });
    }
    if (text.length) {
      ws.addRow([]);
      ws.addRow([lang === 'zh' ? '解读' : 'Interpretation']).font = { bold: true };
      for (const x of text) ws.addRow([x]);
    }
    ws.getColumn(1).width = 28;
  }
}

/** Cell value for exceljs: non-finite numbers and undefined → null (empty cell). */
function cellValue(v: Cell): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return v;
}

/** Add a sheet with a bold, frozen bilingual header row and the given rows. */
export function addSheet(wb: ExcelJS.Workbook, name: string, columns: ColumnDef[], rows: Cell[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: both(c.header),
    width: c.width ?? Math.min(40, Math.max(10, both(c.header).length + 2)),
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r.map(cellValue));
  return ws;
}

/** The workbook as bytes. */
export async function workbook(result: EvaluationResult, opts: WorkbookOptions): Promise<Uint8Array> {
  return renderWorkbook(workbookPlan(result, opts));
}

/** The .xlsx bytes of a workbook plan (exceljs): its sheets, then the analysis sections' sheets. */
export async function renderWorkbook(plan: WorkbookPlan): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = plan.creator;
  for (const sh of plan.sheets) addSheet(wb, sh.name, sh.columns, sh.rows);
  if (plan.sections?.length) addSectionSheets(wb, plan.sections, plan.lang);
  return xlsxBytes(wb);
}

/**
 * The .xlsx bytes of a workbook, deflated at level 1 (zlib's fastest): the
 * sheets' XML packs about three times faster than at exceljs' default level
 * for a slightly larger file, and Excel reads every level alike.
 */
export async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  shareNumberFormats(wb);
  const buf = await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } });
  return new Uint8Array(buf as ArrayBuffer);
}

/**
 * Cells whose style holds only a number format (or nothing) share one style
 * object per format. exceljs gives every new cell its own copy of the
 * column's style and recognises a style it has written by the object, so
 * without this it works out the style of each cell afresh (sharing saves
 * about 55 ms on a firm panel's workbook); the file is the same. Run just
 * before writing: a later change to one cell's style would reach the others.
 */
function shareNumberFormats(wb: ExcelJS.Workbook): void {
  const shared = new Map<string, Partial<ExcelJS.Style>>();
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const style = cell.style as Partial<ExcelJS.Style>;
        let fmt = '';
        for (const k in style) {
          if (k !== 'numFmt' || typeof style.numFmt !== 'string') return;
          fmt = style.numFmt;
        }
        let one = shared.get(fmt);
        if (!one) shared.set(fmt, (one = fmt ? { numFmt: fmt } : {}));
        cell.style = one;
      }),
    ),
  );
}
