/** Duplicate unit-year rows: an error by default; "keep-first" keeps the first and lists every dropped row (issue 9). */
import { describe, expect, it } from 'vitest';
import { tableToPanel } from '../../src/core/panel/from-table.ts';
import type { RawTable } from '../../src/core/panel/raw-table.ts';

const table: RawTable = {
  name: 'dup.csv',
  header: ['unit', 'year', 'x'],
  rows: [
    ['A', '2020', '1'],
    ['A', '2020', '9'],
    ['B', '2020', '2'],
  ],
  firstDataRow: 2,
};

describe('duplicate rows', () => {
  it('are an error naming both rows by default', () => {
    const { problems } = tableToPanel(table, { unit: 'unit', time: 'year' });
    const p = problems.find((x) => x.code === 'duplicate-row');
    expect(p).toMatchObject({ severity: 'error', row: 3, file: 'dup.csv' });
  });
  it('with keep-first: the first row is kept and the dropped one is a warning', () => {
    const { panel, problems } = tableToPanel(table, { unit: 'unit', time: 'year', duplicates: 'keep-first' });
    expect(problems.filter((x) => x.severity === 'error')).toEqual([]);
    const w = problems.find((x) => x.code === 'duplicate-row');
    expect(w?.severity).toBe('warning');
    expect(w?.message.en).toMatch(/dropped row 3/);
    expect(panel.unit).toEqual(['A', 'B']);
    expect(Array.from(panel.columns.x)).toEqual([1, 2]);
  });
  it('in long data too', () => {
    const long: RawTable = {
      name: 'long.csv',
      header: ['unit', 'year', 'indicator', 'value'],
      rows: [
        ['A', '2020', 'x', '1'],
        ['A', '2020', 'x', '5'],
      ],
      firstDataRow: 2,
    };
    const strict = tableToPanel(long, { unit: 'unit', time: 'year', shape: 'long' });
    expect(strict.problems.some((p) => p.code === 'duplicate-row' && p.severity === 'error')).toBe(true);
    const kept = tableToPanel(long, { unit: 'unit', time: 'year', shape: 'long', duplicates: 'keep-first' });
    expect(kept.problems.some((p) => p.severity === 'error')).toBe(false);
    expect(Array.from(kept.panel.columns.x)).toEqual([1]);
  });
});
