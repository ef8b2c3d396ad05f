/** The bundled static server compresses text assets (issue 9) and still serves plain bytes to clients that do not ask. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickEncoding, serveStatic } from '../../scripts/serve-web.ts';

let dir = '';
let close: () => Promise<void>;
let base = '';
const JS = `console.log(${JSON.stringify('新质 xinzhi '.repeat(500))});\n`;

function get(path: string, accept?: string): Promise<{ headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((ok, fail) => {
    const req = request(new URL(path, base), { headers: accept ? { 'accept-encoding': accept } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('static server compression', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'xinzhi-serve-'));
    await writeFile(join(dir, 'app.js'), JS);
    await writeFile(join(dir, 'index.html'), '<!doctype html><p>hi</p>');
    const { server, url } = await serveStatic(dir, 0);
    base = url;
    close = () => new Promise((r) => server.close(() => r()));
  });
  afterAll(async () => {
    await close?.();
    await rm(dir, { recursive: true, force: true });
  });
  it('sends Brotli when accepted, gzip otherwise, plain without Accept-Encoding — same bytes after decoding', async () => {
    const br = await get('/app.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(JS);
    expect(br.body.length).toBeLessThan(JS.length / 4);
    const gz = await get('/app.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(JS);
    const plain = await get('/app.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(JS);
    // small files go as they are
    expect((await get('/', 'br')).headers['content-encoding']).toBeUndefined();
  });
  it('reads Accept-Encoding with q-values', () => {
    expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
    expect(pickEncoding('identity')).toBeUndefined();
    expect(pickEncoding(undefined)).toBeUndefined();
  });
});
