/**
 * A Parquet file read into memory as a RawTable (Node; through the embedded
 * DuckDB of @duckdb/node-api), column by column: numeric columns into
 * Float64Arrays, the others as cells (`typedTable`). The header is the
 * file's column names, each row its values — numbers as numbers (integers of
 * BIGINT / HUGEINT columns as numbers when exact, else as text), booleans as
 * 1 and 0, text as text, dates and times as ISO text, NULL as an empty cell —
 * so tableToPanel checks and reports a Parquet panel exactly as it does a CSV
 * or workbook (file, row, column, fix). For panels that fit in memory;
 * `evaluate` on a larger Parquet file runs the build in DuckDB as SQL
 * (docs/sql.md).
 *
 * @example const table = await readParquetTable('firms.parquet');
 */
import { access } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { XinzhiError } from '../../core/errors.ts';
import { bi } from '../../core/i18n.ts';
import { typedTable, type Cell, type RawTable, type TableColumn } from '../../core/panel/raw-table.ts';
import type { DuckDBConnection } from '@duckdb/node-api';
import { fileProblem } from './read.ts';

/** The DuckDB expression reading a Parquet file (its path quoted). */
export function parquetSource(path: string): string {
  return `read_parquet('${resolve(path).replaceAll("'", "''")}')`;
}

/** One value DuckDB gives back, as a table cell. */
function cellOf(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** Number of rows of a Parquet file (from its metadata). */
export async function parquetRowCount(path: string): Promise<number> {
  return withDuckDb(path, (conn) => rowsOf(conn, path));
}

async function rowsOf(conn: DuckDBConnection, path: string): Promise<number> {
  return Number((await conn.runAndReadAll(`SELECT count(*) AS n FROM ${parquetSource(path)}`)).getRowsJS()[0][0]);
}

/** Read the Parquet file at `path` into a RawTable (name = its base name), column by column. */
export async function readParquetTable(path: string): Promise<RawTable> {
  const { DuckDBTypeId, JSDuckDBValueConverter } = await import('@duckdb/node-api');
  // types whose every value is a double exactly (BIGINT and the rest go through cellOf)
  const NUMERIC = new Set<number>([
    DuckDBTypeId.TINYINT,
    DuckDBTypeId.SMALLINT,
    DuckDBTypeId.INTEGER,
    DuckDBTypeId.UTINYINT,
    DuckDBTypeId.USMALLINT,
    DuckDBTypeId.UINTEGER,
    DuckDBTypeId.FLOAT,
    DuckDBTypeId.DOUBLE,
  ]);
  return withDuckDb(path, async (conn) => {
    const n = await rowsOf(conn, path);
    // streamed chunk by chunk (about 2,048 rows each) into columns sized from the file's row count
    const result = await conn.stream(`SELECT * FROM ${parquetSource(path)}`);
    const header = result.columnNames();
    const numeric = result.columnTypes().map((t) => NUMERIC.has(t.typeId));
    const columns: TableColumn[] = numeric.map((isNumber) =>
      isNumber ? { values: new Float64Array(n), missing: new Uint8Array(n) } : { cells: new Array<Cell>(n) },
    );
    let at = 0;
    for (let ch = await result.fetchChunk(); ch && ch.rowCount > 0; ch = await result.fetchChunk()) {
      const rows = ch.rowCount;
      if (at + rows > n) throw new Error(`the file holds more than the ${n} rows its metadata gives`);
      columns.forEach((col, j) => {
        if ('values' in col) {
          const v = ch.getColumnVector(j);
          for (let r = 0; r < rows; r++) {
            const x = v.getItem(r) as number | null;
            if (x === null) col.missing[at + r] = 1;
            else col.values[at + r] = x;
          }
        } else {
          const xs = ch.convertColumnValues(j, JSDuckDBValueConverter);
          for (let r = 0; r < rows; r++) col.cells[at + r] = cellOf(xs[r]);
        }
      });
      at += rows;
    }
    if (at !== n) throw new Error(`the file holds ${at} rows, its metadata ${n}`);
    return typedTable({ name: basename(path), header, firstDataRow: 1 }, columns);
  });
}

/** Run `fn` with a DuckDB connection; a missing file, or one DuckDB cannot read, is a XinzhiError naming it. */
async function withDuckDb<T>(path: string, fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
  try {
    await access(path);
  } catch (e) {
    throw new XinzhiError(await fileProblem(path, e as NodeJS.ErrnoException));
  }
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    return await fn(conn);
  } catch (e) {
    if (e instanceof XinzhiError) throw e;
    throw new XinzhiError({
      code: 'parquet-unreadable',
      severity: 'error',
      file: basename(path),
      message: bi(
        `无法读取 Parquet 文件：${(e as Error).message}`,
        `Cannot read the Parquet file: ${(e as Error).message}`,
      ),
      fix: bi(
        '检查文件是否存在、是否为完整的 Parquet 文件。',
        'Check that the file exists and is a complete Parquet file.',
      ),
    });
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
