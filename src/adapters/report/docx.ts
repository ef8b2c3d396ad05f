/**
 * The Word report (.docx): the same sections as report.html, converted from
 * their HTML fragments into Word elements in one language — headings,
 * paragraphs, three-line tables as real Word tables (1.5 pt rules at top and
 * bottom, 0.75 pt under the header, no vertical rules, as Chinese journals
 * print them), figures as images (the SVG with a PNG fallback for older Word),
 * lists, code and record lists. The other language's `.alt` text is left out.
 *
 * Browser-safe: the SVG → PNG step is injected (`rasterize`): sharp in Node
 * (adapters/io/rasterize.ts), a canvas in the web app.
 *
 * @example await reportDocx(sections, { lang: 'zh', title: bi('报告', 'Report'), rasterize })
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { type HTMLElement, type Node, NodeType, parse } from 'node-html-parser';
import type { Bilingual, Lang } from '../../core/i18n.ts';
import type { ReportSection } from './html.ts';
import { cleanText as clean, decodeEntities as decode, tableOf as readTable, textOf } from './html-tables.ts';

/** A PNG of an SVG at its own size (pixels). */
export type Rasterize = (svg: string) => Promise<{ png: Uint8Array; width: number; height: number }>;

export interface DocxOptions {
  lang: Lang;
  title: Bilingual;
  subtitle?: Bilingual;
  rasterize: Rasterize;
}

type Block = Paragraph | Table;

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun' };
/**
 * Paragraph style of table cells: the document's font at 10 pt. Set once in
 * the styles part instead of on every cell's run (a firm panel's report has
 * thousands of cells; their XML was most of document.xml).
 */
const TABLE_TEXT = 'TableText';
/** Widest figure on an A4 page with 2.54 cm margins, in pixels at 96 dpi (≈ 15.9 cm). */
const MAX_FIGURE_PX = 600;

/** Runs of a paragraph: bold for <strong>/<b>, italic for <em>/<i>, monospace for <code>. */
function runsOf(node: Node, style: { bold?: boolean; italics?: boolean; code?: boolean } = {}): TextRun[] {
  if (node.nodeType === NodeType.TEXT_NODE) {
    const text = decode(node.rawText).replace(/\s+/g, ' ');
    return text
      ? [
          new TextRun({
            text,
            ...(style.bold ? { bold: true } : {}),
            ...(style.italics ? { italics: true } : {}),
            font: style.code ? { ascii: 'Consolas', hAnsi: 'Consolas', eastAsia: 'SimSun' } : FONT,
          }),
        ]
      : [];
  }
  if (node.nodeType !== NodeType.ELEMENT_NODE) return [];
  const el = node as HTMLElement;
  if (el.classList?.contains('alt')) return [];
  if (el.tagName === 'BR') return [new TextRun({ text: '', break: 1 })];
  const next = {
    bold: style.bold || el.tagName === 'STRONG' || el.tagName === 'B',
    italics: style.italics || el.tagName === 'EM' || el.tagName === 'I',
    code: style.code || el.tagName === 'CODE',
  };
  return el.childNodes.flatMap((c) => runsOf(c, next));
}

const RULE = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000' });
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/**
 * Widest table set on the page: the first column (the row labels) and 11
 * more. A4 portrait holds about 16 cm of text; 41 columns (the correlation
 * matrix of 40 indicators) would get 4 mm each, too narrow for "-0.123".
 */
const MAX_TABLE_COLUMNS = 12;

/**
 * A table as three-line Word tables: as it is when it fits on the page,
 * else in parts of MAX_TABLE_COLUMNS columns, each repeating the first
 * column and captioned "(part k of K)".
 */
