/**
 * Jobs of the assessment server on each store: an index build and an effect
 * estimation run in the worker thread and return what `xinzhi evaluate
 * --json` and `xinzhi estimate --json` print on the same files; bad input
 * fails with problems naming the field or column; jobs are confined to their
 * organisation and to admins and assessors; a job left queued when the server
 * stopped runs when it starts again.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/adapters/server/app.ts';
import { openStore } from '../../src/adapters/server/store.ts';
import { freshDatabase, testStores } from './stores.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const PW = 'correct horse battery';
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const cliText = (...args: string[]) =>
  execFileSync(process.execPath, [join(ROOT, 'bin/xinzhi.js'), ...args, '--json'], {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
const cliJson = (...args: string[]) => JSON.parse(cliText(...args));

const DATA = 'data/province-intensity/province_intensity_2013_2022.csv';
const SPEC = 'data/specs/nqpf-province.json';
let evaluateCli: { scores: Array<{ unit: string; time: number; score: number; rank: number }> };
/** `xinzhi analyze obstacle --json` on the results.json of evaluateCli. */
let obstacleCli: { rows: Array<Record<string, unknown>> };
let estimateCli: { models: Array<{ name: string; coefficients: Record<string, { estimate: number; se: number }> }> };

beforeAll(() => {
  const results = cliText('evaluate', '--data', join(ROOT, DATA), '--spec', join(ROOT, SPEC));
  evaluateCli = JSON.parse(results);
  const file = join(mkdtempSync(join(tmpdir(), 'xinzhi-jobs-')), 'results.json');
  writeFileSync(file, results);
  obstacleCli = cliJson('analyze', 'obstacle', '--data', file);
  estimateCli = cliJson(
    'estimate',
    '--data',
    join(ROOT, 'data/estimate/grunfeld.csv'),
    '--model',
    join(ROOT, 'data/estimate/grunfeld-fe.json'),
  );
}, 120_000);

