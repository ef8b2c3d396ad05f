/**
 * One pass over the UTF-8 bytes of a delimited file that records where each
 * cell starts and ends (a CellGrid, core/panel/raw-table.ts) instead of making
 * a string per cell, and reads every plain decimal cell into a number on the
 * way, from its bytes. The file is never decoded as a whole: delimiters,
 * quotes, line endings and the characters of a number are ASCII, and in UTF-8
 * an ASCII byte never occurs inside a longer character, so a cell's bounds
 * are found on the bytes and only the text cells are decoded, when read.
 *
 * It splits fields as papaparse does (the reader it stands in for): a field
 * is quoted only when its first character is a double quote, "" inside
 * quotes is one quote, quotes elsewhere are literal, rows end at the file's
 * one line ending (guessed as papaparse guesses it). When the quoting is not regular (an unclosed quote, or text
 * between a closing quote and the delimiter) it returns null and the caller
 * uses papaparse, whose error messages name the row.
 *
 * Numbers: a cell that is a plain decimal ([+-]? digits with at most one
 * point, optional exponent; the cells.ts `isPlainDecimal` rule) with at most
 * 15 significant digits and a power of ten up to 10^22 is read as
 * mantissa ÷ 10^k or mantissa × 10^k — both operands exact doubles, so the
 * one rounding gives the correctly rounded value, the same double as
 * Number(text) (Clinger 1990, "How to read floating point numbers
 * accurately", the fast path). Longer mantissas go through Number(text).
 *
 * @example scanCsv(new TextEncoder().encode('a,b\n1,x\n'), ',', '\n')?.value[2] // 1
 */
import { lowProduct } from '../../core/stats/exact.ts';
import {
  GRID_EMPTY,
  GRID_NUMBER,
  GRID_QUOTED,
  GRID_TEXT,
  SIZE_LONG,
  utf8Text,
  type CellGrid,
} from '../../core/panel/raw-table.ts';
import { typedFindByte, type FindByte } from './decode.ts';

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The line ending papaparse would use for this text: "\n" when there is no
 * "\r" or a "\n" comes first, else "\r\n" when at least half of the "\r" are
 * followed by "\n", else "\r" (quoted fields in the first megabyte left out:
 * papaparse removes each "…" pair and splits what is left at "\r").
 * A loop over the codes, not a regular expression: V8 keeps the subject of
 * the last match alive, and a slice of the text would keep the whole file.
 */
export function guessNewline(text: string): '\n' | '\r\n' | '\r' {
  const end = Math.min(text.length, 1024 * 1024);
  let crs = 0; // "\r" outside quotes
  let crLf = 0; // parts after a split at "\r" that start with "\n" (the first part too)
  let firstCr = -1;
  let firstLf = -1;
  let afterCr = true; // the next kept code starts a part
  let kept = 0; // codes kept so far (the position in the text with quoted pairs removed)
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const close = text.indexOf('"', i + 1);
      if (close >= 0 && close < end) {
        i = close;
        continue;
      }
    }
    if (afterCr && c === 10) crLf++;
    afterCr = c === 13;
    if (c === 13) {
      crs++;
      if (firstCr < 0) firstCr = kept;
    } else if (c === 10 && firstLf < 0) firstLf = kept;
    kept++;
  }
  if (crs === 0 || (firstLf >= 0 && firstLf < firstCr)) return '\n';
  return crLf >= (crs + 1) / 2 ? '\r\n' : '\r';
}

/**
 * Cells of every row (header first) of the UTF-8 `bytes`, or null when the
 * quoting is irregular. rowStart has one entry per row and a final one. With
 * `from` and `to`, only bytes[from, to) is scanned (from at the start of a
 * row); cell offsets stay offsets into `bytes`. `room`: the arrays are made
 * large enough for the cells of bytes[from, room) (joinGrids then adds the
 * later ranges' cells in place). `cells`: room for about this many cells,
 * when the caller knows (the pieces of a file after the first), instead of
 * counting them on the first megabyte.
 */
