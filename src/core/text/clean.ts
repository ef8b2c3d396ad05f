/**
 * Turn the lines of a report's pages into one text for counting: drop page
 * numbers and the running headers and footers that repeat on many pages, and
 * join lines so a word split across a line or page break reads whole again.
 * Chapter headings (第X节) and lines after a sentence end keep their line break.
 */

export interface CleanedText {
  text: string;
  /** Offset in `text` where each page starts (page 1 at index 0). */
  pageStarts: number[];
  /** Lines removed, with the reason, so the cleaning can be audited. */
  removed: Array<{ page: number; line: string; reason: 'page-number' | 'header-footer' }>;
}

export interface CleanOptions {
  /** A line is a running header/footer when it is among the first or last
   * `edgeLines` lines of at least this share of pages; default 0.5. */
  repeatShare?: number;
  edgeLines?: number;
  /** Fewer pages than this: no header/footer detection; default 3. */
  minPages?: number;
}

/** Page number lines: "12", "- 12 -", "第 12 页", "12 / 250", "第12页 共250页". */
const PAGE_NUMBER = /^[\s\-—–]*(第\s*)?\d{1,4}\s*(页)?\s*((\/|／|of|共)\s*\d{1,4}\s*(页)?)?[\s\-—–]*$/;

/**
 * True when a line is only a page number.
 * @example isPageNumber('- 12 -') // true
 */
export function isPageNumber(line: string): boolean {
  return PAGE_NUMBER.test(line);
}

/** Header/footer key: digits (page numbers, years may vary) collapsed, spaces removed. */
const edgeKey = (line: string): string => line.replace(/\s+/g, '').replace(/\d+/g, '#');

/** End of a line that closes a paragraph: keep a line break there. */
const PARAGRAPH_END = /[。！？；：!?;:]$/;
/** A chapter heading (第X节 / 第X章, 節 in traditional characters) starts its own line, so sections can be found (sections.ts). */
const CHAPTER_HEADING = /^第[一二三四五六七八九十]{1,3}[节節章]/;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** The end of the text joined so far: its last character and its last line (first 31 characters, length). */
interface Tail {
  last: string;
  lineHead: string;
  lineLength: number;
}

/**
 * Join two pieces of text across a line break: nothing between two CJK
 * characters or a CJK character and Latin text (Chinese has no spaces), a
 * space between two Latin words, a line break after a sentence end or around
 * a chapter heading. Looks only at the tail of the text so far, so joining a
 * report of any length takes time in proportion to it.
 */
function joiner(tail: Tail, right: string): string {
  if (!tail.last || !right) return '';
  if (PARAGRAPH_END.test(tail.last) || CHAPTER_HEADING.test(right)) return '\n';
  if (CHAPTER_HEADING.test(tail.lineHead) && tail.lineLength <= 30) return '\n';
  const a = tail.last;
  const b = right[0];
  if (CJK.test(a) || CJK.test(b)) return '';
  if (a === '-') return '';
  return ' ';
}

/**
 * Clean and join the lines of each page.
 * @example cleanPages([['年度报告', '公司推进移动', '互联网', '1']]).text // '年度报告公司推进移动互联网'
 */
export function cleanPages(pages: string[][], opts: CleanOptions = {}): CleanedText {
  const repeatShare = opts.repeatShare ?? 0.5;
  const edgeLines = opts.edgeLines ?? 2;
  const minPages = opts.minPages ?? 3;
  const removed: CleanedText['removed'] = [];
  const trimmed = pages.map((lines) => lines.map((l) => l.trim()).filter((l) => l.length > 0));
  const kept = trimmed.map((lines, p) =>
    lines.filter((line) => {
      if (!isPageNumber(line)) return true;
      removed.push({ page: p + 1, line, reason: 'page-number' });
      return false;
    }),
  );
  const repeated = new Set<string>();
  if (kept.length >= minPages) {
    const pagesWith = new Map<string, number>();
    for (const lines of kept) {
      const edges = new Set([...lines.slice(0, edgeLines), ...lines.slice(-edgeLines)].map(edgeKey));
      for (const key of edges) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
    }
    for (const [key, n] of pagesWith) if (n >= Math.max(2, repeatShare * kept.length)) repeated.add(key);
  }
  const parts: string[] = [];
  let length = 0;
  const tail: Tail = { last: '', lineHead: '', lineLength: 0 };
  const append = (line: string, pageStart: boolean): void => {
    const sep = joiner(tail, line);
    if (pageStart) pageStarts.push(length + sep.length);
    parts.push(sep, line);
    length += sep.length + line.length;
    if (sep === '\n' || !tail.last) {
      tail.lineHead = line.slice(0, 31);
      tail.lineLength = line.length;
    } else {
      if (tail.lineHead.length < 31) tail.lineHead = (tail.lineHead + sep + line).slice(0, 31);
      tail.lineLength += sep.length + line.length;
    }
    tail.last = line[line.length - 1];
  };
  const pageStarts: number[] = [];
  kept.forEach((lines, p) => {
    const body = lines.filter((line, i) => {
      const atEdge = i < edgeLines || i >= lines.length - edgeLines;
      if (!atEdge || !repeated.has(edgeKey(line))) return true;
      removed.push({ page: p + 1, line, reason: 'header-footer' });
      return false;
    });
    for (let i = 0; i < body.length; i++) append(body[i], i === 0);
    if (body.length === 0) pageStarts.push(length);
  });
  return { text: parts.join(''), pageStarts, removed };
}

/**
 * Split plain text (TXT, HTML) into lines of one page and clean them.
 * @example cleanPlainText('推进移动\n互联网').text // '推进移动互联网'
 */
export function cleanPlainText(text: string): CleanedText {
  const pages = text.split('\f').map((page) => page.split(/\r\n|\r|\n/));
  return cleanPages(pages);
}