describe.each(testStores())('server jobs on $name', ({ kind }) => {
  let app: FastifyInstance;
  let db = '';
  let drop: () => Promise<void>;
  let admin = '';
  let other = '';

  async function call(method: string, url: string, cookie?: string, payload?: unknown) {
    const r = await app.inject({
      method: method as 'GET',
      url,
      headers: cookie ? { cookie } : {},
      payload: payload as object,
    });
    const set = r.headers['set-cookie'];
    const first = Array.isArray(set) ? set[0] : set;
    return { status: r.statusCode, body: r.body ? JSON.parse(r.body) : null, cookie: first?.split(';')[0] };
  }
  async function finished(id: string, cookie = admin) {
    for (let k = 0; k < 600; k++) {
      const r = await call('GET', `/api/jobs/${id}`, cookie);
      if (r.body.status === 'done' || r.body.status === 'failed') return r.body;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    throw new Error(`job ${id} did not finish`);
  }

  beforeAll(async () => {
    const fresh = await freshDatabase(kind, 'jobs');
    db = fresh.db;
    drop = fresh.drop;
    ({ app } = await buildServer({ db }));
    admin = (await call('POST', '/api/signup', undefined, { org: '甲', email: 'a@jobs.cn', password: PW }))
      .cookie as string;
    other = (await call('POST', '/api/signup', undefined, { org: '乙', email: 'b@jobs.cn', password: PW }))
      .cookie as string;
  });
  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  it('builds the index as xinzhi evaluate does, with analyses on request', async () => {
    const job = await call('POST', '/api/jobs', admin, {
      kind: 'evaluate',
      data: { name: 'province_intensity_2013_2022.csv', text: read(DATA) },
      spec: JSON.parse(read(SPEC)),
      analyses: ['coupling', 'gini', 'obstacle'],
    });
    expect(job.status).toBe(202);
    expect(job.body.status).toBe('queued');
    const done = await finished(job.body.id);
    expect(done.status).toBe('done');
    expect(done.result.result.scores).toEqual(evaluateCli.scores);
    expect(Object.keys(done.result.analyses.runs).sort()).toEqual(['coupling', 'gini', 'obstacle']);
    // the obstacle run's rows come as records, as the CLI prints them
    const obstacle = done.result.analyses.runs.obstacle;
    expect(obstacle.rows).toEqual(obstacleCli.rows);
    expect(obstacle.result.rows).toEqual(obstacleCli.rows.map(({ top, tieAtK, mainDimension, ...row }) => row));
    const list = await call('GET', '/api/jobs', admin);
    expect(list.body.map((j: { id: string }) => j.id)).toContain(job.body.id);
    expect(list.body[0].result).toBeUndefined();
    // the job is sent as the stored text: the members in their order, the result as the worker wrote it
    const raw = await app.inject({ method: 'GET', url: `/api/jobs/${job.body.id}`, headers: { cookie: admin } });
    expect(raw.headers['content-type']).toMatch(/^application\/json/);
    expect(Object.keys(JSON.parse(raw.body))).toEqual([
      'id',
      'kind',
      'status',
      'created_at',
      'started_at',
      'finished_at',
      'result',
      'problems',
    ]);
    expect(raw.body.endsWith(`,"result":${JSON.stringify(done.result)},"problems":null}`)).toBe(true);
  }, 120_000);

  it('estimates as xinzhi estimate does', async () => {
    const job = await call('POST', '/api/jobs', admin, {
      kind: 'estimate',
      data: { name: 'grunfeld.csv', text: read('data/estimate/grunfeld.csv') },
      model: JSON.parse(read('data/estimate/grunfeld-fe.json')),
    });
    const done = await finished(job.body.id);
    expect(done.status).toBe('done');
    expect(done.result.models.map((m: { coefficients: unknown }) => m.coefficients)).toEqual(
      estimateCli.models.map((m) => m.coefficients),
    );
  }, 60_000);

  it('fails a job on bad data with problems naming the column, and refuses bad requests naming the field', async () => {
    const spec = JSON.parse(read(SPEC));
    const text = read(DATA).replace(/^([^\n]*)/, (h) => h.replace('M1_rd_intensity_pct', 'renamed'));
    const job = await call('POST', '/api/jobs', admin, { kind: 'evaluate', data: { name: 'p.csv', text }, spec });
    const done = await finished(job.body.id);
    expect(done.status).toBe('failed');
    expect(JSON.stringify(done.problems)).toContain('M1_rd_intensity_pct');
    const bad = await call('POST', '/api/jobs', admin, {
      kind: 'forecast',
      data: { name: 'p.csv' },
      analyses: ['tea'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p: { column: string }) => p.column).sort()).toEqual(['analyses', 'data', 'kind']);
    const spatial = await call('POST', '/api/jobs', admin, {
      kind: 'estimate',
      data: { name: 'g.csv', text: read('data/estimate/grunfeld.csv') },
      model: { type: 'sdm', y: 'inv', x: ['value'], unit: 'firm', time: 'year', weights: 'queen' },
    });
    const sdone = await finished(spatial.body.id);
    expect(sdone.status).toBe('failed');
    expect(sdone.problems[0].message.en).toMatch(/weights file/);
  }, 60_000);

  it('keeps jobs to their organisation and to admins and assessors', async () => {
    const job = await call('POST', '/api/jobs', admin, {
      kind: 'estimate',
      data: { name: 'grunfeld.csv', text: read('data/estimate/grunfeld.csv') },
      model: JSON.parse(read('data/estimate/grunfeld-fe.json')),
    });
    await finished(job.body.id);
    expect((await call('GET', `/api/jobs/${job.body.id}`, other)).status).toBe(404);
    expect((await call('GET', '/api/jobs', other)).body).toEqual([]);
    expect((await call('GET', `/api/jobs/${job.body.id}`)).status).toBe(401);
    const firm = (await call('POST', '/api/firms', admin, { name: 'F', industry: 'i', size: 's', region: 'r' })).body
      .id;
    const token = (await call('POST', `/api/firms/${firm}/invitations`, admin)).body.token;
    const resp = (
      await call('POST', `/api/invitations/${token}/accept`, undefined, { email: 'r@jobs.cn', password: PW })
    ).cookie as string;
    expect((await call('GET', '/api/jobs', resp)).status).toBe(403);
    expect(
      (await call('POST', '/api/jobs', resp, { kind: 'estimate', data: { name: 'x.csv', text: '' } })).status,
    ).toBe(403);
  }, 60_000);

  it('runs a job left queued by a stopped server when the server starts again', async () => {
    await app.close();
    const store = await openStore(db);
    const org = (await store.createOrg('丙', 'c@jobs.cn', 'x')).org;
    const queued = await store.createJob(org, 'someone', 'estimate', {
      data: { name: 'grunfeld.csv', text: read('data/estimate/grunfeld.csv') },
      model: JSON.parse(read('data/estimate/grunfeld-fe.json')),
    });
    await store.close();
    ({ app } = await buildServer({ db }));
    const check = await openStore(db);
    try {
      for (let k = 0; k < 600; k++) {
        const j = await check.job(org, queued.id);
        if (j?.status === 'done') {
          expect((j.result as { models: unknown[] }).models).toHaveLength(2);
          return;
        }
        await new Promise((ok) => setTimeout(ok, 100));
      }
      throw new Error('the queued job did not run after the restart');
    } finally {
      await check.close();
    }
  }, 90_000);
});