export function scanCsv(
  bytes: Uint8Array,
  delimiter: string,
  newline: '\n' | '\r\n' | '\r',
  from = 0,
  to = bytes.length,
  room = to,
  cells?: number,
): CellGrid | null {
  const len = to;
  const D = delimiter.charCodeAt(0);
  const crlf = newline === '\r\n';
  const NL = newline === '\n' ? 10 : 13; // first code of the line ending
  // room for the cells: counted on the first megabyte, grown when short
  let cap =
    cells !== undefined ? Math.max(1024, Math.ceil(cells)) : cellEstimate(bytes, D, NL, from, Math.max(to, room));
  let start = new Int32Array(cap);
  let size = new Uint8Array(cap);
  const long = new Map<number, number>();
  let kind = new Uint8Array(cap);
  let value = new Float64Array(cap);
  let n = 0;
  let rowStart = new Int32Array(1 << 12);
  let rows = 0;
  let p = from;
  for (;;) {
    if (rows + 2 > rowStart.length) rowStart = grown(rowStart, rowStart.length * 2);
    rowStart[rows++] = n;
    // fields of one row
    for (;;) {
      if (n === cap) {
        cap *= 2;
        start = grown(start, cap);
        size = grown(size, cap);
        kind = grown(kind, cap);
        value = grown(value, cap);
      }
      const c0 = n++;
      const s = p;
      let e: number; // where the cell's text ends
      if (p < len && bytes[p] === 34) {
        // quoted field: up to the closing quote, "" standing for one quote
        let q = p + 1;
        let doubled = false;
        for (;;) {
          const at = bytes.indexOf(34, q);
          if (at < 0 || at >= len) return null; // unclosed quote
          if (at + 1 < len && bytes[at + 1] === 34) {
            doubled = true;
            q = at + 2;
            continue;
          }
          q = at;
          break;
        }
        const after = q + 1;
        if (after < len) {
          const c = bytes[after];
          if (c !== D && !(c === NL && (!crlf || bytes[after + 1] === 10))) return null;
        }
        start[c0] = s + 1;
        e = q;
        kind[c0] = doubled ? GRID_QUOTED : q === s + 1 ? GRID_EMPTY : GRID_TEXT;
        value[c0] = Number.NaN;
        p = after;
      } else {
        // unquoted field; read as a plain decimal while it looks like one
        let i = p;
        let c = i < len ? bytes[i] : -1;
        let neg = false;
        if (c === 43 || c === 45) {
          neg = c === 45;
          c = ++i < len ? bytes[i] : -1;
        }
        // digits, then a point and digits: the first 15 significant digits in
        // mant (exact), the next 4 in rest, sig counts them all (leading zeros
        // are not significant). The two loops are written out: one loop with a
        // point flag scanned the benchmark panel about a fifth slower.
        const d0 = i;
        let mant = 0;
        let rest = 0;
        let sig = 0;
        while (c >= 48 && c <= 57) {
          if (sig < 15) {
            mant = mant * 10 + (c - 48);
            if (mant !== 0) sig++;
          } else {
            if (sig < 19) rest = rest * 10 + (c - 48);
            sig++;
          }
          c = ++i < len ? bytes[i] : -1;
        }
        const intEnd = i;
        let fracStart = i;
        if (c === 46) {
          fracStart = ++i;
          c = i < len ? bytes[i] : -1;
          while (c >= 48 && c <= 57) {
            if (sig < 15) {
              mant = mant * 10 + (c - 48);
              if (mant !== 0) sig++;
            } else {
              if (sig < 19) rest = rest * 10 + (c - 48);
              sig++;
            }
            c = ++i < len ? bytes[i] : -1;
          }
        }
        const frac = i - fracStart;
        const digits = intEnd - d0 + frac;
        let plain = digits > 0;
        let exp = 0;
        if (plain && (c === 101 || c === 69)) {
          c = ++i < len ? bytes[i] : -1;
          let eneg = false;
          if (c === 43 || c === 45) {
            eneg = c === 45;
            c = ++i < len ? bytes[i] : -1;
          }
          let ed = 0;
          while (c >= 48 && c <= 57) {
            if (ed < 6) exp = exp * 10 + (c - 48);
            ed++;
            c = ++i < len ? bytes[i] : -1;
          }
          if (ed === 0) plain = false;
          if (ed > 6) exp = 1e6; // read by Number below
          if (eneg) exp = -exp;
        }
        // the field ends here when the next character is a delimiter, a line ending or the end
        if (!(i >= len || c === D || (c === NL && (!crlf || bytes[i + 1] === 10)))) {
          plain = false;
          while (i < len) {
            c = bytes[i];
            if (c === D || (c === NL && (!crlf || bytes[i + 1] === 10))) break;
            i++;
          }
        }
        start[c0] = s;
        e = i;
        if (plain) {
          kind[c0] = GRID_NUMBER;
          const k = frac - exp;
          let v = Number.NaN;
          if (sig <= 15) {
            if (k >= 0 && k <= 22) v = mant / POW10[k];
            else if (k < 0 && k >= -22) v = mant * POW10[-k];
          } else if (sig <= 19 && k >= 0 && k <= 22) v = longQuotient(mant, rest, sig - 15, k);
          value[c0] = v === v ? (neg ? -v : v) : Number(utf8Text(bytes, s, i));
        } else {
          kind[c0] = i === s ? GRID_EMPTY : GRID_TEXT;
          value[c0] = Number.NaN;
        }
        p = i;
      }
      // its length in a byte, a long one aside
      const w = e - start[c0];
      if (w < SIZE_LONG) size[c0] = w;
      else {
        size[c0] = SIZE_LONG;
        long.set(c0, w);
      }
      // after the field: a delimiter (next field), a line ending (next row) or the end
      if (p >= len) {
        rowStart[rows] = n;
        return {
          bytes,
          rowStart: rowStart.subarray(0, rows + 1),
          start: start.subarray(0, n),
          size: size.subarray(0, n),
          long,
          kind: kind.subarray(0, n),
          value: value.subarray(0, n),
        };
      }
      if (bytes[p] === D) {
        p++;
        continue;
      }
      p += crlf ? 2 : 1;
      break;
    }
  }
}

