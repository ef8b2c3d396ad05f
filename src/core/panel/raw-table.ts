/**
 * A table as read from a file, before interpretation: a header and rows of
 * raw cells. Produced by the format parsers (adapters/formats/table.ts),
 * consumed by tableToPanel. Defined here so the pure core does not depend on
 * the adapters; adapters/formats/table.ts re-exports it.
 */
import { transposeInPlace } from '../stats/transpose.ts';

export type Cell = string | number | null;

export interface RawTable {
  name: string;
  header: string[];
  rows: Cell[][];
  /**
   * The same cells kept column-addressable, without one string per cell (the
   * CSV reader's fast path; see CellGrid). When present, `rows` is built from
   * it on first use, and readers that only need some columns (tableToPanel)
   * go through `cellAt` / `gridColumns` instead (as for `typed`). Once `rows`
   * is read or set, the grid is dropped (rows may have been changed). Not
   * enumerable: copies and structured clones of the table carry `rows` only.
   */
  grid?: CellGrid;
  /**
   * The cells column by column (a Parquet file read through DuckDB): every
   * row has header.length cells. Like `grid`: `rows` is built from it on
   * first use, which drops it; not enumerable.
   */
  typed?: TableColumn[];
  /** Text encoding used to decode a CSV/JSON file (never guessed silently). */
  encoding?: 'utf-8' | 'utf-8-bom' | 'gb18030';
  /** Worksheet read from an XLSX workbook. */
  sheet?: string;
  /** Every worksheet of the workbook, in order (XLSX). */
  sheets?: string[];
  /** Spreadsheet rows passed over as title rows above the header (XLSX). */
  skippedTitleRows?: number[];
  /** 1-based spreadsheet row of rows[i] */
  firstDataRow: number;
}

/** A column of a table read column by column: numbers (`missing` 1 where the cell is empty), or any cells. */
export type TableColumn = { values: Float64Array; missing: Uint8Array } | { cells: Cell[] };

/**
 * A TableColumn filled cell by cell, in increasing row order: numbers into
 * a Float64Array while every cell is a number or empty, then cells from the
 * first that is neither (the numbers before it kept). Cells never set are
 * empty. Used by the JSON and XLSX readers.
 *
 * @example const b = new ColumnBuilder(3); b.set(0, 1); b.set(2, 'x'); b.column(3) // { cells: [1, null, 'x'] }
 */
export class ColumnBuilder {
  values: Float64Array;
  missing: Uint8Array;
  cells: Cell[] | null = null;

  constructor(capacity: number) {
    this.values = new Float64Array(capacity);
    this.missing = new Uint8Array(capacity).fill(1);
  }

  /** Room for `capacity` rows (the numbers; cells grow by themselves). */
  grow(capacity: number): void {
    if (this.cells) return;
    const values = new Float64Array(capacity);
    values.set(this.values);
    this.values = values;
    const missing = new Uint8Array(capacity).fill(1);
    missing.set(this.missing);
    this.missing = missing;
  }

  set(i: number, v: Cell): void {
    if (this.cells) {
      this.cells[i] = v;
      return;
    }
    if (typeof v === 'number') {
      this.values[i] = v;
      this.missing[i] = 0;
    } else if (v !== null) {
      // the first cell that is not a number: the column keeps cells from here
      const cells = new Array<Cell>(i).fill(null);
      for (let h = 0; h < i; h++) if (!this.missing[h]) cells[h] = this.values[h];
      cells[i] = v;
      this.cells = cells;
    }
  }

  /** The column of the first n rows. */
  column(n: number): TableColumn {
    if (this.cells) {
      const cells = this.cells;
      for (let i = cells.length; i < n; i++) cells.push(null);
      for (let i = 0; i < n; i++) if (cells[i] === undefined) cells[i] = null;
      return { cells };
    }
    if (this.values.length === n) return { values: this.values, missing: this.missing };
    return { values: this.values.slice(0, n), missing: this.missing.slice(0, n) };
  }
}

