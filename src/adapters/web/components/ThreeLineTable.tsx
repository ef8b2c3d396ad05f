/**
 * A three-line table (thick top and bottom rules, thin rule under the
 * header), sortable by clicking a header button (keyboard: Tab to the
 * header, Enter / Space); the sorted column carries aria-sort. A table of
 * more than `pageSize` rows (a firm panel's units) is shown a page at a
 * time (table-page.ts), with a search box on its unit column (or on the
 * text `find` gives); Copy table then copies every matching row from the
 * data.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { tableClipboard } from '../copy-table.ts';
import type { ComponentChildren } from 'preact';
import { useT } from '../hooks.ts';
import { tablePage } from '../table-page.ts';

/** Rows a page of a long table. */
export const TABLE_PAGE_ROWS = 100;

export interface Column<R> {
  key: string;
  label: string;
  numeric?: boolean;
  value: (r: R) => number | string | null | undefined;
  render?: (r: R) => ComponentChildren;
}

export function ThreeLineTable<R>(props: {
  caption: string;
  columns: Array<Column<R>>;
  rows: R[];
  sort?: { key: string; dir: 'asc' | 'desc' };
  testId?: string;
  maxHeight?: number;
  /** Rows a page (default TABLE_PAGE_ROWS); a table of no more rows is shown whole. */
  pageSize?: number;
  /** The text a search matches in a row (default: its `unit` column, if the table has one); with it, a long table has a search box. */
  find?: (r: R) => string;
}) {
  const { t } = useT();
  const [sort, setSort] = useState(props.sort ?? null);
  const [page, setPage] = useState(0);
  const [query, setQuery] = useState('');
  const rows = useMemo(() => {
    if (!sort) return props.rows;
    const col = props.columns.find((c) => c.key === sort.key);
    if (!col) return props.rows;
    const sign = sort.dir === 'asc' ? 1 : -1;
    return [...props.rows].sort((a, b) => {
      const x = col.value(a),
        y = col.value(b);
      if (typeof x === 'number' && typeof y === 'number')
        return sign * ((Number.isFinite(x) ? x : Infinity) - (Number.isFinite(y) ? y : Infinity));
      return sign * String(x ?? '').localeCompare(String(y ?? ''), undefined, { numeric: true });
    });
  }, [props.rows, props.columns, sort]);
  const size = props.pageSize ?? TABLE_PAGE_ROWS;
  const paged = props.rows.length > size;
  const unitColumn = props.columns.find((c) => c.key === 'unit');
  const find = props.find ?? (unitColumn ? (r: R) => String(unitColumn.value(r) ?? '') : undefined);
  // not memoised: `find` is made anew by each render, and a page of even 5,000 rows is quick to cut
  const shown = paged
    ? tablePage(rows, { page, size, query, ...(find ? { text: find } : {}) })
    : { rows, page: 0, pages: 1, first: rows.length ? 1 : 0, last: rows.length, total: rows.length };
  const tableRef = useRef<HTMLTableElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    const el = tableRef.current;
    if (!el) return;
    // a paged table: every matching row, from the data; else the cells as shown
    const cells = paged
      ? [
          props.columns.map((c) => c.label),
          ...tablePage(rows, { page: 0, size: Infinity, query, ...(find ? { text: find } : {}) }).rows.map((r) =>
            props.columns.map((c) => cellText(c.value(r))),
          ),
        ]
      : [...el.rows].map((r) => [...r.cells].map((c) => (c.textContent ?? '').replace(/[▲▼]/g, '')));
    const { tsv, html } = tableClipboard(props.caption, cells);
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([tsv], { type: 'text/plain' }),
        }),
      ]);
    } catch {
      await navigator.clipboard.writeText(tsv);
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  const click = (key: string) => {
    setSort((s) => (s && s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));
    setPage(0);
  };
  return (
    <div class="table-block" data-testid={props.testId}>
      {paged && (
        <div class="table-pager" data-testid="table-pager">
          {find && (
            <input
              type="search"
              value={query}
              placeholder={t('tableFind')}
              aria-label={`${t('tableFind')}: ${props.caption}`}
              data-testid="table-find"
              onInput={(e) => {
                setQuery((e.target as HTMLInputElement).value);
                setPage(0);
              }}
            />
          )}
          <button
            type="button"
            class="small"
            disabled={shown.page === 0}
            onClick={() => setPage(shown.page - 1)}
            data-testid="table-prev"
          >
            {t('tablePrev')}
          </button>
          <span aria-live="polite" data-testid="table-rows">
            {shown.total === 0
              ? t('tableNoMatch')
              : t('tableRows')
                  .replace('{a}', shown.first.toLocaleString())
                  .replace('{b}', shown.last.toLocaleString())
                  .replace('{n}', shown.total.toLocaleString())}
          </span>
          <button
            type="button"
            class="small"
            disabled={shown.page >= shown.pages - 1}
            onClick={() => setPage(shown.page + 1)}
            data-testid="table-next"
          >
            {t('tableNext')}
          </button>
          <span class="muted small">{t('tablePaged')}</span>
        </div>
      )}
      <div class="table-wrap" style={props.maxHeight ? { maxHeight: `${props.maxHeight}px` } : undefined}>
        <button
          type="button"
          class="small copy-table"
          onClick={() => void copy()}
          aria-label={`${t('copyTable')}: ${props.caption}`}
          data-testid="copy-table"
        >
          {copied ? t('copied') : t('copyTable')}
        </button>
        <table class="three-line" ref={tableRef}>
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              {props.columns.map((c) => {
                const active = sort?.key === c.key;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    class={c.numeric ? 'num' : ''}
                    aria-sort={active ? (sort!.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                  >
                    <button
                      type="button"
                      class="sort"
                      onClick={() => click(c.key)}
                      aria-label={`${c.label} — ${t('sortBy')}${active ? ` (${sort!.dir === 'asc' ? t('ascending') : t('descending')})` : ''}`}
                    >
                      {c.label}
                      <span aria-hidden="true" class="arrow">
                        {active ? (sort!.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.rows.map((r, i) => (
              <tr key={i}>
                {props.columns.map((c) => (
                  <td key={c.key} class={c.numeric ? 'num' : ''}>
                    {c.render ? c.render(r) : String(c.value(r) ?? '—')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** A cell's value as copied text: numbers in full, nothing for a missing value. */
function cellText(v: number | string | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return v;
}
