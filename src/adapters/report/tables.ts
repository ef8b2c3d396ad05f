/**
 * Three-line tables (三线表), the table style of Chinese and most economics
 * journals: a thick rule above the header, a thin rule below it, a thick rule
 * under the last row, no vertical rules. Numbers are right-aligned with a
 * fixed number of decimals; the caption carries both languages.
 * Reusable by every report section; include THREE_LINE_CSS in the page.
 */
import type { Bilingual, Lang } from '../../core/i18n.ts';
import { biBlock, biInline, escapeHtml } from './markup.ts';

/** Value of a table cell. Numbers are formatted by the column; null/NaN show as "—". */
export type TableCell = string | number | null | undefined | { html: string };

export interface TableColumn {
  header: Bilingual;
  /** 'number' (fixed decimals, right), 'integer' (right), 'text' (left; default). */
  kind?: 'text' | 'number' | 'integer';
  /** Decimals for 'number' columns (default 4). */
  decimals?: number;
}

export interface ThreeLineTableOptions {
  caption: Bilingual;
  columns: TableColumn[];
  rows: TableCell[][];
  lang: Lang;
  /** Note printed under the table (e.g. sources, abbreviations). */
  note?: Bilingual;
  /** id attribute of the <table>. */
  id?: string;
  /** Indentation level of the first cell of each row (for hierarchies). */
  indent?: number[];
}

/** CSS for three-line tables (class "three-line"). */
export const THREE_LINE_CSS = `
table.three-line { border-collapse: collapse; border-top: 2px solid #000; border-bottom: 2px solid #000; margin: 0.5em 0 1.5em; font-variant-numeric: tabular-nums; }
table.three-line caption { caption-side: top; font-weight: 600; padding: 0.3em 0; text-align: center; }
table.three-line th, table.three-line td { border: none; padding: 0.25em 0.7em; vertical-align: bottom; }
table.three-line thead th { border-bottom: 1px solid #000; font-weight: 600; text-align: center; }
table.three-line td.num { text-align: right; white-space: nowrap; }
table.three-line td.text { text-align: left; }
table.three-line + p.table-note { margin-top: -1.2em; font-size: 0.85em; color: #444; }
`;

/** The dash shown for missing numbers. */
export const MISSING = '—';

/** Format a number with fixed decimals; non-finite or absent → "—". Negative zero prints as 0. */
export function fixed(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const s = value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** One cell's HTML according to its column. */
function cellHtml(cell: TableCell, col: TableColumn, indent: number): string {
  const kind = col.kind ?? 'text';
  if (kind === 'number' || kind === 'integer') {
    let text: string;
    if (typeof cell === 'number') text = fixed(cell, kind === 'integer' ? 0 : (col.decimals ?? 4));
    else if (cell === null || cell === undefined) text = MISSING;
    else if (typeof cell === 'object') return `<td class="num">${cell.html}</td>`;
    else text = escapeHtml(cell);
    return `<td class="num">${text}</td>`;
  }
  const style = indent > 0 ? ` style="padding-left:${0.7 + 1.2 * indent}em"` : '';
  let text: string;
  if (cell === null || cell === undefined) text = '';
  else if (typeof cell === 'object') text = cell.html;
  else text = escapeHtml(String(cell));
  return `<td class="text"${style}>${text}</td>`;
}

/** A three-line table as HTML (header cells and caption in both languages). */
export function threeLineTable(opts: ThreeLineTableOptions): string {
  const idAttr = opts.id ? ` id="${escapeHtml(opts.id)}"` : '';
  const head = opts.columns.map((c) => `<th>${biBlock(c.header, opts.lang)}</th>`).join('');
  const body = opts.rows
    .map(
      (row, r) =>
        `<tr>${opts.columns.map((c, j) => cellHtml(row[j], c, j === 0 ? (opts.indent?.[r] ?? 0) : 0)).join('')}</tr>`,
    )
    .join('\n');
  const note = opts.note ? `\n<p class="table-note">${biInline(opts.note, opts.lang)}</p>` : '';
  return `<table class="three-line"${idAttr}>\n<caption>${biBlock(opts.caption, opts.lang)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>${note}`;
}
