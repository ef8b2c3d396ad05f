/**
 * `xinzhi sql --spec FILE --dialect D [--table T]`: print the SQL script of an
 * index build for a database engine (core/sql/compile.ts), for a data team to
 * run inside its own cluster. With `--engine URL` it runs the script on a
 * reachable engine and prints the weights and the ranking read back;
 * `xinzhi evaluate --engine URL` does the same.
 *
 *   xinzhi sql --spec s.json --dialect clickhouse --table dw.firm_panel
 *   xinzhi sql --spec s.json --engine postgres://localhost/stats --table panel
 *   xinzhi sql --spec s.json --engine duckdb: --data big.parquet
 *
 * --json prints {dialect, weights, weightsByTime?, nodeWeights, scores,
 * nodeScores} (after a run) or {dialect, weightsQuery, scoresQuery, checkQueries?}
 * (without; checkQueries for long data: the indicator names, the duplicate records).
 */
import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { XinzhiError } from '../../core/errors.ts';
import { bi, type Lang } from '../../core/i18n.ts';
import { compileIndexSql, sqlProblems } from '../../core/sql/compile.ts';
import { parseSpec } from '../../core/measure/spec-schema.ts';
import { DIALECT_NAMES, DIALECTS, type DialectName } from '../../core/sql/dialect.ts';
import type { EngineResult } from '../../core/sql/read.ts';
import { loadSpecFile } from '../io/load-spec.ts';
import { openEngine, runIndexSql } from '../sql/engines.ts';
import { badOption, pickLang, printJson } from './util.ts';
import { COMMAND_SUMMARIES } from './summaries.ts';

export interface EngineRunOptions {
  spec?: string;
  engine: string;
  table?: string;
  data?: string;
}

/** The view a data file is read through when DuckDB runs the build (--engine duckdb: --data FILE). */
const DATA_VIEW = 'xinzhi_panel';

/** DuckDB's reader of a data file, by extension. */
function duckdbReader(path: string): string {
  const p = `'${resolve(path).replaceAll("'", "''")}'`;
  const ext = extname(path).toLowerCase();
  if (ext === '.parquet') return `read_parquet(${p})`;
  if (ext === '.csv' || ext === '.txt') return `read_csv(${p}, header = true)`;
  if (ext === '.json') return `read_json_auto(${p})`;
  throw badOption(
    '--data',
    path,
    bi('DuckDB 可读 .parquet、.csv、.json。', 'DuckDB reads .parquet, .csv and .json files.'),
  );
}

function needSpec(spec: string | undefined): string {
  if (spec) return spec;
  throw new XinzhiError({
    code: 'sql-spec',
    severity: 'error',
    column: '--spec',
    message: bi('编译 SQL 需要指标体系文件。', 'compiling to SQL needs a spec file.'),
    fix: bi(
      '用 --spec 给出 JSON 或 YAML 指标体系（见 docs/sql.md）。',
      'Give a JSON or YAML spec with --spec (see docs/sql.md).',
    ),
  });
}

/** A Parquet panel of up to this many rows is read into memory when its spec does not compile to SQL. */
export const PARQUET_IN_MEMORY_ROWS = 2_000_000;

/**
 * Where `xinzhi evaluate --data file.parquet` (no --engine) builds the index:
 * "sql" — in the embedded DuckDB, with bounded memory — when the spec
 * compiles to SQL; "memory" — the file read into a table and the full
 * in-memory build, with its robustness check, reports and every method —
 * when it does not (or the spec has errors, which the in-memory path
 * reports) and the file has at most PARQUET_IN_MEMORY_ROWS rows; else a
 * XinzhiError with the settings SQL does not support.
 */
export async function parquetRoute(specPath: string | undefined, dataPath: string): Promise<'sql' | 'memory'> {
  if (!specPath) return 'sql'; // evaluateOnEngine names the missing spec
  const parsed = parseSpec(await loadSpecFile(specPath));
  if (!parsed.spec || parsed.problems.some((p) => p.severity === 'error')) return 'memory';
  const refused = sqlProblems(parsed.spec);
  if (!refused.length) return 'sql';
  const { parquetRowCount } = await import('../io/read-parquet.ts');
  const rows = await parquetRowCount(dataPath);
  if (rows <= PARQUET_IN_MEMORY_ROWS) return 'memory';
  throw new XinzhiError([
    ...refused,
    {
      code: 'parquet-too-large',
      severity: 'error',
      file: dataPath,
      message: bi(
        `该 Parquet 文件有 ${rows} 行，超过内存计算的上限 ${PARQUET_IN_MEMORY_ROWS} 行，而上述设置无法编译为 SQL。`,
        `The Parquet file has ${rows} rows, more than the ${PARQUET_IN_MEMORY_ROWS} read into memory, and the settings above do not compile to SQL.`,
      ),
      fix: bi(
        '改用可编译为 SQL 的设置（docs/sql.md），或先筛选数据。',
        'Use settings that compile to SQL (docs/sql.md), or select part of the data first.',
      ),
    },
  ]);
}

