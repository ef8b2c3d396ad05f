/**
 * Parquet files read into memory (io/read-parquet.ts): the table holds the
 * file's columns and values as a CSV of the same data gives them (numbers,
 * text, empty cells for NULL, integers of BIGINT columns as numbers), so the
 * panel and its problems (file, row, column) are the ones the CSV reader
 * gives; a missing or broken file is named.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTableFile } from '../../src/adapters/io/read.ts';
import { parquetRowCount } from '../../src/adapters/io/read-parquet.ts';
import { openEngine } from '../../src/adapters/sql/engines.ts';
import type { XinzhiError } from '../../src/core/errors.ts';
import { tableToPanel } from '../../src/core/panel/from-table.ts';

const dir = mkdtempSync(join(tmpdir(), 'xinzhi-parquet-'));
const csvText = ['firm,year,x,y', 'a,2020,1.5,', 'b,2020,2.25,7', 'a,2021,abc,8', 'b,2021,4,9'].join('\n');

async function toParquet(sql: string, name: string): Promise<string> {
  const path = join(dir, name);
  const engine = await openEngine('duckdb:');
  await engine.exec(`COPY (${sql}) TO '${path}' (FORMAT parquet)`);
  await engine.close();
  return path;
}

describe('readTableFile on Parquet', () => {
  it('gives the table and panel a CSV of the same data gives', async () => {
    const csv = join(dir, 'p.csv');
    writeFileSync(csv, `${csvText}\n`);
    // typed columns: BIGINT year, DOUBLE y with a NULL, x as text (it holds "abc")
    const parquet = await toParquet(
      `SELECT firm, CAST(year AS BIGINT) AS year, x, CAST(y AS DOUBLE) AS y FROM read_csv('${csv}', header = true, all_varchar = true)`,
      'p.parquet',
    );
    const t = await readTableFile(parquet);
    expect(t.header).toEqual(['firm', 'year', 'x', 'y']);
    expect(t.firstDataRow).toBe(1);
    expect(await parquetRowCount(parquet)).toBe(4);
    const opts = { unit: 'firm', time: 'year' };
    const fromParquet = tableToPanel(t, opts); // through the typed columns
    expect(t.rows[0]).toEqual(['a', 2020, '1.5', null]);
    const fromCsv = tableToPanel(await readTableFile(csv), opts);
    expect(fromParquet.panel.unit).toEqual(fromCsv.panel.unit);
    expect(fromParquet.panel.time).toEqual(fromCsv.panel.time);
    for (const c of ['x', 'y'])
      expect(Array.from(fromParquet.panel.columns[c])).toEqual(Array.from(fromCsv.panel.columns[c]));
    // the text cell is reported at its row and column, as for the CSV (the CSV counts the header as row 1)
    const bad = (r: typeof fromCsv) => r.problems.map((p) => [p.code, p.column, p.row, p.file]);
    expect(bad(fromCsv)).toEqual([['non-numeric', 'x', 4, 'p.csv']]);
    expect(bad(fromParquet)).toEqual([['non-numeric', 'x', 3, 'p.parquet']]);
  });
  it('reads typed columns to the panel and problems its rows give (every column type, NULL, NaN, ±∞)', async () => {
    const parquet = await toParquet(
      `SELECT * FROM (VALUES
        ('a', 2020::INTEGER, 1.5::DOUBLE, 2::TINYINT, 0.25::FLOAT, 10::BIGINT, true, DATE '2020-01-02', 'x', 3.5::DECIMAL(6,2)),
        ('b', 2020::INTEGER, NULL::DOUBLE, NULL::TINYINT, 'NaN'::FLOAT, NULL::BIGINT, false, NULL::DATE, NULL, NULL::DECIMAL(6,2)),
        ('a', 2021::INTEGER, 'inf'::DOUBLE, 7::TINYINT, -0.5::FLOAT, 12::BIGINT, NULL, DATE '2021-01-02', '4', 1::DECIMAL(6,2)),
        ('b', 2021::INTEGER, -0.0::DOUBLE, -3::TINYINT, 1e30::FLOAT, 9007199254740993::BIGINT, true, NULL, 'y', 2.25::DECIMAL(6,2))
      ) AS t(firm, year, d, ti, f, bi, bo, dt, s, dec)`,
      'types.parquet',
    );
    const typed = await readTableFile(parquet);
    expect(typed.typed).toBeDefined();
    const rows = { ...(await readTableFile(parquet)) }; // the spread reads rows: a table of rows only
    expect(rows.typed).toBeUndefined();
    const columns = ['d', 'ti', 'f', 'bi', 'bo', 'dt', 's', 'dec'];
    const a = tableToPanel(typed, { unit: 'firm', time: 'year', columns });
    const b = tableToPanel(rows, { unit: 'firm', time: 'year', columns });
    expect(a.problems).toEqual(b.problems);
    expect(a.panel.unit).toEqual(b.panel.unit);
    expect(a.panel.time).toEqual(b.panel.time);
    for (const c of Object.keys(b.panel.columns))
      expect(Array.from(a.panel.columns[c]), c).toEqual(Array.from(b.panel.columns[c]));
    expect(Object.keys(a.panel.columns)).toEqual(Object.keys(b.panel.columns));
    expect(rows.rows[1]).toEqual(['b', 2020, null, null, Number.NaN, null, 0, null, null, null]);
    expect(rows.rows[3][5]).toBe('9007199254740993'); // a BIGINT beyond 2^53 stays exact as text
  });
  it('names a missing file and one that is not Parquet', async () => {
    const missing = await readTableFile(join(dir, 'nope.parquet')).catch((e: unknown) => e);
    expect((missing as XinzhiError).problems[0].code).toBe('file-not-found');
    const bad = join(dir, 'bad.parquet');
    writeFileSync(bad, 'not parquet');
    const broken = await readTableFile(bad).catch((e: unknown) => e);
    expect((broken as XinzhiError).problems[0]).toMatchObject({ code: 'parquet-unreadable', file: 'bad.parquet' });
  });
});
