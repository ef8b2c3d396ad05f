/**
 * XLSX worksheets read straight from the workbook's XML into columns: the
 * fast path of parseXlsx (table.ts). The workbook's parts come from zip.ts,
 * the worksheet in pieces from an injected inflater (the engine's
 * DecompressionStream by default, zlib in Node), so its XML — 137 MB for
 * 75,000 rows × 42 columns — is never whole in memory, and the cells are
 * scanned as bytes into typed columns.
 *
 * It gives the cells exceljs gives (the reference: test/data/xlsx-scan.test.ts
 * reads every workbook of the tests both ways and compares the tables) and
 * takes only the plain cases: numbers (dates in a date format, as exceljs
 * converts them), shared / inline / formula strings, booleans, errors,
 * formula results, merged cells (the first cell's value in each). Anything
 * else — hyperlinks, overlapping merged ranges, rich inline text, a cell
 * without a position, an unusual zip (ZIP64, encrypted, another
 * compression) or package layout — returns null (or rejects), and parseXlsx
 * reads the workbook with exceljs, so messages and values never depend on
 * the path.
 *
 * @example const wb = openXlsx(bytes); const sheet = wb && (await wb.sheet(0)); sheet?.cell(0, 0)
 */
import type { Cell } from '../../core/panel/raw-table.ts';
import { decimalAt } from './csv-scan.ts';
import { defaultInflateRaw, entryBytes, type InflateRaw, type ZipEntry, zipEntries } from './zip.ts';

/** Thrown inside the scan for a case it leaves to exceljs. */
class Unsupported extends Error {}

const unsupported = (why: string): never => {
  throw new Unsupported(why);
};

// ---------------------------------------------------------------- XML text

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function utf8(bytes: Uint8Array): string {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return unsupported('not UTF-8');
  }
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character data as a parser gives it: line ends normalised, the five entities and character references decoded. */
export function xmlText(s: string): string {
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&]*);?/g, (m, ref: string) => {
    if (!m.endsWith(';')) return unsupported('bare ampersand');
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      if (!Number.isInteger(code) || code < 0 || code > 0x10ffff || !/^#(x[0-9a-fA-F]+|[0-9]+)$/.test(ref))
        return unsupported('character reference');
      return String.fromCodePoint(code);
    }
    return NAMED[ref] ?? unsupported('entity');
  });
}

