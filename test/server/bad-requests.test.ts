/**
 * Requests the router itself refuses (issue 17): an unknown path or method and
 * an id longer than the router takes answer with a code and a message in both
 * languages, like every other error of the API — not fastify's English text.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/adapters/server/app.ts';
import { freshDatabase } from './stores.ts';

describe('assessment server: requests the router refuses', () => {
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshDatabase('sqlite', 'bad-requests');
    drop = fresh.drop;
    ({ app } = await buildServer({ db: fresh.db }));
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  it('an unknown path or method is a bilingual 404', async () => {
    for (const [method, url] of [
      ['GET', '/api/nope'],
      ['PATCH', '/api/firms'],
    ] as const) {
      const r = await app.inject({ method, url });
      expect(r.statusCode).toBe(404);
      const body = JSON.parse(r.body);
      expect(body.error).toBe('not-found');
      expect(body.message.zh).toContain('没有这个接口');
      expect(body.message.en).toContain(`no such endpoint: ${method} ${url}`);
    }
  });

  it('an id longer than the router takes is a bilingual 414', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/jobs/${'x'.repeat(5000)}` });
    expect(r.statusCode).toBe(414);
    const body = JSON.parse(r.body);
    expect(body.error).toBe('id-too-long');
    expect(body.message.zh).toBeTruthy();
    expect(body.message.en).toMatch(/too long/);
  });
});
