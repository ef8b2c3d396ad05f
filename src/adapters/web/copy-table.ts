/**
 * A table as the clipboard carries it: tab-separated text (Excel, plain
 * editors) and an HTML three-line table with inline rules (Word and WPS keep
 * it as a real table: 1.5 pt top and bottom rules, 0.75 pt under the header).
 *
 * @example tableClipboard('Table 1', [['Unit', 'Score'], ['Beijing', '0.8123']]).tsv
 */
import { escapeHtml } from '../report/markup.ts';

export interface TableClipboard {
  tsv: string;
  html: string;
}

/** Cells as text: tabs and line breaks inside a cell become spaces so the TSV keeps its shape. */
const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ').trim();

export function tableClipboard(caption: string, rows: string[][]): TableClipboard {
  const [head = [], ...body] = rows.map((r) => r.map(clean));
  const tsv = [head, ...body].map((r) => r.join('\t')).join('\n');
  const rule = (w: string) => `border-top:${w} solid #000;`;
  const th = head
    .map((c) => `<th style="${rule('1.5pt')}border-bottom:0.75pt solid #000;padding:2pt 6pt">${escapeHtml(c)}</th>`)
    .join('');
  const tr = body
    .map((r, i) => {
      const last = i === body.length - 1 ? 'border-bottom:1.5pt solid #000;' : '';
      return `<tr>${r.map((c) => `<td style="${last}padding:2pt 6pt">${escapeHtml(c)}</td>`).join('')}</tr>`;
    })
    .join('');
  const html = `<table style="border-collapse:collapse"><caption>${escapeHtml(clean(caption))}</caption><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
  return { tsv, html };
}