/** Kind of a grid cell: how its text is read back. */
export const GRID_EMPTY = 0;
/** A plain decimal (as `isPlainDecimal` accepts it), already read into `value`. */
export const GRID_NUMBER = 1;
/** Other text, as written between the delimiters. */
export const GRID_TEXT = 2;
/** A quoted field whose doubled quotes ("") stand for one quote. */
export const GRID_QUOTED = 3;

/**
 * Cells of a delimited text file as offsets into its UTF-8 bytes: the cells
 * of data row i are c = rowStart[i] … rowStart[i + 1] − 1, cell j of the row
 * is c = rowStart[i] + j, its text is bytes[start[c], cellEnd(g, c)) decoded
 * (read by kind), and a plain decimal cell carries its number in value[c]
 * (NaN elsewhere). A cell's length is kept in one byte (`size`, 17 → 14
 * bytes a cell: 50 MB less for a 224 MB firm panel), the few cells of
 * SIZE_LONG bytes or more in `long`. Plain data (typed arrays and a Map), so
 * it can be posted to a worker; the bytes may be a view of a SharedArrayBuffer.
 */
export interface CellGrid {
  bytes: Uint8Array;
  rowStart: Int32Array;
  start: Int32Array;
  /** Bytes of each cell's text, SIZE_LONG for a cell whose length is in `long`. */
  size: Uint8Array;
  /** Lengths of the cells of SIZE_LONG bytes or more, by cell position. */
  long: Map<number, number>;
  kind: Uint8Array;
  value: Float64Array;
}

/** The typed arrays of a grid (its bytes aside): what a thread moves to another or frees. */
export function gridArrays(g: Omit<CellGrid, 'bytes' | 'long'>): Array<Int32Array | Uint8Array | Float64Array> {
  return [g.rowStart, g.start, g.size, g.kind, g.value];
}

/** Number of data rows of a table. */
export function rowCount(t: RawTable): number {
  if (t.grid) return t.grid.rowStart.length - 1;
  if (t.typed) return t.typed.length ? columnLength(t.typed[0]) : 0;
  return t.rows.length;
}

/**
 * The first `n` data rows as rows[i] holds them, without building the others
 * (a table kept as a grid or typed columns stays so).
 * @example headRows(table, 8) // a preview
 */
export function headRows(t: RawTable, n: number): Cell[][] {
  const m = Math.min(n, rowCount(t));
  const out: Cell[][] = new Array(m);
  for (let i = 0; i < m; i++) {
    const w = rowWidth(t, i);
    const row: Cell[] = new Array(w);
    for (let j = 0; j < w; j++) row[j] = cellAt(t, i, j) as Cell;
    out[i] = row;
  }
  return out;
}

/** Number of cells in data row i (cells beyond the header included). */
export function rowWidth(t: RawTable, i: number): number {
  const g = t.grid;
  if (g) return g.rowStart[i + 1] - g.rowStart[i];
  return t.typed ? t.typed.length : t.rows[i].length;
}

/** Cell j of data row i, as rows[i][j] holds it (undefined beyond the row's end). */
export function cellAt(t: RawTable, i: number, j: number): Cell | undefined {
  const g = t.grid;
  if (g) {
    const c = g.rowStart[i] + j;
    return c < g.rowStart[i + 1] ? gridCell(g, c) : undefined;
  }
  if (t.typed) return j < t.typed.length ? columnCell(t.typed[j], i) : undefined;
  return t.rows[i][j];
}

/**
 * Whether cell j of rows i and i2 hold the same text (a grid compares their
 * bytes, so neither text is made); other tables compare the cells.
 */
export function sameCell(t: RawTable, i: number, i2: number, j: number): boolean {
  const g = t.grid;
  if (!g) return cellAt(t, i, j) === cellAt(t, i2, j);
  const c = g.rowStart[i] + j;
  const c2 = g.rowStart[i2] + j;
  const inside = c < g.rowStart[i + 1];
  if (inside !== c2 < g.rowStart[i2 + 1]) return false;
  if (!inside) return true;
  if (g.kind[c] !== g.kind[c2]) return false;
  const a = g.start[c];
  const b = g.start[c2];
  const n = cellEnd(g, c) - a;
  if (cellEnd(g, c2) - b !== n) return false;
  for (let q = 0; q < n; q++) if (g.bytes[a + q] !== g.bytes[b + q]) return false;
  return true;
}

