import { describe, expect, it } from 'vitest';
import { validatePanel } from '../../src/core/panel/validate.ts';
import type { Panel } from '../../src/core/panel/types.ts';
import { formatProblem } from '../../src/core/errors.ts';

function panel(): Panel {
  return {
    unitKey: 'u',
    timeKey: 't',
    unit: ['a', 'a', 'b', 'b', 'c'],
    time: [2020, 2021, 2020, 2021, 2020],
    columns: {
      x: Float64Array.from([1, NaN, 3, Infinity, 5]),
      k: Float64Array.from([7, 7, 7, 7, 7]),
      p: Float64Array.from([1, 0, -2, 4, 5]),
      ok: Float64Array.from([1, 2, 3, 4, 5]),
    },
    source: 'd.csv',
    sourceRow: [2, 3, 4, 5, 6],
  };
}

describe('validatePanel', () => {
  it('reports every problem with file, row, unit, time, column', () => {
    const ps = validatePanel(panel(), { columns: ['x', 'k', 'p', 'nope'], positive: ['p'], nonNegative: ['x'] });
    expect(ps.map((p) => [p.code, p.severity, p.column, p.unit, p.time, p.row])).toEqual([
      ['missing-column', 'error', 'nope', undefined, undefined, undefined],
      ['missing-value', 'error', 'x', 'a', 2021, 3],
      ['infinite', 'error', 'x', 'b', 2021, 5],
      ['constant-column', 'warning', 'k', undefined, undefined, undefined],
      ['non-positive', 'error', 'p', 'a', 2021, 3],
      ['non-positive', 'error', 'p', 'b', 2020, 4],
      ['unbalanced', 'warning', undefined, 'c', undefined, undefined],
    ]);
    expect(ps.every((p) => p.file === 'd.csv' || p.code === 'missing-column')).toBe(true);
    expect(ps[1].fix?.en).toContain('"missing"');
    expect(ps[3].message.en).toMatch(/entropy.*zero weight/);
    expect(ps[6].message.en).toContain('2021');
    expect(formatProblem(ps[1])).toBe(
      'error: file d.csv, row 3, column "x", unit a, time 2021: Missing value. Fix: Fill in the value, or choose a missing-value method in the spec, e.g. "missing": {"method": "interpolate"} (linear within the unit), "unit-mean", "time-mean", "group-mean" (with "group") or "drop".',
    );
  });
  it('negatives in nonNegative; zero passes nonNegative', () => {
    const ps = validatePanel(panel(), { columns: ['p'], nonNegative: ['p'], balanced: false });
    expect(ps.map((p) => [p.code, p.unit, p.time])).toEqual([['negative', 'b', 2020]]);
  });
  it('balanced: true makes an unbalanced panel an error; false skips the check', () => {
    expect(validatePanel(panel(), { columns: ['ok'], balanced: true }).map((p) => [p.code, p.severity])).toEqual([
      ['unbalanced', 'error'],
    ]);
    expect(validatePanel(panel(), { columns: ['ok'], balanced: false })).toEqual([]);
  });
  it('duplicate (unit, time) rows', () => {
    const p = panel();
    p.time[1] = 2020;
    const ps = validatePanel(p, { columns: ['ok'], balanced: false });
    expect(ps).toMatchObject([{ code: 'duplicate-row', unit: 'a', time: 2020, row: 3 }]);
    expect(ps[0].message.en).toContain('rows 2 and 3');
  });
  it('degenerate: empty panel, single unit, single time, cross-section, all-NaN column', () => {
    const empty: Panel = { unitKey: 'u', timeKey: 't', unit: [], time: [], columns: { x: new Float64Array() } };
    expect(validatePanel(empty, { columns: ['x'] }).map((p) => p.code)).toEqual(['empty-file']);
    const one: Panel = {
      unitKey: 'u',
      timeKey: 't',
      unit: ['a'],
      time: [2020],
      columns: { x: Float64Array.from([1]) },
    };
    expect(validatePanel(one, { columns: ['x'] }).map((p) => p.code)).toEqual([
      'constant-column',
      'single-unit',
      'single-time',
    ]);
    const cross: Panel = {
      unitKey: 'u',
      timeKey: null,
      unit: ['a', 'b'],
      time: ['', ''],
      columns: { x: Float64Array.from([1, 2]) },
    };
    expect(validatePanel(cross, { columns: ['x'] })).toEqual([]);
    const nan: Panel = {
      unitKey: 'u',
      timeKey: null,
      unit: ['a', 'b'],
      time: ['', ''],
      columns: { x: Float64Array.from([NaN, NaN]) },
    };
    const ps = validatePanel(nan, { columns: ['x'] });
    expect(ps.map((p) => p.code)).toEqual(['missing-value', 'missing-value']);
    expect(ps[0].time).toBeUndefined();
  });
});
