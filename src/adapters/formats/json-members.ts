/**
 * A large JSON object read piece by piece from its UTF-8 bytes, as they are
 * read from the file, so that neither the whole file nor a string of it is
 * ever held. Each member's value is parsed on its own (JSON.parse of its
 * text); a plan names the members that are split further:
 *
 * - an object plan reads that member's own members by their plans (`'*'`
 *   for every key);
 * - `'rows'` reads an array in blocks of about `blockBytes` of elements,
 *   each block one JSON.parse. In an array of objects a block ends where
 *   native byte searches find a `}` followed by a comma, kept when
 *   JSON.parse takes the block (a `}` in a string or a nested value leaves
 *   it unbalanced); elsewhere the bytes are scanned one by one for a comma
 *   between elements;
 * - `'numbers'` gives an array of numbers and nulls as a Float64Array
 *   (null → NaN): an array whose text holds no string, object or nested
 *   array (found by native searches) is one JSON.parse; another holds
 *   something else, is read as `'rows'` and stays an array.
 *
 * The result is the value JSON.parse gives for the text (keys in their
 * first-seen order, a repeated key's last value) except for the
 * `'numbers'` arrays (one with any other element stays an array). A document
 * that is not a JSON object, text that JSON.parse refuses, a `__proto__` key
 * or bytes after the closing brace make the whole text go to JSON.parse,
 * which gives the same value or the same error as before.
 *
 * Used for results.json (93 MB for 5,000 firms × 15 years, 376 MB for
 * 20,000): V8 holds the text of a file with Chinese names as a two-byte
 * string of twice its size, and no string can pass 2^29 − 24 characters.
 *
 * @example parseJsonObject(new TextEncoder().encode('{"v":{"x":[1,null]}}'), { v: { '*': 'numbers' } }) // { v: { x: Float64Array [1, NaN] } }
 */

import { numbersOrNulls } from '../../core/stats/gather.ts';

/** Which members are split further (an object plan, `'*'` for every key), read in blocks or read as numbers. */
export type JsonPlan = 'numbers' | 'rows' | { [key: string]: JsonPlan };

/** Where the bytes come from: read in order, or all at once for JSON.parse of the whole text. */
export interface JsonSource {
  /** Reads the next bytes into `into` (from its start); the number read, 0 at the end. */
  read(into: Uint8Array): number;
  /** The whole document. */
  whole(): Uint8Array;
}

/** A source over bytes in memory. */
function bytesSource(bytes: Uint8Array): JsonSource {
  let at = 0;
  return {
    read(into) {
      const k = Math.min(into.length, bytes.length - at);
      into.set(bytes.subarray(at, at + k));
      at += k;
      return k;
    },
    whole: () => bytes,
  };
}

/** Thrown inside the read when the whole text must go to JSON.parse. */
class WholeText extends Error {}

const QUOTE = 34;
const BACKSLASH = 92;

// keeps a byte order mark, as the text of readFile(path, 'utf8') does (JSON.parse then refuses it)
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** The value of the JSON text of `source`, with the members `plan` names read as above. */
export function parseJsonObject(
  source: JsonSource | Uint8Array,
  plan: { [key: string]: JsonPlan },
  blockBytes = 1 << 20,
): unknown {
  const from = source instanceof Uint8Array ? bytesSource(source) : source;
  try {
    return read(from, plan, blockBytes);
  } catch (e) {
    if (e instanceof WholeText || e instanceof SyntaxError) return JSON.parse(utf8.decode(from.whole()));
    throw e;
  }
}