function tableOf(el: HTMLElement, lang: Lang): Block[] {
  const t = readTable(el);
  if (!t.rows.length) return [];
  const width = Math.max(...t.rows.map((r) => r.length));
  if (width <= MAX_TABLE_COLUMNS) return threeLine(t.caption, t.rows, t.head);
  const per = MAX_TABLE_COLUMNS - 1;
  const parts = Math.ceil((width - 1) / per);
  return Array.from({ length: parts }, (_, k) => {
    const from = 1 + k * per;
    const to = Math.min(width, from + per);
    const rows = t.rows.map((r) => [r[0] ?? '', ...Array.from({ length: to - from }, (_, j) => r[from + j] ?? '')]);
    const part = lang === 'zh' ? `（第 ${k + 1} 部分，共 ${parts} 部分）` : ` (part ${k + 1} of ${parts})`;
    return threeLine(`${t.caption}${part}`.trim(), rows, t.head);
  }).flat();
}

/** A three-line table: caption above, rules at top (1.5 pt), under the header (0.75 pt) and at the bottom (1.5 pt). */
function threeLine(caption: string, rows: string[][], nHead: number): Block[] {
  const width = Math.max(...rows.map((r) => r.length));
  const tableRows = rows.map((r, i) => {
    // only the ruled rows carry cell borders; the table's own borders (none) hold for the others
    const ruled = i === 0 || i === nHead - 1 || i === rows.length - 1;
    const top = i === 0 ? RULE(12) : NONE;
    const bottom = i === nHead - 1 ? RULE(6) : i === rows.length - 1 ? RULE(12) : NONE;
    return new TableRow({
      ...(i < nHead ? { tableHeader: true } : {}),
      children: Array.from({ length: width }, (_, j) => {
        const text = r[j] ?? '';
        const numeric = i >= nHead && /^[-−+]?[\d.,]+(e[-+]?\d+)?[%*]*$|^\([\d.,-]+\)$|^—$/.test(text);
        return new TableCell({
          ...(ruled ? { borders: { top, bottom, left: NONE, right: NONE } } : {}),
          children: [
            new Paragraph({
              style: TABLE_TEXT,
              ...(numeric ? { alignment: AlignmentType.RIGHT } : {}),
              children: [new TextRun(i < nHead ? { text, bold: true } : text)],
            }),
          ],
        });
      }),
    });
  });
  const out: Block[] = [];
  if (caption)
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: caption, bold: true, font: FONT })],
      }),
    );
  out.push(
    new Table({
      rows: tableRows,
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    }),
  );
  out.push(new Paragraph({ children: [] }));
  return out;
}

function svgSize(svg: HTMLElement): { width: number; height: number } {
  const w = Number.parseFloat(svg.getAttribute('width') ?? '');
  const h = Number.parseFloat(svg.getAttribute('height') ?? '');
  if (w > 0 && h > 0) return { width: w, height: h };
  const vb = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  return vb.length === 4 && vb[2] > 0 && vb[3] > 0 ? { width: vb[2], height: vb[3] } : { width: 800, height: 500 };
}

async function figureOf(el: HTMLElement, opts: DocxOptions): Promise<Block[]> {
  const out: Block[] = [];
  for (const svg of el.querySelectorAll('svg')) {
    const markup = svg.toString().includes('xmlns=')
      ? svg.toString()
      : svg.toString().replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
    const size = svgSize(svg);
    const scale = Math.min(1, MAX_FIGURE_PX / size.width);
    const png = await opts.rasterize(markup);
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new ImageRun({
            type: 'svg',
            data: new TextEncoder().encode(markup),
            fallback: { type: 'png', data: png.png },
            transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
          }),
        ],
      }),
    );
  }
  const cap = el.querySelector('figcaption');
  if (cap)
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: clean(textOf(cap)), font: FONT })],
      }),
    );
  return out;
}