/**
 * A 31-bit hash of cell j of row i of a grid (its kind and bytes), equal for
 * cells that sameCell finds the same, without making the text; -1 for a
 * table without a grid or a row without that cell. Different cells may share
 * a hash: check with sameCell.
 * @example const k = cellKey(t, i, j); // then seen.get(k) and sameCell(t, i, seenRow, j)
 */
export function cellKey(t: RawTable, i: number, j: number): number {
  const g = t.grid;
  if (!g) return -1;
  const c = g.rowStart[i] + j;
  if (c >= g.rowStart[i + 1]) return -1;
  let h = Math.imul(2166136261 ^ g.kind[c], 16777619); // FNV-1a
  for (let q = g.start[c], end = cellEnd(g, c); q < end; q++) h = Math.imul(h ^ g.bytes[q], 16777619);
  return h >>> 1;
}

/**
 * Whether cell j of row i is blank (missing, empty or only white space, as
 * String.trim sees it); a grid cell that starts with a printable ASCII
 * character is known not to be without making its text.
 */
export function isBlankAt(t: RawTable, i: number, j: number): boolean {
  const g = t.grid;
  if (g) {
    const c = g.rowStart[i] + j;
    if (c >= g.rowStart[i + 1] || g.kind[c] === GRID_EMPTY) return true;
    if (g.kind[c] === GRID_NUMBER) return false;
    const first = g.bytes[g.start[c]];
    if (first > 0x20 && first < 0x7f) return false;
  }
  const v = cellAt(t, i, j);
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Cell i of a typed column. */
export function columnCell(col: TableColumn, i: number): Cell {
  if ('cells' in col) return col.cells[i];
  return col.missing[i] ? null : col.values[i];
}

function columnLength(col: TableColumn): number {
  return 'cells' in col ? col.cells.length : col.values.length;
}

/**
 * A table whose cells are `columns` (all of one length): `rows` is made from
 * them the first time it is read, and `typed` is then dropped (as for a grid
 * table). Header and the other fields as given.
 */
export function typedTable(table: Omit<RawTable, 'rows' | 'grid' | 'typed'>, columns: TableColumn[]): RawTable {
  return withLazyRows(table as RawTable, 'typed', columns, () => {
    const n = columns.length ? columnLength(columns[0]) : 0;
    const rows: Cell[][] = new Array(n);
    for (let i = 0; i < n; i++) rows[i] = columns.map((col) => columnCell(col, i));
    return rows;
  });
}

/**
 * Keep a table's cells in another form (`grid` or `typed`): `rows` is made
 * by `make` the first time it is read, and once read or set it is the table
 * (the other form is dropped: rows may be changed). The form is not
 * enumerable, so a copy or a structured clone of the table carries `rows`
 * only and equals a table read into rows.
 */
export function withLazyRows<K extends 'grid' | 'typed'>(
  table: RawTable,
  form: K,
  value: NonNullable<RawTable[K]>,
  make: () => Cell[][],
): RawTable {
  let rows: Cell[][] | undefined;
  Object.defineProperty(table, 'rows', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (rows === undefined) {
        rows = make();
        delete table[form];
      }
      return rows;
    },
    set: (v: Cell[][]) => {
      rows = v;
      delete table[form];
    },
  });
  Object.defineProperty(table, form, { value, enumerable: false, configurable: true, writable: true });
  return table;
}

/** A cell length from which `size` says "see `long`". */
export const SIZE_LONG = 255;

/** Where the text of grid cell c ends in the bytes. */
export function cellEnd(g: Pick<CellGrid, 'start' | 'size' | 'long'>, c: number): number {
  const n = g.size[c];
  return g.start[c] + (n < SIZE_LONG ? n : g.long.get(c)!);
}

/** The raw cell at grid position c: null when empty, else its text. */
export function gridCell(g: CellGrid, c: number): Cell {
  const k = g.kind[c];
  if (k === GRID_EMPTY) return null;
  const s = utf8Text(g.bytes, g.start[c], cellEnd(g, c));
  return k === GRID_QUOTED ? s.replace(/""/g, '"') : s;
}

