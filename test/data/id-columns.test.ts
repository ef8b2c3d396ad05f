/** Identifier columns are recognised and never offered as indicators (issue 9: gb_code counted as an indicator). */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/adapters/web/session.ts';
import { idColumns } from '../../src/core/panel/id-columns.ts';
import type { Panel } from '../../src/core/panel/types.ts';

const ROOT = resolve(import.meta.dirname, '../..');

const panel = (columns: Record<string, number[]>): Panel => ({
  unitKey: 'u',
  timeKey: 't',
  unit: ['A', 'A', 'B', 'B', 'C', 'C'],
  time: [1, 2, 1, 2, 1, 2],
  columns: Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, Float64Array.from(v)])),
});

describe('identifier columns', () => {
  it('by name (code, id, 代码, 编号) and by value (a whole number fixed per unit, distinct between units)', () => {
    const p = panel({
      gb_code: [1, 1, 2, 2, 3, 3],
      firm_id: [7, 8, 9, 1, 2, 3],
      股票代码: [0.5, 1, 2, 3, 4, 5],
      region_code: [10, 10, 20, 20, 30, 30],
      D3_mobile_traffic_gb_per_capita: [1.5, 2, 3, 4, 5, 6],
      hidden: [110000, 110000, 310000, 310000, 440000, 440000],
      gdp: [1.5, 2.5, 3.5, 4.5, 5.5, 6.5],
      // whole numbers that vary within a unit: an indicator (counts of patents)
      patents: [3, 4, 5, 6, 7, 8],
      // the same whole number for two units: not a code
      size_class: [1, 1, 1, 1, 2, 2],
    });
    expect(idColumns(p).map((c) => c.column)).toEqual(['gb_code', 'firm_id', '股票代码', 'region_code', 'hidden']);
  });
  it('the embedded panel offers no code column as an indicator in the web app', async () => {
    const s = new Session();
    await s.load(
      new Uint8Array(readFileSync(join(ROOT, 'data/province-intensity/province_intensity_2013_2022.csv'))),
      'p.csv',
    );
    const ins = s.inspect({ unit: 'Province', time: 'Year', labels: [] });
    expect(ins.codes.map((c) => c.column)).toEqual(['gb_code']);
    expect(ins.indicators).not.toContain('gb_code');
    expect(ins.indicators).toContain('M1_rd_intensity_pct');
  });
});
