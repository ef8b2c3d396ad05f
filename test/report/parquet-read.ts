/** The rows of a Parquet file read back with DuckDB, in time and unit order (tests of scores.parquet). */
import { DuckDBInstance } from '@duckdb/node-api';

export async function readParquet(path: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  try {
    const reader = await con.runAndReadAll(`SELECT * FROM read_parquet('${path}') ORDER BY time, unit`);
    return reader.getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    con.closeSync();
    db.closeSync();
  }
}
