/**
 * Parse the bytes of a data file into a RawTable: a header and rows of raw
 * cells (strings, numbers or null), nothing interpreted yet. Formats:
 *
 * - CSV / TSV / TXT (delimiter: the most frequent of , \t ; | in the header
 *   line, tab for .tsv), encoding by the `decodeText` rule (UTF-8, UTF-8 with
 *   BOM, or GB18030/GBK — the encoding used is returned, never guessed
 *   silently). Cells stay strings. Read by one scan of the UTF-8 bytes into a
 *   cell grid (csv-scan.ts: plain decimals read into numbers on the way, text
 *   decoded per cell, `rows` built only when asked for);
 *   a file with irregular quoting goes through papaparse, whose errors name
 *   the row.
 * - XLSX (exceljs): the first sheet or the one named by `opts.sheet`.
 *   Numbers stay numbers, formulas give their cached result, dates become
 *   ISO strings (YYYY-MM-DD), rich text its plain text, error cells their
 *   code (e.g. "#DIV/0!", later reported as non-numeric).
 * - JSON: an array of row objects (header = keys in first-seen order) or
 *   `{ "columns": [...], "data": [[...], ...] }`.
 *
 * Row numbering (`firstDataRow`): for CSV and XLSX the 1-based row a
 * spreadsheet shows (header on row 1 for CSV; the first non-empty row of the
 * sheet for XLSX); for JSON the 1-based position in the data array.
 * Blank rows inside the data are kept (as rows of nulls) so that
 * rows[i] is always spreadsheet row firstDataRow + i; trailing blank rows are
 * removed. Pure: bytes in, no file system, works in the browser.
 */
import Papa from 'papaparse';
import type ExcelJS from '#exceljs';
import { XinzhiError } from '../../core/errors.ts';
import { bi } from '../../core/i18n.ts';
import {
  GRID_EMPTY as GRID_EMPTY_KIND,
  GRID_NUMBER as GRID_NUMBER_KIND,
  gridCell,
  ColumnBuilder,
  gridRows,
  typedTable,
  withLazyRows,
  type CellGrid,
  type RawTable,
  type TableColumn,
} from '../../core/panel/raw-table.ts';
import { guessNewline, scanCsv } from './csv-scan.ts';
import { utf8Bytes, type ByteChecks } from './decode.ts';
import { scanJsonRecords } from './json-scan.ts';
import { openXlsx, type ScannedSheet } from './xlsx-scan.ts';
import type { InflateRaw } from './zip.ts';

/** Decode text bytes: strict UTF-8 (BOM noted and removed), else GB18030; see decode.ts. */
export { decodeText } from './decode.ts';

export type Cell = string | number | null;

/** `{ name; header; rows; encoding?; sheet?; firstDataRow }` — defined in core/panel/raw-table.ts. */
export type { RawTable } from '../../core/panel/raw-table.ts';

export type TableFormat = 'csv' | 'xlsx' | 'json';

/** Format from the file extension: .xlsx/.xlsm → xlsx, .json → json, .csv/.tsv/.txt → csv. */
export function formatFromName(name: string): TableFormat | null {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  const ext = m ? m[1].toLowerCase() : '';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  if (ext === 'json') return 'json';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  return null;
}

