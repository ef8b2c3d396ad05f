/**
 * The assessment server on each store (SQLite; PostgreSQL when
 * XINZHI_TEST_POSTGRES is set): roles, autosave, scoring, peers only over five
 * or more firms, the dashboard, and security — another organisation's session
 * and ids, unauthenticated calls, SQL injection, oversized payloads, login
 * brute force.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/adapters/server/app.ts';
import { BUILTIN_INSTRUMENT } from '../../src/core/assess/instrument.ts';
import type { Answers } from '../../src/core/assess/types.ts';
import { freshDatabase, testStores } from './stores.ts';

const PW = 'correct horse battery';

function fullAnswers(level: number): Answers {
  const a: Answers = {};
  for (const item of BUILTIN_INSTRUMENT.items) {
    if (item.type === 'level') a[item.id] = { level };
    else if (item.type === 'number') a[item.id] = { value: item.bands[Math.max(0, level - 1)] };
    else
      a[item.id] = {
        options: item.options.slice(0, level === 0 ? 0 : Math.ceil((level / 5) * item.options.length)).map((o) => o.id),
      };
  }
  return a;
}

describe.each(testStores())('assessment server on $name', ({ kind }) => {
  let app: FastifyInstance;
  let drop: () => Promise<void>;

  type Res = { status: number; body: any; cookie?: string };
  async function call(method: string, url: string, cookie?: string, payload?: unknown): Promise<Res> {
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
  let orgA: string;
  let orgB: string;
  let firmA: string;
  let assessmentA: string;

  beforeAll(async () => {
    const fresh = await freshDatabase(kind, 'api');
    drop = fresh.drop;
    ({ app } = await buildServer({ db: fresh.db, loginAttempts: 5 }));
    orgA = (await call('POST', '/api/signup', undefined, { org: '甲咨询', email: 'a@a.cn', password: PW }))
      .cookie as string;
    orgB = (await call('POST', '/api/signup', undefined, { org: 'B agency', email: 'b@b.cn', password: PW }))
      .cookie as string;
    firmA = (
      await call('POST', '/api/firms', orgA, {
        name: '甲企业',
        industry: 'manufacturing',
        size: 'large',
        region: '江苏',
      })
    ).body.id;
    assessmentA = (await call('POST', `/api/firms/${firmA}/assessments`, orgA, {})).body.id;
  });
  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  it('serves its OpenAPI description', async () => {
    const r = await call('GET', '/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    expect(Object.keys(r.body.paths)).toContain('/api/assessments/{id}/answers');
  });

  it('saves answers as they come, scores on submit, and reports with the bottleneck and advice', async () => {
    const all = fullAnswers(3);
    const ids = Object.keys(all);
    const half = Object.fromEntries(ids.slice(0, 20).map((k) => [k, all[k]]));
    expect((await call('PUT', `/api/assessments/${assessmentA}/answers`, orgA, { answers: half })).body).toEqual({
      saved: 20,
    });
    const resumed = await call('GET', `/api/assessments/${assessmentA}`, orgA);
    expect(Object.keys(resumed.body.answers)).toHaveLength(20);
    const early = await call('POST', `/api/assessments/${assessmentA}/submit`, orgA);
    expect(early.status).toBe(409);
    expect(early.body.message.zh).toMatch(/未答完/);
    const rest = Object.fromEntries(ids.slice(20).map((k) => [k, all[k]]));
    rest['s000.trust-basis'] = { level: 1 };
    await call('PUT', `/api/assessments/${assessmentA}/answers`, orgA, { answers: rest });
    const sub = await call('POST', `/api/assessments/${assessmentA}/submit`, orgA);
    expect(sub.status).toBe(200);
    expect(sub.body.gatedLevel).toBe(2);
    const rep = await call('GET', `/api/assessments/${assessmentA}/report`, orgA);
    expect(rep.body.report.bottleneck.path).toBe('s000.path.cooperation');
    expect(rep.body.report.recommendations[0].node).toBe('s000.sub.trust-basis');
    expect(rep.body.peers.industry).toEqual({ shown: false, n: 0, minimum: 5 });
    const late = await call('PUT', `/api/assessments/${assessmentA}/answers`, orgA, {
      answers: { 's000.trust-basis': { level: 5 } },
    });
    expect(late.status).toBe(409);
  });

  it('gives the report as HTML, Word and XLSX in either language, and refuses unknown formats', async () => {
    const get = (url: string, cookie = orgA) => app.inject({ method: 'GET', url, headers: { cookie } });
    const html = await get(`/api/assessments/${assessmentA}/report/html?lang=en`);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).toContain('甲企业: NQPF self-assessment report');
    expect(html.body).toContain('id="assess-radar"');
    const zh = await get(`/api/assessments/${assessmentA}/report/html`);
    expect(zh.body).toContain('甲企业：新质生产力自评报告');
    for (const f of ['docx', 'xlsx']) {
      const r = await get(`/api/assessments/${assessmentA}/report/${f}`);
      expect(r.statusCode, f).toBe(200);
      expect(r.headers['content-disposition']).toBe(`attachment; filename="assessment-${assessmentA}.${f}"`);
      expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
    expect((await get(`/api/assessments/${assessmentA}/report/pdf`)).statusCode).toBe(404);
    expect((await get(`/api/assessments/${assessmentA}/report/html?lang=fr`)).statusCode).toBe(400);
  }, 60_000);

  it('lets an admin add the organisation’s own items: a new version for new assessments, scored on its node, invisible to others', async () => {
    const orgC = (await call('POST', '/api/signup', undefined, { org: '丙咨询', email: 'c@c.cn', password: PW }))
      .cookie as string;
    const firmC = (
      await call('POST', '/api/firms', orgC, { name: '丙企业', industry: 'services', size: 'small', region: '浙江' })
    ).body.id;
    const before = (await call('POST', `/api/firms/${firmC}/assessments`, orgC, {})).body;
    expect(before.instrument_version).toBe('1.0.0');
    const item = {
      id: 'org.mes-trust',
      type: 'level',
      node: 's000.sub.trust-basis',
      prompt: { zh: '与伙伴共享生产数据的程度？', en: 'How far do you share production data with partners?' },
      help: { zh: '按实际做法选择。', en: 'Choose what you actually do.' },
      anchors: {
        1: { zh: '不共享', en: 'nothing shared' },
        3: { zh: '按项目共享', en: 'shared per project' },
        5: { zh: '实时共享', en: 'shared in real time' },
      },
    };
    // bad items name the field; only an admin may add
    const bad = await call('POST', '/api/instrument/items', orgC, { items: [{ ...item, id: 'mes', node: 'nowhere' }] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.problems)).toContain('items[0].id');
    expect(JSON.stringify(bad.body.problems)).toContain('items[0].node');
    const added = await call('POST', '/api/instrument/items', orgC, { items: [item] });
    expect(added.status).toBe(201);
    const orgId = (await call('GET', '/api/me', orgC)).body.org;
    expect(added.body.version).toBe(`1.0.0+${orgId}.1`);
    expect(added.body.items).toBe(BUILTIN_INSTRUMENT.items.length + 1);
    expect((await call('POST', '/api/instrument/items', orgC, { items: [item] })).status).toBe(400); // id taken
    // other organisations neither see nor can answer it
    expect((await call('GET', '/api/instrument', orgB)).body.items.some((i: { id: string }) => i.id === item.id)).toBe(
      false,
    );
    expect(
      (await call('PUT', `/api/assessments/${assessmentA}/answers`, orgA, { answers: { [item.id]: { level: 5 } } }))
        .status,
    ).toBe(409); // A's assessment is submitted; a fresh one of A's refuses the unknown item
    const freshA = (await call('POST', `/api/firms/${firmA}/assessments`, orgA, {})).body.id;
    const refused = await call('PUT', `/api/assessments/${freshA}/answers`, orgA, {
      answers: { [item.id]: { level: 5 } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('unknown-item');
    // a new assessment of C uses the new version; the sub-category is the mean of its two items: (3 × 20 + 5 × 20) / 2 = 80
    const after = (await call('POST', `/api/firms/${firmC}/assessments`, orgC, {})).body;
    expect(after.instrument_version).toBe(added.body.version);
    const answers = { ...fullAnswers(3), [item.id]: { level: 5 } };
    expect((await call('PUT', `/api/assessments/${after.id}/answers`, orgC, { answers })).status).toBe(200);
    expect((await call('POST', `/api/assessments/${after.id}/submit`, orgC)).status).toBe(200);
    const rep = await call('GET', `/api/assessments/${after.id}/report`, orgC);
    expect(rep.body.scores.nodes['s000.sub.trust-basis'].score).toBe(80);
    expect(rep.body.scores.nodes['s000.sub.trust-basis'].children).toContain(item.id);
    // the earlier assessment keeps the built-in version and cannot take the new item
    const old = await call('PUT', `/api/assessments/${before.id}/answers`, orgC, {
      answers: { [item.id]: { level: 5 } },
    });
    expect(old.status).toBe(400);
  });

  it('refuses bad answers naming the item, and unknown items', async () => {
    const a = (await call('POST', `/api/firms/${firmA}/assessments`, orgA, {})).body.id;
    const r = await call('PUT', `/api/assessments/${a}/answers`, orgA, {
      answers: { 's000.trust-basis': { level: 9 } },
    });
    expect(r.status).toBe(400);
    expect(r.body.message.en).toMatch(/item s000\.trust-basis: needs a whole level from 0 to 5/);
    const u = await call('PUT', `/api/assessments/${a}/answers`, orgA, { answers: { nope: { level: 1 } } });
    expect(u.status).toBe(400);
    expect(u.body.error).toBe('unknown-item');
  });

  it('shows peer aggregates only when a group has five other firms, never single scores', async () => {
    const peersOrg = (await call('POST', '/api/signup', undefined, { org: 'Peers', email: 'p@p.cn', password: PW }))
      .cookie as string;
    for (let k = 0; k < 5; k++) {
      const f = (
        await call('POST', '/api/firms', peersOrg, {
          name: `P${k}`,
          industry: 'manufacturing',
          size: 'small',
          region: 'R',
        })
      ).body.id;
      const a = (await call('POST', `/api/firms/${f}/assessments`, peersOrg, {})).body.id;
      await call('PUT', `/api/assessments/${a}/answers`, peersOrg, { answers: fullAnswers(k + 1) });
      expect((await call('POST', `/api/assessments/${a}/submit`, peersOrg)).status).toBe(200);
      const rep = await call('GET', `/api/assessments/${assessmentA}/report`, orgA);
      if (k < 4) expect(rep.body.peers.industry).toEqual({ shown: false, n: k + 1, minimum: 5 });
      else {
        expect(rep.body.peers.industry.shown).toBe(true);
        expect(rep.body.peers.industry.n).toBe(5);
        expect(JSON.stringify(rep.body.peers)).not.toMatch(/P[0-4]|firm/);
      }
    }
  });

  it('gives a respondent with an invitation exactly one firm', async () => {
    const other = (
      await call('POST', '/api/firms', orgA, { name: '乙企业', industry: 'services', size: 'small', region: '浙江' })
    ).body.id;
    const inv = (await call('POST', `/api/firms/${firmA}/invitations`, orgA)).body.token;
    const resp = await call('POST', `/api/invitations/${inv}/accept`, undefined, { email: 'r@a.cn', password: PW });
    expect(resp.status).toBe(201);
    const r = resp.cookie as string;
    expect((await call('GET', '/api/firms', r)).body.map((f: { id: string }) => f.id)).toEqual([firmA]);
    expect((await call('GET', `/api/firms/${other}`, r)).status).toBe(404);
    expect((await call('POST', `/api/firms/${other}/assessments`, r, {})).status).toBe(404);
    expect((await call('GET', '/api/dashboard', r)).status).toBe(403);
    expect(
      (await call('POST', `/api/invitations/${inv}/accept`, undefined, { email: 'r2@a.cn', password: PW })).status,
    ).toBe(404);
  });

  it("answers 404 to every call with another organisation's ids, and 401 without a session", async () => {
    const calls: Array<[string, string, unknown?]> = [
      ['GET', `/api/firms/${firmA}`],
      ['POST', `/api/firms/${firmA}/assessments`, {}],
      ['POST', `/api/firms/${firmA}/invitations`],
      ['GET', `/api/assessments/${assessmentA}`],
      ['PUT', `/api/assessments/${assessmentA}/answers`, { answers: { 's000.trust-basis': { level: 5 } } }],
      ['POST', `/api/assessments/${assessmentA}/submit`],
      ['GET', `/api/assessments/${assessmentA}/report`],
      ['GET', `/api/assessments/${assessmentA}/report/html`],
      ['GET', `/api/assessments/${assessmentA}/report/docx`],
    ];
    for (const [m, u, p] of calls) {
      expect((await call(m, u, orgB, p)).status, `${m} ${u}`).toBe(404);
      expect((await call(m, u, undefined, p)).status, `${m} ${u} unauthenticated`).toBe(401);
    }
    expect((await call('GET', '/api/firms', orgB)).body).toEqual([]);
    expect((await call('GET', '/api/dashboard', orgB)).body).toEqual([]);
    const exp = await call('GET', '/api/export', orgB);
    expect(JSON.stringify(exp.body)).not.toContain(firmA);
    // nothing changed for A
    expect((await call('GET', `/api/assessments/${assessmentA}`, orgA)).body.answers['s000.trust-basis']).toEqual({
      level: 1,
    });
  });

  it('lists every firm on the dashboard with its latest submitted assessment and the movement since the one before', async () => {
    const before = (await call('GET', `/api/assessments/${assessmentA}`, orgA)).body.overall as number;
    const again = (await call('POST', `/api/firms/${firmA}/assessments`, orgA, {})).body.id;
    await call('PUT', `/api/assessments/${again}/answers`, orgA, { answers: fullAnswers(5) });
    const sub = await call('POST', `/api/assessments/${again}/submit`, orgA);
    expect(sub.status).toBe(200);
    const open = (await call('POST', `/api/firms/${firmA}/assessments`, orgA, {})).body.id; // not submitted: not shown
    const dash = (await call('GET', '/api/dashboard', orgA)).body;
    expect(dash.map((f: { name: string }) => f.name)).toEqual(['甲企业', '乙企业']);
    expect(dash[0].latest).toEqual({
      assessment: again,
      overall: sub.body.overall,
      gatedLevel: sub.body.gatedLevel,
      submittedAt: expect.any(String),
    });
    expect(dash[0].latest.assessment).not.toBe(open);
    expect(dash[0].movement).toBe(sub.body.overall - before);
    expect(dash[1]).toMatchObject({ latest: null, movement: null });
  });

  it('stores SQL-injection text as text', async () => {
    const name = "x'); DROP TABLE firms; --";
    const f = await call('POST', '/api/firms', orgB, { name, industry: "' OR 1=1 --", size: 's', region: 'r' });
    expect(f.status).toBe(201);
    expect((await call('GET', `/api/firms/${f.body.id}`, orgB)).body.name).toBe(name);
    expect((await call('GET', '/api/firms', orgA)).body.length).toBeGreaterThan(0);
    expect((await call('GET', `/api/firms/' OR '1'='1`, orgB)).status).toBe(404);
  });

  it('refuses oversized payloads and malformed bodies with a bilingual error', async () => {
    const big = {
      answers: Object.fromEntries(Array.from({ length: 400 }, (_, k) => [`k${k}`, { options: ['x'.repeat(1000)] }])),
    };
    const r = await call('PUT', `/api/assessments/${assessmentA}/answers`, orgA, big);
    expect(r.status).toBe(413);
    expect(r.body.message.zh).toBe('请求体过大');
    expect((await call('POST', '/api/firms', orgA, { name: 'x' })).status).toBe(400);
  });

  it('limits login attempts per address and email', async () => {
    const codes: number[] = [];
    for (let k = 0; k < 7; k++)
      codes.push((await call('POST', '/api/login', undefined, { email: 'b@b.cn', password: `wrong${k}` })).status);
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5)).toEqual([429, 429]);
    // another account from the same address is not locked out
    expect((await call('POST', '/api/login', undefined, { email: 'a@a.cn', password: PW })).status).toBe(200);
  });

  it('keeps an audit log, exports and deletes an organisation', async () => {
    const log = await call('GET', '/api/audit', orgA);
    expect(log.body.map((e: { action: string }) => e.action)).toContain('answers.save');
    const del = await call('DELETE', '/api/org', orgB);
    expect(del.status).toBe(200);
    expect((await call('GET', '/api/me', orgB)).status).toBe(401);
    expect((await call('POST', '/api/login', undefined, { email: 'b@b.cn', password: PW })).status).not.toBe(200);
  });
});
