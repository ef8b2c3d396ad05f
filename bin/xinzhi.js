#!/usr/bin/env node
// Entry point of the `xinzhi` command: runs the compiled CLI in dist/ (built by
// `npm run build`, which `npm install`, `npm pack` and `npm test` run). In a
// source checkout without a build it falls back to the TypeScript sources
// through tsx, a development dependency.
import { existsSync } from 'node:fs';
import { hugePagesEnv, runAgainWith } from './huge-pages.js';

// a large input file: started again with malloc's large blocks in huge pages (see huge-pages.js)
const hugePages = hugePagesEnv(process.argv.slice(2));
if (hugePages) await runAgainWith(hugePages);

const compiled = new URL('../dist/adapters/cli/main.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    console.error('xinzhi 尚未构建，请先运行 npm run build / xinzhi is not built: run npm run build');
    process.exit(2);
  }
  register();
  await import('../src/adapters/cli/main.ts');
}