/**
 * The number a plain decimal at bytes[a, b) stands for (the whole range:
 * [+-]? digits with at most one point, optional exponent), correctly rounded
 * as Number(text) gives it, by the same fast paths as the scan above; NaN
 * when the text is not a plain decimal or the fast paths cannot tell (the
 * caller then reads the text with Number / parseFloat). The scan keeps its
 * own copy inline: calling this (or only its last step) from the scan's
 * loop made it 8–11 % slower on the 224 MB panel.
 *
 * @example decimalAt(new TextEncoder().encode('<v>0.25</v>'), 3, 7) // 0.25
 */
export function decimalAt(bytes: Uint8Array, a: number, b: number): number {
  let i = a;
  let c = i < b ? bytes[i] : -1;
  let neg = false;
  if (c === 43 || c === 45) {
    neg = c === 45;
    c = ++i < b ? bytes[i] : -1;
  }
  const d0 = i;
  let mant = 0;
  let rest = 0;
  let sig = 0;
  let frac = 0;
  let point = false;
  for (;;) {
    if (c >= 48 && c <= 57) {
      if (sig < 15) {
        mant = mant * 10 + (c - 48);
        if (mant !== 0) sig++;
      } else {
        if (sig < 19) rest = rest * 10 + (c - 48);
        sig++;
      }
      if (point) frac++;
    } else if (c === 46 && !point) point = true;
    else break;
    c = ++i < b ? bytes[i] : -1;
  }
  if (i - d0 - (point ? 1 : 0) === 0) return Number.NaN;
  let exp = 0;
  if (c === 101 || c === 69) {
    c = ++i < b ? bytes[i] : -1;
    let eneg = false;
    if (c === 43 || c === 45) {
      eneg = c === 45;
      c = ++i < b ? bytes[i] : -1;
    }
    let ed = 0;
    while (c >= 48 && c <= 57) {
      if (ed < 6) exp = exp * 10 + (c - 48);
      ed++;
      c = ++i < b ? bytes[i] : -1;
    }
    if (ed === 0 || ed > 6) return Number.NaN;
    if (eneg) exp = -exp;
  }
  if (i !== b) return Number.NaN;
  const k = frac - exp;
  let v = Number.NaN;
  if (sig <= 15) {
    if (k >= 0 && k <= 22) v = mant / POW10[k];
    else if (k < 0 && k >= -22) v = mant * POW10[-k];
  } else if (sig <= 19 && k >= 0 && k <= 22) v = longQuotient(mant, rest, sig - 15, k);
  return neg ? -v : v;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // high word of a double (little-endian: 1)

/** 2^(e − 1075): the unit in the last place of a normal double with biased exponent e (e > 52 here), from its bits. */
function ulpOf(e: number): number {
  u32[HI] = (e - 52) << 20;
  u32[1 - HI] = 0;
  return f64[0];
}

/**
 * The correctly rounded value of w / 10^k for a decimal mantissa of 16 to 19
 * significant digits, w = mant · 10^r + rest (mant the first 15 digits, rest
 * the other r), or NaN when this cannot tell it cheaply (the caller then uses
 * Number). q = round(w) / 10^k is the answer when the remainder w − q · 10^k
 * is inside half a unit in the last place of q times 10^k, and its neighbour
 * on the remainder's side when that remainder is within half a unit of it —
 * tested with the remainder computed to about 2^-100 relative and a wide
 * margin; near a tie, at a power of two, or outside the normal range, NaN.
 */
function longQuotient(mant: number, rest: number, r: number, k: number): number {
  const p = mant * POW10[r];
  const e = lowProduct(mant, POW10[r], p);
  const w1 = p + rest;
  const w2 = rest - (w1 - p) + e; // w = w1 + w2 up to rounding far below the margin
  const P = POW10[k];
  const q = w1 / P;
  if (!(q > 1e-290 && q < 1e290)) return Number.NaN;
  f64[0] = q;
  const hiWord = u32[HI];
  if ((hiWord & 0xfffff) === 0 && u32[1 - HI] === 0) return Number.NaN; // a power of two
  const ulp = ulpOf((hiWord >>> 20) & 0x7ff);
  const qp = q * P;
  const qe = lowProduct(q, P, qp);
  const rem = w1 - qp - qe + w2;
  const unit = ulp * P; // exact: ulp is a power of two
  const off = Math.abs(rem);
  if (off < 0.4999 * unit) return q;
  // w / 10^k is nearer the neighbour of q on the side of the remainder
  if (off > 0.5001 * unit && off < 1.4999 * unit) {
    const q2 = rem > 0 ? q + ulp : q - ulp;
    f64[0] = q2;
    if (((u32[HI] >>> 20) & 0x7ff) !== ((hiWord >>> 20) & 0x7ff)) return Number.NaN; // another binade
    if (Math.abs(rem > 0 ? rem - unit : rem + unit) < 0.4999 * unit) return q2;
  }
  return Number.NaN;
}

/** Cells bytes[from, to) holds, estimated from the delimiters and line ends of its first megabyte (at least 1024). */
function cellEstimate(bytes: Uint8Array, D: number, NL: number, from: number, to: number): number {
  const sample = Math.min(to - from, 1 << 20);
  let count = 1;
  for (let i = from; i < from + sample; i++) {
    const c = bytes[i];
    if (c === D || c === NL) count++;
  }
  return Math.max(1024, Math.ceil((count * (to - from) * 1.05) / Math.max(1, sample)) + 16);
}

/**
 * Where to cut `bytes` into `parts` ranges that can be scanned apart (each
 * cut just after a line ending), or null when it cannot be cut safely: a
 * double quote anywhere (a quoted field may hold a line ending) or a text
 * too short for the parts. The ranges are of about equal length, or the
 * first of about `first` of the whole (two parts). Returns the range
 * bounds, 0 … bytes.length.
 */
export function rowCuts(
  bytes: Uint8Array,
  newline: '\n' | '\r\n' | '\r',
  parts: number,
  findByte: FindByte = typedFindByte,
  first = 1 / parts,
): number[] | null {
  if (parts < 2 || findByte(bytes, 34) >= 0) return null;
  const last = newline === '\r' ? 13 : 10; // a cut after "\n" also ends a "\r\n"
  const cuts = [0];
  for (let k = 1; k < parts; k++) {
    const share = first + ((k - 1) * (1 - first)) / (parts - 1);
    const at = findByte(bytes, last, Math.floor(bytes.length * share));
    if (at < 0 || at + 1 <= cuts[cuts.length - 1] || at + 1 >= bytes.length) return null;
    cuts.push(at + 1);
  }
  cuts.push(bytes.length);
  return cuts;
}

/**
 * One grid from the grids of consecutive ranges of `bytes` (rowCuts), whose
 * offsets are offsets into `bytes` (a range scanned as an array of its own has
 * them moved by shiftGrid first). The empty last row a range ending in a line
 * ending has is left out, but for the last range. When the first grid's
 * arrays have room for every cell (scanCsv's `room`), the others are copied
 * in after its cells instead of into new arrays.
 */
export function joinGrids(bytes: Uint8Array, grids: CellGrid[]): CellGrid {
  const keepRows = grids.map((g, i) => g.rowStart.length - 1 - (i < grids.length - 1 ? 1 : 0));
  const keepCells = grids.map((g, i) => g.rowStart[keepRows[i]]);
  const cells = keepCells.reduce((a, b) => a + b, 0);
  const rows = keepRows.reduce((a, b) => a + b, 0);
  const f = grids[0];
  const inPlace = [f.start, f.size, f.kind, f.value].every(
    (a) => a.byteOffset === 0 && a.buffer.byteLength >= cells * a.BYTES_PER_ELEMENT,
  );
  const out: CellGrid = inPlace
    ? {
        bytes,
        rowStart: new Int32Array(rows + 1),
        start: new Int32Array(f.start.buffer, 0, cells),
        size: new Uint8Array(f.size.buffer, 0, cells),
        long: new Map(),
        kind: new Uint8Array(f.kind.buffer, 0, cells),
        value: new Float64Array(f.value.buffer, 0, cells),
      }
    : {
        bytes,
        rowStart: new Int32Array(rows + 1),
        start: new Int32Array(cells),
        size: new Uint8Array(cells),
        long: new Map(),
        kind: new Uint8Array(cells),
        value: new Float64Array(cells),
      };
  let c0 = 0;
  let r0 = 0;
  for (let i = 0; i < grids.length; i++) {
    const g = grids[i];
    const n = keepCells[i];
    if (!(inPlace && i === 0)) {
      out.start.set(g.start.subarray(0, n), c0);
      out.size.set(g.size.subarray(0, n), c0);
      out.kind.set(g.kind.subarray(0, n), c0);
      out.value.set(g.value.subarray(0, n), c0);
    }
    for (const [c, w] of g.long) if (c < n) out.long.set(c + c0, w);
    const rs = g.rowStart;
    const o = out.rowStart;
    for (let r = 0; r < keepRows[i]; r++) o[r0 + r] = rs[r] + c0;
    c0 += n;
    r0 += keepRows[i];
  }
  out.rowStart[rows] = cells;
  return out;
}

/** Add `shift` to every cell offset of a grid (in place): a range scanned as an array of its own, placed at `shift` in the whole file. */
export function shiftGrid<G extends Pick<CellGrid, 'start'>>(g: G, shift: number): G {
  const { start } = g;
  for (let c = 0; c < start.length; c++) start[c] += shift;
  return g;
}

function grown<T extends Int32Array | Uint8Array | Float64Array>(a: T, size: number): T {
  const b = new (a.constructor as new (k: number) => T)(size);
  b.set(a);
  return b;
}