/** Parse a data file's bytes into a RawTable (format from the extension of `name` unless given; `scan`: the CSV scanner, default scanCsv). */
export async function parseTable(
  bytes: Uint8Array,
  name: string,
  opts: {
    sheet?: string;
    headerRow?: number;
    format?: 'csv' | 'xlsx' | 'json';
    inflateRaw?: InflateRaw;
  } & CsvReading = {},
): Promise<RawTable> {
  const format = opts.format ?? formatFromName(name);
  if (format === null) {
    const ext = /\.[^.]*$/.exec(name)?.[0] ?? '';
    if (ext.toLowerCase() === '.xls') {
      throw new XinzhiError({
        code: 'unsupported-format',
        severity: 'error',
        file: name,
        message: bi(
          '不支持旧版 Excel 97-2003 (.xls) 工作簿。',
          'Old Excel 97-2003 workbooks (.xls) are not supported.',
        ),
        fix: bi(
          '在 Excel 或 WPS 中另存为 .xlsx 或 “CSV UTF-8”。',
          'Save it as .xlsx or "CSV UTF-8" from Excel or WPS.',
        ),
      });
    }
    throw new XinzhiError({
      code: 'unsupported-format',
      severity: 'error',
      file: name,
      message: bi(`无法从扩展名 "${ext}" 判断文件格式。`, `Cannot tell the file format from the extension "${ext}".`),
      fix: bi(
        '将文件另存为或改名为 .csv（.tsv、.txt）、.xlsx 或 .json。',
        'Save or rename the file as .csv (.tsv, .txt), .xlsx or .json.',
      ),
    });
  }
  if (format === 'csv')
    return opts.scan || opts.isUtf8 || opts.findByte ? parseCsvWith(bytes, name, opts) : parseCsv(bytes, name);
  if (format === 'json') return parseJson(bytes, name, opts);
  return parseXlsx(bytes, name, opts.sheet, opts.headerRow, opts.inflateRaw);
}

// ---------------------------------------------------------------- CSV

/**
 * Scans the UTF-8 bytes of a delimited file into a cell grid (null when the
 * quoting is irregular): scanCsv, or one that splits the work (the Node reader
 * scans large files on two threads, io/csv-scan-thread.ts).
 */
export type CsvScanner = (
  bytes: Uint8Array,
  delimiter: string,
  newline: '\n' | '\r\n' | '\r',
) => CellGrid | null | Promise<CellGrid | null>;

/** How a CSV is read: the scanner (default scanCsv) and the byte checks (default: pure ECMAScript ones, decode.ts). */
export interface CsvReading extends ByteChecks {
  scan?: CsvScanner;
}

/** CSV into a cell grid, or through papaparse when the quoting is irregular; all cells stay strings ("" → null). */
export function parseCsv(bytes: Uint8Array, name: string): RawTable {
  const { table, utf8, delimiter, newline } = csvStart(bytes, name);
  if (utf8 === null) return table;
  return csvFinish(table, utf8, delimiter, scanCsv(utf8, delimiter, newline));
}

/** parseCsv with another scanner or UTF-8 check (the same table from the same bytes). */
export async function parseCsvWith(bytes: Uint8Array, name: string, how: CsvReading): Promise<RawTable> {
  const { table, utf8, delimiter, newline } = csvStart(bytes, name, how);
  if (utf8 === null) return table;
  return csvFinish(table, utf8, delimiter, await (how.scan ?? scanCsv)(utf8, delimiter, newline));
}

/**
 * The file as UTF-8 bytes with its delimiter and line ending (guessed on the
 * text of its first megabytes), or an empty table (utf8 null) for a blank file.
 */
function csvStart(
  bytes: Uint8Array,
  name: string,
  checks: ByteChecks = {},
): { table: RawTable; utf8: Uint8Array | null; delimiter: string; newline: '\n' | '\r\n' | '\r' } {
  const { bytes: utf8, encoding } = utf8Bytes(bytes, name, checks);
  const table: RawTable = { name, header: [], rows: [], encoding, firstDataRow: 2 };
  if (blank(utf8)) return { table, utf8: null, delimiter: ',', newline: '\n' };
  // papaparse guesses the line ending on the first 2^20 characters, which lie within the first 4 · 2^20 bytes
  const head = new TextDecoder('utf-8').decode(utf8.subarray(0, 4 << 20)).slice(0, 1 << 20);
  return { table, utf8, delimiter: /\.tsv$/i.test(name) ? '\t' : guessDelimiter(head), newline: guessNewline(head) };
}

/**
 * Whether the text holds only white space (as String.prototype.trim counts
 * it): stops at the first other character; a non-ASCII character (U+3000,
 * U+00A0 … are spaces) is decoded alone.
 */
