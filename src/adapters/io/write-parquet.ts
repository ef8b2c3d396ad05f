/**
 * scores.parquet: the scores and ranks of every node for every unit and
 * period, as typed columns (Node; written through DuckDB's appender and COPY).
 * Column names are plain identifiers that every Parquet reader accepts:
 * `unit`, `time`, then `score_<node>` and `rank_<node>` for the index and each
 * dimension, in the order of scores.csv. `time` is a DOUBLE when every period
 * is a number, else VARCHAR; a missing score or rank is NULL.
 *
 * @example await writeScoresParquet(result, 'out/scores.parquet')
 */
import type { DuckDBAppender } from '@duckdb/node-api';
import { INDEX_ID, type EvaluationResult } from '../../core/measure/result.ts';
import { scoredLevels } from '../report/hierarchy.ts';
import { ScoreTable, timeKey } from '../report/lookup.ts';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Column names of the Parquet file, for the nodes in scores.csv order. */
export function parquetColumns(result: EvaluationResult): { nodes: string[]; columns: string[] } {
  const nodes = scoredLevels(result).flat();
  if (!nodes.includes(INDEX_ID)) nodes.unshift(INDEX_ID);
  return { nodes, columns: ['unit', 'time', ...nodes.flatMap((id) => [`score_${id}`, `rank_${id}`])] };
}

function appendNumber(a: DuckDBAppender, v: number): void {
  if (Number.isFinite(v)) a.appendDouble(v);
  else a.appendNull();
}

export async function writeScoresParquet(result: EvaluationResult, path: string): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    const { nodes, columns } = parquetColumns(result);
    const numericTime = result.times.every((t) => typeof t === 'number');
    const types = ['VARCHAR', numericTime ? 'DOUBLE' : 'VARCHAR', ...nodes.flatMap(() => ['DOUBLE', 'DOUBLE'])];
    await con.run(`CREATE TABLE scores (${columns.map((c, i) => `${quote(c)} ${types[i]}`).join(', ')})`);
    const a = await con.createAppender('scores');
    const table = ScoreTable.of(result);
    for (const time of result.times) {
      const tk = timeKey(time);
      for (const unit of result.units) {
        const i = table.cell(unit, tk);
        if (!table.hasAt(INDEX_ID, i)) continue;
        a.appendVarchar(unit);
        if (numericTime) a.appendDouble(time as number);
        else a.appendVarchar(tk);
        for (const id of nodes) {
          appendNumber(a, table.scoreAt(id, i));
          appendNumber(a, table.rankAt(id, i));
        }
        a.endRow();
      }
    }
    a.closeSync();
    await con.run(`COPY scores TO '${path.replace(/'/g, "''")}' (FORMAT PARQUET, COMPRESSION ZSTD)`);
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
