/**
 * From a RawTable (header + raw cells, see adapters/formats/table.ts) to a
 * Panel (units × times × numeric columns, NaN = missing).
 *
 * Shapes:
 * - wide: one row per (unit, time), one column per indicator;
 * - long: one row per (unit, time, indicator) with a value column.
 * `shape: 'auto'` (default) reads long when `indicator` or `value` is given,
 * wide otherwise.
 *
 * Structural problems are collected, never thrown, so the caller sees them
 * all at once: empty file, duplicate header names, missing unit / time /
 * label / requested columns (with the available columns and the closest
 * match), data in a column without a header name, rows with more cells than
 * the header (often an unquoted comma), empty unit or time cells, non-numeric cells (row, column, value),
 * duplicate (unit, time) rows (both rows named), in long data duplicate
 * (unit, time, indicator) records and conflicting labels. Cells read through
 * special conventions (thousands separators, full-width digits, trailing %;
 * see cells.ts) produce one warning per column, and a column mixing "%"
 * cells with plain numbers is an error. A GB18030-decoded file gives a
 * warning saying so.
 *
 * Rows keep source order; blank rows are skipped; `sourceRow` gives each
 * panel row's spreadsheet row. Times are numbers when every time cell is an
 * integer (2013 or "2013"), else strings. Without a time column (cross-section)
 * every row has time "".
 */
import type { Problem } from '../errors.ts';
import { bi } from '../i18n.ts';
import type { Panel, Time } from './types.ts';
import { isPlainDecimal, readNumber, type NumberNote } from './cells.ts';
import { COLUMN_ROLE, ProblemList, missingColumnProblem } from './problems.ts';

import {
  cellAt,
  cellKey,
  gridColumns,
  isBlankAt,
  rowCount,
  rowWidth,
  sameCell,
  type GridColumn,
  type RawTable,
} from './raw-table.ts';

export type { RawTable } from './raw-table.ts';

export interface PanelOptions {
  unit: string;
  time: string | null;
  /**
   * Each data row is a unit of its own, named "row N" (N its spreadsheet
   * row): for observations without a unit column. `unit` then only names the
   * panel's unit key; no column is read for it.
   */
  rowUnits?: boolean;
  shape?: 'wide' | 'long' | 'auto';
  /** long: */
  indicator?: string;
  value?: string;
  /** numeric columns to take (default: all others that are numeric) */
  columns?: string[];
  /** label (text) columns to keep, e.g. region */
  labels?: string[];
  /**
   * Duplicate (unit, time) rows — or (unit, time, indicator) records in long
   * data: "error" (default) stops the read; "keep-first" keeps the first and
   * reports every dropped row as a warning naming both rows.
   */
  duplicates?: 'error' | 'keep-first';
  /**
   * The table is read once (the CLI's readers): a CSV table's numbers become
   * the panel's columns where they lie, rearranged in place instead of
   * copied (raw-table.ts gridColumns `readOnce`): one copy fewer of every
   * number while reading, 24 MB for 5,000 firms × 15 years × 40 indicators.
   * Where they cannot be (long data, ragged rows), the values are copied and
   * the grid's numbers freed (96 MB for the same panel as 3 million
   * records). The table's numbers cannot be read again afterwards.
   */
  readOnce?: boolean;
}

type Cell = string | number | null;

/** The unit "column" of a table read with `rowUnits`: none, each row names itself. */
const ROW_UNITS = -1;

/** What every step of reading a table shares. */
interface TableContext {
  table: RawTable;
  opts: PanelOptions;
  file: string;
  /** Named header columns, and the position of each. */
  named: string[];
  index: Map<string, number>;
  probs: ProblemList;
  /** Sheet row number (1-based, as the user sees it) of data row i. */
  srow: (i: number) => number;
}

/** Data rows that have a unit and a time, with their keys and labels. */
interface KeyedRows {
  /** The data rows kept (table row indices), in order. */
  okRows: Int32Array;
  units: string[];
  times: Time[];
  labelsOf: (i: number) => Record<string, string>;
  labelNames: string[];
}

/** Where the key columns are (undefined = missing, already reported). */
interface KeyColumns {
  shape: 'wide' | 'long';
  jUnit: number | undefined;
  jTime: number | null | undefined;
  jLabels: Array<readonly [string, number | undefined]>;
  jInd?: number;
  jVal?: number;
}

