/**
 * The built command line (scripts/bundle-cli.ts): every worker thread the
 * code starts is found from the sources, from tsc's output and from the
 * bundle's chunks; every bundled worker module and chunk loads; the
 * bundles import no package that was meant to be inside them; and the
 * package as `npm pack` makes it runs, and loads the same files, with its
 * production dependencies alone (no TypeScript tooling, no bundler).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli-run.ts';
import { bundled } from '../../scripts/bundle-cli.ts';

const SRC = join(ROOT, 'src', 'adapters');
const DIST = join(ROOT, 'dist', 'adapters');
const built = existsSync(join(DIST, 'chunks'));
if (!built) console.log('bundle tests skipped: no bundled build (run npm run build)');

/** The worker modules named in the sources: startWorker / jobWorker / runJobOnWorker(import.meta.url, 'NAME'). */
function workerNames(): Array<{ file: string; name: string }> {
  const out: Array<{ file: string; name: string }> = [];
  for (const f of readdirSync(SRC, { recursive: true, encoding: 'utf8' })) {
    if (!f.endsWith('.ts') || f.startsWith('web')) continue;
    const text = readFileSync(join(SRC, f), 'utf8');
    for (const m of text.matchAll(
      /(?:startWorker|jobWorker(?:<[^>]*>)?|runJobOnWorker(?:<[^>]*>)?)\(\s*import\.meta\.url,\s*'([^']+)'/g,
    ))
      out.push({ file: f, name: m[1] });
  }
  return out;
}

/**
 * Import every bundled worker module and every chunk under `dist` (a build's
 * dist/adapters) in a fresh process: throws when one fails to load.
 */
function importAll(dist: string, cwd: string): void {
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('-worker.js') || f.startsWith(`chunks${sep}`),
  );
  expect(files.filter((f) => f.endsWith('-worker.js')).length).toBeGreaterThanOrEqual(10);
  const code = `for (const f of ${JSON.stringify(files)}) await import(${JSON.stringify(`${dist}/`)} + f); process.exit(0);`;
  execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd, stdio: 'pipe' });
}

/** Bare package imports in a bundled file. */
function packageImports(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*"([^".][^"]*)"/g))
    if (!m[1].startsWith('node:')) out.add(m[1]);
  return [...out];
}

describe('the bundled command line', () => {
  it('names its worker modules relative to src/adapters/<folder>/, so the bundle finds them from its chunks', () => {
    const names = workerNames();
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const { file, name } of names) {
      expect(name, file).toMatch(/^\.\.\/[a-z]+\/[a-z-]+-worker$/);
      // '../io/x-worker' seen from any folder of adapters/ (here a chunks folder) is adapters/io/x-worker
      expect(existsSync(join(SRC, 'chunks', `${name}.ts`)), `${file}: ${name}`).toBe(true);
      if (built) expect(existsSync(join(DIST, 'chunks', `${name}.js`)), `${file}: ${name}`).toBe(true);
    }
  });

  it('imports bundled packages statically (a dynamic import of a bundled CommonJS package gets only its default export)', () => {
    const bad: string[] = [];
    for (const root of [SRC, join(ROOT, 'src', 'core')])
      for (const f of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
        if (!f.endsWith('.ts') || f.startsWith('web')) continue;
        for (const m of readFileSync(join(root, f), 'utf8').matchAll(/\bimport\(\s*'([^'.#][^']*)'\s*\)/g))
          if (bundled(m[1])) bad.push(`${f}: ${m[1]}`);
      }
    expect(bad).toEqual([]);
  });

  it.skipIf(!built)('loads every bundled worker module and every chunk', () => importAll(DIST, ROOT), 60_000);

  it.skipIf(!built)('leaves no bundled package to be loaded from node_modules', () => {
    const files = [
      join(DIST, 'cli', 'main.js'),
      ...readdirSync(join(DIST, 'chunks')).map((f) => join(DIST, 'chunks', f)),
    ];
    const leaks = files.flatMap((f) => packageImports(readFileSync(f, 'utf8')).filter(bundled));
    expect(leaks).toEqual([]);
  });

  it.skipIf(!built)(
    'runs from the packed package with only its production dependencies',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'xinzhi-pack-'));
      try {
        execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, stdio: 'pipe' });
        const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
        execFileSync('tar', ['-xzf', join(dir, tarball), '-C', dir]);
        const app = join(dir, 'package');
        // node_modules with the production dependencies only, linked from this checkout's
        const prod = execFileSync('npm', ['ls', '--omit=dev', '--parseable', '--all'], { cwd: ROOT, encoding: 'utf8' });
        const names = new Set<string>();
        for (const line of prod.split('\n')) {
          const rel = relative(join(ROOT, 'node_modules'), line.trim());
          if (!line.trim() || rel.startsWith('..') || !rel) continue;
          const parts = rel.split(/[\\/]/);
          names.add(parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]);
        }
        expect(names.has('zod')).toBe(true);
        for (const dev of ['tsx', 'esbuild', 'typescript', 'vitest']) expect(names.has(dev), dev).toBe(false);
        for (const name of names) {
          const to = join(app, 'node_modules', name);
          mkdirSync(dirname(to), { recursive: true });
          symlinkSync(join(ROOT, 'node_modules', name), to);
        }
        const out = execFileSync(process.execPath, [join(app, 'bin', 'xinzhi.js'), 'evaluate', '--json'], {
          cwd: app,
          encoding: 'utf8',
          maxBuffer: 64 << 20,
        });
        expect(Object.keys(JSON.parse(out).weights).length).toBeGreaterThan(10);
        importAll(join(app, 'dist', 'adapters'), app);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
