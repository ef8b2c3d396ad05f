/**
 * Durability, on each store (SQLite; PostgreSQL when XINZHI_TEST_POSTGRES is
 * set): concurrent respondents save answers while the server process is killed
 * with SIGKILL; after a restart on the same database every answer the server
 * acknowledged is still there. Loopback only, bounded load.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILTIN_INSTRUMENT } from '../../src/core/assess/instrument.ts';
import { freshDatabase, testStores } from './stores.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

function start(db: string): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, [join(ROOT, 'bin/xinzhi.js'), 'serve', '--port', '0', '--db', db], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout?.on('data', (d) => {
      out += String(d);
      const m = /xinzhi serve: (http:\/\/\S+)/.exec(out);
      if (m) resolve({ proc, url: m[1] });
    });
    proc.stderr?.on('data', (d) => {
      out += String(d);
    });
    proc.on('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${out}`)));
    setTimeout(() => reject(new Error(`server not listening after 60 s: ${out}`)), 60_000).unref();
  });
}

async function req(url: string, method: string, body?: unknown, cookie?: string) {
  const r = await fetch(url, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(15_000),
  });
  return {
    status: r.status,
    body: await r.json().catch(() => null),
    cookie: r.headers.get('set-cookie')?.split(';')[0],
  };
}

describe.each(testStores())('durability under SIGKILL on $name', ({ kind }) => {
  let drop: (() => Promise<void>) | undefined;
  afterAll(() => drop?.());
  it('keeps every acknowledged answer across a kill and restart', async () => {
    const fresh = await freshDatabase(kind, 'durable');
    const db = fresh.db;
    drop = fresh.drop;
    let { proc, url } = await start(db);
    const admin = (
      await req(`${url}/api/signup`, 'POST', { org: 'Durable', email: 'd@d.cn', password: 'long enough pw' })
    ).cookie as string;
    const firm = (await req(`${url}/api/firms`, 'POST', { name: 'F', industry: 'i', size: 's', region: 'r' }, admin))
      .body.id;
    const assessments: string[] = [];
    for (let k = 0; k < 20; k++)
      assessments.push((await req(`${url}/api/firms/${firm}/assessments`, 'POST', {}, admin)).body.id);
    const items = BUILTIN_INSTRUMENT.items.filter((i) => i.type === 'level').map((i) => i.id);
    const acked: Array<[string, string, number]> = [];
    const failures: string[] = [];
    let killed = false;
    const exited = new Promise((r) => proc.once('exit', r));
    const kill = () => {
      if (!killed) {
        killed = true;
        proc.kill('SIGKILL');
      }
    };
    // 20 concurrent respondents, each saving its items one by one; the server is killed after 60 acknowledgements
    await Promise.all(
      assessments.map(async (a, k) => {
        for (const item of items) {
          if (killed) return;
          const level = (k + item.length) % 6;
          try {
            const r = await req(
              `${url}/api/assessments/${a}/answers`,
              'PUT',
              { answers: { [item]: { level } } },
              admin,
            );
            if (r.status === 200) acked.push([a, item, level]);
            else failures.push(`${r.status} ${JSON.stringify(r.body)}`);
          } catch (err) {
            if (!killed) failures.push(String(err)); // after the kill a dropped connection is expected: not acknowledged
          }
          if (acked.length >= 60) kill();
        }
      }),
    );
    kill(); // the kill happens in any case, so the test never waits on a live server
    await exited;
    expect(failures.slice(0, 5), 'requests that failed before the kill').toEqual([]);
    expect(acked.length).toBeGreaterThanOrEqual(60);
    ({ proc, url } = await start(db));
    try {
      const again = (await req(`${url}/api/login`, 'POST', { email: 'd@d.cn', password: 'long enough pw' }))
        .cookie as string;
      const saved = new Map<string, Record<string, { level: number }>>();
      for (const a of assessments)
        saved.set(a, (await req(`${url}/api/assessments/${a}`, 'GET', undefined, again)).body.answers);
      for (const [a, item, level] of acked) expect(saved.get(a)?.[item], `${a} ${item}`).toEqual({ level });
    } finally {
      const stopped = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await stopped;
    }
  }, 200_000);
});