/** Build a Panel from a raw table; problems (errors and warnings) are returned, not thrown. */
export function tableToPanel(table: RawTable, opts: PanelOptions): { panel: Panel; problems: Problem[] } {
  const file = table.name;
  const probs = new ProblemList();
  const empty: Panel = {
    unitKey: opts.unit,
    timeKey: opts.time,
    unit: [],
    time: [],
    columns: {},
    source: file,
    sourceRow: [],
  };
  if (table.encoding === 'gb18030') probs.add(encodingNotice(file));
  // typed and made at full size: long data have millions of rows
  const all = new Int32Array(rowCount(table));
  let m = 0;
  for (let i = 0; i < all.length; i++) if (!isBlankRow(table, i)) all[m++] = i;
  const dataRows = all.subarray(0, m);
  if (table.header.length === 0 || dataRows.length === 0) {
    probs.add(emptyFileProblem(file, table.header.length === 0));
    return { panel: empty, problems: probs.done() };
  }
  const index = headerIndex(table, dataRows, probs);
  const ctx: TableContext = {
    table,
    opts,
    file,
    index,
    probs,
    named: table.header.filter((h) => h !== ''),
    srow: (i: number): number => table.firstDataRow + i,
  };
  const cols = keyColumns(ctx);
  if (
    cols.jUnit === undefined ||
    cols.jTime === undefined ||
    (cols.shape === 'long' && (cols.jInd === undefined || cols.jVal === undefined))
  ) {
    return { panel: empty, problems: probs.done() };
  }
  // long data read once: the value column's numbers are taken before the records are keyed, which frees
  // the grid's number array first (8 bytes a cell: 96 MB for 3 million records of four cells)
  const values =
    cols.shape === 'long' && opts.readOnce === true
      ? (gridColumns(table, [cols.jVal as number], dataRows, { readOnce: true })?.[0] ?? null)
      : undefined;
  const keyed = keyRows(ctx, dataRows, cols.jUnit, cols.jTime, cols.jLabels);
  const built =
    cols.shape === 'wide'
      ? buildWide(ctx, keyed)
      : buildLong(ctx, keyed, cols.jInd as number, cols.jVal as number, values && { rows: dataRows, read: values });
  return { panel: built, problems: probs.done() };
}

function encodingNotice(file: string): Problem {
  return {
    code: 'encoding-gb18030',
    severity: 'warning',
    file,
    message: bi(
      '文件不是 UTF-8，已按 GB18030（GBK）编码读取。',
      'The file is not UTF-8; it was decoded as GB18030 (GBK).',
    ),
    fix: bi(
      '若中文显示为乱码，请另存为“CSV UTF-8”。',
      'If Chinese text looks garbled, re-save the file as "CSV UTF-8".',
    ),
  };
}

function emptyFileProblem(file: string, noHeader: boolean): Problem {
  return {
    code: 'empty-file',
    severity: 'error',
    file,
    message: noHeader
      ? bi('文件是空的（没有表头和数据）。', 'The file is empty (no header, no data).')
      : bi('文件只有表头，没有数据行。', 'The file has a header but no data rows.'),
    fix: bi(
      '检查是否选错了文件或工作表；第一行应为列名，之后每行一条记录。',
      'Check the file or sheet chosen; the first row must hold the column names and each further row one record.',
    ),
  };
}

