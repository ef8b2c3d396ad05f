import { describe, expect, it } from 'vitest';
import { imputePanel } from '../../src/core/panel/impute.ts';
import { panelFromRows } from '../../src/core/panel/ops.ts';
import type { Panel } from '../../src/core/panel/types.ts';
import { expectClose, here, readJson } from './helpers.ts';

type Row = { unit: string; region?: string; year: number; x: number | null; y?: number | null };
const fx = readJson<Record<string, Row[]>>(here('../reference/data/fixtures/impute_pandas.json'));

function toPanel(rows: Row[]): Panel {
  return panelFromRows(
    rows.map((r) => ({ ...r, x: r.x ?? NaN, ...(r.y !== undefined ? { y: r.y ?? NaN } : {}) })),
    'unit',
    'year',
  );
}

function compare(p: Panel, expected: Row[], cols: string[]): void {
  expect(p.unit.length).toBe(expected.length);
  expected.forEach((e, r) => {
    expect([p.unit[r], p.time[r]]).toEqual([e.unit, e.year]);
    for (const c of cols) expectClose(p.columns[c][r], (e as any)[c], 1e-12, `${e.unit} ${e.year} ${c}`);
  });
}

describe('imputePanel against pandas', () => {
  const input = toPanel(fx.panel);
  const before = Float64Array.from(input.columns.x);
  it('interpolate: interior gaps linear within the unit; ends stay missing and are errors', () => {
    const r = imputePanel(input, ['x', 'y'], { method: 'interpolate' });
    compare(r.panel, fx.interpolate, ['x', 'y']);
    const nanLeft = fx.interpolate.flatMap((e) =>
      (['x', 'y'] as const).filter((c) => e[c] === null).map((c) => `${e.unit}${e.year}${c}`),
    );
    expect(r.problems.map((p) => `${p.unit}${p.time}${p.column}`).sort()).toEqual(nanLeft.sort());
    expect(r.problems.every((p) => p.code === 'missing-not-interpolated' && p.severity === 'error')).toBe(true);
    expect(r.imputed.find((c) => c.unit === 'A' && c.time === 2018 && c.column === 'x')).toEqual({
      unit: 'A',
      time: 2018,
      column: 'x',
      value: 5,
      method: 'interpolate',
    });
    expect(r.imputed).toHaveLength(
      fx.panel.reduce(
        (n, e, i) => n + (['x', 'y'] as const).filter((c) => e[c] === null && fx.interpolate[i][c] !== null).length,
        0,
      ),
    );
  });
  it('interpolate by time value when year rows are absent (pandas method="index")', () => {
    const r = imputePanel(toPanel(fx.uneven_panel), ['x'], { method: 'interpolate' });
    compare(r.panel, fx.uneven_interpolate, ['x']);
  });
  it.each([
    ['unit-mean', 'unit_mean'],
    ['time-mean', 'time_mean'],
    ['group-mean', 'group_mean'],
  ] as const)('%s', (method, key) => {
    const r = imputePanel(input, ['x', 'y'], { method, group: 'region' });
    compare(r.panel, fx[key], ['x', 'y']);
    const left = fx[key].flatMap((e) =>
      (['x', 'y'] as const).filter((c) => e[c] === null).map((c) => `${e.unit}${e.year}${c}`),
    );
    expect(r.problems.map((p) => `${p.unit}${p.time}${p.column}`).sort()).toEqual(left.sort());
    expect(r.problems.every((p) => p.code === 'missing-unfillable')).toBe(true);
    for (const c of r.imputed) expect(c.method).toBe(method);
  });
  it('drop: rows with a missing used cell removed and listed', () => {
    const r = imputePanel(input, ['x', 'y'], { method: 'drop' });
    compare(r.panel, fx.drop, ['x', 'y']);
    expect(r.dropped).toHaveLength(fx.panel.length - fx.drop.length);
    expect(r.dropped[0]).toEqual({ unit: 'A', time: 2015 });
    expect(r.imputed).toEqual([]);
    expect(r.problems.every((p) => p.code === 'row-dropped' && p.severity === 'warning')).toBe(true);
  });
  it('never mutates the input', () => {
    expect([...input.columns.x]).toEqual([...before]);
  });
});