function blank(utf8: Uint8Array): boolean {
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < utf8.length; i++) {
    const c = utf8[i];
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 128) return false;
    const size = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2; // bytes of the character its lead byte starts
    if (decoder.decode(utf8.subarray(i, i + size)).trim() !== '') return false;
    i += size - 1;
  }
  return true;
}

/** The table of a scanned grid, or, when the scan gave up on irregular quoting, papaparse's reading with its row-naming errors. */
function csvFinish(table: RawTable, utf8: Uint8Array, delimiter: string, grid: CellGrid | null): RawTable {
  if (grid) return gridTable(table, grid);
  const name = table.name;
  const text = new TextDecoder('utf-8').decode(utf8);
  const res = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, dynamicTyping: false, delimiter });
  const fatal = res.errors.filter((e) => e.type === 'Quotes');
  if (fatal.length > 0) {
    throw new XinzhiError(
      fatal.slice(0, 10).map((err) => ({
        code: 'csv-syntax',
        severity: 'error' as const,
        file: name,
        row: err.row !== undefined ? err.row + 1 : undefined,
        message: bi(`CSV 引号不配对：${err.message}`, `CSV quoting error: ${err.message}`),
        fix: bi(
          '检查该行是否有未闭合的双引号 (")；含逗号的单元格须整体加引号。',
          'Check the row for an unclosed double quote ("); cells containing commas must be quoted as a whole.',
        ),
      })),
    );
  }
  const records = res.data.map((r) => r.map((c) => (c === '' ? null : c)));
  trimTrailingBlank(records);
  if (records.length === 0) return table;
  table.header = records[0].map((h) => (h === null ? '' : String(h).trim()));
  table.rows = records.slice(1);
  return table;
}

/**
 * The table of a scanned grid: row 0 is the header, trailing blank rows are
 * left out, and `rows` is made from the grid the first time it is read.
 */
function gridTable(table: RawTable, g: CellGrid): RawTable {
  const blank = (i: number): boolean => {
    for (let c = g.rowStart[i]; c < g.rowStart[i + 1]; c++) {
      const k = g.kind[c];
      if (k === GRID_NUMBER_KIND) return false;
      if (k !== GRID_EMPTY_KIND && (gridCell(g, c) as string).trim() !== '') return false;
    }
    return true;
  };
  let n = g.rowStart.length - 1;
  while (n > 0 && blank(n - 1)) n--;
  if (n === 0) return table;
  const header = gridRows({ ...g, rowStart: g.rowStart.subarray(0, 2) })[0];
  table.header = header.map((h) => (h === null ? '' : String(h).trim()));
  const data: CellGrid = { ...g, rowStart: g.rowStart.subarray(1, n + 1) };
  withLazyRows(table, 'grid', data, () => gridRows(data));
  return table;
}

/**
 * Delimiter of a CSV: among , \t ; | the one occurring most often (outside
 * double quotes) in the header line; comma when none occurs.
 */
export function guessDelimiter(text: string): string {
  const first = firstNonBlankLine(text);
  const counts: Record<string, number> = { ',': 0, '\t': 0, ';': 0, '|': 0 };
  let quoted = false;
  for (const ch of first) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  let best = ',';
  for (const d of ['\t', ';', '|']) if (counts[d] > counts[best]) best = d;
  return best;
}

/** The first line (split at \n or \r\n) that is not blank, without reading past it. */
function firstNonBlankLine(text: string): string {
  let p = 0;
  while (p <= text.length) {
    let q = text.indexOf('\n', p);
    if (q < 0) q = text.length;
    const line = text.slice(p, q > p && text.charCodeAt(q - 1) === 13 ? q - 1 : q);
    if (line.trim() !== '') return line;
    p = q + 1;
  }
  return '';
}

// ---------------------------------------------------------------- JSON

