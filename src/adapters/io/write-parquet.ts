/**
 * scores.parquet: the scores and ranks of every node for every unit and
 * period, as typed columns (Node; written through DuckDB's appender and COPY).
 * Column names are plain identifiers that every Parquet reader accepts:
 * `unit`, `time`, then `score_<node>` and `rank_<node>` for the index and each
 * dimension, in the order of scores.csv. `time` is a DOUBLE when every period
 * is a number, else VARCHAR; a missing score or rank is NULL. Appended in
 * chunks of 2,048 rows, column by column. The file is written from a plan of
 * plain arrays (scoresParquetPlan), which the output thread can be sent
 * (io/output-thread.ts).
 *
 * @example await writeScoresParquet(result, 'out/scores.parquet')
 */
import type { EvaluationResult } from '../../core/measure/result.ts';
import { scoreColumnNodes } from '../report/hierarchy.ts';
import { scoreRows, timeKey } from '../report/lookup.ts';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Column names of the Parquet file, for the nodes in scores.csv order. */
export function parquetColumns(result: EvaluationResult): { nodes: string[]; columns: string[] } {
  return parquetNames(scoreColumnNodes(result));
}

function parquetNames(nodes: string[]): { nodes: string[]; columns: string[] } {
  return { nodes, columns: ['unit', 'time', ...nodes.flatMap((id) => [`score_${id}`, `rank_${id}`])] };
}

/** What scores.parquet is written from: plain arrays that can be posted to a worker. */
export interface ScoresParquetPlan {
  /** Node ids in scores.csv order (the columns score_<id>, rank_<id>). */
  nodes: string[];
  units: string[];
  /** The periods as written: numbers when every period is one (a DOUBLE column), else their text. */
  times: Array<number | string>;
  numericTime: boolean;
  /** Per row: unit position, time position, cell position in `columns` (report/lookup.ts indexedCells). */
  lines: Int32Array;
  /** Scores and ranks of each node by cell position; null for a node without scores. */
  columns: Array<{ score: Float64Array; rank: Float64Array } | null>;
}

/**
 * The plan of a result's scores.parquet (the rows and columns of scores.csv).
 * `rows`: those of scores.csv's plan (report/csv.ts scoresCsvPlan), shared
 * instead of made again.
 */
export function scoresParquetPlan(
  result: EvaluationResult,
  rows: Pick<ScoresParquetPlan, 'lines' | 'columns'> = scoreRows(result, scoreColumnNodes(result)),
): ScoresParquetPlan {
  const numericTime = result.times.every((t) => typeof t === 'number');
  return {
    nodes: scoreColumnNodes(result),
    units: result.units,
    times: result.times.map((time) => (numericTime ? time : timeKey(time))),
    numericTime,
    lines: rows.lines,
    columns: rows.columns,
  };
}

/** Rows per appended chunk (DuckDB's vector size). */
const CHUNK = 2048;

export async function writeScoresParquet(result: EvaluationResult, path: string): Promise<void> {
  await writeScoresParquetPlan(scoresParquetPlan(result), path);
}

/** Write scores.parquet from its plan (on any thread: DuckDB loads in workers too). */
export async function writeScoresParquetPlan(plan: ScoresParquetPlan, path: string): Promise<void> {
  const { DuckDBInstance, DuckDBDataChunk, DOUBLE, VARCHAR } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    const { nodes, columns } = parquetNames(plan.nodes);
    const types = [VARCHAR, plan.numericTime ? DOUBLE : VARCHAR, ...nodes.flatMap(() => [DOUBLE, DOUBLE])];
    await con.run(`CREATE TABLE scores (${columns.map((c, i) => `${quote(c)} ${types[i]}`).join(', ')})`);
    const a = await con.createAppender('scores');
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
    const { units, times, lines, columns: cols } = plan;
    for (let r = 0; r < lines.length; r += 3) {
      const i = lines[r + 2];
      chunk[0].push(units[lines[r]]);
      chunk[1].push(times[lines[r + 1]]);
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
