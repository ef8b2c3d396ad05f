/**
 * A Parquet file read into memory as a RawTable (Node; through the embedded
 * DuckDB of @duckdb/node-api): the header is the file's column names, each
 * row its values — numbers as numbers (integers of BIGINT / HUGEINT columns
 * as numbers when exact, else as text), booleans as 1 and 0, text as text,
 * dates and times as ISO text, NULL as an empty cell — so tableToPanel
 * checks and reports a Parquet panel exactly as it does a CSV or workbook
 * (file, row, column, fix). For panels that fit in memory; `evaluate` on a larger Parquet file
 * runs the build in DuckDB as SQL (docs/sql.md).
 *
 * @example const table = await readParquetTable('firms.parquet');
 */
import { access } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { XinzhiError } from '../../core/errors.ts';
import { bi } from '../../core/i18n.ts';
import type { Cell, RawTable } from '../../core/panel/raw-table.ts';
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
  return withDuckDb(path, async (run) => Number((await run(`SELECT count(*) AS n FROM ${parquetSource(path)}`))[0][0]));
}

/** Read the Parquet file at `path` into a RawTable (name = its base name). */
export async function readParquetTable(path: string): Promise<RawTable> {
  return withDuckDb(path, async (run, names) => {
    const rows = await run(`SELECT * FROM ${parquetSource(path)}`);
    return {
      name: basename(path),
      header: names(),
      rows: rows.map((r) => r.map(cellOf)),
      firstDataRow: 1,
    };
  });
}

/** Run `fn` with a DuckDB connection; a missing file, or one DuckDB cannot read, is a XinzhiError naming it. */
async function withDuckDb<T>(
  path: string,
  fn: (run: (sql: string) => Promise<unknown[][]>, names: () => string[]) => Promise<T>,
): Promise<T> {
  try {
    await access(path);
  } catch (e) {
    throw new XinzhiError(await fileProblem(path, e as NodeJS.ErrnoException));
  }
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  let columns: string[] = [];
  try {
    return await fn(
      async (sql) => {
        const reader = await conn.runAndReadAll(sql);
        columns = reader.columnNames();
        return reader.getRowsJS() as unknown[][];
      },
      () => columns,
    );
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