function read(source: JsonSource, plan: { [key: string]: JsonPlan }, blockBytes: number): unknown {
  let b = new Uint8Array(Math.max(1 << 16, blockBytes * 2));
  let n = 0; // bytes in b
  let p = 0; // position in b
  let ended = false;
  const whole = (): never => {
    throw new WholeText();
  };
  /** More bytes at the end of b (grown when full); false at the end of the source. */
  const more = (): boolean => {
    if (ended) return false;
    if (n === b.length) {
      const grown = new Uint8Array(b.length * 2);
      grown.set(b);
      b = grown;
    }
    const k = source.read(b.subarray(n));
    if (k === 0) ended = true;
    n += k;
    return k > 0;
  };
  /** The byte at p (-1 at the end). */
  const peek = (): number => (p < n || more() ? b[p] : -1);
  /** Drop the bytes before p: nothing before it is read again. */
  const release = () => {
    if (p >= b.length >>> 1) {
      b.copyWithin(0, p, n);
      n -= p;
      p = 0;
    }
  };
  const space = () => {
    for (;;) {
      if (p >= n && !more()) return;
      const c = b[p];
      if (c === 32 || c === 10 || c === 13 || c === 9) p++;
      else return;
    }
  };
  /** Past the string that starts at p (its opening quote). */
  const skipString = () => {
    p++;
    for (;;) {
      while (p >= n) if (!more()) whole(); // p may pass n by one after an escape
      const c = b[p];
      if (c === QUOTE) break;
      p += c === BACKSLASH ? 2 : 1;
    }
    p++;
  };
  /** Past the value that starts at p, without reading it (JSON.parse checks it); an empty value is refused. */
  const skipValue = () => {
    const a = p;
    const c = peek();
    if (c === QUOTE) return skipString();
    if (c === 123 || c === 91) {
      let depth = 0;
      for (;;) {
        if (p >= n && !more()) whole();
        const d = b[p];
        if (d === QUOTE) {
          skipString();
          continue;
        }
        if (d === 123 || d === 91) depth++;
        else if (d === 125 || d === 93) {
          depth--;
          if (depth === 0) {
            p++;
            return;
          }
        }
        p++;
      }
    }
    // a number or a literal: up to the next delimiter
    for (;;) {
      if (p >= n && !more()) break;
      const d = b[p];
      if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) break;
      p++;
    }
    if (p === a) whole();
  };
  const text = (a: number, z: number) => utf8.decode(b.subarray(a, z));
  /** JSON.parse of the value that starts at p. */
  const parsed = (): unknown => {
    const a = p;
    skipValue();
    return JSON.parse(text(a, p));
  };
  /**
   * Where a block of an array of objects that starts at `a` may end: just
   * after the first `}` at or after a + blockBytes (and before
   * a + 4 × blockBytes) that a comma follows; -1 when there is none. The
   * caller parses the block: if JSON.parse takes `[…]` of those bytes, the
   * `}` closed an element of the array (a `}` in a string or in a nested
   * value leaves the text unbalanced).
   */
  const quickCut = (a: number): number => {
    const limit = a + 4 * blockBytes;
    while (n < limit) if (!more()) break;
    const end = Math.min(n, limit);
    for (let from = a + blockBytes; from < end; ) {
      const i = b.indexOf(125, from);
      if (i < 0 || i >= end) return -1;
      let j = i + 1;
      while (j < n && (b[j] === 32 || b[j] === 10 || b[j] === 13 || b[j] === 9)) j++;
      if (j < n && b[j] === 44) return i + 1;
      from = i + 1;
    }
    return -1;
  };
  /**
   * The array at p in blocks of elements, each block's parsed elements given
   * to `take`: cut at a comma between elements once a block holds
   * blockBytes, where quickCut finds one, else by a pass over the bytes
   * (JSON.parse of each block checks its elements).
   */
  const blocks = (take: (elements: unknown[]) => void) => {
    p++; // [
    let a = p;
    let cut = false; // a block was cut off before a
    let depth = 0;
    for (;;) {
      // at a block's start, first try a cut found by native searches
      if (p === a && depth === 0) {
        const end = quickCut(a);
        let elements: unknown[] | undefined;
        try {
          if (end > 0) elements = JSON.parse(`[${text(a, end)}]`) as unknown[];
        } catch {
          elements = undefined; // not an element's end: the bytes are read one by one below
        }
        if (elements) {
          take(elements);
          p = end;
          space();
          p++; // the comma quickCut found
          cut = true;
          release();
          a = p;
          continue;
        }
      }
      if (p >= n && !more()) whole();
      const d = b[p];
      if (d === QUOTE) {
        skipString();
        continue;
      }
      if (d === 123 || d === 91) depth++;
      else if (d === 125 || d === 93) {
        if (depth === 0) {
          if (d === 125) whole();
          const last = text(a, p);
          // after a cut, an empty rest is a trailing comma, which JSON refuses
          if (cut && last.trim() === '') whole();
          if (!cut || last !== '') take(JSON.parse(`[${last}]`) as unknown[]);
          p++;
          return;
        }
        depth--;
      } else if (d === 44 && depth === 0 && p - a >= blockBytes) {
        take(JSON.parse(`[${text(a, p)}]`) as unknown[]);
        p++;
        cut = true;
        release();
        a = p;
        continue;
      }
      p++;
    }
  };
  const rows = (): unknown => {
    if (peek() !== 91) return parsed();
    const out: unknown[] = [];
    blocks((elements) => {
      for (const x of elements) out.push(x);
    });
    return out;
  };
  /** An array of numbers and nulls as a Float64Array (null → NaN); another array as it is. */
  const numbers = (): unknown => {
    if (peek() !== 91) return parsed();
    // an array whose text holds no string, object or nested array (the usual case): one JSON.parse, found by native searches
    let e = -1;
    for (let from = p; ; ) {
      e = b.indexOf(93, from);
      if (e >= 0 && e < n) break;
      from = n;
      if (!more()) whole();
    }
    const inside = b.subarray(p, e);
    const flat = inside.indexOf(QUOTE) < 0 && inside.indexOf(123) < 0 && inside.lastIndexOf(91) === 0;
    const a = p;
    if (flat) p = e + 1;
    // any other array holds something besides numbers and nulls: it stays an array
    const values = (flat ? JSON.parse(text(a, p)) : rows()) as unknown[];
    return numbersOrNulls(values) ?? values;
  };
  /** The object at p, its planned members read by their plans. */
  const object = (sub: { [key: string]: JsonPlan }): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    p++; // {
    space();
    if (peek() === 125) {
      p++;
      return out;
    }
    for (;;) {
      space();
      release();
      if (peek() !== QUOTE) whole();
      const a = p;
      skipString();
      const key = JSON.parse(text(a, p)) as string;
      if (key === '__proto__') whole();
      space();
      if (peek() !== 58) whole(); // :
      p++;
      space();
      const how = sub[key] ?? sub['*'];
      out[key] =
        how === 'numbers'
          ? numbers()
          : how === 'rows'
            ? rows()
            : how !== undefined && peek() === 123
              ? object(how)
              : parsed();
      space();
      const d = peek();
      p++;
      if (d === 125) return out;
      if (d !== 44) whole();
    }
  };

  space();
  if (peek() !== 123) whole();
  const value = object(plan);
  space();
  if (peek() !== -1) whole();
  return value;
}
