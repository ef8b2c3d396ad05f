/**
 * A table as read from a file, before interpretation: a header and rows of
 * raw cells. Produced by the format parsers (adapters/formats/table.ts),
 * consumed by tableToPanel. Defined here so the pure core does not depend on
 * the adapters; adapters/formats/table.ts re-exports it.
 */
export type Cell = string | number | null;

export interface RawTable {
  name: string;
  header: string[];
  rows: Cell[][];
  /**
   * The same cells kept column-addressable, without one string per cell (the
   * CSV reader's fast path; see CellGrid). When present, `rows` is built from
   * it on first use, and readers that only need some columns (tableToPanel)
   * go through `cellAt` / `gridNumbers` instead. Once `rows` is read or set,
   * the grid is dropped (rows may have been changed). Not enumerable: copies
   * and structured clones of the table carry `rows` only.
   */
  grid?: CellGrid;
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
 * is c = rowStart[i] + j, its text is bytes[start[c], end[c]) decoded (read
 * by kind), and a plain decimal cell carries its number in value[c] (NaN
 * elsewhere). Plain data (typed arrays only), so it can be posted to a
 * worker; the bytes may be a view of a SharedArrayBuffer.
 */
export interface CellGrid {
  bytes: Uint8Array;
  rowStart: Int32Array;
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  value: Float64Array;
}

/** Number of data rows of a table. */
export function rowCount(t: RawTable): number {
  return t.grid ? t.grid.rowStart.length - 1 : t.rows.length;
}

/** Number of cells in data row i (cells beyond the header included). */
export function rowWidth(t: RawTable, i: number): number {
  const g = t.grid;
  return g ? g.rowStart[i + 1] - g.rowStart[i] : t.rows[i].length;
}

/** Cell j of data row i, as rows[i][j] holds it (undefined beyond the row's end). */
export function cellAt(t: RawTable, i: number, j: number): Cell | undefined {
  const g = t.grid;
  if (!g) return t.rows[i][j];
  const c = g.rowStart[i] + j;
  return c < g.rowStart[i + 1] ? gridCell(g, c) : undefined;
}

/** The raw cell at grid position c: null when empty, else its text. */
export function gridCell(g: CellGrid, c: number): Cell {
  const k = g.kind[c];
  if (k === GRID_EMPTY) return null;
  const s = utf8Text(g.bytes, g.start[c], g.end[c]);
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

/**
 * Column j of a grid table read where a cell is a plain decimal: for each
 * data row rows[k] (default: every row in order), values[k] its number and
 * plain[k] = 1, else NaN and 0 (the other cells are read through cellAt).
 * Null for a table without a grid.
 */
export function gridNumbers(t: RawTable, j: number, rows?: Int32Array): GridColumn | null {
  return gridColumns(t, [j], rows)?.[0] ?? null;
}

/** A grid column's plain decimals: values (NaN elsewhere), plain flags and how many cells are plain. */
export interface GridColumn {
  values: Float64Array;
  plain: Uint8Array;
  count: number;
}

/**
 * gridNumbers of several columns in one pass over the rows (each row's cells
 * lie together in the grid, so a firm panel is swept once, not once per
 * column). The columns' `values` are views of one buffer (a structured clone
 * of them copies it once).
 */
export function gridColumns(t: RawTable, js: readonly number[], rows?: Int32Array): GridColumn[] | null {
  const g = t.grid;
  if (!g) return null;
  const { rowStart, kind, value } = g;
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
  return js.map((_, q) => ({
    values: values.subarray(q * n, (q + 1) * n),
    plain: plain.subarray(q * n, (q + 1) * n),
    count: count[q],
  }));
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
