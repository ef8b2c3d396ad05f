/**
 * Property-based tests of `xinzhi serve` (issue 17): every route called with
 * malformed JSON, wrong types, missing and unknown fields, deep nesting,
 * oversized strings, unknown or hostile ids, and with no session, a session
 * of another organisation or the right one. Every answer is below 500, and an
 * error answer carries a code and a message in both languages; the server
 * answers a health check after every request — it never crashes.
 */
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/adapters/server/app.ts';
import { BUILTIN_INSTRUMENT } from '../../src/core/assess/instrument.ts';
import { freshDatabase } from '../server/stores.ts';
import { RUNS, SEED } from './contract.ts';

const PW = 'correct horse battery';
let app: FastifyInstance;
let drop: () => Promise<void>;
const ids = { firm: '', assessment: '', admin: '', other: '' };

async function call(method: string, url: string, cookie?: string, payload?: unknown, contentType?: string) {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (contentType) headers['content-type'] = contentType;
  const r = await app.inject({ method: method as 'GET', url, headers, payload: payload as string });
  const set = r.headers['set-cookie'];
  const first = Array.isArray(set) ? set[0] : set;
  return {
    status: r.statusCode,
    body: r.body,
    type: String(r.headers['content-type'] ?? ''),
    cookie: first?.split(';')[0],
  };
}

const ITEM = BUILTIN_INSTRUMENT.items[0].id;
/** Path parameters: the real ones, unknown ones and hostile ones. */
const IDS = (): string[] => [
  ids.firm,
  ids.assessment,
  'unknown',
  "1' OR '1'='1",
  '../../etc/passwd',
  '%00',
  'x'.repeat(5000),
  '数字化',
  '-1',
  '1e309',
];
const ROUTES: Array<[string, string]> = [
  ['GET', '/api/instrument'],
  ['POST', '/api/instrument/items'],
  ['POST', '/api/signup'],
  ['POST', '/api/login'],
  ['POST', '/api/logout'],
  ['GET', '/api/me'],
  ['POST', '/api/users'],
  ['POST', '/api/firms'],
  ['GET', '/api/firms'],
  ['GET', '/api/firms/:id'],
  ['POST', '/api/firms/:id/invitations'],
  ['POST', '/api/invitations/:id/accept'],
  ['POST', '/api/firms/:id/assessments'],
  ['GET', '/api/assessments/:id'],
  ['PUT', '/api/assessments/:id/answers'],
  ['POST', '/api/assessments/:id/submit'],
  ['GET', '/api/assessments/:id/report'],
  ['GET', '/api/assessments/:id/report/:format'],
  ['POST', '/api/jobs'],
  ['GET', '/api/jobs'],
  ['GET', '/api/jobs/:id'],
  ['GET', '/api/dashboard'],
  ['GET', '/api/audit'],
  ['GET', '/api/nope'],
  ['PATCH', '/api/firms'],
];

const deep = (n: number): unknown => (n === 0 ? 1 : { a: deep(n - 1) });

/** Bodies: as raw text (malformed JSON, wrong content types) or as values sent as JSON. */
const BODIES: Array<{ raw?: string; value?: unknown; type?: string }> = [
  { raw: '{' },
  { raw: '{"answers": ' },
  { raw: 'null', type: 'application/json' },
  { raw: '[]', type: 'application/json' },
  { raw: '"text"', type: 'application/json' },
  { raw: '{"a":1,"a":2}', type: 'application/json' },
  { raw: 'answers=1', type: 'application/x-www-form-urlencoded' },
  { raw: '<xml/>', type: 'text/xml' },
  { raw: '\u0000\u0001', type: 'application/json' },
  { value: {} },
  { value: { name: 7 } },
  { value: { name: 'Firm 1', industry: null } },
  { value: { org: 'o', email: 'x', password: '' } },
  { value: { email: 'a@a.cn', password: PW } },
  { value: { email: 'a@a.cn', password: 'x'.repeat(300) } },
  { value: { answers: {} } },
  { value: { answers: { [ITEM]: { level: 3 } } } },
  { value: { answers: { [ITEM]: { level: 'high' } } } },
  { value: { answers: { [ITEM]: { level: Number.POSITIVE_INFINITY } } } },
  { value: { answers: { [ITEM]: null } } },
  { value: { answers: { [ITEM]: { options: ['nope', 'nope'] } } } },
  { value: { answers: { nope: { level: 1 } } } },
  { value: { answers: [1, 2] } },
  { value: { answers: deep(500) } },
  { value: deep(2000) },
  { value: { items: [{}] } },
  { value: { items: [{ id: 'org.x', type: 'level', node: 'nope' }] } },
  { value: { excludedPaths: ['nope'] } },
  { value: { excludedPaths: 'all' } },
  { value: { kind: 'evaluate', data: { name: 'd.csv', text: 'a,b\n1,2' }, spec: {} } },
  { value: { kind: 'estimate', data: { name: 'd.csv', text: '' }, model: { type: 'fe' } } },
  { value: { kind: 'nope', data: { name: 'd.csv' } } },
  { value: { kind: 'evaluate', data: { name: 'd.xlsx', base64: '!!!not base64' }, spec: { indicators: 'x' } } },
  { value: { email: 'new@x.cn', role: 'god', password: PW } },
  { value: { name: 'x'.repeat(300_000) } },
  { value: { name: '\u202e\ud800' } },
];

