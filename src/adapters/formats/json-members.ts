/**
 * A large JSON object read member by member from its UTF-8 bytes, so that no
 * string of the whole document is ever made. Each member's value is parsed
 * on its own (JSON.parse of its text); members that a plan names are split
 * the same way one level further down, and a plan's `'numbers'` member, when
 * it is an array of numbers and nulls, becomes a Float64Array (null → NaN)
 * as soon as it is parsed, so only one array's text and elements are held
 * at a time.
 *
 * The result is the value JSON.parse gives for the text (keys in their
 * first-seen order, a repeated key's last value) except for those arrays. A
 * `'numbers'` member that holds anything else is parsed as it stands. A
 * document that is not a JSON object, a member that JSON.parse refuses, a
 * `__proto__` key or bytes after the closing brace make the whole text go
 * to JSON.parse, which gives the same value or the same error as before.
 *
 * Used for results.json (93 MB for 5,000 firms × 15 years): V8 holds the
 * text of a file with Chinese names as a two-byte string of twice its size.
 *
 * @example parseJsonObject(new TextEncoder().encode('{"v":{"x":[1,null]}}'), { v: { '*': 'numbers' } }) // { v: { x: Float64Array [1, NaN] } }
 */
/** Which members are split further (an object plan, `'*'` for every key) or read as numbers. */
export type JsonPlan = 'numbers' | { [key: string]: JsonPlan };

/** Thrown inside the read when the whole text must go to JSON.parse. */
class WholeText extends Error {}

const QUOTE = 34;
const BACKSLASH = 92;

// keeps a byte order mark, as the text of readFile(path, 'utf8') does (JSON.parse then refuses it)
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** The value of the JSON text in `bytes`, with the members `plan` names read as above. */
export function parseJsonObject(bytes: Uint8Array, plan: { [key: string]: JsonPlan }): unknown {
  try {
    return read(bytes, plan);
  } catch (e) {
    if (e instanceof WholeText || e instanceof SyntaxError) return JSON.parse(utf8.decode(bytes));
    throw e;
  }
}

function read(b: Uint8Array, plan: { [key: string]: JsonPlan }): unknown {
  const n = b.length;
  let p = 0;
  const whole = (): never => {
    throw new WholeText();
  };
  const space = () => {
    while (p < n) {
      const c = b[p];
      if (c === 32 || c === 10 || c === 13 || c === 9) p++;
      else break;
    }
  };
  /** Past the string that starts at p (its opening quote). */
  const skipString = () => {
    p++;
    for (;;) {
      if (p >= n) whole();
      const c = b[p];
      if (c === QUOTE) break;
      p += c === BACKSLASH ? 2 : 1;
    }
    p++;
  };
  /** Past the value that starts at p, without reading it (JSON.parse checks it). */
  const skipValue = () => {
    const c = b[p];
    if (c === QUOTE) return skipString();
    if (c === 123 || c === 91) {
      let depth = 0;
      for (;;) {
        if (p >= n) whole();
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
    while (p < n) {
      const d = b[p];
      if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) break;
      p++;
    }
  };
  /** JSON.parse of the value that starts at p. */
  const parsed = (): unknown => {
    const a = p;
    skipValue();
    return JSON.parse(utf8.decode(b.subarray(a, p)));
  };
  /** The value at p; an array of numbers and nulls as a Float64Array (null → NaN). */
  const numbers = (): unknown => {
    const value = parsed();
    if (!Array.isArray(value)) return value;
    const out = new Float64Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const x: unknown = value[i];
      if (typeof x === 'number') out[i] = x;
      else if (x === null) out[i] = Number.NaN;
      else return value;
    }
    return out;
  };
  /** The object at p, its planned members read by their plans. */
  const object = (sub: { [key: string]: JsonPlan }): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    p++; // {
    space();
    if (b[p] === 125) {
      p++;
      return out;
    }
    for (;;) {
      space();
      if (b[p] !== QUOTE) whole();
      const a = p;
      skipString();
      const key = JSON.parse(utf8.decode(b.subarray(a, p))) as string;
      if (key === '__proto__') whole();
      space();
      if (b[p++] !== 58) whole(); // :
      space();
      out[key] = valueOf(sub[key] ?? sub['*']);
      space();
      const d = b[p++];
      if (d === 125) return out;
      if (d !== 44) whole();
    }
  };
  const valueOf = (how: JsonPlan | undefined): unknown => {
    if (how === 'numbers') return numbers();
    if (how !== undefined && b[p] === 123) return object(how);
    return parsed();
  };

  space();
  if (b[p] !== 123) whole();
  const value = object(plan);
  space();
  if (p !== n) whole();
  return value;
}
