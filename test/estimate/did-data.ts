/** The simulated DID panels written by test/reference/estimate/did_reference.R, as columns of numbers. */
import { readFileSync } from 'node:fs';

export function readCsv(name: string): Record<string, number[]> {
  const lines = readFileSync(new URL(`../reference/estimate/${name}`, import.meta.url), 'utf8')
    .trim()
    .split('\n');
  const head = lines[0].split(',').map((h) => h.replace(/"/g, ''));
  const rows = lines.slice(1).map((l) => l.split(',').map(Number));
  return Object.fromEntries(head.map((h, j) => [h, rows.map((r) => r[j])]));
}