/** Compile the spec for the engine's dialect, run it there and read the results back. */
export async function evaluateOnEngine(
  opts: EngineRunOptions,
): Promise<{ dialect: DialectName; result: EngineResult }> {
  const specPath = needSpec(opts.spec);
  const spec = await loadSpecFile(specPath);
  const engine = await openEngine(opts.engine);
  try {
    let table = opts.table;
    if (opts.data) {
      if (engine.dialect !== 'duckdb')
        throw badOption(
          '--data',
          opts.data,
          bi(
            '只有 DuckDB 直接读文件；其他引擎请用 --table 指定表。',
            'Only DuckDB reads files; name a table with --table for other engines.',
          ),
        );
      await engine.exec(`CREATE OR REPLACE VIEW ${DATA_VIEW} AS SELECT * FROM ${duckdbReader(opts.data)}`);
      table = DATA_VIEW;
    }
    if (!table)
      throw new XinzhiError({
        code: 'sql-table',
        severity: 'error',
        column: '--table',
        message: bi('没有指定数据表。', 'no table given.'),
        fix: bi(
          '用 --table 指定面板数据所在的表（DuckDB 也可用 --data 文件）。',
          'Name the panel table with --table (or, with DuckDB, a file with --data).',
        ),
      });
    const plan = compileIndexSql(spec, engine.dialect, { table });
    return { dialect: engine.dialect, result: await runIndexSql(plan, engine, opts.data ?? table) };
  } finally {
    await engine.close();
  }
}

/** Weights and the ranking of the last time, as text. */
export function engineResultText(r: EngineResult, lang: Lang, top = 10): string[] {
  const h = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const out = [h('指标权重（全局）', 'Indicator weights (global)')];
  for (const [id, w] of Object.entries(r.weights).sort((a, b) => b[1] - a[1]))
    out.push(`  ${id.padEnd(24)} ${w.toFixed(6)}`);
  const times = [...new Set(r.scores.map((s) => s.time))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const last = times[times.length - 1];
  const rows = r.scores.filter((s) => s.time === last).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  out.push(
    '',
    h(
      `${last ?? ''} 排名（前 ${Math.min(top, rows.length)}）`,
      `Ranking ${last ?? ''} (top ${Math.min(top, rows.length)})`,
    ),
  );
  for (const s of rows.slice(0, top))
    out.push(`  ${String(s.rank).padStart(6)}  ${s.unit.padEnd(24)} ${s.score.toFixed(6)}`);
  return out;
}

interface SqlCliOptions {
  spec?: string;
  dialect?: string;
  table?: string;
  engine?: string;
  data?: string;
  json?: boolean;
  lang?: string;
}

export function registerSql(program: Command): void {
  program
    .command('sql')
    .description(COMMAND_SUMMARIES.sql)
    .option('--spec <file>', 'indicator system and methods: JSON or YAML / 指标体系与方法')
    .option('--dialect <name>', `SQL dialect: ${DIALECT_NAMES.join(', ')} / SQL 方言`, 'duckdb')
    .option('--table <name>', 'table holding the panel, e.g. dw.firm_panel / 面板数据表', 'panel')
    .option('--engine <url>', 'run on this engine: duckdb:, postgres://…, clickhouse://host:8123 / 在该引擎上运行')
    .option('--data <file>', 'with --engine duckdb: read this Parquet, CSV or JSON file / DuckDB 直接读取的文件')
    .option('--json', 'print JSON only / 只输出 JSON')
    .option('--lang <zh|en>', 'language / 语言')
    .action(async (opts: SqlCliOptions) => {
      const lang = pickLang(opts.lang);
      if (opts.engine) {
        const { dialect, result } = await evaluateOnEngine({
          spec: opts.spec,
          engine: opts.engine,
          ...(opts.data ? { data: opts.data } : { table: opts.table }),
        });
        if (opts.json) printJson({ dialect, ...result });
        else console.log(engineResultText(result, lang).join('\n'));
        return;
      }
      const dialect = opts.dialect ?? 'duckdb';
      if (!(DIALECT_NAMES as readonly string[]).includes(dialect)) throw badOption('--dialect', dialect, DIALECT_NAMES);
      const plan = compileIndexSql(await loadSpecFile(needSpec(opts.spec)), dialect as DialectName, {
        table: opts.table ?? 'panel',
      });
      if (opts.json)
        printJson({
          dialect,
          testedLive: DIALECTS[dialect as DialectName].testedLive,
          indicators: plan.indicators,
          nodes: plan.nodes,
          weightsQuery: plan.weightsQuery,
          scoresQuery: plan.scoresQuery,
          ...(plan.long ? { checkQueries: [plan.long.namesQuery, plan.long.duplicatesQuery] } : {}),
        });
      else process.stdout.write(plan.script);
    });
}