/** Position of every named column; reports duplicate names, data under unnamed columns and rows wider than the header. */
function headerIndex(table: RawTable, dataRows: Int32Array, probs: ProblemList): Map<string, number> {
  const file = table.name;
  // header: duplicates and lookups
  const index = new Map<string, number>();
  table.header.forEach((h, j) => {
    if (h === '') return;
    const prev = index.get(h);
    if (prev !== undefined) {
      probs.add({
        code: 'duplicate-column',
        severity: 'error',
        file,
        row: table.firstDataRow - 1,
        column: h,
        message: bi(
          `列名 "${h}" 出现两次（第 ${colLetter(prev)} 列和第 ${colLetter(j)} 列）。`,
          `Column name "${h}" appears twice (columns ${colLetter(prev)} and ${colLetter(j)}).`,
        ),
        fix: bi('给其中一列改名或删除重复列。', 'Rename or delete one of the two columns.'),
      });
    } else index.set(h, j);
  });
  // cells outside named columns: an unnamed header with data, or more cells than the header
  const width = table.header.length;
  table.header.forEach((h, j) => {
    if (h !== '') return;
    const i = dataRows.find((k) => !isBlankCell(cellAt(table, k, j)));
    if (i === undefined) return;
    probs.add({
      code: 'unnamed-column',
      severity: 'error',
      file,
      row: table.firstDataRow + i,
      column: colLetter(j),
      message: bi(
        `第 ${colLetter(j)} 列没有列名，却有数据。`,
        `Column ${colLetter(j)} has no name in the header but holds data.`,
      ),
      fix: bi('在表头给该列起名，或删除该列。', 'Give the column a name in the header row, or delete it.'),
    });
  });
  for (const i of dataRows) {
    const len = rowWidth(table, i);
    if (len > width && extraCells(table, i, width, len)) {
      probs.add({
        code: 'extra-cells',
        severity: 'error',
        file,
        row: table.firstDataRow + i,
        message: bi(
          `此行有 ${len} 个单元格，而表头只有 ${width} 列。`,
          `This row has ${len} cells but the header has ${width} columns.`,
        ),
        fix: bi(
          '检查未加引号的逗号（如 1,234 应写成 "1,234" 或 1234），或补全表头。',
          'Look for an unquoted comma (write 1,234 as "1,234" or 1234), or complete the header.',
        ),
      });
    }
  }
  return index;
}

/** Locates the unit, time, label (and, for long data, indicator and value) columns; reports the missing ones. */
function keyColumns(ctx: TableContext): KeyColumns {
  const { opts, named, index, probs, file } = ctx;
  const need = (name: string, role: { zh: string; en: string }): number | undefined => {
    const j = index.get(name);
    if (j === undefined) probs.add(missingColumnProblem(name, named, role, file));
    return j;
  };
  const jUnit = opts.rowUnits ? ROW_UNITS : need(opts.unit, COLUMN_ROLE.unit);
  const jTime = opts.time === null ? null : need(opts.time, COLUMN_ROLE.time);
  const jLabels = (opts.labels ?? []).map((l) => [l, need(l, COLUMN_ROLE.label)] as const);
  const shape =
    opts.shape === undefined || opts.shape === 'auto'
      ? opts.indicator !== undefined || opts.value !== undefined
        ? 'long'
        : 'wide'
      : opts.shape;
  let jInd: number | undefined;
  let jVal: number | undefined;
  if (shape === 'long') {
    jInd = need(opts.indicator ?? findCaseless(named, 'indicator') ?? 'indicator', COLUMN_ROLE.indicator);
    jVal = need(opts.value ?? findCaseless(named, 'value') ?? 'value', COLUMN_ROLE.value);
  }
  return {
    shape,
    jUnit,
    jTime,
    jLabels,
    ...(jInd !== undefined ? { jInd } : {}),
    ...(jVal !== undefined ? { jVal } : {}),
  };
}