/** JSON: an array of row objects, or {columns, data}. */
export function parseJson(bytes: Uint8Array, name: string, checks: ByteChecks = {}): RawTable {
  const { bytes: utf8, encoding, text } = utf8Bytes(bytes, name, { isUtf8: checks.isUtf8, findByte: checks.findByte });
  // an array of row objects straight into columns (json-scan.ts); other shapes and errors through JSON.parse
  const scanned = scanJsonRecords(utf8);
  if (scanned) return typedTable({ name, header: scanned.header, encoding, firstDataRow: 1 }, scanned.columns);
  return parseJsonText(text ?? new TextDecoder('utf-8').decode(utf8), name, encoding);
}

/** parseJson through JSON.parse: the reference the scanner is tested against, and its fallback. */
export function parseJsonText(text: string, name: string, encoding: RawTable['encoding']): RawTable {
  const table: RawTable = { name, header: [], rows: [], encoding, firstDataRow: 1 };
  if (text.trim() === '') return table;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new XinzhiError({
      code: 'json-syntax',
      severity: 'error',
      file: name,
      message: bi(`JSON 语法错误：${(e as Error).message}`, `JSON syntax error: ${(e as Error).message}`),
      fix: bi(
        '用 JSON 校验工具检查文件；数据应为行对象数组，或 {"columns": [...], "data": [[...]]}。',
        'Check the file with a JSON validator; the data must be an array of row objects or {"columns": [...], "data": [[...]]}.',
      ),
    });
  }
  const shapeError = (what: string): XinzhiError =>
    new XinzhiError({
      code: 'json-shape',
      severity: 'error',
      file: name,
      message: bi(`JSON 结构不是表格：${what}`, `The JSON is not a table: ${what}`),
      fix: bi(
        '使用行对象数组 [{"省份": "北京", "年份": 2020, ...}, ...]，或 {"columns": [...], "data": [[...], ...]}。',
        'Use an array of row objects [{"Province": "Beijing", "Year": 2020, ...}, ...] or {"columns": [...], "data": [[...], ...]}.',
      ),
    });
  if (Array.isArray(doc)) {
    const header: string[] = [];
    const seen = new Set<string>();
    doc.forEach((r, i) => {
      if (r === null || typeof r !== 'object' || Array.isArray(r))
        throw shapeError(`element ${i + 1} is not an object`);
      for (const k of Object.keys(r)) {
        if (seen.has(k)) continue;
        seen.add(k);
        header.push(k);
      }
    });
    const records = doc as Array<Record<string, unknown>>;
    const { rows: _rows, ...rest } = table;
    return typedTable(
      { ...rest, header },
      header.map((k) => jsonColumn(records.length, (i) => records[i][k])),
    );
  }
  if (
    doc !== null &&
    typeof doc === 'object' &&
    Array.isArray((doc as { columns?: unknown }).columns) &&
    Array.isArray((doc as { data?: unknown }).data)
  ) {
    const d = doc as { columns: unknown[]; data: unknown[] };
    const header = d.columns.map((c) => String(c).trim());
    d.data.forEach((r, i) => {
      if (!Array.isArray(r)) throw shapeError(`data[${i}] is not an array`);
    });
    const data = d.data as unknown[][];
    const { rows: _rows, ...rest } = table;
    return typedTable(
      { ...rest, header },
      header.map((_, j) => jsonColumn(data.length, (i) => data[i][j])),
    );
  }
  throw shapeError('expected an array or an object with "columns" and "data"');
}

/** One column of a JSON table: numbers as a Float64Array while every value is a number, null, "" or missing, else jsonCell's cells. */
function jsonColumn(n: number, value: (i: number) => unknown): TableColumn {
  const col = new ColumnBuilder(n);
  for (let i = 0; i < n; i++) col.set(i, jsonCell(value(i)));
  return col.column(n);
}

function jsonCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return JSON.stringify(v);
}

// ---------------------------------------------------------------- XLSX

/**
 * XLSX. Sheet: `sheet` by name; by default the first sheet that holds a
 * number (a notes sheet such as 说明 in front is passed over), else the first
 * sheet. Header: row `headerRow` (1-based, as the spreadsheet shows it) when
 * given; by default the first non-empty row, passing over title rows holding
 * a single text (one cell, or a merged title repeated across the row, as
 * yearbook and EPS exports have) above a row with several. Read by the
 * worksheet scanner into typed columns (xlsx-scan.ts; `inflateRaw` inflates
 * its parts, default the engine's DecompressionStream) and through exceljs in the cases the scanner
 * leaves to it — the same cells either way.
 */
