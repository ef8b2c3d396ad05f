/** plm's Grunfeld data (test/reference/estimate/grunfeld.csv) as columns, for the estimation tests. */
import type { Panel } from '../../src/core/panel/types.ts';
import { readFileSync } from 'node:fs';

const rows = readFileSync(new URL('../reference/estimate/grunfeld.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(',').map(Number));
const col = (j: number) => rows.map((r) => r[j]);

export const [firm, year, inv, value, capital] = [0, 1, 2, 3, 4].map(col);

/** Grunfeld as a panel (units = firms, times = years) with inv, value and capital, and optional label columns. */
export function grunfeldPanel(labels?: Record<string, string[]>): Panel {
  return {
    unitKey: 'firm',
    timeKey: 'year',
    unit: firm.map(String),
    time: year,
    columns: { inv: Float64Array.from(inv), value: Float64Array.from(value), capital: Float64Array.from(capital) },
    ...(labels ? { labels } : {}),
  };
}