async function blocksOf(node: Node, opts: DocxOptions): Promise<Block[]> {
  if (node.nodeType === NodeType.TEXT_NODE) {
    const text = clean(decode(node.rawText));
    return text ? [new Paragraph({ children: [new TextRun({ text, font: FONT })] })] : [];
  }
  if (node.nodeType !== NodeType.ELEMENT_NODE) return [];
  const el = node as HTMLElement;
  if (el.classList?.contains('alt')) return [];
  switch (el.tagName) {
    case 'H2':
    case 'H3':
    case 'H4':
      return [
        new Paragraph({
          heading: el.tagName === 'H2' ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
          children: [new TextRun({ text: clean(textOf(el)), font: FONT })],
        }),
      ];
    case 'P':
    case 'SUMMARY':
      return [new Paragraph({ children: runsOf(el, el.tagName === 'SUMMARY' ? { bold: true } : {}) })];
    case 'TABLE':
      return tableOf(el, opts.lang);
    case 'FIGURE':
      return figureOf(el, opts);
    case 'SVG':
      return figureOf(parse(`<figure>${el.toString()}</figure>`).querySelector('figure')!, opts);
    case 'UL':
    case 'OL':
      return el.querySelectorAll('li').map(
        (li, i) =>
          new Paragraph({
            children: [new TextRun({ text: `${el.tagName === 'OL' ? `${i + 1}.` : '•'} `, font: FONT }), ...runsOf(li)],
          }),
      );
    case 'PRE':
      return el.text.split('\n').map(
        (line) =>
          new Paragraph({
            children: [
              new TextRun({
                text: decode(line),
                font: { ascii: 'Consolas', hAnsi: 'Consolas', eastAsia: 'SimSun' },
                size: 18,
              }),
            ],
          }),
      );
    case 'DL': {
      const out: Block[] = [];
      const items = el.childNodes.filter((c) => c.nodeType === NodeType.ELEMENT_NODE) as HTMLElement[];
      for (let i = 0; i < items.length; i++)
        if (items[i].tagName === 'DT')
          out.push(
            new Paragraph({
              children: [
                new TextRun({ text: `${clean(textOf(items[i]))}：`, bold: true, font: FONT }),
                new TextRun({ text: items[i + 1]?.tagName === 'DD' ? clean(textOf(items[i + 1])) : '', font: FONT }),
              ],
            }),
          );
      return out;
    }
    case 'STYLE':
    case 'SCRIPT':
    case 'NAV':
      return [];
    default: {
      // containers (section, div, details, ...): their children in order
      return childBlocks(el.childNodes, opts);
    }
  }
}

/**
 * The blocks of several nodes, in order. They are made together, so the
 * figures' fallback images (an asynchronous `rasterize`, off the main thread
 * in Node) are drawn while the tables are built.
 */
async function childBlocks(nodes: Node[], opts: DocxOptions): Promise<Block[]> {
  return (await Promise.all(nodes.map((c) => blocksOf(c, opts)))).flat();
}

/** The .docx bytes of a report made of `sections` (the same list report.html shows). */
export async function reportDocx(sections: ReportSection[], opts: DocxOptions): Promise<Uint8Array> {
  const children: Block[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: [new TextRun({ text: opts.title[opts.lang], font: FONT })],
    }),
  ];
  if (opts.subtitle)
    children.push(new Paragraph({ children: [new TextRun({ text: opts.subtitle[opts.lang], font: FONT })] }));
  // every section's blocks together: all figures are being drawn while the tables are built
  const bodies = await Promise.all(sections.map((s) => childBlocks(parse(s.html).childNodes, opts)));
  sections.forEach((s, i) => {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        children: [new TextRun({ text: s.title[opts.lang], font: FONT })],
      }),
    );
    children.push(...bodies[i]);
  });
  const doc = new Document({
    creator: 'xinzhi',
    title: opts.title[opts.lang],
    styles: {
      default: { document: { run: { font: FONT, size: 21 } } },
      paragraphStyles: [
        { id: TABLE_TEXT, name: 'Table Text', basedOn: 'Normal', quickFormat: true, run: { font: FONT, size: 20 } },
      ],
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
