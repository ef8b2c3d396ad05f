/**
 * A longer run of the property-based bad-input suite (test/fuzz):
 *   node bin/run-ts.js scripts/fuzz.ts [--runs 2000] [--seed 7]
 * CI runs the same suite with a fixed seed and 60 runs per property. The suite
 * is every file of test/fuzz: evaluate, analyze, estimate, tfp, simulate, text,
 * qca and serve (docs/limits.md lists what each generates).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const runs = arg('runs', '1000');
const seed = arg('seed', String(Date.now() % 1_000_000));
console.log(`fuzz: ${runs} runs per property, seed ${seed} (repeat with --seed ${seed})`);
const root = fileURLToPath(new URL('..', import.meta.url));
const r = spawnSync(process.execPath, [`${root}node_modules/vitest/vitest.mjs`, 'run', 'test/fuzz'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
});
process.exit(r.status ?? 1);
