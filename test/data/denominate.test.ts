import { describe, expect, it } from 'vitest';
import { denominate } from '../../src/core/panel/denominate.ts';
import type { Panel } from '../../src/core/panel/types.ts';

const p = (): Panel => ({
  unitKey: 'u',
  timeKey: 't',
  unit: ['a', 'b', 'c'],
  time: [2020, 2020, 2020],
  columns: {
    gdp: Float64Array.from([10, 20, NaN]),
    pop: Float64Array.from([2, 0, 5]),
    area: Float64Array.from([1, 2, -4]),
  },
  source: 'd.csv',
  sourceRow: [2, 3, 4],
});

describe('denominate', () => {
  it('divides (× scale) into a new column or in place; NaN stays NaN; zero denominator is an error naming the cell', () => {
    const input = p();
    const r = denominate(input, [
      { column: 'gdp', denominator: 'pop', scale: 10000, as: 'gdp_pc' },
      { column: 'gdp', denominator: 'area' },
    ]);
    expect([...r.panel.columns.gdp_pc]).toEqual([50000, NaN, NaN]);
    expect([...r.panel.columns.gdp]).toEqual([10, 10, NaN]);
    expect(r.problems.map((q) => [q.code, q.severity, q.row, q.unit, q.time, q.column])).toEqual([
      ['zero-denominator', 'error', 3, 'b', 2020, 'pop'],
      ['negative-denominator', 'warning', 4, 'c', 2020, 'area'],
    ]);
    expect(r.problems[0].file).toBe('d.csv');
    expect([...input.columns.gdp]).toEqual([10, 20, NaN]); // input untouched
  });
  it('items read the input, so their order does not matter', () => {
    const r = denominate(p(), [
      { column: 'pop', denominator: 'area' },
      { column: 'gdp', denominator: 'pop', as: 'g' },
    ]);
    expect(r.panel.columns.g[0]).toBe(5); // 10 / original pop 2, not / (2/1)
  });
  it('missing columns and bad scales are errors with the closest name', () => {
    const r = denominate(p(), [
      { column: 'GDP', denominator: 'population' },
      { column: 'gdp', denominator: 'pop', scale: 0 },
    ]);
    expect(r.problems.map((q) => [q.code, q.column])).toEqual([
      ['missing-column', 'GDP'],
      ['missing-column', 'population'],
      ['bad-scale', 'gdp'],
    ]);
    expect(r.problems[0].fix?.en).toContain('"gdp"');
    expect(r.problems[1].fix?.en).toContain('"pop"');
  });
});
