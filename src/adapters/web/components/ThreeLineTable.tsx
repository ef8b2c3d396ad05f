/**
 * A three-line table (thick top and bottom rules, thin rule under the
 * header), sortable by clicking a header button (keyboard: Tab to the
 * header, Enter / Space); the sorted column carries aria-sort.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { tableClipboard } from '../copy-table.ts';
import type { ComponentChildren } from 'preact';
import { useT } from '../hooks.ts';

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
}) {
  const { t } = useT();
  const [sort, setSort] = useState(props.sort ?? null);
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
  const tableRef = useRef<HTMLTableElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    const el = tableRef.current;
    if (!el) return;
    const cells = [...el.rows].map((r) => [...r.cells].map((c) => (c.textContent ?? '').replace(/[▲▼]/g, '')));
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
  const click = (key: string) =>
    setSort((s) => (s && s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));
  return (
    <div
      class="table-wrap"
      style={props.maxHeight ? { maxHeight: `${props.maxHeight}px` } : undefined}
      data-testid={props.testId}
    >
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
          {rows.map((r, i) => (
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
  );
}