let decoder: TextDecoder | undefined;

/**
 * The text of bytes[a, b) (valid UTF-8): short ASCII cells (names, codes,
 * numbers) are built code by code, about three times faster than a decoder
 * call per cell; anything else goes through TextDecoder.
 */
export function utf8Text(bytes: Uint8Array, a: number, b: number): string {
  if (b - a <= 64) {
    let s = '';
    let i = a;
    for (; i < b; i++) {
      const c = bytes[i];
      if (c > 127) break;
      s += String.fromCharCode(c);
    }
    if (i === b) return s;
  }
  decoder ??= new TextDecoder('utf-8');
  // TextDecoder refuses views of shared memory in browsers; a shared buffer is only used in Node, which accepts them
  return decoder.decode(bytes.subarray(a, b));
}

/** A grid column's plain decimals: values (NaN elsewhere), plain flags and how many cells are plain. */
export interface GridColumn {
  values: Float64Array;
  plain: Uint8Array;
  count: number;
}

/**
 * The plain decimals of grid columns `js`: for each data row rows[k]
 * (default: every row in order), values[k] the cell's number and plain[k] =
 * 1, else NaN and 0 (the other cells are read through cellAt); a typed
 * table's numbers count as plain decimals; null for a table of rows. One
 * pass over the rows (each row's cells lie together in the grid, so a firm
 * panel is swept once, not once per column). The columns' `values` are views
 * of one buffer (a structured clone of them copies it once).
 *
 * `readOnce` (for a table read once): the columns are made where the grid's
 * numbers lie, the grid's number array rearranged into columns
 * (transposeInPlace) instead of copied, when every row has the same number
 * of cells, `rows` is increasing and the columns asked for are at least half
 * of the row (their views keep the whole array); otherwise they are copied
 * and the grid's number array freed. Either way the grid's numbers are then
 * gone: its `value` is emptied and a later gridColumns of the table is an
 * error (its cells are still read through cellAt, which reads their text).
 * @example gridColumns(table, [2, 3])?.[0].values // column 2's numbers
 */
export function gridColumns(
  t: RawTable,
  js: readonly number[],
  rows?: Int32Array,
  opts: { readOnce?: boolean } = {},
): GridColumn[] | null {
  if (t.typed) return typedNumbers(t.typed, js, rows);
  const g = t.grid;
  if (!g) return null;
  const { rowStart, kind, value } = g;
  if (value.length < rowStart[rowStart.length - 1])
    throw new Error("gridColumns: the grid's numbers were taken by an earlier read in place");
  if (opts.readOnce && canTakeInPlace(g, js, rows)) return columnsInPlace(g, js, rows);
  const n = rows ? rows.length : rowStart.length - 1;
  const m = js.length;
  const cols = Int32Array.from(js);
  // one buffer each for the values and flags of every column (column q at q·n), cut into columns at the end
  const values = new Float64Array(m * n);
  const plain = new Uint8Array(m * n);
  const count = new Int32Array(m);
  for (let k = 0; k < n; k++) {
    const i = rows ? rows[k] : k;
    const a = rowStart[i];
    const b = rowStart[i + 1];
    for (let q = 0, o = k; q < m; q++, o += n) {
      const c = a + cols[q];
      if (c < b && kind[c] === GRID_NUMBER) {
        values[o] = value[c];
        plain[o] = 1;
        count[q]++;
      } else values[o] = Number.NaN;
    }
  }
  if (opts.readOnce) dropNumbers(g); // a table read once: these copies are all that is read of its numbers
  return js.map((_, q) => ({
    values: values.subarray(q * n, (q + 1) * n),
    plain: plain.subarray(q * n, (q + 1) * n),
    count: count[q],
  }));
}

/**
 * Empty a grid's numbers (as columnsInPlace leaves them) and give their
 * memory back at the next collection of young objects instead of the next
 * full one: the buffer is moved (transferred) into a clone nothing holds.
 * 12 million cells of long data hold 96 MB of numbers.
 */
