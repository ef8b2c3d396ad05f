/**
 * Serve the built web app (dist/web) on localhost with node:http and print
 * its address. `npm run web` builds first (vite build) and then runs this.
 * Options: --port N (or PORT; default 5178, 0 = any free port), --host H
 * (default 127.0.0.1), --dir D (default dist/web).
 * `serveStatic` is reused by the browser tests and the benchmark.
 * Text assets (HTML, JS, CSS, JSON, GeoJSON, SVG, CSV, WASM) are sent with
 * Brotli or gzip when the browser accepts it (Brotli preferred), compressed
 * once per file and kept in memory.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.svg', '.csv', '.wasm', '.map']);
const packed = new Map<string, Buffer>();

/** The encoding to send: br if accepted, else gzip if accepted, else none (q=0 refuses). */
export function pickEncoding(accept: string | undefined): 'br' | 'gzip' | undefined {
  const ok = new Set(
    (accept ?? '')
      .split(',')
      .map((p) => p.trim().split(';'))
      .filter(([, q]) => !q || Number(q.split('=')[1]) > 0)
      .map(([e]) => e.trim().toLowerCase()),
  );
  return ok.has('br') ? 'br' : ok.has('gzip') ? 'gzip' : undefined;
}

function compressed(file: string, body: Buffer, enc: 'br' | 'gzip', mtime: number): Buffer {
  const key = `${enc}:${mtime}:${file}`;
  let out = packed.get(key);
  if (!out) {
    out =
      enc === 'br'
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } })
        : gzipSync(body, { level: 9 });
    packed.set(key, out);
  }
  return out;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

/** Serve a directory; resolves with the server and its URL once listening. */
export async function serveStatic(dir: string, port = 0, host = '127.0.0.1'): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const ext = extname(file).toLowerCase();
      const enc =
        COMPRESSIBLE.has(ext) && body.length > 1024 ? pickEncoding(req.headers['accept-encoding']) : undefined;
      const headers: Record<string, string> = {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        vary: 'accept-encoding',
      };
      if (enc) {
        const packedBody = compressed(file, body, enc, (await stat(file)).mtimeMs);
        res.writeHead(200, { ...headers, 'content-encoding': enc, 'content-length': String(packedBody.length) });
        res.end(packedBody);
        return;
      }
      res.writeHead(200, { ...headers, 'content-length': String(body.length) });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok());
  });
  const addr = server.address();
  const p = typeof addr === 'object' && addr ? addr.port : port;
  return { server, url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${p}/` };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = arg('dir') ?? fileURLToPath(new URL('../dist/web', import.meta.url));
  const port = Number(arg('port') ?? process.env.PORT ?? 5178);
  const host = arg('host') ?? '127.0.0.1';
  if (!(await stat(join(dir, 'index.html')).catch(() => null))) {
    console.error(
      `dist/web/index.html 不存在，请先构建 / not built yet: run "npm run web" (vite build) first. (${dir})`,
    );
    process.exit(1);
  }
  const { url } = await serveStatic(dir, port, host);
  console.log(`xinzhi 网页版已启动 / web app running at ${url}`);
  console.log('按 Ctrl+C 停止 / press Ctrl+C to stop');
}