describe('imputePanel: rules and degenerate cases', () => {
  const p: Panel = {
    unitKey: 'u',
    timeKey: 't',
    unit: ['a', 'a', 'a', 'b', 'b', 'b'],
    time: [2020, 2021, 2022, 2020, 2021, 2022],
    columns: { x: Float64Array.from([NaN, 2, 4, 1, NaN, 3]), z: Float64Array.from([NaN, NaN, NaN, NaN, NaN, NaN]) },
    labels: { g: ['e', 'e', 'e', '', '', ''] },
    source: 'f.csv',
    sourceRow: [2, 3, 4, 5, 6, 7],
  };
  it('error (default): every missing cell is an error naming file, row, unit, time, column', () => {
    const r = imputePanel(p, ['x'], { method: 'error' });
    expect(r.problems.map((q) => [q.code, q.file, q.row, q.unit, q.time, q.column])).toEqual([
      ['missing-value', 'f.csv', 2, 'a', 2020, 'x'],
      ['missing-value', 'f.csv', 6, 'b', 2021, 'x'],
    ]);
    expect(Number.isNaN(r.panel.columns.x[0])).toBe(true);
  });
  it('interpolate with a fallback fills the ends by that method and lists both', () => {
    const r = imputePanel(p, ['x'], { method: 'interpolate', fallback: 'unit-mean' } as never);
    expect([...r.panel.columns.x]).toEqual([3, 2, 4, 1, 2, 3]);
    expect(r.imputed.map((c) => [c.unit, c.time, c.method])).toEqual([
      ['b', 2021, 'interpolate'],
      ['a', 2020, 'unit-mean'],
    ]);
    expect(r.problems).toEqual([]);
  });
  it('an all-missing column: nothing to interpolate or average, reported per cell', () => {
    const r = imputePanel(p, ['z'], { method: 'interpolate' });
    expect(r.problems).toHaveLength(6);
    expect(r.problems[0].message.en).toMatch(/no observed value/);
    expect(imputePanel(p, ['z'], { method: 'time-mean' }).problems.map((q) => q.code)).toEqual(
      Array(6).fill('missing-unfillable'),
    );
  });
  it('group-mean: needs a group, the group must be a label column, empty group labels are reported', () => {
    expect(imputePanel(p, ['x'], { method: 'group-mean' }).problems.map((q) => q.code)).toEqual(['missing-group']);
    const wrong = imputePanel(p, ['x'], { method: 'group-mean', group: 'G' }).problems;
    expect(wrong[0]).toMatchObject({ code: 'missing-column', column: 'G' });
    expect(wrong[0].fix?.en).toContain('"g"');
    const r = imputePanel(p, ['x'], { method: 'group-mean', group: 'g' });
    expect(r.problems).toHaveLength(2); // a 2020: no other east unit observed in 2020; b 2021: empty group label
    expect(r.problems[1].message.en).toContain('empty');
  });
  it('unknown columns and methods are errors', () => {
    expect(imputePanel(p, ['nope'], { method: 'unit-mean' }).problems[0].code).toBe('missing-column');
    expect(imputePanel(p, ['x'], { method: 'median' as never }).problems[0].code).toBe('missing-method');
  });
  it('Inf is not missing and not an anchor', () => {
    const q: Panel = {
      unitKey: 'u',
      timeKey: 't',
      unit: ['a', 'a', 'a', 'a'],
      time: [1, 2, 3, 4],
      columns: { x: Float64Array.from([1, NaN, Infinity, 5]) },
    };
    const r = imputePanel(q, ['x'], { method: 'interpolate' });
    expect([...r.panel.columns.x]).toEqual([1, 1 + (4 * 1) / 3, Infinity, 5]); // anchors 1 (t=1) and 5 (t=4)
  });
});
