/**
 * scores.parquet: the scores and ranks of every node for every unit and
 * period, as typed columns (Node; written through DuckDB's appender and COPY).
 * Column names are plain identifiers that every Parquet reader accepts:
 * `unit`, `time`, then `score_<node>` and `rank_<node>` for the index and each
 * dimension, in the order of scores.csv. `time` is a DOUBLE when every period
 * is a number, else VARCHAR; a missing score or rank is NULL. Appended in
 * chunks of 2,048 rows, column by column.
 *
 * @example await writeScoresParquet(result, 'out/scores.parquet')
 */
import type { EvaluationResult } from '../../core/measure/result.ts';
import { scoreColumnNodes } from '../report/hierarchy.ts';
import { indexedCells, ScoreTable, timeKey } from '../report/lookup.ts';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Column names of the Parquet file, for the nodes in scores.csv order. */
export function parquetColumns(result: EvaluationResult): { nodes: string[]; columns: string[] } {
  const nodes = scoreColumnNodes(result);
  return { nodes, columns: ['unit', 'time', ...nodes.flatMap((id) => [`score_${id}`, `rank_${id}`])] };
}

/** Rows per appended chunk (DuckDB's vector size). */
const CHUNK = 2048;

export async function writeScoresParquet(result: EvaluationResult, path: string): Promise<void> {
  const { DuckDBInstance, DuckDBDataChunk, DOUBLE, VARCHAR } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    const { nodes, columns } = parquetColumns(result);
    const numericTime = result.times.every((t) => typeof t === 'number');
    const types = [VARCHAR, numericTime ? DOUBLE : VARCHAR, ...nodes.flatMap(() => [DOUBLE, DOUBLE])];
    await con.run(`CREATE TABLE scores (${columns.map((c, i) => `${quote(c)} ${types[i]}`).join(', ')})`);
    const a = await con.createAppender('scores');
    const table = ScoreTable.of(result);
    const cols = nodes.map((id) => table.column(id));
    // the rows go in column-wise chunks: one call per chunk instead of one per value
    let chunk: Array<Array<string | number | null>> = columns.map(() => []);
    const flush = () => {
      const n = chunk[0].length;
      if (!n) return;
      const data = DuckDBDataChunk.create(types, n);
      data.setColumns(chunk);
      a.appendDataChunk(data);
      chunk = columns.map(() => []);
    };
    const num = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);
    const times = result.times.map((time) => (numericTime ? time : timeKey(time)));
    const rows = indexedCells(result, table);
    for (let r = 0; r < rows.length; r += 3) {
      const i = rows[r + 2];
      chunk[0].push(result.units[rows[r]]);
      chunk[1].push(times[rows[r + 1]]);
      cols.forEach((c, k) => {
        chunk[2 + 2 * k].push(num(c?.score[i]));
        chunk[3 + 2 * k].push(num(c?.rank[i]));
      });
      if (chunk[0].length === CHUNK) flush();
    }
    flush();
    a.closeSync();
    await con.run(`COPY scores TO '${path.replace(/'/g, "''")}' (FORMAT PARQUET, COMPRESSION ZSTD)`);
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
