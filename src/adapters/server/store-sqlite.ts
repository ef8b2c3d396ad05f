/**
 * The store's runner on SQLite (better-sqlite3): WAL journal with
 * `synchronous = FULL`, so a statement has reached the disk when it returns.
 *
 * better-sqlite3 is synchronous and the connection is one, so a transaction
 * whose body awaits could otherwise take in statements of other requests that
 * run in between. Transactions therefore run one after the other, and a
 * statement outside a transaction that arrives while one is open waits until
 * it has finished.
 */
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { XinzhiError } from '../../core/errors.ts';
import { bi } from '../../core/i18n.ts';
import type { SqlQuery, SqlRunner } from './store.ts';

/**
 * Opens (creating when missing) a SQLite database file as a store runner.
 * @example const runner = openSqlite('xinzhi.sqlite');
 */
export function openSqlite(file: string): SqlRunner {
  let db: Database.Database;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  } catch (err) {
    throw new XinzhiError({
      code: 'bad-database',
      severity: 'error',
      message: bi(
        `--db ${file}：无法打开 SQLite 数据库文件（${(err as Error).message}）`,
        `--db ${file}: cannot open the SQLite database file (${(err as Error).message})`,
      ),
      fix: bi(
        `确认目录 ${dirname(file)} 存在且可写，或用 --db 指定另一个文件；PostgreSQL 请写成 --db postgres://用户:密码@主机:端口/数据库`,
        `make sure the folder ${dirname(file)} exists and is writable, or name another file with --db; for PostgreSQL write --db postgres://user:password@host:port/database`,
      ),
    });
  }
  return new SqliteRunner(db);
}

class SqliteRunner implements SqlRunner {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();
  /** Settles when the last transaction queued so far has finished. */
  private queue: Promise<unknown> = Promise.resolve();
  private open = 0;
  private readonly direct: SqlQuery;

  constructor(private readonly db: Database.Database) {
    const prepared = (sql: string) => {
      let s = this.statements.get(sql);
      if (!s) {
        s = db.prepare(sql);
        this.statements.set(sql, s);
      }
      return s;
    };
    this.direct = {
      all: async <T>(sql: string, params: unknown[] = []) => prepared(sql).all(...params) as T[],
      get: async <T>(sql: string, params: unknown[] = []) => prepared(sql).get(...params) as T | undefined,
      run: async (sql: string, params: unknown[] = []) => prepared(sql).run(...params).changes,
      exec: async (script: string) => {
        db.exec(script);
      },
    };
  }

  /** Runs `f` now, or after the open transactions when there are any. */
  private outside<T>(f: () => Promise<T>): Promise<T> {
    if (this.open === 0) return f();
    const next = this.queue.then(f, f);
    this.queue = next.catch(() => undefined);
    return next;
  }

  all<T>(sql: string, params?: unknown[]): Promise<T[]> {
    return this.outside(() => this.direct.all<T>(sql, params));
  }
  get<T>(sql: string, params?: unknown[]): Promise<T | undefined> {
    return this.outside(() => this.direct.get<T>(sql, params));
  }
  run(sql: string, params?: unknown[]): Promise<number> {
    return this.outside(() => this.direct.run(sql, params));
  }
  exec(script: string): Promise<void> {
    return this.outside(() => this.direct.exec(script));
  }

  tx<T>(fn: (q: SqlQuery) => Promise<T>): Promise<T> {
    this.open++;
    const body = async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const out = await fn(this.direct);
        this.db.exec('COMMIT');
        return out;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      } finally {
        this.open--;
      }
    };
    const next = this.queue.then(body, body);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.queue;
    this.db.close();
  }
}
