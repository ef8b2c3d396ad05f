/**
 * A JSON table — an array of row objects — read straight from its UTF-8
 * bytes into columns, without building an object per row: the fast path of
 * parseJson (table.ts). Keys become the header in first-seen order; a column
 * whose values are all numbers, null or "" (or missing) becomes a
 * Float64Array, any other keeps its cells as parseJson gives them (strings,
 * "" and null as empty, true / false as TRUE / FALSE). Numbers are read from
 * their bytes (decimalAt, else Number of the text: the value JSON.parse gives).
 *
 * Strict JSON (RFC 8259) only; anything else — a syntax error, another
 * shape ({"columns", "data"}), a nested object or array as a value, a key
 * repeated within a row — returns null and parseJson reads the text with
 * JSON.parse, which gives the same cells (tested) and the error messages.
 *
 * @example scanJsonRecords(new TextEncoder().encode('[{"a":1},{"a":"x"}]'))?.header // ['a']
 */
import { type Cell, ColumnBuilder, type TableColumn } from '../../core/panel/raw-table.ts';
import { decimalAt } from './csv-scan.ts';

/** Thrown inside the scan for a case left to JSON.parse. */
class Unsupported extends Error {}
const unsupported = (): never => {
  throw new Unsupported();
};

const QUOTE = 34;
const BACKSLASH = 92;

const utf8 = new TextDecoder('utf-8');

/** The table of a JSON array of row objects, or null for a case left to JSON.parse. */
export function scanJsonRecords(b: Uint8Array): { header: string[]; columns: TableColumn[] } | null {
  try {
    return scan(b);
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

function scan(b: Uint8Array): { header: string[]; columns: TableColumn[] } {
  const n = b.length;
  let p = 0;
  const space = () => {
    while (p < n) {
      const c = b[p];
      if (c === 32 || c === 10 || c === 13 || c === 9) p++;
      else break;
    }
  };
  const expect = (c: number) => {
    space();
    if (b[p] !== c) unsupported();
    p++;
  };
  /** A string starting at p (the opening quote): its text. */
  const string = (): string => {
    const a = p + 1;
    let q = a;
    let escaped = false;
    for (;;) {
      if (q >= n) unsupported();
      const c = b[q];
      if (c === QUOTE) break;
      if (c < 32) unsupported();
      if (c === BACKSLASH) {
        escaped = true;
        q += 2;
        continue;
      }
      q++;
    }
    p = q + 1;
    if (!escaped) return utf8.decode(b.subarray(a, q));
    // escapes: JSON.parse of the string alone (it checks them)
    try {
      return JSON.parse(utf8.decode(b.subarray(a - 1, q + 1))) as string;
    } catch {
      return unsupported();
    }
  };
  /** A number starting at p, by JSON's grammar. */
  const number = (): number => {
    const a = p;
    if (b[p] === 45) p++;
    if (b[p] === 48) p++;
    else if (b[p] >= 49 && b[p] <= 57) while (b[p] >= 48 && b[p] <= 57) p++;
    else unsupported();
    if (b[p] === 46) {
      p++;
      if (!(b[p] >= 48 && b[p] <= 57)) unsupported();
      while (b[p] >= 48 && b[p] <= 57) p++;
    }
    if (b[p] === 101 || b[p] === 69) {
      p++;
      if (b[p] === 43 || b[p] === 45) p++;
      if (!(b[p] >= 48 && b[p] <= 57)) unsupported();
      while (b[p] >= 48 && b[p] <= 57) p++;
    }
    const x = decimalAt(b, a, p);
    return x === x ? x : Number(utf8.decode(b.subarray(a, p)));
  };
  /** After a member or element: a comma (true: another follows) or the closing bracket `close` (false). */
  const more = (close: number): boolean => {
    space();
    const c = b[p++];
    if (c === 44) return true;
    return c === close ? false : unsupported();
  };
  const literal = (word: string, value: Cell): Cell => {
    for (let i = 0; i < word.length; i++) if (b[p + i] !== word.charCodeAt(i)) unsupported();
    p += word.length;
    return value;
  };
  /** A value as parseJson's jsonCell gives it (nested objects and arrays are left to JSON.parse). */
  const value = (): Cell => {
    space();
    const c = b[p];
    if (c === QUOTE) {
      const s = string();
      return s === '' ? null : s;
    }
    if (c === 45 || (c >= 48 && c <= 57)) return number();
    if (c === 116) return literal('true', 'TRUE');
    if (c === 102) return literal('false', 'FALSE');
    if (c === 110) return literal('null', null);
    return unsupported();
  };

  expect(91); // [
  const header: string[] = [];
  const index = new Map<string, number>();
  const builders: ColumnBuilder[] = [];
  let capacity = 1024;
  let rows = 0;
  // the key bytes seen at each position of the previous row: most rows repeat them
  let lastKeys: Array<{ a: number; z: number; j: number }> = [];
  space();
  if (b[p] === 93) {
    p++;
  } else {
    for (;;) {
      expect(123); // {
      if (rows === capacity) {
        capacity *= 2;
        for (const col of builders) col.grow(capacity);
      }
      const keys: Array<{ a: number; z: number; j: number }> = [];
      const seen = new Set<number>();
      space();
      if (b[p] === 125) p++;
      else
        for (;;) {
          space();
          if (b[p] !== QUOTE) unsupported();
          const a = p;
          // the key: the same bytes as at this position in the row before, or looked up by its text
          const prev = lastKeys[keys.length];
          let j = -1;
          if (prev && b[a + prev.z - prev.a] === QUOTE) {
            let same = true;
            for (let i = 1; i < prev.z - prev.a && same; i++) if (b[a + i] !== b[prev.a + i]) same = false;
            if (same) {
              j = prev.j;
              p = a + prev.z - prev.a + 1;
            }
          }
          if (j < 0) {
            const key = string();
            j = index.get(key) ?? -1;
            if (j < 0) {
              j = header.length;
              index.set(key, j);
              header.push(key);
              builders.push(new ColumnBuilder(capacity));
            }
          }
          if (seen.has(j)) unsupported(); // a repeated key: JSON.parse keeps the last value
          seen.add(j);
          keys.push({ a, z: p - 1, j });
          expect(58); // :
          builders[j].set(rows, value());
          if (!more(125)) break;
        }
      lastKeys = keys;
      rows++;
      if (!more(93)) break;
    }
  }
  space();
  if (p !== n) unsupported();
  return { header, columns: builders.map((col) => col.column(rows)) };
}
