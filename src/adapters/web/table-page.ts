/**
 * One page of a long table (a firm panel's 5,000 units): the rows that match
 * a search, cut into pages of `size`. Rendering every row of such a table
 * takes seconds in a browser and cannot be read; the reports summarise a
 * large panel (report/large-panel.ts), the web app's tables page through it.
 * The page asked for is kept within the pages there are (a search that
 * leaves fewer rows shows the last page).
 *
 * @example tablePage(rows, { page: 1, size: 100 }) // rows 101–200: { first: 101, last: 200, total: rows.length, … }
 */

export interface TablePage<R> {
  /** The rows of the page. */
  rows: R[];
  /** 0-based page shown, and how many pages there are (at least 1). */
  page: number;
  pages: number;
  /** 1-based positions of the page's first and last row among the matching rows (0, 0 when none match). */
  first: number;
  last: number;
  /** Rows that match the search (all rows without one). */
  total: number;
}

/**
 * Page `page` (0-based) of the rows whose `text` contains `query` (ignoring
 * case and surrounding spaces; an empty query matches every row), `size`
 * rows a page.
 */
export function tablePage<R>(
  rows: readonly R[],
  opts: { page: number; size: number; query?: string; text?: (r: R) => string },
): TablePage<R> {
  const q = (opts.query ?? '').trim().toLowerCase();
  const text = opts.text;
  const matching = q && text ? rows.filter((r) => text(r).toLowerCase().includes(q)) : rows;
  const size = Math.max(1, Math.floor(opts.size));
  const pages = Math.max(1, Math.ceil(matching.length / size));
  const page = Math.min(Math.max(0, Math.floor(opts.page)), pages - 1);
  const from = page * size;
  const shown = matching.slice(from, from + size);
  return {
    rows: shown,
    page,
    pages,
    first: shown.length ? from + 1 : 0,
    last: from + shown.length,
    total: matching.length,
  };
}
