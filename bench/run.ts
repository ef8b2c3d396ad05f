/**
 * `npm run bench`: runs every benchmark in bench/ (each *.ts file except this
 * one) in its own process, one after the other, and reports failures.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const runner = join(here, '..', 'bin', 'run-ts.js');
const files = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .sort();
let failed = 0;
for (const f of files) {
  process.stdout.write(`\n=== bench/${f} ===\n`);
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', runner, join(here, f)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    process.stdout.write(`bench/${f} failed (exit ${r.status})\n`);
  }
}
process.exit(failed ? 1 : 0);