/** The attributes of one start tag (`<x a="1" b='2'>`), decoded. */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([^\s=<>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out[m[1]] = xmlText((m[2] ?? m[3]).replace(/[\t\n\r]/g, ' '));
  return out;
}

/** Start tags (self-closing or not) of elements named `name`. */
function startTags(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}(?=[\\s/>])[^>]*>`, 'g'))].map((m) => m[0]);
}

/** The root element's name must be `name` without a namespace prefix (exceljs matches names as written). */
function checkRoot(xml: string, name: string): void {
  const m = /<([^?!\s/>][^\s/>]*)/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''));
  if (!m || m[1] !== name) unsupported(`root element ${m?.[1]}`);
}

// ---------------------------------------------------------------- workbook parts

/** Number formats exceljs knows by id (its defaultnumformats) that are dates or times. */
export const BUILTIN_DATE_FORMATS: ReadonlySet<number> = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** exceljs' test for a date format code (utils.isDateFmt): y, m, d, h, s or b outside quotes and brackets. */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Per cell style (the `s` index into cellXfs): whether exceljs turns its numbers into dates. */
function dateStyles(xml: string | undefined): boolean[] {
  if (xml === undefined) return [];
  checkRoot(xml, 'styleSheet');
  const custom = new Map<number, string>();
  for (const tag of startTags(xml, 'numFmt')) {
    const a = attributes(tag);
    custom.set(Number(a.numFmtId), a.formatCode);
  }
  const xfs = /<cellXfs(?=[\s>])[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return startTags(xfs, 'xf').map((tag) => {
    const id = Number(attributes(tag).numFmtId ?? 0);
    if (!id) return false;
    return custom.has(id) ? isDateFormat(custom.get(id)) : BUILTIN_DATE_FORMATS.has(id);
  });
}

/** Shared strings as exceljs reads them: text (with _xHHHH_ escapes decoded), rich text joined, phonetic runs left out. */
function sharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  checkRoot(xml, 'sst');
  const out: string[] = [];
  const tText = (part: string): string[] =>
    [...part.matchAll(/<t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/t>)/g)].map((m) =>
      xmlText(m[1] ?? '').replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
    );
  for (const m of xml.matchAll(/<si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/si>)/g)) {
    const body = (m[1] ?? '').replace(/<rPh(?=[\s>])[\s\S]*?<\/rPh>|<phoneticPr[^>]*>/g, '');
    if (/<r[\s>]/.test(body)) {
      const runs = [...body.matchAll(/<r(?:\s[^>]*)?>([\s\S]*?)<\/r>/g)];
      out.push(runs.map((r) => tText(r[1]).join('')).join(''));
    } else {
      const t = tText(body);
      if (t.length !== 1) unsupported('shared string without one text');
      out.push(t[0]);
    }
  }
  return out;
}

/** A worksheet of the workbook, in workbook order. */
interface SheetRef {
  name: string;
  path: string;
}

/** The worksheets in workbook order, and whether dates count from 1904 (`<workbookPr date1904="1">`, as exceljs reads it). */
function workbookSheets(entries: Map<string, ZipEntry>, b: Uint8Array): { refs: SheetRef[]; date1904: boolean } {
  const text = (name: string): string => {
    const e = entries.get(name);
    return e ? utf8(entryBytes(b, e)) : unsupported(`no ${name}`);
  };
  const wb = text('xl/workbook.xml');
  checkRoot(wb, 'workbook');
  const rels = new Map<string, string>();
  const relXml = text('xl/_rels/workbook.xml.rels');
  for (const tag of startTags(relXml, 'Relationship')) {
    const a = attributes(tag);
    rels.set(a.Id, a.Target);
  }
  const refs = startTags(wb, 'sheet').map((tag) => {
    const a = attributes(tag);
    const target = rels.get(a['r:id']);
    if (a.name === undefined || target === undefined) return unsupported('sheet without a relationship');
    const path = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
    if (!/xl\/worksheets\/sheet(\d+)[.]xml/.test(path) || !entries.has(path)) unsupported('sheet part');
    return { name: a.name, path };
  });
  const props = startTags(wb, 'workbookPr')[0];
  return { refs, date1904: props !== undefined && attributes(props).date1904 === '1' };
}

// ---------------------------------------------------------------- cells

/** Kind of a scanned cell (0: no value). */
const NUMBER = 1;
const OTHER = 2;

/** One column of a scanned sheet: per present row, a number, another cell (text, null from ""), or nothing. */
interface ScanColumn {
  kind: Uint8Array;
  num: Float64Array;
  other: Map<number, Cell>;
}

/**
 * A worksheet's cells by column: `rowNo[k]` is the spreadsheet row of the
 * k-th row holding a cell value (exceljs' `eachRow` rows), `width` the
 * number of columns up to the last cell written.
 */
export interface ScannedSheet {
  name: string;
  rowNo: Int32Array;
  width: number;
  /** Cell j of present row k, as xlsxCell gives it for exceljs' value. */
  cell(k: number, j: number): Cell;
  hasNumber: boolean;
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOT = 34;
const APOS = 39;

const isNameEnd = (c: number) => c === 32 || c === GT || c === SLASH || c === 9 || c === 10 || c === 13;

/** Scanner state of one worksheet. */
class SheetScanner {
  rows = 0;
  rowNo = new Int32Array(1024);
  columns: ScanColumn[] = [];
  width = 0;
  hasNumber = false;
  private capacity = 1024;
  private carry: Uint8Array | null = null;
  private inRow = false;
  private rowPresent = false;
  private currentRow = 0;
  private lastRow = 0;
  private lastCol = -1;
  /** Merged ranges (`<mergeCell ref="A1:D1">`, after the rows), applied by `result`. */
  private readonly merges: MergeRange[] = [];
  /** Whether the root element was seen (it must be <worksheet>, without a namespace prefix). */
  private rooted = false;
  // attributes r, t and s of the last tag read: value bounds in the buffer (rA < 0: absent)
  private rA = -1;
  private rB = -1;
  private aT = '';
  private aS = -1;
  private hasS = false;

  constructor(
    private readonly strings: string[],
    private readonly dates: boolean[],
    private readonly date1904: boolean,
  ) {}

  /** Feed the next piece of the sheet XML: the rows it completes are scanned, the last one waits for the next piece. */
  push(piece: Uint8Array): void {
    let buf = piece;
    if (this.carry) {
      buf = new Uint8Array(this.carry.length + piece.length);
      buf.set(this.carry);
      buf.set(piece, this.carry.length);
      this.carry = null;
    }
    const end = lastRowStart(buf);
    if (end < 0) {
      this.carry = buf.slice();
      return;
    }
    this.scan(buf, end);
    this.carry = buf.slice(end);
  }

  /** The end of the sheet XML: what is left is scanned. */
  finish(): void {
    if (this.carry) this.scan(this.carry, this.carry.length);
    this.carry = null;
    if (this.inRow || !this.rooted) unsupported('unfinished sheet');
  }

  private column(j: number): ScanColumn {
    while (this.columns.length <= j)
      this.columns.push({
        kind: new Uint8Array(this.capacity),
        num: new Float64Array(this.capacity),
        other: new Map(),
      });
    return this.columns[j];
  }

  private grow(): void {
    const cap = this.capacity * 2;
    const rowNo = new Int32Array(cap);
    rowNo.set(this.rowNo);
    this.rowNo = rowNo;
    for (const c of this.columns) {
      const kind = new Uint8Array(cap);
      kind.set(c.kind);
      c.kind = kind;
      const num = new Float64Array(cap);
      num.set(c.num);
      c.num = num;
    }
    this.capacity = cap;
  }

  /** End of the tag opened at `lt` (the index of its '>'), reading the attributes r, t and s on the way. */
  private tagEnd(buf: Uint8Array, lt: number, read: boolean): number {
    let p = buf[lt + 1] === SLASH ? lt + 2 : lt + 1;
    while (p < buf.length && !isNameEnd(buf[p])) p++;
    this.rA = -1;
    this.aT = '';
    this.aS = -1;
    this.hasS = false;
    for (;;) {
      while (p < buf.length && (buf[p] === 32 || buf[p] === 9 || buf[p] === 10 || buf[p] === 13)) p++;
      if (p >= buf.length) return unsupported('unfinished tag');
      const c = buf[p];
      if (c === GT) return p;
      if (c === SLASH) {
        p++;
        continue;
      }
      const nameStart = p;
      while (p < buf.length && buf[p] !== 61 /* = */ && !isNameEnd(buf[p])) p++;
      const nameEnd = p;
      while (p < buf.length && buf[p] !== QUOT && buf[p] !== APOS) p++;
      const q = buf[p];
      const vStart = p + 1;
      p = buf.indexOf(q, vStart);
      if (p < 0) return unsupported('unfinished attribute');
      if (read && nameEnd - nameStart === 1) {
        const n = buf[nameStart];
        if (n === 114 /* r */) {
          this.rA = vStart;
          this.rB = p;
        } else if (n === 116 /* t */) this.aT = p - vStart === 1 && buf[vStart] === 115 ? 's' : latin(buf, vStart, p);
        else if (n === 115 /* s */) {
          this.hasS = true;
          this.aS = Number(latin(buf, vStart, p));
        }
      }
      p++;
    }
  }

  private scan(buf: Uint8Array, end: number): void {
    let p = 0;
    for (;;) {
      const lt = buf.indexOf(LT, p);
      if (lt < 0 || lt >= end) return;
      const c1 = buf[lt + 1];
      if (!this.rooted && c1 !== 33 && c1 !== 63 && (c1 === 99 || c1 === 114 || c1 === SLASH)) unsupported('no root');
      if (c1 === 99 /* c */ && isNameEnd(buf[lt + 2])) {
        p = this.cellAt(buf, lt);
      } else if (c1 === 114 /* r */ && buf[lt + 2] === 111 && buf[lt + 3] === 119 && isNameEnd(buf[lt + 4])) {
        const gt = this.tagEnd(buf, lt, true);
        if (this.rA < 0) unsupported('row without a number');
        const r = Number(latin(buf, this.rA, this.rB));
        if (!Number.isInteger(r) || r <= this.lastRow) unsupported('row number');
        this.lastRow = r;
        if (buf[gt - 1] !== SLASH) {
          this.inRow = true;
          this.rowPresent = false;
          this.currentRow = r;
          this.lastCol = -1;
          if (this.rows === this.capacity) this.grow();
        }
        p = gt + 1;
      } else if (
        c1 === SLASH &&
        buf[lt + 2] === 114 &&
        buf[lt + 3] === 111 &&
        buf[lt + 4] === 119 &&
        buf[lt + 5] === GT
      ) {
        if (!this.inRow) unsupported('end of a row that did not start');
        // a row without values wrote no cell: it is not one of exceljs' rows
        if (this.rowPresent) this.rowNo[this.rows++] = this.currentRow;
        this.inRow = false;
        p = lt + 6;
      } else if (c1 === 33 /* ! */) {
        if (buf[lt + 2] === 45 && buf[lt + 3] === 45) {
          const close = indexOfSeq(buf, [45, 45, 62], lt + 4);
          if (close < 0) unsupported('unfinished comment');
          p = close + 3;
        } else unsupported('CDATA or declaration');
      } else if (c1 === 63 /* ? */) {
        const close = indexOfSeq(buf, [63, 62], lt + 2);
        if (close < 0) unsupported('unfinished declaration');
        p = close + 2;
      } else {
        const name = tagName(buf, lt);
        if (!this.rooted) {
          if (name !== 'worksheet') unsupported(`root element ${name}`);
          this.rooted = true;
        }
        if (name === 'hyperlink') unsupported(name);
        const gt = this.tagEnd(buf, lt, false);
        if (name === 'mergeCell') this.merges.push(mergeRange(attributes(latin(buf, lt, gt + 1)).ref));
        p = gt + 1;
      }
    }
  }

  /** A `<c>` element starting at `lt`: its value written into the columns; returns the index after it. */
  private cellAt(buf: Uint8Array, lt: number): number {
    if (!this.inRow) unsupported('cell outside a row');
    const gt = this.tagEnd(buf, lt, true);
    const t = this.aT;
    const style = this.aS;
    const styled = this.hasS;
    if (this.rA < 0) unsupported('cell without a position');
    const j = columnIndex(buf, this.rA, this.rB, this.currentRow);
    if (j <= this.lastCol) unsupported('cells out of order');
    this.lastCol = j;
    // an empty cell: no value (exceljs keeps a styled one without a value and drops an unstyled one)
    if (buf[gt - 1] === SLASH) return gt + 1;
    let p = gt + 1;
    let v: string | undefined;
    let vA = -1;
    let vB = -1;
    let formula = false;
    let inline: string | undefined;
    for (;;) {
      const open = buf.indexOf(LT, p);
      if (open < 0) return unsupported('unfinished cell');
      const c1 = buf[open + 1];
      if (c1 === SLASH) {
        // </c>
        if (buf[open + 2] !== 99 || buf[open + 3] !== GT) unsupported('unexpected end tag in a cell');
        p = open + 4;
        break;
      }
      const close = this.tagEnd(buf, open, false);
      const selfClosing = buf[close - 1] === SLASH;
      if (c1 === 118 /* v */ && isNameEnd(buf[open + 2])) {
        if (selfClosing) {
          p = close + 1;
          continue;
        }
        const endV = buf.indexOf(LT, close + 1);
        if (endV < 0) unsupported('unfinished value');
        if (endV > close + 1) {
          if (vA < 0 && v === undefined) {
            // the text is made only when needed (a number is read from the bytes)
            vA = close + 1;
            vB = endV;
          } else {
            // several <v>: their texts joined
            v = (v ?? (vA >= 0 ? textOf(buf, vA, vB) : '')) + textOf(buf, close + 1, endV);
            vA = -1;
          }
        }
        p = this.skipEnd(buf, endV, 'v');
      } else if (c1 === 102 /* f */ && isNameEnd(buf[open + 2])) {
        formula = true;
        // an empty <f></f> without a type is no formula to exceljs
        const typed = /\st\s*=/.test(latin(buf, open, close));
        if (selfClosing) {
          if (!typed) unsupported('empty formula');
          p = close + 1;
          continue;
        }
        const endF = buf.indexOf(LT, close + 1);
        if (endF < 0) unsupported('unfinished formula');
        if (endF === close + 1 && !typed) unsupported('empty formula');
        p = this.skipEnd(buf, endF, 'f');
      } else if (c1 === 105 /* i */ && buf[open + 2] === 115 /* s */ && isNameEnd(buf[open + 3])) {
        if (selfClosing) {
          p = close + 1;
          continue;
        }
        // <is><t>text</t></is> only
        const tOpen = buf.indexOf(LT, close + 1);
        if (buf[tOpen + 1] !== 116 /* t */ || !isNameEnd(buf[tOpen + 2])) unsupported('rich inline string');
        const tClose = this.tagEnd(buf, tOpen, false);
        let after = tClose + 1;
        if (buf[tClose - 1] !== SLASH) {
          const endT = buf.indexOf(LT, tClose + 1);
          if (endT > tClose + 1) inline = (inline ?? '') + textOf(buf, tClose + 1, endT);
          after = this.skipEnd(buf, endT, 't');
        }
        const endIs = buf.indexOf(LT, after);
        if (buf[endIs + 1] !== SLASH || buf[endIs + 2] !== 105 || buf[endIs + 3] !== 115)
          unsupported('inline string parts');
        p = this.skipEnd(buf, endIs, 'is');
      } else {
        unsupported('cell part');
      }
    }
    // a number read from its bytes when it is a plain decimal (else parseFloat of the text)
    let x = Number.NaN;
    if (vA >= 0) {
      if (t === '' || t === 'n') x = decimalAt(buf, vA, vB);
      if (x !== x) v = textOf(buf, vA, vB);
    }
    this.write(j, t, style, styled, formula, t === 'inlineStr' ? (inline ?? v) : v, inline !== undefined, x);
    return p;
  }

  /** Index after the end tag `</name>` (name in ASCII) that starts at `at`. */
  private skipEnd(buf: Uint8Array, at: number, name: string): number {
    if (at < 0 || buf[at + 1] !== SLASH) unsupported(`markup inside <${name}>`);
    let p = at + 2;
    for (let i = 0; i < name.length; i++, p++) if (buf[p] !== name.charCodeAt(i)) unsupported(`end of <${name}>`);
    while (buf[p] === 32 || buf[p] === 9 || buf[p] === 10 || buf[p] === 13) p++;
    if (buf[p] !== GT) unsupported(`end of <${name}>`);
    return p + 1;
  }

  /** The value of one cell, by exceljs' rules (cell-xform parseClose and reconcile), then xlsxCell's. */
  private write(
    j: number,
    t: string,
    style: number,
    styled: boolean,
    formula: boolean,
    text: string | undefined,
    inline: boolean,
    x: number,
  ): void {
    if (inline && t !== 'inlineStr') unsupported('inline string in a cell of another type');
    const dateStyled = styled && this.dates[style] === true;
    // a value: a number read from the bytes (x), else its text
    if (x === x) text ??= '';
    let cell: Cell;
    if (formula) {
      // exceljs: `if (model.value)` — an empty text is no result
      if (text !== undefined && (text || x === x)) {
        if (t === 'str') cell = strValue(text);
        else if (t === 'b') cell = Number.parseInt(text, 10) !== 0 ? 'TRUE' : 'FALSE';
        else if (t === 'e') cell = text;
        else cell = this.numberCell(x === x ? x : numberValue(text), dateStyled);
        if (dateStyled && typeof cell === 'string' && t !== '' && t !== 'n') unsupported('date style on a text result');
      } else cell = null;
    } else if (text !== undefined) {
      switch (t) {
        case 's': {
          const s = this.strings[Number.parseInt(text, 10)];
          if (s === undefined) unsupported('shared string index');
          cell = s === '' ? null : s;
          break;
        }
        case 'str':
          cell = strValue(text);
          break;
        case 'inlineStr':
          cell = text === '' ? null : text;
          break;
        case 'b':
          cell = Number.parseInt(text, 10) !== 0 ? 'TRUE' : 'FALSE';
          break;
        case 'e':
          cell = text;
          break;
        case '':
        case 'n':
          cell = this.numberCell(x === x ? x : numberValue(text), dateStyled);
          break;
        default:
          cell = unsupported(`cell type ${t}`);
      }
    } else {
      return; // an empty cell: no value
    }
    this.rowPresent = true;
    const col = this.column(j);
    if (j + 1 > this.width) this.width = j + 1;
    const k = this.rows;
    if (typeof cell === 'number') {
      col.kind[k] = NUMBER;
      col.num[k] = cell;
      this.hasNumber = true;
    } else {
      col.kind[k] = OTHER;
      col.other.set(k, cell);
    }
  }

  /**
   * A number as exceljs gives it: in a date format, a Date (excelToDate:
   * days since 1899-12-30, or 1904-01-01 in a 1904 workbook), which
   * xlsxCell writes as YYYY-MM-DD.
   */
  private numberCell(x: number, dateStyled: boolean): Cell {
    if (!dateStyled) return x;
    const d = new Date(Math.round((x - 25569 + (this.date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
    if (Number.isNaN(d.getTime())) unsupported('date out of range');
    return d.toISOString().slice(0, 10);
  }

  /**
   * Merged ranges as exceljs loads them (worksheet.mergeCellsWithoutStyle):
   * every cell of a range but the first takes the first cell's value, and
   * counts as a value for its row, so rows a range spans are rows of the
   * sheet even when they hold nothing else. Overlapping ranges, which exceljs
   * refuses, are left to it.
   */
  private applyMerges(): void {
    const merges = this.merges;
    if (merges.length > 2000) unsupported('many merged ranges');
    for (let a = 0; a < merges.length; a++)
      for (let b = a + 1; b < merges.length; b++) {
        const x = merges[a];
        const y = merges[b];
        if (x.left <= y.right && y.left <= x.right && x.top <= y.bottom && y.top <= x.bottom)
          unsupported('overlapping merged ranges');
      }
    // the rows: those scanned, and those a range gives a merged cell
    const present = new Set<number>(this.rowNo.subarray(0, this.rows));
    for (const m of merges) for (let r = m.top; r <= m.bottom; r++) if (r > m.top || m.right > m.left) present.add(r);
    const rowNo = Int32Array.from([...present].sort((p, q) => p - q));
    const at = new Map<number, number>();
    rowNo.forEach((r, k) => at.set(r, k));
    // the columns, re-laid on the new rows
    const n = rowNo.length;
    const maxCol = Math.max(this.width - 1, ...merges.map((m) => m.right));
    const cap = Math.max(n, 1);
    const old = this.columns;
    const oldRow = this.rowNo;
    const columns: ScanColumn[] = [];
    for (let j = 0; j <= maxCol; j++) {
      const next: ScanColumn = { kind: new Uint8Array(cap), num: new Float64Array(cap), other: new Map() };
      const col = old[j];
      if (col)
        for (let k = 0; k < this.rows; k++) {
          const kk = at.get(oldRow[k])!;
          next.kind[kk] = col.kind[k];
          next.num[kk] = col.num[k];
          if (col.kind[k] === OTHER) next.other.set(kk, col.other.get(k) ?? null);
        }
      columns.push(next);
    }
    const valueAt = (r: number, j: number): { kind: number; num: number; other: Cell } => {
      const k = at.get(r);
      const col = columns[j];
      if (k === undefined || !col) return { kind: 0, num: 0, other: null };
      return { kind: col.kind[k], num: col.num[k], other: col.other.get(k) ?? null };
    };
    for (const m of merges) {
      const master = valueAt(m.top, m.left);
      for (let r = m.top; r <= m.bottom; r++)
        for (let j = m.left; j <= m.right; j++) {
          if (r === m.top && j === m.left) continue;
          const k = at.get(r)!;
          const col = columns[j];
          // a master without a value gives its merged cells none (they still make their rows rows of the sheet)
          col.kind[k] = master.kind === 0 ? OTHER : master.kind;
          col.num[k] = master.num;
          col.other.delete(k);
          if (master.kind !== NUMBER) col.other.set(k, master.kind === 0 ? null : master.other);
        }
    }
    this.columns = columns;
    this.rowNo = rowNo;
    this.rows = n;
    this.capacity = cap;
    this.width = Math.max(this.width, maxCol + 1);
  }

  /** The scanned sheet. */
  result(name: string): ScannedSheet {
    if (this.merges.length) this.applyMerges();
    const { columns, rows } = this;
    const rowNo = this.rowNo.slice(0, rows);
    return {
      name,
      rowNo,
      width: this.width,
      hasNumber: this.hasNumber,
      cell(k, j) {
        const col = columns[j];
        if (!col) return null;
        const kind = col.kind[k];
        return kind === NUMBER ? col.num[k] : kind === OTHER ? (col.other.get(k) ?? null) : null;
      },
    };
  }
}

/** A merged range, 1-based rows and 0-based columns, inclusive. */
interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A merged range's reference ("A1:D1"; one cell "A1" merges nothing). */
function mergeRange(ref: string | undefined): MergeRange {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref ?? '');
  if (!m) return unsupported('merged range');
  const col = (letters: string) => [...letters].reduce((j, c) => j * 26 + c.charCodeAt(0) - 64, 0) - 1;
  const [a, b] = [col(m[1]), col(m[3] ?? m[1])];
  const [r1, r2] = [Number(m[2]), Number(m[4] ?? m[2])];
  return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(a, b), right: Math.max(a, b) };
}

/** Start of the last `<row` tag in the buffer (−1: none). */
function lastRowStart(buf: Uint8Array): number {
  let p = buf.length;
  for (;;) {
    p = buf.lastIndexOf(LT, p - 1);
    if (p < 0) return -1;
    if (
      buf[p + 1] === 114 &&
      buf[p + 2] === 111 &&
      buf[p + 3] === 119 &&
      (p + 4 >= buf.length || isNameEnd(buf[p + 4]))
    )
      return p;
    if (p === 0) return -1;
  }
}

function indexOfSeq(buf: Uint8Array, seq: number[], from: number): number {
  for (let p = buf.indexOf(seq[0], from); p >= 0; p = buf.indexOf(seq[0], p + 1)) {
    let ok = true;
    for (let i = 1; i < seq.length; i++) if (buf[p + i] !== seq[i]) ok = false;
    if (ok) return p;
  }
  return -1;
}

function tagName(buf: Uint8Array, lt: number): string {
  const a = buf[lt + 1] === SLASH ? lt + 2 : lt + 1;
  let p = a;
  while (p < buf.length && !isNameEnd(buf[p])) p++;
  return latin(buf, a, p);
}

/** ASCII / Latin-1 bytes as text (attribute values of positions, types and styles). */
function latin(buf: Uint8Array, a: number, b: number): string {
  let s = '';
  for (let i = a; i < b; i++) s += String.fromCharCode(buf[i]);
  return s;
}

/** Character data between two tags, decoded. */
function textOf(buf: Uint8Array, a: number, b: number): string {
  let ascii = true;
  for (let i = a; i < b; i++)
    if (buf[i] > 127 || buf[i] === 38 /* & */ || buf[i] === 13) {
      ascii = false;
      break;
    }
  return ascii ? latin(buf, a, b) : xmlText(utf8(buf.subarray(a, b)));
}

/** Column index (0-based) of the cell position at buf[a, b) ("AB12"), which must lie in row `row`. */
function columnIndex(buf: Uint8Array, a: number, b: number, row: number): number {
  let j = 0;
  let i = a;
  for (; i < b && buf[i] >= 65 && buf[i] <= 90; i++) j = j * 26 + (buf[i] - 64);
  let r = 0;
  const d = i;
  for (; i < b && buf[i] >= 48 && buf[i] <= 57; i++) r = r * 10 + (buf[i] - 48);
  if (d === a || i === d || i !== b || r !== row) unsupported('cell position');
  return j - 1;
}

/** A number cell's text read as exceljs reads it (parseFloat); not finite: left to exceljs. */
function numberValue(text: string): number {
  const x = Number.parseFloat(text);
  if (!Number.isFinite(x)) unsupported('not a finite number');
  return x;
}

/** A formula-string cell: exceljs decodes the five entities once more (utils.xmlDecode); such text is left to it. */
function strValue(text: string): Cell {
  if (/&(lt|gt|amp|quot|apos);/.test(text)) unsupported('entity in a string result');
  return text === '' ? null : text;
}

// ---------------------------------------------------------------- workbook

/** A workbook's worksheets, scanned when asked for. */
export interface ScannedWorkbook {
  /** Every worksheet's name, in workbook order. */
  names: string[];
  /** Scan worksheet i (rejects for a case left to exceljs). */
  sheet(i: number): Promise<ScannedSheet>;
}

/**
 * Open a workbook for scanning, or null when it is not a plain zip with the
 * package layout exceljs reads (then parseXlsx uses exceljs).
 */
export function openXlsx(bytes: Uint8Array, inflateRaw: InflateRaw = defaultInflateRaw): ScannedWorkbook | null {
  try {
    const entries = zipEntries(bytes);
    const { refs, date1904 } = workbookSheets(entries, bytes);
    const part = (name: string): string | undefined => {
      const e = entries.get(name);
      return e ? utf8(entryBytes(bytes, e)) : undefined;
    };
    let parts: { strings: string[]; dates: boolean[] } | undefined;
    return {
      names: refs.map((r) => r.name),
      async sheet(i) {
        parts ??= { strings: sharedStrings(part('xl/sharedStrings.xml')), dates: dateStyles(part('xl/styles.xml')) };
        const scanner = new SheetScanner(parts.strings, parts.dates, date1904);
        const e = entries.get(refs[i].path)!;
        const raw = bytes.subarray(e.data, e.data + e.size);
        for await (const piece of e.method === 0 ? [raw] : inflateRaw(raw)) scanner.push(piece);
        scanner.finish();
        return scanner.result(refs[i].name);
      },
    };
  } catch {
    return null; // a case left to exceljs, or a damaged archive that exceljs reads and names
  }
}