describe('fuzz: serve', () => {
  beforeAll(async () => {
    const fresh = await freshDatabase('sqlite', 'fuzz-serve');
    drop = fresh.drop;
    ({ app } = await buildServer({ db: fresh.db, loginAttempts: 1000 }));
    ids.admin =
      (await call('POST', '/api/signup', undefined, { org: 'A', email: 'a@a.cn', password: PW })).cookie ?? '';
    ids.other =
      (await call('POST', '/api/signup', undefined, { org: 'B', email: 'b@b.cn', password: PW })).cookie ?? '';
    ids.firm = JSON.parse((await call('POST', '/api/firms', ids.admin, { name: 'Firm 1' })).body).id;
    ids.assessment = JSON.parse((await call('POST', `/api/firms/${ids.firm}/assessments`, ids.admin, {})).body).id;
  });
  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  it('every route with bad bodies, ids and sessions answers below 500 with a bilingual error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        fc.nat(),
        fc.constantFrom(...BODIES),
        fc.constantFrom('admin', 'other', 'none', 'forged'),
        fc.constantFrom('html', 'docx', 'xlsx', 'pdf', ''),
        async ([method, route], idPick, body, who, format) => {
          const list = IDS();
          const id = encodeURIComponent(list[idPick % list.length]);
          const url = route.replace(':id', id).replace(':format', format);
          const cookie =
            who === 'admin'
              ? ids.admin
              : who === 'other'
                ? ids.other
                : who === 'forged'
                  ? 'xinzhi_session=forged'
                  : undefined;
          const hasBody = method !== 'GET';
          const payload = !hasBody ? undefined : (body.raw ?? JSON.stringify(body.value));
          const type = !hasBody ? undefined : (body.type ?? 'application/json');
          const label = `${method} ${url.slice(0, 120)} ${who} ${String(payload).slice(0, 120)}`;
          const r = await call(method, url, cookie, payload, type);
          expect(r.status, `${label}: ${r.body.slice(0, 300)}`).toBeLessThan(500);
          if (r.status >= 400) {
            const err = JSON.parse(r.body) as { error?: string; message?: { zh?: string; en?: string } };
            expect(err.error, label).toBeTruthy();
            expect(err.message?.zh, label).toBeTruthy();
            expect(err.message?.en, label).toBeTruthy();
            expect(err.message?.en, label).not.toMatch(/Cannot read properties|is not a function|undefined is not/);
          }
          expect((await call('GET', '/api/health')).status, `${label}: the server still answers`).toBe(200);
          // a logout ends the session: log in again so later requests run as that user
          if (route === '/api/logout' && (who === 'admin' || who === 'other')) {
            const email = who === 'admin' ? 'a@a.cn' : 'b@b.cn';
            ids[who] =
              (await call('POST', '/api/login', undefined, JSON.stringify({ email, password: PW }), 'application/json'))
                .cookie ?? '';
          }
        },
      ),
      { numRuns: RUNS * 4, seed: SEED },
    );
  }, 120_000);

  it('jobs with bad data, specs and models fail with problems naming the input, never an internal error', async () => {
    const bodies = [
      { kind: 'evaluate', data: { name: 'd.csv', text: 'a,b\n1,2' }, spec: {} },
      { kind: 'evaluate', data: { name: 'd.csv', text: '' }, spec: { indicators: 'x' } },
      { kind: 'evaluate', data: { name: 'd.xlsx', base64: '!!!not base64' }, spec: { unit: 'u', indicators: [] } },
      {
        kind: 'evaluate',
        data: { name: 'd.xlsx', base64: Buffer.from('PK\u0003\u0004broken').toString('base64') },
        spec: {},
      },
      { kind: 'estimate', data: { name: 'd.csv', text: 'firm,year,y,x\nA,1,1,1' }, model: { type: 'fe' } },
      {
        kind: 'estimate',
        data: { name: 'd.csv', text: 'firm,year,y,x\nA,1,1e309,1\nA,2,1,2' },
        model: { type: 'fe', y: 'y', x: ['x'], unit: 'firm', time: 'year' },
      },
      {
        kind: 'estimate',
        data: { name: 'd.csv', text: 'firm,year,y,x\nA,1,0,1\nA,2,0,2\nB,1,0,3\nB,2,0,1' },
        model: { type: 'fe', y: 'y', x: ['x'], unit: 'firm', time: 'year', fe: [] },
      },
      { kind: 'estimate', data: { name: 'd.csv', text: 'firm,year,y,x\nA,1,1,1' }, model: [1, 2] },
    ];
    const posted: string[] = [];
    for (const b of bodies) {
      const r = await call('POST', '/api/jobs', ids.admin, JSON.stringify(b), 'application/json');
      expect(r.status, `${JSON.stringify(b)}: ${r.body}`).toBeLessThan(500);
      if (r.status === 202) posted.push(JSON.parse(r.body).id);
    }
    expect(posted.length).toBeGreaterThan(3);
    for (const id of posted) {
      let job: { status: string; problems?: Array<{ code: string; message: { zh: string; en: string } }> } = {
        status: 'queued',
      };
      for (let k = 0; k < 300 && job.status !== 'done' && job.status !== 'failed'; k++) {
        job = JSON.parse((await call('GET', `/api/jobs/${id}`, ids.admin)).body);
        if (job.status !== 'done' && job.status !== 'failed') await new Promise((r) => setTimeout(r, 100));
      }
      expect(['done', 'failed'], JSON.stringify(job)).toContain(job.status);
      for (const p of job.problems ?? []) {
        expect(p.code, JSON.stringify(p)).not.toMatch(/^(internal|job-crashed)$/);
        expect(p.message.zh && p.message.en, JSON.stringify(p)).toBeTruthy();
      }
    }
  }, 60_000);
});
