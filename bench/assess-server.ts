/**
 * Benchmark: the assessment server (`xinzhi serve`) on SQLite and on
 * PostgreSQL, side by side.
 *
 * 1. Seeds 100,000 stored assessments (50,000 firms of 100 organisations, two
 *    submitted assessments each, the second the latest; 20 industries, 4 sizes,
 *    31 regions) directly through the store, in batched transactions.
 * 2. Starts the server in its own process on loopback and lets 200 concurrent
 *    respondents save answers one item at a time (`PUT
 *    /api/assessments/{id}/answers`), a fixed number of saves each: saved
 *    answers per second and the latency of the acknowledgements (p50, p99).
 * 3. Peer benchmarks over the stored assessments: the report endpoint of a
 *    firm (three peer groups, its scores and advice) called one after another,
 *    and the three peer queries alone through the store.
 *
 * The load generator is bounded (a fixed number of requests, each with a
 * timeout) and talks to 127.0.0.1 only. PostgreSQL runs when `--postgres URL`
 * or XINZHI_TEST_POSTGRES names a server; the benchmark makes its own database
 * there and drops it afterwards. `--without-peer-indexes` drops the size and
 * region indexes of the peer groups first, to see what they are worth.
 *
 * Run: node bin/run-ts.js bench/assess-server.ts [--respondents 200] [--saves 25]
 *   [--assessments 100000] [--reports 200] [--postgres postgres://…] [--without-peer-indexes]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { openStore, type Store } from '../src/adapters/server/store.ts';
import { BUILTIN_INSTRUMENT } from '../src/core/assess/instrument.ts';
import type { Answers } from '../src/core/assess/types.ts';
import { freshDatabase, type StoreKind } from '../test/server/stores.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RESPONDENTS = Number(arg('respondents', '200'));
const SAVES = Number(arg('saves', '25'));
const ASSESSMENTS = Number(arg('assessments', '100000'));
const REPORTS = Number(arg('reports', '200'));
const POSTGRES = arg('postgres', process.env.XINZHI_TEST_POSTGRES ?? '');
const WITHOUT_PEER_INDEXES = process.argv.includes('--without-peer-indexes');
const INDUSTRIES = 20;
const SIZES = ['micro', 'small', 'medium', 'large'];
const REGIONS = 31;
const ORGS = 100;

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: number[], q: number): number => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
const ms = (v: number) => `${v.toFixed(1)} ms`;

/** Multi-row INSERTs of `rows` into `table`, `batch` rows a statement, all in one transaction per statement. */
async function insertRows(store: Store, table: string, columns: string[], rows: unknown[][], batch = 500) {
  const one = `(${columns.map(() => '?').join(', ')})`;
  for (let k = 0; k < rows.length; k += batch) {
    const part = rows.slice(k, k + batch);
    await store.sql.tx((q) =>
      q.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${part.map(() => one).join(', ')}`, part.flat()),
    );
  }
}

/** 100,000 submitted assessments (two per firm, the second the latest) of firms in many peer groups. */
async function seed(store: Store, assessments: number): Promise<number> {
  const rng = seedrandom('assess-server');
  const t0 = performance.now();
  const at = new Date('2026-01-01T00:00:00Z').getTime();
  const iso = (k: number) => new Date(at + k * 1000).toISOString();
  const orgs = Array.from({ length: ORGS }, (_, k) => [randomUUID(), `seed org ${k}`, iso(0)]);
  await insertRows(store, 'orgs', ['id', 'name', 'created_at'], orgs);
  const firmCount = Math.ceil(assessments / 2);
  const firms: unknown[][] = [];
  const rows: unknown[][] = [];
  for (let f = 0; f < firmCount; f++) {
    const org = orgs[f % ORGS][0];
    const industry = `industry-${Math.floor(rng() * INDUSTRIES)}`;
    const size = SIZES[Math.floor(rng() * SIZES.length)];
    const region = `region-${Math.floor(rng() * REGIONS)}`;
    const firm = randomUUID();
    firms.push([firm, org, `seed firm ${f}`, industry, size, region, iso(f)]);
    for (let v = 0; v < 2 && rows.length < assessments; v++) {
      const overall = Math.min(100, Math.max(0, 50 + 18 * (rng() + rng() + rng() - 1.5) * 2));
      rows.push([
        randomUUID(),
        org,
        firm,
        BUILTIN_INSTRUMENT.id,
        BUILTIN_INSTRUMENT.version,
        '[]',
        'submitted',
        iso(f + v),
        iso(f + v),
        overall,
        Math.min(5, Math.floor(overall / 20)),
        v === 1 ? 1 : 0,
        industry,
        size,
        region,
      ]);
    }
  }
  await insertRows(store, 'firms', ['id', 'org_id', 'name', 'industry', 'size', 'region', 'created_at'], firms);
  await insertRows(
    store,
    'assessments',
    [
      'id',
      'org_id',
      'firm_id',
      'instrument_id',
      'instrument_version',
      'excluded_paths',
      'status',
      'created_at',
      'submitted_at',
      'overall',
      'gated_level',
      'is_latest',
      'industry',
      'size',
      'region',
    ],
    rows,
    400,
  );
  await store.sql.exec('ANALYZE'); // planner statistics, as a running database would have them
  return (performance.now() - t0) / 1000;
}

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
    signal: AbortSignal.timeout(30_000),
  });
  return {
    status: r.status,
    body: (await r.json().catch(() => null)) as Record<string, unknown> | null,
    cookie: r.headers.get('set-cookie')?.split(';')[0],
  };
}

/** Every item answered at level 3 (numbers at their third threshold, half the practices ticked). */
function middleAnswers(): Answers {
  const a: Answers = {};
  for (const item of BUILTIN_INSTRUMENT.items) {
    if (item.type === 'level') a[item.id] = { level: 3 };
    else if (item.type === 'number') a[item.id] = { value: item.bands[2] };
    else a[item.id] = { options: item.options.slice(0, Math.ceil(item.options.length / 2)).map((o) => o.id) };
  }
  return a;
}

interface Result {
  name: string;
  seedSeconds: number;
  saved: number;
  failed: number;
  seconds: number;
  save: number[];
  report: number[];
  peers: number[];
}

async function peerQueryTimes(store: Store, firm: { industry: string; size: string; region: string }) {
  const times: number[] = [];
  for (let k = 0; k < REPORTS; k++) {
    const t = performance.now();
    await store.peerScores('industry', firm.industry, 'none');
    await store.peerScores('size', firm.size, 'none');
    await store.peerScores('region', firm.region, 'none');
    times.push(performance.now() - t);
  }
  return times.sort((x, y) => x - y);
}

async function runOn(kind: StoreKind, name: string): Promise<Result> {
  const { db, drop } = await freshDatabase(kind, 'bench', POSTGRES || undefined);
  let proc: ChildProcess | undefined;
  try {
    const store = await openStore(db, { poolSize: 4 });
    const seedSeconds = await seed(store, ASSESSMENTS);
    if (WITHOUT_PEER_INDEXES) {
      await store.sql.exec('DROP INDEX assessments_peer_size');
      await store.sql.exec('DROP INDEX assessments_peer_region');
    }
    const group = { industry: 'industry-3', size: 'medium', region: 'region-7' };
    const peers = await peerQueryTimes(store, group);
    await store.close();

    let url: string;
    ({ proc, url } = await start(db));
    const admin = (
      await req(`${url}/api/signup`, 'POST', { org: 'Bench', email: 'b@b.cn', password: 'long enough pw' })
    ).cookie as string;
    const firm = (await req(`${url}/api/firms`, 'POST', { name: 'Bench firm', ...group }, admin)).body?.id as string;
    const assessments: string[] = [];
    for (let k = 0; k < RESPONDENTS; k++)
      assessments.push((await req(`${url}/api/firms/${firm}/assessments`, 'POST', {}, admin)).body?.id as string);
    const items = BUILTIN_INSTRUMENT.items.filter((i) => i.type === 'level').map((i) => i.id);

    // RESPONDENTS concurrent respondents, SAVES answers each, one request at a time per respondent
    const save: number[] = [];
    let failed = 0;
    const t0 = performance.now();
    await Promise.all(
      assessments.map(async (a, k) => {
        for (let s = 0; s < SAVES; s++) {
          const item = items[(k + s) % items.length];
          const t = performance.now();
          try {
            const r = await req(
              `${url}/api/assessments/${a}/answers`,
              'PUT',
              { answers: { [item]: { level: s % 6 } } },
              admin,
            );
            if (r.status === 200) save.push(performance.now() - t);
            else failed++;
          } catch {
            failed++;
          }
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    save.sort((x, y) => x - y);

    // peer benchmark through the report endpoint of a submitted assessment
    const own = assessments[0];
    await req(`${url}/api/assessments/${own}/answers`, 'PUT', { answers: middleAnswers() }, admin);
    const submitted = await req(`${url}/api/assessments/${own}/submit`, 'POST', undefined, admin);
    if (submitted.status !== 200) throw new Error(`submit failed: ${JSON.stringify(submitted.body)}`);
    const report: number[] = [];
    let shownGroups = 0;
    for (let k = 0; k < REPORTS; k++) {
      const t = performance.now();
      const r = await req(`${url}/api/assessments/${own}/report`, 'GET', undefined, admin);
      report.push(performance.now() - t);
      if (k === 0) {
        const p = r.body?.peers as Record<string, { shown: boolean; n: number }>;
        shownGroups = Object.values(p).filter((g) => g.shown).length;
        console.log(
          `${name}: peer groups of the report firm: industry n = ${p.industry.n}, size n = ${p.size.n}, region n = ${p.region.n}`,
        );
      }
    }
    if (shownGroups !== 3) throw new Error('the peer groups should all be shown');
    report.sort((x, y) => x - y);
    return { name, seedSeconds, saved: save.length, failed, seconds, save, report, peers };
  } finally {
    if (proc && proc.exitCode === null) {
      const exited = new Promise((r) => proc?.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    }
    await drop();
  }
}

console.log(
  `${RESPONDENTS} concurrent respondents × ${SAVES} saves; ${ASSESSMENTS.toLocaleString('en')} stored assessments; ` +
    `${REPORTS} reports${WITHOUT_PEER_INDEXES ? '; without the size and region peer indexes' : ''}`,
);
const results: Result[] = [await runOn('sqlite', 'SQLite')];
if (POSTGRES) results.push(await runOn('postgres', 'PostgreSQL'));
else console.log('PostgreSQL not run: give --postgres postgres://… or set XINZHI_TEST_POSTGRES');

console.log(
  '\nstore       | seed s | saves/s | save p50 | save p99 | failed | report p50 | report p99 | 3 peer queries p50 | p99',
);
for (const r of results)
  console.log(
    [
      r.name.padEnd(11),
      r.seedSeconds.toFixed(1).padStart(6),
      (r.saved / r.seconds).toFixed(0).padStart(7),
      ms(percentile(r.save, 0.5)).padStart(8),
      ms(percentile(r.save, 0.99)).padStart(8),
      String(r.failed).padStart(6),
      ms(percentile(r.report, 0.5)).padStart(10),
      ms(percentile(r.report, 0.99)).padStart(10),
      ms(percentile(r.peers, 0.5)).padStart(18),
      ms(percentile(r.peers, 0.99)),
    ].join(' | '),
  );
if (results.length === 2) {
  const [s, p] = results;
  console.log(
    `ratio SQLite / PostgreSQL: saves/s ${(s.saved / s.seconds / (p.saved / p.seconds)).toFixed(2)}, ` +
      `save p99 ${(percentile(s.save, 0.99) / percentile(p.save, 0.99)).toFixed(2)}, ` +
      `report p50 ${(percentile(s.report, 0.5) / percentile(p.report, 0.5)).toFixed(2)}`,
  );
}
if (results.some((r) => r.failed > 0)) process.exit(1);
