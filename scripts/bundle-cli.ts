/**
 * Bundle the command line for start-up speed (run by `npm run build` after
 * tsc): the CLI's entry (dist/adapters/cli/main.js) and every worker-thread
 * module (dist/adapters/**\/*-worker.js) are rewritten as esbuild bundles of
 * our modules and the small pure-JavaScript packages they load on every
 * run; code shared between them, and each command's module (loaded when its
 * command runs), go to chunks in dist/adapters/chunks/. Node then reads a few
 * files instead of about two hundred modules: `xinzhi evaluate` on the
 * embedded data runs in 0.38 s instead of 0.55 s.
 *
 * The chunks sit two levels below dist/, as every other module does, so the
 * paths taken from import.meta.url (`../../../data/…`, `../io/x-worker`)
 * resolve the same from a chunk, from tsc's output and from the sources.
 * Packages with native code, WebAssembly or files of their own stay outside
 * the bundle and load from node_modules as before; so do the imports mapped
 * in package.json (`#echarts`, `#exceljs`).
 *
 * Usage: node bin/run-ts.js scripts/bundle-cli.ts
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

/** Packages bundled: pure JavaScript, loaded by most commands (the rest load from node_modules). */
const BUNDLED_PACKAGES = [
  '@noble/hashes',
  '@stdlib/*',
  'cli-progress',
  'commander',
  'fflate',
  'ml-matrix',
  'papaparse',
  'seedrandom',
  'yaml',
  'zod',
];

/** Whether a bare import (`zod`, `@stdlib/x/lib`) is of a bundled package. */
export function bundled(path: string): boolean {
  const parts = path.split('/');
  const name = path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return BUNDLED_PACKAGES.some((p) => (p.endsWith('/*') ? name.startsWith(p.slice(0, -1)) : name === p));
}

/** Leave Node's modules, mapped imports and packages not bundled to be imported at run time. */
const externals: Plugin = {
  name: 'xinzhi-externals',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (a) =>
      a.path.startsWith('node:') || a.path.startsWith('#') || !bundled(a.path) ? { external: true } : undefined,
    );
  },
};

/** The worker-thread modules under `dir` (file names ending in -worker.ts; the web app's are Vite's). */
function workerModules(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('-worker.ts') && !f.startsWith('web'))
    .map((f) => join(dir, f));
}

/** Build the bundles into dist/ (over tsc's files of the same names). */
async function bundleCli(): Promise<void> {
  const entryPoints = ['src/adapters/cli/main.ts', ...workerModules('src/adapters')];
  const out = await build({
    entryPoints,
    outdir: 'dist',
    outbase: 'src',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'adapters/chunks/[name]-[hash]',
    // bundled CommonJS packages require Node's modules: give them Node's require
    banner: {
      js: "import { createRequire as __xinzhiRequire } from 'node:module'; const require = __xinzhiRequire(import.meta.url);",
    },
    plugins: [externals],
    metafile: true,
    logLevel: 'warning',
  });
  const files = Object.keys(out.metafile.outputs).length;
  process.stdout.write(`bundled ${entryPoints.length} entry points into ${files} files (dist/adapters/chunks/)\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await bundleCli();
