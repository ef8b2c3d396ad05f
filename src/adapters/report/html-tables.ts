/**
 * Reading the report's own HTML fragments back: the text of a node in one
 * language (the other language's `.alt` spans left out) and the three-line
 * tables of a section as caption + rows of cell texts. The Word report and
 * the workbook's analysis sheets are built from the same sections this way.
 *
 * @example sectionTables(section.html)[0].rows[0] // header cells
 */
import { type HTMLElement, type Node, NodeType, parse } from 'node-html-parser';

export function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

/** Text of a node without the other language's `.alt` spans; <br> becomes a space. */
export function textOf(node: Node): string {
  if (node.nodeType === NodeType.TEXT_NODE) return decodeEntities(node.rawText);
  if (node.nodeType !== NodeType.ELEMENT_NODE) return '';
  const el = node as HTMLElement;
  if (el.classList?.contains('alt')) return '';
  if (el.tagName === 'BR') return ' ';
  return el.childNodes.map(textOf).join('');
}

export const cleanText = (s: string) => s.replace(/\s+/g, ' ').trim();

export interface HtmlTable {
  caption: string;
  /** Header rows first (`head` of them), then the body rows. */
  rows: string[][];
  head: number;
}

/** A <table> element as caption and cell texts. */
export function tableOf(el: HTMLElement): HtmlTable {
  const caption = el.querySelector('caption');
  const head = el.querySelectorAll('thead tr');
  const body = el.querySelectorAll('tbody tr');
  return {
    caption: caption ? cleanText(textOf(caption)) : '',
    rows: [...head, ...body].map((r) => r.querySelectorAll('th, td').map((c) => cleanText(textOf(c)))),
    head: head.length,
  };
}

/** Every table of an HTML fragment, in order. */
export function sectionTables(html: string): HtmlTable[] {
  return parse(html).querySelectorAll('table').map(tableOf);
}
