/**
 * Shared helpers of the framework tests: where the seed files are (CI keeps
 * ../shared/seeds beside the clone) and how a citation is found in them.
 */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hasShared } from '../shared-data.ts';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SEEDS_DIR = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));

/** True when the seed papers are beside the clone; tests that read them run only then (a line says why otherwise). */
export const HAVE_SEEDS = hasShared('seeds/', 'tests that read the seed papers');

const cache = new Map<string, string>();

/**
 * Text of a seed file. Throws when the seeds are beside the clone but the file
 * is missing; without the seeds it returns '' (the tests that use it are skipped).
 */
export function seedText(file: string): string {
  if (!HAVE_SEEDS) return '';
  let t = cache.get(file);
  if (t === undefined) {
    const path = SEEDS_DIR + file;
    if (!existsSync(path)) throw new Error(`seed file not found: ../shared/seeds/${file}`);
    t = readFileSync(path, 'utf8');
    cache.set(file, t);
  }
  return t;
}

/** Lines of a seed file with leading whitespace and Markdown markers (#, *, >, -) removed. */
export function seedLines(file: string): string[] {
  return seedText(file)
    .split(/\r?\n/)
    .map((l) => l.replace(/^[\s#*>-]+/, ''));
}

/** True when the section text starts a line of the seed file (a heading, caption or labelled statement). */
export function sectionOccurs(file: string, section: string): boolean {
  return seedLines(file).some((l) => l.startsWith(section));
}
