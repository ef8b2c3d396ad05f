/** tablePage (web/table-page.ts): pages of a long table, after a search. */
import { describe, expect, it } from 'vitest';
import { tablePage } from '../../src/adapters/web/table-page.ts';

const rows = Array.from({ length: 250 }, (_, i) => ({
  unit: `firm ${i + 1}`,
  code: `F${String(i + 1).padStart(3, '0')}`,
}));
const text = (r: (typeof rows)[number]) => `${r.code} ${r.unit}`;

describe('tablePage', () => {
  it('cuts the rows into pages and says where the page is', () => {
    const p0 = tablePage(rows, { page: 0, size: 100 });
    expect(p0.rows).toEqual(rows.slice(0, 100));
    expect([p0.page, p0.pages, p0.first, p0.last, p0.total]).toEqual([0, 3, 1, 100, 250]);
    const p2 = tablePage(rows, { page: 2, size: 100 });
    expect(p2.rows).toEqual(rows.slice(200));
    expect([p2.first, p2.last]).toEqual([201, 250]);
  });
  it('keeps the page within the pages there are', () => {
    expect(tablePage(rows, { page: 9, size: 100 }).page).toBe(2);
    expect(tablePage(rows, { page: -1, size: 100 }).page).toBe(0);
    expect(tablePage(rows, { page: 0, size: 1000 }).pages).toBe(1);
  });
  it('searches the rows’ text ignoring case and spaces, then pages the matches', () => {
    const hit = tablePage(rows, { page: 3, size: 10, query: '  FIRM 2', text });
    // firm 2, 20–29, 200–250: 1 + 10 + 51 = 62 rows, 7 pages; page 3 holds the 31st to 40th
    expect(hit.total).toBe(62);
    expect(hit.pages).toBe(7);
    expect(hit.rows.map((r) => r.unit)).toEqual(
      rows
        .filter((r) => r.unit.startsWith('firm 2'))
        .slice(30, 40)
        .map((r) => r.unit),
    );
    expect(tablePage(rows, { page: 0, size: 10, query: 'f007', text }).rows).toEqual([rows[6]]);
  });
  it('gives an empty page when nothing matches, and every row for an empty query', () => {
    const none = tablePage(rows, { page: 4, size: 10, query: 'bank', text });
    expect([none.rows.length, none.page, none.pages, none.first, none.last, none.total]).toEqual([0, 0, 1, 0, 0, 0]);
    expect(tablePage(rows, { page: 0, size: 300, query: '   ', text }).total).toBe(250);
    expect(tablePage([], { page: 0, size: 100 })).toEqual({ rows: [], page: 0, pages: 1, first: 0, last: 0, total: 0 });
  });
});
