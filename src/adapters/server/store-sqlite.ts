/**
 * The store's runner on SQLite (better-sqlite3): WAL journal with
 * `synchronous = FULL`, so a statement has reached the disk when it returns.
 *
 * Two connections: one writes, one only reads. better-sqlite3 is synchronous,
 * so a transaction whose body awaits could otherwise take in statements of
 * other requests that run in between: transactions therefore run one after the
 * other on the writing connection, and a write outside a transaction that
 * arrives while one is open waits until it has finished. Reads outside a
 * transaction go to the reading connection, which in WAL mode sees exactly the
 * committed data and never waits for the writer.
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
  let reader: Database.Database;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // an in-memory database is private to its connection: reads share the writer there
    reader = file === ':memory:' || file === '' ? db : new Database(file, { readonly: true, fileMustExist: true });
    reader.pragma('busy_timeout = 5000');
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
  return new SqliteRunner(db, reader);
}

class SqliteRunner implements SqlRunner {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();
  /** Statements outside transactions: prepared on the reading connection when they only read, null when they write. */
  private readonly reads = new Map<string, Database.Statement | null>();
  /** Settles when the last transaction queued so far has finished. */
  private queue: Promise<unknown> = Promise.resolve();
  private open = 0;
  private readonly direct: SqlQuery;

  constructor(
    private readonly db: Database.Database,
    private readonly reader: Database.Database,
  ) {
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

  /** A statement that only reads, prepared on the reading connection; undefined for one that writes. */
  private readOnly(sql: string): Database.Statement | undefined {
    if (this.reader === this.db) return undefined;
    let s = this.reads.get(sql);
    if (s === undefined) {
      s = this.db.prepare(sql).readonly ? this.reader.prepare(sql) : null;
      this.reads.set(sql, s);
    }
    return s ?? undefined;
  }

  /** Runs `f` now, or after the open transactions when there are any. */
  private outside<T>(f: () => Promise<T>): Promise<T> {
    if (this.open === 0) return f();
    const next = this.queue.then(f, f);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const read = this.readOnly(sql);
    return read ? (read.all(...params) as T[]) : this.outside(() => this.direct.all<T>(sql, params));
  }
  async get<T>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    const read = this.readOnly(sql);
    return read ? (read.get(...params) as T | undefined) : this.outside(() => this.direct.get<T>(sql, params));
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
    if (this.reader !== this.db) this.reader.close();
    this.db.close();
  }
}
