/**
 * JSON tables read column by column: a column of numbers (with null, "" or a
 * missing key as empty cells) becomes a Float64Array, any other keeps its
 * cells; `rows` reads back the cells row by row as before (numbers as
 * numbers, "" as empty, booleans as TRUE / FALSE, objects as their JSON).
 */
import { describe, expect, it } from 'vitest';
import { parseTable } from '../../src/adapters/formats/table.ts';
import { tableToPanel } from '../../src/core/panel/from-table.ts';

const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

describe('JSON tables by column', () => {
  const records = [
    { 省份: '北京', 年份: 2020, x: 1.5, y: '', z: true, w: { a: 1 } },
    { 省份: '上海', 年份: 2020, x: null, y: 2, z: false },
    { 年份: 2021, 省份: '广东', y: 3.25, x: -2.5e-300, extra: '—' },
  ];
  const want = {
    header: ['省份', '年份', 'x', 'y', 'z', 'w', 'extra'],
    rows: [
      ['北京', 2020, 1.5, null, 'TRUE', '{"a":1}', null],
      ['上海', 2020, null, 2, 'FALSE', null, null],
      ['广东', 2021, -2.5e-300, 3.25, null, null, '—'],
    ],
  };

  it('reads an array of records into typed numeric columns and the other cells', async () => {
    const t = await parseTable(bytes(records), 'p.json');
    expect(t.typed?.map((c) => 'values' in c)).toEqual([false, true, true, true, false, false, false]);
    expect(t.header).toEqual(want.header);
    expect(t.rows).toEqual(want.rows);
    expect(t.firstDataRow).toBe(1);
  });

  it('reads {columns, data} the same way', async () => {
    const t = await parseTable(
      bytes({ columns: want.header, data: want.rows.map((r) => r.map((c) => (c === null ? '' : c))) }),
      'p.json',
    );
    expect(t.typed?.map((c) => 'values' in c)).toEqual([false, true, true, true, false, false, false]);
    expect(t.rows).toEqual(want.rows);
  });

  it('gives the panel the row-wise table gives', async () => {
    const t = await parseTable(bytes(records), 'p.json');
    const opts = { unit: '省份', time: '年份', columns: ['x', 'y'] };
    const typed = tableToPanel(t, opts);
    const rowWise = tableToPanel({ ...t, rows: t.rows }, opts);
    expect(typed.panel).toEqual(rowWise.panel);
    expect(typed.problems).toEqual(rowWise.problems);
  });
});