function dropNumbers(g: CellGrid): void {
  const buffer = g.value.buffer;
  g.value = new Float64Array(0);
  dropBuffers([buffer]);
}

/**
 * Give these buffers' memory back at the next collection of young objects
 * rather than the next full one: they are moved (transferred) into a clone
 * nothing holds, and are detached (length 0) at once. Shared and empty
 * buffers are left as they are.
 * @example dropBuffers(gridArrays(workerGrid).map((a) => a.buffer))
 */
export function dropBuffers(buffers: Iterable<ArrayBufferLike>): void {
  const own = [...new Set(buffers)].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer && b.byteLength > 0);
  if (own.length) structuredClone(own, { transfer: own });
}

/** Whether gridColumns can rearrange the grid's numbers in place (see there). */
function canTakeInPlace(g: CellGrid, js: readonly number[], rows?: Int32Array): boolean {
  const { rowStart } = g;
  const nAll = rowStart.length - 1;
  if (nAll === 0) return false;
  const base = rowStart[0];
  const w = rowStart[1] - base;
  if (w === 0 || 2 * new Set(js).size < w || js.some((j) => j >= w)) return false;
  for (let i = 0; i <= nAll; i++) if (rowStart[i] !== base + i * w) return false;
  if (rows) for (let k = 1; k < rows.length; k++) if (rows[k] <= rows[k - 1]) return false;
  return true;
}

/**
 * gridColumns in place: the data rows' numbers (after the header's cells)
 * transposed into columns of every row (a cell that is not a plain decimal
 * holds NaN already), then the rows asked for moved to the front of each
 * column (forward: rows is increasing).
 */
function columnsInPlace(g: CellGrid, js: readonly number[], rows?: Int32Array): GridColumn[] {
  const { rowStart, kind } = g;
  const nAll = rowStart.length - 1;
  const base = rowStart[0];
  const w = rowStart[1] - base;
  const n = rows ? rows.length : nAll;
  const m = js.length;
  const plain = new Uint8Array(m * n);
  const count = new Int32Array(m);
  for (let k = 0; k < n; k++) {
    const a = base + (rows ? rows[k] : k) * w;
    for (let q = 0, o = k; q < m; q++, o += n)
      if (kind[a + js[q]] === GRID_NUMBER) {
        plain[o] = 1;
        count[q]++;
      }
  }
  const value = g.value.subarray(base, base + nAll * w);
  transposeInPlace(value, nAll, w);
  g.value = new Float64Array(0);
  const moved = new Set<number>();
  return js.map((j, q) => {
    const column = value.subarray(j * nAll, j * nAll + nAll);
    if (rows && !moved.has(j)) for (let k = 0; k < n; k++) column[k] = column[rows[k]];
    moved.add(j);
    return { values: column.subarray(0, n), plain: plain.subarray(q * n, (q + 1) * n), count: count[q] };
  });
}

/** gridColumns of a typed table: a number that is not NaN counts as plain (readNumber reads it as itself); text columns have none. */
function typedNumbers(typed: TableColumn[], js: readonly number[], rows?: Int32Array): GridColumn[] {
  const n = rows ? rows.length : typed.length ? columnLength(typed[0]) : 0;
  return js.map((j) => {
    const col = typed[j];
    const values = new Float64Array(n).fill(Number.NaN);
    const plain = new Uint8Array(n);
    let count = 0;
    if (col !== undefined && 'values' in col) {
      const { values: v, missing } = col;
      for (let k = 0; k < n; k++) {
        const i = rows ? rows[k] : k;
        const x = v[i];
        if (missing[i] === 0 && x === x) {
          values[k] = x;
          plain[k] = 1;
          count++;
        }
      }
    }
    return { values, plain, count };
  });
}

/** The grid as row arrays of raw cells (what `rows` holds). */
export function gridRows(g: CellGrid): Cell[][] {
  const n = g.rowStart.length - 1;
  const rows: Cell[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const a = g.rowStart[i];
    const b = g.rowStart[i + 1];
    const r: Cell[] = new Array(b - a);
    for (let c = a; c < b; c++) r[c - a] = gridCell(g, c);
    rows[i] = r;
  }
  return rows;
}
