import { describe, expect, it } from 'vitest';
import {
  panelFromRows,
  rowsByTime,
  selectRows,
  timesOf,
  unitsOf,
  rowsByUnit,
  clonePanel,
} from '../../src/core/panel/ops.ts';
import { XinzhiError } from '../../src/core/errors.ts';

const rows = [
  { p: 'b', y: 2021, x: 1, r: 'e' },
  { p: 'a', y: 2020, x: null, r: 'w' },
  { p: 'b', y: 2020, x: 3, r: 'e' },
];

describe('panel ops', () => {
  const panel = panelFromRows(rows, 'p', 'y');
  it('panelFromRows: numeric vs label columns, null → NaN', () => {
    expect(panel.unit).toEqual(['b', 'a', 'b']);
    expect(panel.time).toEqual([2021, 2020, 2020]);
    expect([...panel.columns.x]).toEqual([1, NaN, 3]);
    expect(panel.labels).toEqual({ r: ['e', 'w', 'e'] });
  });
  it('timesOf sorted, unitsOf first-seen, rowsByTime / rowsByUnit', () => {
    expect(timesOf(panel)).toEqual([2020, 2021]);
    expect(unitsOf(panel)).toEqual(['b', 'a']);
    expect([...rowsByTime(panel)]).toEqual([
      [2020, [1, 2]],
      [2021, [0]],
    ]);
    expect([...rowsByUnit(panel)]).toEqual([
      ['b', [0, 2]],
      ['a', [1]],
    ]);
    expect(timesOf({ ...panel, time: ['2020Q2', '2020Q1', '2020Q2'] })).toEqual(['2020Q1', '2020Q2']);
  });
  it('selectRows copies columns, labels and sourceRow; clonePanel is deep', () => {
    const s = selectRows({ ...panel, sourceRow: [2, 3, 4], source: 'f' }, [2, 0]);
    expect(s.unit).toEqual(['b', 'b']);
    expect([...s.columns.x]).toEqual([3, 1]);
    expect(s.labels).toEqual({ r: ['e', 'e'] });
    expect(s.sourceRow).toEqual([4, 2]);
    const c = clonePanel(panel);
    c.columns.x[0] = 99;
    expect(panel.columns.x[0]).toBe(1);
  });
  it('panelFromRows refuses a column mixing numbers and text, and empty units', () => {
    expect(() =>
      panelFromRows(
        [
          { u: 'a', t: 1, x: 1 },
          { u: 'b', t: 1, x: 'n/a' },
        ],
        'u',
        't',
      ),
    ).toThrow(XinzhiError);
    expect(() => panelFromRows([{ u: '', t: 1, x: 1 }], 'u', 't')).toThrow(/unit is empty/);
  });
  it('cross-section', () => {
    const c = panelFromRows([{ u: 'a', x: 1 }], 'u', null);
    expect(c.timeKey).toBeNull();
    expect(c.time).toEqual(['']);
  });
});
