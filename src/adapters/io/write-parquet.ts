/**
 * scores.parquet: the scores and ranks of every node for every unit and
 * period, as typed columns (Node; written by DuckDB's COPY … TO … (FORMAT PARQUET)).
 * Column names are plain identifiers that every Parquet reader accepts:
 * `unit`, `time`, then `score_<node>` and `rank_<node>` for the index and each
 * dimension, in the order of scores.csv. `time` is a DOUBLE when every period
 * is a number, else VARCHAR; a missing score or rank is NULL. Handed to
 * DuckDB in chunks of 2,048 rows, column by column. The file is written from a plan of
 * plain arrays (scoresParquetPlan), which the output thread can be sent
 * (io/output-thread.ts).
 *
 * @example await writeScoresParquet(result, 'out/scores.parquet')
 */
import type { EvaluationResult } from '../../core/measure/result.ts';
import { scoreColumnNodes } from '../report/hierarchy.ts';
import { scoreRows, timeKey } from '../report/lookup.ts';

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

/** Rows per chunk handed to DuckDB (its vector size). */
const CHUNK = 2048;

/**
 * Rows per Parquet row group (DuckDB's default is 122,880). Smaller groups
 * hold less while written: on 20,000 firms × 15 years (300,000 rows) the
 * `evaluate --out` peak was about 28 MB lower (mean of three runs in turn),
 * with one DuckDB thread, in the same time.
 */
export const PARQUET_ROW_GROUP = 32_768;

/**
 * Load DuckDB's client ahead of writing scores.parquet: the output thread,
 * started before the evaluation, loads it meanwhile (about 0.3 s of one core
 * that would otherwise wait: io/output-thread.ts preloadParquet).
 */
export async function preloadParquetWriter(): Promise<void> {
  await import('@duckdb/node-api');
}

export async function writeScoresParquet(result: EvaluationResult, path: string): Promise<void> {
  await writeScoresParquetPlan(scoresParquetPlan(result), path);
}

/**
 * Write scores.parquet from its plan (on any thread: DuckDB loads in workers
 * too). The rows stream into DuckDB's Parquet writer through a table
 * function, a chunk at a time, instead of being stored in a table first:
 * on 20,000 firms × 15 years that took about 90 MB less and half the time.
 */
export async function writeScoresParquetPlan(plan: ScoresParquetPlan, path: string): Promise<void> {
  const { DuckDBInstance, DuckDBTableFunction, DOUBLE, VARCHAR } = await import('@duckdb/node-api');
  // one DuckDB thread (the rows come from one JavaScript thread anyway) and row groups of PARQUET_ROW_GROUP
  // rows: less held while the file is written, beside the reports and results.json
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const con = await instance.connect();
  try {
    const { nodes, columns } = parquetNames(plan.nodes);
    const types = [VARCHAR, plan.numericTime ? DOUBLE : VARCHAR, ...nodes.flatMap(() => [DOUBLE, DOUBLE])];
    const num = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);
    const { units, times, lines, columns: cols } = plan;
    let row = 0; // the next row of the plan (one scan: DuckDB calls the function until it gives no rows)
    con.registerTableFunction(
      DuckDBTableFunction.create({
        name: 'xinzhi_scores',
        bindFunction: (info) => columns.forEach((c, i) => info.addResultColumn(c, types[i])),
        initFunction: () => undefined,
        // one chunk of rows, column by column
        mainFunction: (_info, out) => {
          const n = Math.min(CHUNK, lines.length / 3 - row);
          if (n <= 0) {
            out.rowCount = 0;
            return;
          }
          const chunk: Array<Array<string | number | null>> = columns.map(() => new Array(n));
          for (let j = 0; j < n; j++) {
            const r = 3 * (row + j);
            const i = lines[r + 2];
            chunk[0][j] = units[lines[r]];
            chunk[1][j] = times[lines[r + 1]];
            for (let k = 0; k < cols.length; k++) {
              chunk[2 + 2 * k][j] = num(cols[k]?.score[i]);
              chunk[3 + 2 * k][j] = num(cols[k]?.rank[i]);
            }
          }
          out.setColumns(chunk);
          row += n;
        },
      }),
    );
    await con.run(
      `COPY (FROM xinzhi_scores()) TO '${path.replace(/'/g, "''")}' (FORMAT PARQUET, COMPRESSION ZSTD, ROW_GROUP_SIZE ${PARQUET_ROW_GROUP})`,
    );
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