/** Unit and time of every data row (rows without them are reported and left out), and the row's labels. */
function keyRows(
  ctx: TableContext,
  dataRows: Int32Array,
  jUnit: number,
  jTime: number | null,
  jLabels: KeyColumns['jLabels'],
): KeyedRows {
  const { table, opts, file, probs, srow } = ctx;
  // made at full size and cut at the end (pushing millions of long-data rows cost more time and memory)
  const units = new Array<string>(dataRows.length);
  const rawTimes = new Array<Cell>(dataRows.length);
  const kept = new Int32Array(dataRows.length);
  let m = 0;
  // the last row kept: a row whose unit and time cells hold the same text gets the same unit and time
  // (long data repeat them on every indicator's row)
  let last = -1;
  const rowUnits = jUnit === ROW_UNITS;
  for (const i of dataRows) {
    if (
      !rowUnits &&
      last >= 0 &&
      sameCell(table, i, last, jUnit) &&
      (jTime === null || sameCell(table, i, last, jTime))
    ) {
      units[m] = units[m - 1];
      rawTimes[m] = rawTimes[m - 1];
      kept[m++] = i;
      last = i;
      continue;
    }
    last = -1;
    const u = rowUnits ? `row ${srow(i)}` : cellAt(table, i, jUnit);
    let bad = false;
    if (u === null || u === undefined || String(u).trim() === '') {
      probs.add({
        code: 'missing-unit',
        severity: 'error',
        file,
        row: srow(i),
        column: opts.unit,
        message: bi('单位（个体）为空。', 'The unit cell is empty.'),
        fix: bi('填写该行的单位名称，或删除该行。', 'Fill in the unit name for this row, or delete the row.'),
      });
      bad = true;
    }
    const t = jTime === null ? '' : cellAt(table, i, jTime);
    if (jTime !== null && (t === null || t === undefined || String(t).trim() === '')) {
      probs.add({
        code: 'missing-time',
        severity: 'error',
        file,
        row: srow(i),
        column: opts.time ?? undefined,
        message: bi('时间为空。', 'The time cell is empty.'),
        fix: bi('填写该行的年份（时间），或删除该行。', 'Fill in the year (time) for this row, or delete the row.'),
      });
      bad = true;
    }
    if (bad) continue;
    units[m] = String(u).trim();
    rawTimes[m] = t as Cell;
    kept[m++] = i;
    last = i;
  }
  units.length = m;
  rawTimes.length = m;
  const okRows = kept.subarray(0, m);
  const times = jTime === null ? rawTimes.map(() => '' as Time) : convertTimes(rawTimes);

  const labelsOf = (i: number): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [l, j] of jLabels) if (j !== undefined) out[l] = cellText(cellAt(table, i, j));
    return out;
  };
  const labelNames = jLabels.filter(([, j]) => j !== undefined).map(([l]) => l);

  return { okRows, units, times, labelsOf, labelNames };
}

// ---------------------------------------------------------------- wide

function buildWide(ctx: TableContext, keyed: KeyedRows): Panel {
  const { table, opts, file, named, index, probs, srow } = ctx;
  const { okRows, units, times, labelsOf, labelNames } = keyed;
  // duplicate (unit, time): keep the first, report both rows
  // unit → time → first data row (times are all numbers or all strings, so each is its own key)
  const seen = new Map<string, Map<Time, number>>();
  const keep: number[] = [];
  okRows.forEach((i, k) => {
    let byTime = seen.get(units[k]);
    if (byTime === undefined) {
      byTime = new Map();
      seen.set(units[k], byTime);
    }
    const first = byTime.get(times[k]);
    if (first !== undefined) {
      probs.add(keptFirst(opts, duplicateRowProblem(file, opts, units[k], times[k], srow(first), srow(i))));
    } else {
      byTime.set(times[k], i);
      keep.push(k);
    }
  });

  const reserved = new Set<string>([opts.unit, ...(opts.time === null ? [] : [opts.time]), ...(opts.labels ?? [])]);
  let columnNames: string[];
  const explicit = opts.columns !== undefined;
  if (explicit) {
    columnNames = [];
    for (const c of opts.columns as string[]) {
      if (index.has(c)) columnNames.push(c);
      else probs.add(missingColumnProblem(c, named, COLUMN_ROLE.column, file));
    }
  } else {
    columnNames = named.filter((h) => !reserved.has(h));
  }

  const columns: Record<string, Float64Array> = {};
  const source = Int32Array.from(keep, (k) => okRows[k]); // data row of each panel row
  // plain numbers (the bulk of a large file) without the general reader: a grid
  // table has read them already (csv-scan.ts); every column in one pass over the rows
  const plainRead = gridColumns(
    table,
    columnNames.map((name) => index.get(name) as number),
    source,
    { readOnce: opts.readOnce === true },
  );
  for (let q = 0; q < columnNames.length; q++) {
    const name = columnNames[q];
    const j = index.get(name) as number;
    const read = plainRead ? plainRead[q] : null;
    const col = read ? read.values : new Float64Array(keep.length);
    const noteRows: Record<NumberNote, number[]> = { thousands: [], fullwidth: [], percent: [] };
    const plainRows: number[] = [];
    const textCells: Array<[number, string]> = [];
    let nNum = 0;
    const allPlain = read !== null && read.count === keep.length;
    if (allPlain) {
      nNum = keep.length; // every cell a plain decimal, read already: nothing left to look at
      if (keep.length) plainRows.push(source[0]);
    }
    for (let k = allPlain ? keep.length : 0; k < keep.length; k++) {
      const i = source[k];
      if (read !== null && read.plain[k] === 1) {
        nNum++;
        if (plainRows.length === 0) plainRows.push(i); // the first is all the messages need
        continue;
      }
      const cell = cellAt(table, i, j);
      if (typeof cell === 'string' && isPlainDecimal(cell)) {
        col[k] = Number(cell);
        nNum++;
        if (plainRows.length === 0) plainRows.push(i); // the first is all the messages need
        continue;
      }
      const rd = readNumber(cell);
      if (rd.kind === 'number') {
        col[k] = rd.value;
        nNum++;
        if (rd.notes) for (const n of rd.notes) noteRows[n].push(i);
        if (!rd.notes?.includes('percent') && plainRows.length === 0) plainRows.push(i);
      } else {
        col[k] = NaN;
        if (rd.kind === 'text') textCells.push([k, rd.text]);
      }
    }
    const nText = textCells.length;
    if (!explicit && nText > nNum) {
      probs.add({
        code: 'text-column',
        severity: 'warning',
        file,
        column: name,
        message: bi(
          `列 "${name}" 主要是文字（${nText} 个文字单元格，${nNum} 个数值），未作为指标读取。`,
          `Column "${name}" is mostly text (${nText} text cells, ${nNum} numbers) and was not read as an indicator.`,
        ),
        fix: bi(
          '若要保留它用于分组，把它列入 labels；若它本应是数值，请修正文字单元格。',
          'To keep it for grouping, list it in labels; if it should be numeric, fix its text cells.',
        ),
      });
      continue;
    }
    for (const [k, text] of textCells)
      probs.add(nonNumericProblem(file, srow(okRows[keep[k]]), name, text, units[keep[k]], times[keep[k]]));
    notesProblems(file, name, noteRows, plainRows, srow, (i) => cellAt(table, i, j), probs);
    columns[name] = col;
  }

  const panel: Panel = {
    unitKey: opts.unit,
    timeKey: opts.time,
    unit: keep.map((k) => units[k]),
    time: keep.map((k) => times[k]),
    columns,
    source: file,
    sourceRow: keep.map((k) => srow(okRows[k])),
  };
  if (labelNames.length) {
    const labels: Record<string, string[]> = {};
    for (const l of labelNames) labels[l] = keep.map((k) => labelsOf(okRows[k])[l]);
    panel.labels = labels;
  }
  return panel;
}

