/**
 * Reading one raw cell as a number. Chinese spreadsheet exports carry a few
 * conventions that are parsed explicitly (and reported as warnings by the
 * panel builder, so nothing is read silently):
 *
 * - full-width characters (１２３．４, －５, １２％, full-width space) are
 *   normalised with Unicode NFKC; the minus sign U+2212 is read as "-";
 * - thousands separators: "1,234" and "1,234,567.89" (groups of exactly three
 *   digits) → 1234, 1234567.89. Anything else with a comma ("1,23", "1,2345")
 *   is rejected, because it may be a decimal comma;
 * - a trailing percent sign: "12.5%" → 0.125 (the value Excel stores for a
 *   cell formatted as 12.5%);
 * - "Inf", "+Inf", "-Inf", "Infinity" → ±Infinity (then reported by validation);
 * - missing-value tokens (case-insensitive, after trimming): empty, NA, N/A,
 *   #N/A, NaN, null, None, ., .., ..., -, --, —, ……, 缺失, 无数据, 暂无 → missing (NaN).
 *
 * Everything else that is not a plain decimal number (optionally signed,
 * optionally with exponent) is non-numeric and reported with its row and
 * column: "(123)", "¥100", "12 万", "#DIV/0!", "1.2.3", ...
 */
/** How a text cell was read as a number, when it was not a plain decimal. */
export type NumberNote = 'thousands' | 'fullwidth' | 'percent';

export type CellReading =
  | { kind: 'number'; value: number; notes?: NumberNote[] }
  | { kind: 'missing' }
  | { kind: 'text'; text: string };

const MISSING_TOKENS = new Set([
  '',
  'na',
  'n/a',
  '#n/a',
  'nan',
  'null',
  'none',
  '.',
  '..',
  '...',
  '-',
  '--',
  '—',
  '——',
  '…',
  '……',
  '缺失',
  '无数据',
  '暂无',
]);
const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const INF = /^([+-]?)(inf|infinity)$/i;

/**
 * Whether s is a plain decimal as PLAIN matches it ([+-]? digits with at most
 * one point and at least one digit, optional exponent), by one scan of its
 * character codes: the fast path for the cells of large files.
 */
export function isPlainDecimal(s: string): boolean {
  const n = s.length;
  let i = 0;
  let c = n ? s.charCodeAt(0) : 0;
  if (c === 43 || c === 45) c = ++i < n ? s.charCodeAt(i) : 0; // + -
  let digits = 0;
  let point = false;
  for (; i < n; i++) {
    c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !point) point = true;
    else break;
  }
  if (digits === 0) return false;
  if (i === n) return true;
  if (c !== 101 && c !== 69) return false; // e E
  i++;
  if (i < n && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45)) i++;
  if (i === n) return false;
  for (; i < n; i++) {
    c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Read one raw cell (string, number or null) as a number, a missing value, or text. */
export function readNumber(raw: string | number | null | undefined): CellReading {
  if (raw === null || raw === undefined) return { kind: 'missing' };
  if (typeof raw === 'number') return Number.isNaN(raw) ? { kind: 'missing' } : { kind: 'number', value: raw };
  if (isPlainDecimal(raw)) return { kind: 'number', value: Number(raw) };
  const original = raw;
  let s = raw.replace(/[\u00a0\u3000]/g, ' ').trim();
  if (MISSING_TOKENS.has(s.toLowerCase())) return { kind: 'missing' };
  const notes: NumberNote[] = [];
  const nfkc = s
    .normalize('NFKC')
    .replace(/\u2212/g, '-')
    .trim();
  if (nfkc !== s) {
    notes.push('fullwidth');
    s = nfkc;
    if (MISSING_TOKENS.has(s.toLowerCase())) return { kind: 'missing' };
  }
  let scale = 1;
  if (s.endsWith('%')) {
    s = s.slice(0, -1).trim();
    scale = 0.01;
    notes.push('percent');
  }
  const done = (value: number): CellReading =>
    notes.length ? { kind: 'number', value, notes } : { kind: 'number', value };
  if (PLAIN.test(s)) return done(scale === 1 ? Number(s) : Number(s) / 100);
  if (THOUSANDS.test(s)) {
    notes.push('thousands');
    const v = Number(s.replace(/,/g, ''));
    return done(scale === 1 ? v : v / 100);
  }
  const inf = INF.exec(s);
  if (inf && scale === 1) return { kind: 'number', value: inf[1] === '-' ? -Infinity : Infinity };
  return { kind: 'text', text: original };
}