export async function parseXlsx(
  bytes: Uint8Array,
  name: string,
  sheet?: string,
  headerRow?: number,
  inflateRaw?: InflateRaw,
): Promise<RawTable> {
  return (
    (await scanXlsxTable(bytes, name, sheet, headerRow, inflateRaw)) ??
    parseXlsxWithExceljs(bytes, name, sheet, headerRow)
  );
}

/** parseXlsx through exceljs' whole-workbook model: the reference the scanner is tested against, and its fallback. */
export async function parseXlsxWithExceljs(
  bytes: Uint8Array,
  name: string,
  sheet?: string,
  headerRow?: number,
): Promise<RawTable> {
  const { default: Excel } = await import('#exceljs'); // loaded only for workbooks (a fifth of a second)
  const wb = new Excel.Workbook();
  try {
    // exceljs (JSZip) accepts a Uint8Array / ArrayBuffer as well as a Node Buffer.
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch (e) {
    throw new XinzhiError({
      code: 'xlsx-invalid',
      severity: 'error',
      file: name,
      // the library's own words (its internals) are not shown: say what is wrong with the file
      message: /zip|central directory|signature|end of data|corrupt/i.test((e as Error).message ?? '')
        ? bi(
            '无法读取 XLSX 工作簿：文件不是有效的 .xlsx 压缩包（已损坏或不是 Excel 文件）',
            'Cannot read the XLSX workbook: the file is not a valid .xlsx archive (damaged, or not an Excel file).',
          )
        : bi(
            '无法读取 XLSX 工作簿：工作簿内部的工作表数据已损坏或不完整',
            'Cannot read the XLSX workbook: the sheet data inside it is damaged or incomplete.',
          ),
      fix: bi(
        '确认文件是 .xlsx（不是改了扩展名的 .xls 或 CSV），必要时在 Excel/WPS 中重新保存。',
        'Make sure it is a real .xlsx (not a renamed .xls or CSV); re-save it from Excel/WPS if needed.',
      ),
    });
  }
  const names = wb.worksheets.map((w) => w.name);
  const hasNumber = (w: ExcelJS.Worksheet) => {
    let found = false;
    w.eachRow({ includeEmpty: false }, (row) => {
      if (!found) row.eachCell((c) => (found ||= typeof xlsxCell(c.value) === 'number'));
    });
    return found;
  };
  const ws =
    sheet === undefined
      ? (wb.worksheets.find(hasNumber) ?? wb.worksheets[0])
      : wb.worksheets.find((w) => w.name === sheet);
  if (!ws) {
    throw new XinzhiError({
      code: 'sheet-not-found',
      severity: 'error',
      file: name,
      message:
        sheet === undefined
          ? bi('工作簿中没有工作表。', 'The workbook has no sheets.')
          : bi(
              `找不到工作表 "${sheet}"。现有工作表：${names.join('、')}`,
              `Sheet "${sheet}" not found. Sheets: ${names.join(', ')}`,
            ),
      fix: bi('用现有工作表名之一指定 sheet。', 'Name one of the existing sheets.'),
    });
  }
  const grid: Array<{ row: number; cells: Cell[] }> = [];
  const width = ws.columnCount;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) {
      const v = row.getCell(c).value;
      const date = v instanceof Date ? v : v && typeof v === 'object' && 'result' in v ? v.result : undefined;
      if (date instanceof Date && Number.isNaN(date.getTime())) throw dateCellError(name, ws.name, rowNumber, c);
      cells.push(xlsxCell(v));
    }
    grid.push({ row: rowNumber, cells });
  });
  const table: RawTable = { name, header: [], rows: [], sheet: ws.name, sheets: names, firstDataRow: 2 };
  const at = sheetHeader(
    { length: grid.length, width, rowNo: (k) => grid[k].row, cell: (k, j) => grid[k].cells[j] ?? null },
    table,
    headerRow,
  );
  if (at < 0) return table;
  const w = table.header.length;
  const rows: Cell[][] = [];
  for (const g of grid.slice(at + 1)) {
    while (table.firstDataRow + rows.length < g.row) rows.push(new Array<Cell>(w).fill(null));
    rows.push(g.cells.slice(0, w));
  }
  trimTrailingBlank(rows);
  table.rows = rows;
  return table;
}

