/**
 * The store's runner on SQLite (better-sqlite3): WAL journal with
 * `synchronous = FULL`, so a statement has reached the disk when it returns.
 *
 * Two connections: one writes, one only reads. better-sqlite3 is synchronous,
 * so a transaction whose body awaits could otherwise take in statements of
 * other requests that run in between: every write therefore goes through one
 * queue on the writing connection, and the transactions waiting there are
 * committed together (group commit, one disk write for many, each in its own
 * savepoint). Reads outside a transaction go to the reading connection, which
 * in WAL mode sees exactly the committed data and never waits for the writer.
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

/** Most transactions committed together. */
const GROUP = 256;

class SqliteRunner implements SqlRunner {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();
  /** Statements outside transactions: prepared on the reading connection when they only read, null when they write. */
  private readonly reads = new Map<string, Database.Statement | null>();
  /** Transactions waiting to run, in arrival order. */
  private pending: Array<{
    fn: (q: SqlQuery) => Promise<unknown>;
    resolve: (v: unknown) => void;
    reject: (e: unknown) => void;
  }> = [];
  /** Settles when the waiting transactions have all committed or failed; undefined when none wait. */
  private draining: Promise<void> | undefined;
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

  async all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const read = this.readOnly(sql);
    return read ? (read.all(...params) as T[]) : this.tx((q) => q.all<T>(sql, params));
  }
  async get<T>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    const read = this.readOnly(sql);
    return read ? (read.get(...params) as T | undefined) : this.tx((q) => q.get<T>(sql, params));
  }
  run(sql: string, params?: unknown[]): Promise<number> {
    return this.tx((q) => q.run(sql, params));
  }
  exec(script: string): Promise<void> {
    return this.tx((q) => q.exec(script));
  }

  /** Queues `fn`; it runs in its own savepoint inside the next group commit and resolves after that has committed. */
  tx<T>(fn: (q: SqlQuery) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      this.draining ??= new Promise<void>((r) => setImmediate(r)).then(() => this.drain());
    });
  }

  /**
   * Group commit: the transactions waiting are run one after the other inside
   * one SQLite transaction, each in a savepoint (a failing one is rolled back
   * to its savepoint alone), and committed with one write to disk; each
   * promise settles only after that commit. At most GROUP a commit, with the
   * event loop let in between groups.
   */
  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const group = this.pending.splice(0, GROUP);
      const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
      try {
        this.db.exec('BEGIN IMMEDIATE');
        for (const t of group) {
          this.db.exec('SAVEPOINT one');
          try {
            outcomes.push({ ok: true, value: await t.fn(this.direct) });
            this.db.exec('RELEASE one');
          } catch (error) {
            this.db.exec('ROLLBACK TO one');
            this.db.exec('RELEASE one');
            outcomes.push({ ok: false, error });
          }
        }
        this.db.exec('COMMIT');
      } catch (error) {
        // BEGIN or COMMIT failed (disk full, I/O error): nothing of the group is stored
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        for (const t of group) t.reject(error);
        await new Promise((r) => setImmediate(r));
        continue;
      }
      group.forEach((t, k) => {
        const o = outcomes[k];
        if (o.ok) t.resolve(o.value);
        else t.reject(o.error);
      });
      await new Promise((r) => setImmediate(r));
    }
    this.draining = undefined;
  }

  async close(): Promise<void> {
    while (this.draining) await this.draining;
    if (this.reader !== this.db) this.reader.close();
    this.db.close();
  }
}
