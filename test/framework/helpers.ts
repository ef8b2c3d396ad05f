/**
 * Shared helpers of the framework tests: where the seed files are (CI keeps
 * ../shared/seeds beside the clone) and how a citation is found in them.
 */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SEEDS_DIR = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));

const cache = new Map<string, string>();

/** Text of a seed file (throws when the file is missing). */
export function seedText(file: string): string {
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
  return seedText(file).split(/\r?\n/).map((l) => l.replace(/^[\s#*>\-]+/, ''));
}

/** True when the section text starts a line of the seed file (a heading, caption or labelled statement). */
export function sectionOccurs(file: string, section: string): boolean {
  return seedLines(file).some((l) => l.startsWith(section));
}
