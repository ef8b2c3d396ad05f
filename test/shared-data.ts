/**
 * Where the optional material beside a clone lives (`../shared/`: the seed
 * papers and public reference data). A fresh clone may not have it: tests that
 * need it call `describeWithShared` and are skipped with one printed line that
 * says why; CI, which has the folder, runs them.
 *
 * @example
 * describeWithShared('seeds/000_bdc2d3c482bae5da.txt', 'seed 000 citations', () => { ... });
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

/** Absolute path of `../shared/` beside the repository (may not exist). */
export const SHARED_DIR = fileURLToPath(new URL('../../shared/', import.meta.url));

const announced = new Set<string>();

/** Absolute path of `../shared/<rel>`, or null when it is absent. */
export function sharedPath(rel: string): string | null {
  const p = SHARED_DIR + rel;
  return existsSync(p) ? p : null;
}

/** True when `../shared/<rel>` exists; otherwise prints once why tests that need it are skipped. */
export function hasShared(rel: string, what = rel): boolean {
  if (sharedPath(rel) !== null) return true;
  if (!announced.has(rel)) {
    announced.add(rel);
    console.log(`skipped (${what}): needs ../shared/${rel} beside the clone, which is absent here; CI has it`);
  }
  return false;
}

/** `describe` that runs only when `../shared/<rel>` exists, else is skipped with a printed reason. */
export function describeWithShared(rel: string, name: string, fn: () => void): void {
  if (hasShared(rel, name)) describe(name, fn);
  else describe.skip(name, fn);
}
