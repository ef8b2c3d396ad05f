/** plm's Grunfeld data (test/reference/estimate/grunfeld.csv) as columns, for the estimation tests. */
import { readFileSync } from 'node:fs';

const rows = readFileSync(new URL('../reference/estimate/grunfeld.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(',').map(Number));
const col = (j: number) => rows.map((r) => r[j]);

export const [firm, year, inv, value, capital] = [0, 1, 2, 3, 4].map(col);