/** The rows of a worksheet that hold a value (exceljs' eachRow rows): spreadsheet row numbers and cells. */
interface SheetRows {
  length: number;
  width: number;
  rowNo(k: number): number;
  cell(k: number, j: number): Cell;
}

/**
 * Find a worksheet's header row and set the table's header, first data row
 * and passed-over title rows; returns the header's index among the rows
 * (−1: no row holds a value). Header: row `headerRow` when given; by default
 * the first non-empty row, passing over title rows holding a single text
 * (one cell, or a merged title repeated across the row) above a row with
 * several. Trailing header columns empty everywhere are dropped.
 */
function sheetHeader(g: SheetRows, table: RawTable, headerRow: number | undefined): number {
  const values = (k: number) => {
    const out: Cell[] = [];
    for (let j = 0; j < g.width; j++) {
      const c = g.cell(k, j);
      if (c !== null) out.push(c);
    }
    return out;
  };
  const filled = (k: number) => values(k).length;
  let firstIdx = -1;
  for (let k = 0; k < g.length && firstIdx < 0; k++) if (filled(k) > 0) firstIdx = k;
  if (headerRow !== undefined) {
    firstIdx = -1;
    for (let k = 0; k < g.length; k++) if (g.rowNo(k) === headerRow) firstIdx = k;
    if (firstIdx < 0 || filled(firstIdx) === 0)
      throw new XinzhiError({
        code: 'header-row',
        severity: 'error',
        file: table.name,
        row: headerRow,
        message: bi(
          `工作表 "${table.sheet}" 的第 ${headerRow} 行为空，不能作为表头`,
          `row ${headerRow} of sheet "${table.sheet}" is empty and cannot be the header`,
        ),
        fix: bi('选择列名所在的行', 'choose the row that holds the column names'),
      });
  } else {
    // pass over title rows: one text (one cell, or a merged cell repeated across the row) above a row with several
    const distinct = (k: number) => new Set(values(k)).size;
    while (firstIdx >= 0 && firstIdx + 1 < g.length && distinct(firstIdx) === 1 && distinct(firstIdx + 1) > 1) {
      table.skippedTitleRows = [...(table.skippedTitleRows ?? []), g.rowNo(firstIdx)];
      firstIdx++;
    }
  }
  if (firstIdx < 0) return -1;
  const header: string[] = [];
  for (let j = 0; j < g.width; j++) {
    const h = g.cell(firstIdx, j);
    header.push(h === null ? '' : String(h).trim());
  }
  table.firstDataRow = g.rowNo(firstIdx) + 1;
  // drop trailing header columns that are empty everywhere
  let w = header.length;
  const emptyColumn = (j: number) => {
    for (let k = 0; k < g.length; k++) if (g.cell(k, j) !== null) return false;
    return true;
  };
  while (w > 0 && header[w - 1] === '' && emptyColumn(w - 1)) w--;
  table.header = header.slice(0, w);
  return firstIdx;
}

/**
 * The table of a scanned worksheet (xlsx-scan.ts), column by column: a
 * column holding only numbers and empty cells below the header becomes a
 * Float64Array, any other keeps its cells. The same header, rows and cells
 * as the exceljs path (sheetHeader, padded gaps, trailing blank rows left out).
 */
