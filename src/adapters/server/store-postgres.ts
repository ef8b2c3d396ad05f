/**
 * The store's runner on PostgreSQL (node-postgres): a connection pool, `?`
 * placeholders rendered as `$1, $2, …` and values sent apart from the SQL
 * text, a transaction on one pooled connection. With PostgreSQL's default
 * `synchronous_commit = on` a commit has reached the disk when it returns.
 */
import pg from 'pg';
import { XinzhiError } from '../../core/errors.ts';
import { bi } from '../../core/i18n.ts';
import { redactUrl, type SqlQuery, type SqlRunner } from './store.ts';

const badDb = (url: string, zh: string, en: string) =>
  new XinzhiError({
    code: 'bad-database',
    severity: 'error',
    message: bi(`--db ${redactUrl(url)}：${zh}`, `--db ${redactUrl(url)}: ${en}`),
    fix: bi(
      '写成 --db postgres://用户:密码@主机:端口/数据库，并确认 PostgreSQL 正在运行、该用户可以登录该数据库；或省略 --db 使用内置的 SQLite 文件',
      'write --db postgres://user:password@host:port/database and make sure PostgreSQL is running and the user may log in to that database; or leave --db out for the embedded SQLite file',
    ),
  });

/** `?` → `$n`; the store's SQL has no `?` inside string literals. */
const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/**
 * Connects a pool of at most `poolSize` connections and checks that the
 * database answers; a bad URL or an unreachable database is a bilingual error
 * naming `--db`.
 * @example const runner = await openPostgres('postgres://postgres:pw@127.0.0.1:5432/xinzhi', 10);
 */
export async function openPostgres(url: string, poolSize: number): Promise<SqlRunner> {
  try {
    new URL(url);
  } catch {
    throw badDb(url, '不是有效的数据库地址', 'is not a valid database URL');
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    // 64-bit integers (audit sequence numbers, counts) as JavaScript numbers, as SQLite gives them
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === 20 ? Number : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // an idle connection that the server drops must not bring the process down; the pool replaces it
  pool.on('error', (err) => process.stderr.write(`xinzhi serve: PostgreSQL connection lost: ${err.message}\n`));
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw badDb(
      url,
      `无法连接 PostgreSQL 数据库（${(err as Error).message}）`,
      `cannot connect to PostgreSQL (${(err as Error).message})`,
    );
  }
  return new PostgresRunner(pool);
}

const rendered = new Map<string, string>();
const render = (sql: string): string => {
  let r = rendered.get(sql);
  if (r === undefined) {
    r = numbered(sql);
    rendered.set(sql, r);
  }
  return r;
};

/** Queries on a pool or on one client (inside a transaction). */
const queries = (c: pg.Pool | pg.PoolClient): SqlQuery => ({
  all: async <T>(sql: string, params: unknown[] = []) => (await c.query(render(sql), params)).rows as T[],
  get: async <T>(sql: string, params: unknown[] = []) => (await c.query(render(sql), params)).rows[0] as T | undefined,
  run: async (sql: string, params: unknown[] = []) => (await c.query(render(sql), params)).rowCount ?? 0,
  exec: async (script: string) => {
    await c.query(script);
  },
});

class PostgresRunner implements SqlRunner {
  readonly dialect = 'postgres' as const;
  private readonly q: SqlQuery;
  constructor(private readonly pool: pg.Pool) {
    this.q = queries(pool);
  }
  all<T>(sql: string, params?: unknown[]): Promise<T[]> {
    return this.q.all<T>(sql, params);
  }
  get<T>(sql: string, params?: unknown[]): Promise<T | undefined> {
    return this.q.get<T>(sql, params);
  }
  run(sql: string, params?: unknown[]): Promise<number> {
    return this.q.run(sql, params);
  }
  exec(script: string): Promise<void> {
    return this.q.exec(script);
  }

  async tx<T>(fn: (q: SqlQuery) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const out = await fn(queries(client));
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw err;
    } finally {
      client.release(broken);
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
