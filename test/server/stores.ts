/**
 * The databases the server tests run on: SQLite always, PostgreSQL when
 * XINZHI_TEST_POSTGRES names a server (`.ci/run` sets it). Each test file
 * gets a fresh, empty database of its own and drops it afterwards, so runs
 * never see each other's data.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type StoreKind = 'sqlite' | 'postgres';

const POSTGRES = process.env.XINZHI_TEST_POSTGRES;

/** The stores to run on, for `describe.each`; prints why PostgreSQL is left out when it is. */
export function testStores(): Array<{ name: string; kind: StoreKind }> {
  if (!POSTGRES)
    console.log('skipped: the server tests on PostgreSQL need XINZHI_TEST_POSTGRES=postgres://… (.ci/run sets it)');
  return [{ name: 'SQLite', kind: 'sqlite' }, ...(POSTGRES ? [{ name: 'PostgreSQL', kind: 'postgres' as const }] : [])];
}

/** A fresh, empty database: a file in a new temporary folder, or a new database on the PostgreSQL server `postgres` names; `drop` removes it. */
export async function freshDatabase(
  kind: StoreKind,
  label: string,
  postgres = POSTGRES,
): Promise<{ db: string; drop(): Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `xinzhi-${label}-`));
    return { db: join(dir, `${label}.sqlite`), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  if (!postgres) throw new Error('XINZHI_TEST_POSTGRES is not set');
  const name = `xinzhi_${label.replace(/\W/g, '_')}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: postgres });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(postgres);
  url.pathname = `/${name}`;
  return { db: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