function scannedTable(ws: ScannedSheet, name: string, names: string[], headerRow: number | undefined): RawTable {
  const base: RawTable = { name, header: [], rows: [], sheet: ws.name, sheets: names, firstDataRow: 2 };
  const m = ws.rowNo.length;
  const at = sheetHeader({ length: m, width: ws.width, rowNo: (k) => ws.rowNo[k], cell: ws.cell }, base, headerRow);
  if (at < 0) return base;
  const w = base.header.length;
  // trailing blank rows (every cell empty or white space) are left out
  const blank = (k: number) => {
    for (let j = 0; j < w; j++) if (!blankCell(ws.cell(k, j))) return false;
    return true;
  };
  let last = m - 1;
  while (last > at && blank(last)) last--;
  const n = last > at ? ws.rowNo[last] - base.firstDataRow + 1 : 0;
  const builders = Array.from({ length: w }, () => new ColumnBuilder(n));
  for (let k = at + 1; k <= last; k++) {
    const i = ws.rowNo[k] - base.firstDataRow;
    for (let j = 0; j < w; j++) builders[j].set(i, ws.cell(k, j));
  }
  const columns = builders.map((b) => b.column(n));
  const { rows: _rows, ...rest } = base;
  return typedTable(rest, columns);
}

/** A workbook read by the scanner, column by column (null: a case left to exceljs, see xlsx-scan.ts). */
export async function scanXlsxTable(
  bytes: Uint8Array,
  name: string,
  sheet: string | undefined,
  headerRow: number | undefined,
  inflateRaw: InflateRaw | undefined,
): Promise<RawTable | null> {
  const wb = openXlsx(bytes, inflateRaw);
  if (!wb || wb.names.length === 0) return null;
  let ws: ScannedSheet | null = null;
  try {
    if (sheet === undefined) {
      // the first sheet that holds a number, else the first sheet
      let first: ScannedSheet | null = null;
      for (let i = 0; i < wb.names.length && !ws; i++) {
        const s = await wb.sheet(i);
        first ??= s;
        if (s.hasNumber) ws = s;
      }
      ws ??= first;
    } else {
      const i = wb.names.indexOf(sheet);
      if (i < 0) return null; // exceljs' path names the sheets there are
      ws = await wb.sheet(i);
    }
  } catch {
    return null; // a case left to exceljs (or damaged data, which exceljs names)
  }
  return ws ? scannedTable(ws, name, wb.names, headerRow) : null;
}

/**
 * A cell in a date format whose value is no date (a formula's text result,
 * or a number beyond the calendar): exceljs turns it into an invalid date
 * and its text is lost, so the cell is named with the fix.
 */
function dateCellError(file: string, sheet: string, row: number, col: number): XinzhiError {
  let letters = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return new XinzhiError({
    code: 'xlsx-date-cell',
    severity: 'error',
    file,
    row,
    message: bi(
      `工作表 "${sheet}" 的单元格 ${letters}${row} 设为日期格式，但其值不是日期（如公式的文本结果），无法读取`,
      `cell ${letters}${row} of sheet "${sheet}" has a date format but its value is not a date (such as a formula's text result), so it cannot be read`,
    ),
    fix: bi(
      '在 Excel / WPS 中把该单元格的格式改为“常规”或“文本”后另存',
      "set the cell's format to General or Text in Excel / WPS and save again",
    ),
  });
}

/** One exceljs cell value → raw cell. */
export function xlsxCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  // an invalid date (a date format on a text result; parseXlsxWithExceljs names such cells) holds no value
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('result' in o || 'formula' in o || 'sharedFormula' in o) return xlsxCell(o.result);
    if (Array.isArray(o.richText)) return (o.richText as Array<{ text: string }>).map((r) => r.text).join('') || null;
    if ('error' in o) return String(o.error);
    if ('text' in o) return xlsxCell(o.text);
  }
  return String(v);
}

function trimTrailingBlank(rows: Cell[][]): void {
  while (rows.length > 0 && rows[rows.length - 1].every(blankCell)) rows.pop();
}

/** An empty or white-space cell (trailing rows of such cells are left out). */
function blankCell(c: Cell): boolean {
  return c === null || (typeof c === 'string' && c.trim() === '');
}