// ---------------------------------------------------------------- long

/**
 * One indicator of long data as it is read: its value (NaN until read) and
 * source row (-1: not seen yet) per panel row, the rows of cells read
 * through a note, and the first plain cell (all the messages need).
 */
interface LongColumn {
  values: Float64Array;
  rows: Int32Array;
  notes: Record<NumberNote, number[]> & { plain: number[] };
}

/**
 * Long data into a panel. `early`: the value column's numbers already taken
 * from the grid for `rows` (the data rows before keying): used when every
 * data row was kept, else the values are read from the cells' text.
 */
function buildLong(
  ctx: TableContext,
  keyed: KeyedRows,
  jInd: number,
  jVal: number,
  early?: { rows: Int32Array; read: GridColumn } | null,
): Panel {
  const { table, opts, file, probs, srow } = ctx;
  const { okRows, units, times, labelsOf, labelNames } = keyed;
  const indName = table.header[jInd];
  const valName = table.header[jVal];
  const rowOf = new Map<string, number>(); // (unit,time) → panel row
  const pUnit: string[] = [];
  const pTime: Time[] = [];
  const pSource: number[] = [];
  const pLabels: Array<Record<string, string>> = [];
  const cells = new Map<string, LongColumn>(); // indicator → its values by panel row
  const indicatorOrder: string[] = [];
  const named = new Set<string>(); // the names in indicatorOrder
  const wanted = opts.columns ? new Set(opts.columns) : null;
  // the plain decimals of the value column, read already by a grid table (the bulk of a large file)
  const plainRead =
    early === undefined
      ? (gridColumns(table, [jVal], okRows, { readOnce: opts.readOnce === true })?.[0] ?? null)
      : early && early.rows.length === okRows.length // the same rows (okRows are some of them)
        ? early.read
        : null;
  // indicator name cells read, by cellKey: the row of one and its name
  const nameAt = new Map<number, { row: number; name: string }>();
  // the panel row of the last (unit, time): long data list a unit-time's indicators together
  let lastUnit: string | undefined;
  let lastTime: Time | undefined;
  let lastP = -1;

  // first the panel row of every record, so that each indicator's values are made at their full size
  // (millions of records: arrays grown record by record held about twice the memory)
  const recordRow = new Int32Array(okRows.length);
  okRows.forEach((i, k) => {
    let p: number;
    if (units[k] === lastUnit && times[k] === lastTime) p = lastP;
    else {
      const key = `${units[k]}\u0000${String(times[k])}`;
      const known = rowOf.get(key);
      if (known === undefined) {
        p = pUnit.length;
        rowOf.set(key, p);
        pUnit.push(units[k]);
        pTime.push(times[k]);
        pSource.push(srow(i));
        pLabels.push(labelNames.length ? labelsOf(i) : {});
      } else p = known;
      lastUnit = units[k];
      lastTime = times[k];
      lastP = p;
    }
    recordRow[k] = p;
  });
  const P = pUnit.length;

  okRows.forEach((i, k) => {
    const p = recordRow[k];
    if (labelNames.length && pSource[p] !== srow(i)) {
      const labs = labelsOf(i);
      for (const l of labelNames) {
        if (labs[l] !== pLabels[p][l]) {
          probs.add({
            code: 'label-conflict',
            severity: 'error',
            file,
            row: srow(i),
            column: l,
            unit: units[k],
            time: times[k],
            message: bi(
              `同一单位和时间的标签 "${l}" 不一致：第 ${pSource[p]} 行为 "${pLabels[p][l]}"，此行为 "${labs[l]}"。`,
              `Label "${l}" differs within the same unit and time: "${pLabels[p][l]}" on row ${pSource[p]}, "${labs[l]}" here.`,
            ),
            fix: bi('统一该单位在该时间的标签值。', 'Make the label the same on every row of this unit and time.'),
          });
        }
      }
    }
    // a name cell with the same bytes as one read before holds that name (long data repeat a few names)
    const key = cellKey(table, i, jInd);
    const seen = key >= 0 ? nameAt.get(key) : undefined;
    let name: string;
    if (seen !== undefined && sameCell(table, i, seen.row, jInd)) name = seen.name;
    else {
      const ind = cellAt(table, i, jInd);
      if (ind === null || ind === undefined || String(ind).trim() === '') {
        probs.add({
          code: 'missing-indicator',
          severity: 'error',
          file,
          row: srow(i),
          column: indName,
          message: bi('指标名为空。', 'The indicator name is empty.'),
          fix: bi('填写指标名，或删除该行。', 'Fill in the indicator name, or delete the row.'),
        });
        return;
      }
      name = String(ind).trim();
      if (key >= 0 && seen === undefined) nameAt.set(key, { row: i, name });
    }
    if (!named.has(name)) {
      named.add(name);
      indicatorOrder.push(name);
    }
    if (wanted && !wanted.has(name)) return;
    let col = cells.get(name);
    if (!col) {
      col = {
        values: new Float64Array(P).fill(Number.NaN),
        rows: new Int32Array(P).fill(-1),
        notes: { thousands: [], fullwidth: [], percent: [], plain: [] },
      };
      cells.set(name, col);
    }
    const prev = col.rows[p];
    if (prev !== -1) {
      probs.add(
        keptFirst(opts, {
          code: 'duplicate-row',
          severity: 'error',
          file,
          row: srow(i),
          column: name,
          unit: units[k],
          time: times[k],
          message: bi(
            `单位 ${units[k]}、时间 ${times[k]} 的指标 "${name}" 出现两次：第 ${prev} 行和第 ${srow(i)} 行。`,
            `Indicator "${name}" for unit ${units[k]}, time ${times[k]} appears twice: rows ${prev} and ${srow(i)}.`,
          ),
          fix: bi(
            '删除重复记录，或核对单位/时间是否填错。',
            'Delete the duplicate record, or check whether the unit / time is mistyped.',
          ),
        }),
      );
      return;
    }
    let v = NaN;
    const nr = col.notes;
    if (plainRead !== null && plainRead.plain[k] === 1) {
      v = plainRead.values[k];
      if (nr.plain.length === 0) nr.plain.push(i);
    } else {
      const cell = cellAt(table, i, jVal);
      if (typeof cell === 'string' && isPlainDecimal(cell)) {
        v = Number(cell);
        if (nr.plain.length === 0) nr.plain.push(i);
      } else {
        const rd = readNumber(cell ?? null);
        if (rd.kind === 'number') {
          v = rd.value;
          if (rd.notes) for (const n of rd.notes) nr[n].push(i);
          if (!rd.notes?.includes('percent') && nr.plain.length === 0) nr.plain.push(i);
        } else if (rd.kind === 'text') {
          probs.add(nonNumericProblem(file, srow(i), valName, rd.text, units[k], times[k], name));
        }
      }
    }
    col.values[p] = v;
    col.rows[p] = srow(i);
  });

  if (wanted) {
    for (const c of opts.columns as string[])
      if (!cells.has(c)) probs.add(missingColumnProblem(c, indicatorOrder, COLUMN_ROLE.column, file));
  }
  const columns: Record<string, Float64Array> = {};
  const order = wanted ? (opts.columns as string[]).filter((c) => cells.has(c)) : indicatorOrder;
  for (const name of order) {
    const { values, notes } = cells.get(name)!;
    columns[name] = values; // NaN where the indicator has no record
    notesProblems(file, name, notes, notes.plain, srow, (i) => cellAt(table, i, jVal), probs);
  }
  const panel: Panel = {
    unitKey: opts.unit,
    timeKey: opts.time,
    unit: pUnit,
    time: pTime,
    columns,
    source: file,
    sourceRow: pSource,
  };
  if (labelNames.length) {
    const labels: Record<string, string[]> = {};
    for (const l of labelNames) labels[l] = pLabels.map((x) => x[l]);
    panel.labels = labels;
  }
  return panel;
}

