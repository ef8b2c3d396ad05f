/**
 * Connections to the engines a compiled index build runs on, chosen by URL:
 *
 *   duckdb:                 in-memory DuckDB (duckdb:file.duckdb for a file)
 *   postgres://user@host/db PostgreSQL (also postgresql://)
 *   clickhouse://host:8123  ClickHouse over its HTTP interface (database: /db)
 *
 * Each gives `query(sql)` → rows as plain objects, and `close()`.
 */
import { XinzhiError } from '../../core/errors.ts';
import { bi } from '../../core/i18n.ts';
import { planColumnProblems, type SqlPlan } from '../../core/sql/compile.ts';
import { type EngineResult, type EngineRow, longDataProblems, readEngineRows } from '../../core/sql/read.ts';

export interface SqlEngine {
  dialect: 'duckdb' | 'postgres' | 'clickhouse';
  query(sql: string): Promise<EngineRow[]>;
  /** Run statements that return no rows. */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** Open the engine a URL names (see the module comment). */
export async function openEngine(url: string): Promise<SqlEngine> {
  if (url === 'duckdb:' || url.startsWith('duckdb:')) return openDuckDb(url.slice('duckdb:'.length) || ':memory:');
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgres(url);
  if (url.startsWith('clickhouse://')) return openClickHouse(url);
  throw new XinzhiError({
    code: 'engine-url',
    severity: 'error',
    column: '--engine',
    message: bi(`不认识的引擎地址：${url}`, `unknown engine URL: ${url}`),
    fix: bi(
      '用 duckdb:、duckdb:文件.duckdb、postgres://用户@主机/库 或 clickhouse://主机:8123。',
      'Use duckdb:, duckdb:file.duckdb, postgres://user@host/db or clickhouse://host:8123.',
    ),
  });
}

async function openDuckDb(path: string): Promise<SqlEngine> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  return {
    dialect: 'duckdb',
    async query(sql) {
      const reader = await conn.runAndReadAll(sql);
      return reader.getRowObjectsJS() as EngineRow[];
    },
    async exec(sql) {
      await conn.run(sql);
    },
    async close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

async function openPostgres(url: string): Promise<SqlEngine> {
  const { default: pg } = await import('pg');
  // float8 as JavaScript numbers (pg returns them as numbers already), bigint counts as numbers
  const client = new pg.Client({ connectionString: url });
  client.setTypeParser(20, (v: string) => Number(v));
  await client.connect();
  return {
    dialect: 'postgres',
    async query(sql) {
      return (await client.query(sql)).rows as EngineRow[];
    },
    async exec(sql) {
      await client.query(sql);
    },
    async close() {
      await client.end();
    },
  };
}

function openClickHouse(url: string): SqlEngine {
  const u = new URL(url.replace(/^clickhouse:/, 'http:'));
  const database = u.pathname.replace(/^\//, '');
  const endpoint = `http://${u.host}/`;
  const headers: Record<string, string> = {};
  if (u.username) headers['X-ClickHouse-User'] = decodeURIComponent(u.username);
  if (u.password) headers['X-ClickHouse-Key'] = decodeURIComponent(u.password);
  const send = async (sql: string): Promise<string> => {
    const params = new URLSearchParams();
    if (database) params.set('database', database);
    const res = await fetch(`${endpoint}?${params}`, { method: 'POST', body: sql, headers });
    const text = await res.text();
    if (!res.ok) throw new Error(`ClickHouse: ${text.trim()}`);
    return text;
  };
  return {
    dialect: 'clickhouse',
    async query(sql) {
      const text = await send(`${sql}\nFORMAT JSON`);
      return (JSON.parse(text) as { data: EngineRow[] }).data;
    },
    async exec(sql) {
      await send(sql);
    },
    async close() {},
  };
}

/**
 * Long data's checks before the pivot (compile.ts `long`): every indicator
 * name there, no record twice. One pass counts each name's records per
 * (unit, time); the duplicate records are looked up only when one appears
 * twice. Throws a XinzhiError with the problems; nothing for wide data.
 * With `pivoted` (the plan's `long.pivoted`, its table made), its counts
 * are read first: when every (unit, time) has one record per name with a
 * value and no others, no record is there twice, and the table's names are
 * read only when a name has no values; otherwise the checks run on the
 * records.
 */
async function checkLongData(plan: SqlPlan, engine: SqlEngine, source?: string, pivoted = false): Promise<void> {
  const long = plan.long;
  if (!long) return;
  const via = pivoted ? long.pivoted : undefined;
  if (via) {
    const [c] = await engine.query(via.countsQuery);
    if (Number(c?.e__ ?? 0) === 0) {
      const absent = long.names.some((_, q) => Number(c?.[`s_${q}`] ?? 0) === 0);
      const names = absent ? await engine.query(long.namesQuery) : long.names.map((i__) => ({ i__ }));
      const problems = longDataProblems(plan, names, [], source);
      if (problems.length) throw new XinzhiError(problems);
      return;
    }
  }
  const names = await engine.query(long.namesQuery);
  const [counts] = await engine.query(long.countsQuery);
  const twice = long.names.some((_, q) => Number(counts?.[`m_${q}`] ?? 0) > 1);
  const duplicates = twice ? await engine.query(long.duplicatesQuery) : [];
  const problems = longDataProblems(plan, names, duplicates, source);
  if (problems.length) throw new XinzhiError(problems);
}

/**
 * The weights and scores queries of a plan, after its checks: for long data
 * on an engine with session temporary tables, the records are pivoted once
 * into the plan's pivot table and the build runs on it (`done` drops it);
 * otherwise the plan's own queries. Run `done` when the queries have run,
 * or failed.
 * @example const q = await buildQueries(plan, engine); try { … engine.query(q.weightsQuery) … } finally { await q.done() }
 */
export async function buildQueries(
  plan: SqlPlan,
  engine: SqlEngine,
  source?: string,
): Promise<{ weightsQuery: string; scoresQuery: string; done: () => Promise<void> }> {
  const pivoted = plan.long?.pivoted;
  if (!pivoted) {
    await checkLongData(plan, engine, source);
    return { weightsQuery: plan.weightsQuery, scoresQuery: plan.scoresQuery, done: async () => undefined };
  }
  await engine.exec(pivoted.drop); // one left by a run on this connection that did not end
  await engine.exec(pivoted.create);
  const done = () => engine.exec(pivoted.drop);
  try {
    await checkLongData(plan, engine, source, true);
  } catch (e) {
    await done();
    throw e;
  }
  return { weightsQuery: pivoted.weightsQuery, scoresQuery: pivoted.scoresQuery, done };
}

/**
 * Run a compiled plan on an engine and read the weights and scores back.
 * First one row of the table is read: an empty table, or a column of the
 * spec the table lacks, is a XinzhiError naming `source` (the file or table)
 * and the closest column, not the engine's own error. Long data are checked
 * next (an indicator name that is not there, a record that appears twice),
 * pivoted once where the engine can keep the result (buildQueries).
 */
export async function runIndexSql(plan: SqlPlan, engine: SqlEngine, source?: string): Promise<EngineResult> {
  if (plan.dialect !== engine.dialect)
    throw new Error(`the plan is compiled for ${plan.dialect}, the engine speaks ${engine.dialect}`);
  const sample = await engine.query(plan.sampleQuery);
  if (!sample.length)
    throw new XinzhiError({
      code: 'sql-empty',
      severity: 'error',
      ...(source ? { file: source } : {}),
      message: bi('数据表没有任何行。', 'The table has no rows.'),
      fix: bi(
        '检查表名（--table）或文件（--data）是否指向面板数据。',
        'Check that --table (or --data) names the panel.',
      ),
    });
  const missing = planColumnProblems(plan, Object.keys(sample[0]), source);
  if (missing.length) throw new XinzhiError(missing);
  const q = await buildQueries(plan, engine, source);
  try {
    const weights = await engine.query(q.weightsQuery);
    const scores = await engine.query(q.scoresQuery);
    return readEngineRows(plan, weights, scores);
  } finally {
    await q.done();
  }
}