// ---------------------------------------------------------------- helpers

function isBlankRow(table: RawTable, i: number): boolean {
  for (let j = 0, n = rowWidth(table, i); j < n; j++) if (!isBlankAt(table, i, j)) return false;
  return true;
}

/** Whether row i holds a non-blank cell at or after column `from`. */
function extraCells(table: RawTable, i: number, from: number, len: number): boolean {
  for (let j = from; j < len; j++) if (!isBlankCell(cellAt(table, i, j))) return true;
  return false;
}

function isBlankCell(c: Cell | undefined): boolean {
  return c === null || c === undefined || (typeof c === 'string' && c.trim() === '');
}

function cellText(c: Cell | undefined): string {
  return c === null || c === undefined ? '' : String(c).trim();
}

function findCaseless(names: string[], want: string): string | undefined {
  return names.find((n) => n.trim().toLowerCase() === want);
}

/** Column letter as spreadsheets show it (0 → A, 26 → AA). */
export function colLetter(j: number): string {
  let s = '';
  let n = j + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Times: numbers when every cell is an integer (2013 or "2013"), else trimmed
 * strings. Converted in place (`raw` becomes the times): long data have a
 * cell per record, millions of them.
 */
function convertTimes(raw: Cell[]): Time[] {
  const out = raw as unknown as Time[];
  // a cell equal to the one before is read as it was
  const integer = (t: Cell): number | undefined => {
    const rd = readNumber(t);
    return rd.kind !== 'number' || rd.notes || !Number.isInteger(rd.value) ? undefined : rd.value;
  };
  let prev: Cell | undefined;
  for (let k = 0; k < raw.length; k++) {
    const t = raw[k];
    if (k > 0 && t === prev) continue;
    if (integer(t) === undefined) {
      for (let j = 0; j < raw.length; j++) out[j] = String(raw[j]).trim();
      return out;
    }
    prev = t;
  }
  let value = 0;
  prev = undefined;
  for (let k = 0; k < raw.length; k++) {
    const t = raw[k];
    if (k === 0 || t !== prev) {
      prev = t;
      value = integer(t)!;
    }
    out[k] = value;
  }
  return out;
}

/** Under `duplicates: "keep-first"` a duplicate is a warning that says the later row was dropped. */
function keptFirst(opts: PanelOptions, p: Problem): Problem {
  if (opts.duplicates !== 'keep-first') return p;
  return {
    ...p,
    severity: 'warning',
    message: bi(
      `${p.message.zh} 按设置保留第一行，删去第 ${p.row} 行。`,
      `${p.message.en} Kept the first, dropped row ${p.row} as asked.`,
    ),
  };
}

function duplicateRowProblem(
  file: string,
  opts: PanelOptions,
  unit: string,
  time: Time,
  first: number,
  second: number,
): Problem {
  const what =
    opts.time === null
      ? bi(`单位 ${unit}`, `unit ${unit}`)
      : bi(`单位 ${unit}、时间 ${time}`, `unit ${unit}, time ${time}`);
  return {
    code: 'duplicate-row',
    severity: 'error',
    file,
    row: second,
    unit,
    time: opts.time === null ? undefined : time,
    message: bi(
      `${what.zh} 出现两次：第 ${first} 行和第 ${second} 行。`,
      `${what.en} appears twice: rows ${first} and ${second}.`,
    ),
    fix: bi(
      '删除重复行，或核对单位/年份是否填错。',
      'Delete the duplicate row, or check whether the unit / year is mistyped.',
    ),
  };
}

function nonNumericProblem(
  file: string,
  row: number,
  column: string,
  text: string,
  unit: string,
  time: Time,
  indicator?: string,
): Problem {
  const where = indicator ? bi(`（指标 "${indicator}"）`, ` (indicator "${indicator}")`) : bi('', '');
  return {
    code: 'non-numeric',
    severity: 'error',
    file,
    row,
    column,
    unit,
    time: time === '' ? undefined : time,
    message: bi(`单元格 "${text}" 不是数值${where.zh}。`, `Cell "${text}" is not a number${where.en}.`),
    fix: bi(
      '改为纯数字（如 1234.5；可带千分位 1,234 或百分号 12%）；缺失值留空或写 NA；去掉单位、货币符号和括号。',
      'Write a plain number (e.g. 1234.5; "1,234" and "12%" are accepted); leave missing cells empty or write NA; remove units, currency signs and brackets.',
    ),
  };
}

/** Warnings for cells read through thousands separators / full-width digits / percent; error for mixed percent. */
function notesProblems(
  file: string,
  column: string,
  rows: Record<NumberNote, number[]>,
  plainRows: number[],
  srow: (i: number) => number,
  cell: (i: number) => Cell | undefined,
  probs: ProblemList,
): void {
  const ex = (i: number): string => `${srow(i)}: "${String(cell(i))}"`;
  if (rows.thousands.length) {
    probs.add({
      code: 'thousands-separator',
      severity: 'warning',
      file,
      column,
      row: srow(rows.thousands[0]),
      message: bi(
        `${rows.thousands.length} 个单元格带千分位逗号，已去掉逗号读取（例：第 ${ex(rows.thousands[0])}）。`,
        `${rows.thousands.length} cells have thousands separators and were read without the commas (e.g. row ${ex(rows.thousands[0])}).`,
      ),
      fix: bi('若逗号实为小数点，请改为“.”。', 'If the comma is a decimal comma, write "." instead.'),
    });
  }
  if (rows.fullwidth.length) {
    probs.add({
      code: 'fullwidth-digits',
      severity: 'warning',
      file,
      column,
      row: srow(rows.fullwidth[0]),
      message: bi(
        `${rows.fullwidth.length} 个单元格含全角字符（如 １２３．４），已转换为半角读取（例：第 ${ex(rows.fullwidth[0])}）。`,
        `${rows.fullwidth.length} cells contain full-width characters (e.g. １２３．４) and were read after converting to ASCII (e.g. row ${ex(rows.fullwidth[0])}).`,
      ),
    });
  }
  if (rows.percent.length) {
    if (plainRows.length) {
      probs.add({
        code: 'mixed-percent',
        severity: 'error',
        file,
        column,
        row: srow(rows.percent[0]),
        message: bi(
          `该列混有百分数（如第 ${ex(rows.percent[0])}）和普通数值（如第 ${ex(plainRows[0])}），无法确定单位。`,
          `The column mixes percentages (e.g. row ${ex(rows.percent[0])}) with plain numbers (e.g. row ${ex(plainRows[0])}); the scale is ambiguous.`,
        ),
        fix: bi(
          '统一该列的写法：全部写成百分数，或全部写成小数。',
          'Write the whole column one way: all as percentages, or all as plain numbers.',
        ),
      });
    } else {
      probs.add({
        code: 'percent',
        severity: 'warning',
        file,
        column,
        row: srow(rows.percent[0]),
        message: bi(
          `该列为百分数，已除以 100 读取（例：第 ${ex(rows.percent[0])}）。`,
          `The column holds percentages, read divided by 100 (e.g. row ${ex(rows.percent[0])}).`,
        ),
      });
    }
  }
}
