/**
 * results.json and spec.json: the EvaluationResult and its spec as JSON
 * documents. Typed arrays become plain arrays; NaN and ±Infinity become null
 * (JSON has no non-finite numbers).
 */
import type { EvaluationResult } from '../../core/measure/result.ts';

/** JSON.stringify replacer: typed arrays → arrays, non-finite numbers → null. */
export function outputReplacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>, (x) => (Number.isFinite(x) ? x : null));
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/** Whether every element of an array is a primitive (JSON.stringify writes it as the replacer would: NaN and ±∞ as null). */
function plainArray(v: ArrayLike<unknown>): boolean {
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (x !== null && typeof x === 'object') return false;
  }
  return true;
}

/**
 * A value as compact JSON: natively when it holds only primitives (V8's fast
 * path; a replacer costs about three times as much on a long number array),
 * else with the replacer. A typed array goes through a plain array, natively
 * (NaN and ±∞ become null there too).
 */
function compact(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(outputReplacer('', v)) ?? 'null';
  if (Array.isArray(v)) {
    if (plainArray(v)) return JSON.stringify(v);
  } else if (ArrayBuffer.isView(v)) {
    if (!(v instanceof DataView)) return JSON.stringify(Array.from(v as unknown as ArrayLike<number>));
  } else {
    let plain = true;
    for (const k in v) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== null && typeof x === 'object') {
        plain = false;
        break;
      }
    }
    if (plain) return JSON.stringify(v);
  }
  return JSON.stringify(v, outputReplacer) ?? 'null';
}

/**
 * Elements per piece of a long array: the piece stays below V8's large-object
 * size (about 128 kB), so it is freed by the cheap young-generation
 * collection instead of piling up until a full one.
 */
const ARRAY_PIECE = 4096;

/** A plain array of primitives or a numeric typed array longer than one piece. */
function longPrimitiveArray(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > ARRAY_PIECE && plainArray(v);
  return ArrayBuffer.isView(v) && !(v instanceof DataView) && (v as unknown as ArrayLike<number>).length > ARRAY_PIECE;
}

/** Whether `v` is a typed array of numbers (not of BigInts) longer than ARRAY_PIECE. */
function longTypedArray(v: unknown): boolean {
  return !Array.isArray(v) && longPrimitiveArray(v) && !(v instanceof BigInt64Array) && !(v instanceof BigUint64Array);
}

/** A long array as compact JSON in pieces of ARRAY_PIECE elements (joined: the text compact gives). */
export function* arrayPieces(v: ArrayLike<unknown>): Generator<string> {
  const typed = ArrayBuffer.isView(v);
  for (let a = 0; a < v.length; a += ARRAY_PIECE) {
    const b = Math.min(v.length, a + ARRAY_PIECE);
    const part = typed ? Array.from((v as unknown as Float64Array).subarray(a, b)) : (v as unknown[]).slice(a, b);
    const text = JSON.stringify(part);
    yield `${a === 0 ? '[' : ','}${text.slice(1, -1)}${b === v.length ? ']' : ''}`;
  }
}

/** Whether a container is worth expanding: near the top, or holding a long array. */
function worthExpanding(v: object, depth: number, expand: number): boolean {
  if (depth < expand) return true;
  if (Array.isArray(v) || ArrayBuffer.isView(v)) return false;
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if ((Array.isArray(x) || ArrayBuffer.isView(x)) && (x as ArrayLike<unknown>).length > 10_000) return true;
  }
  return false;
}

/**
 * JSON text in pieces, for documents too large to build as one string (a
 * firm panel's result runs to hundreds of megabytes). Containers in the top
 * `expand` levels, and objects holding long arrays, are laid out one member
 * per line with two-space indentation; everything else is written compactly,
 * one array element per line. The pieces joined parse to the same value as
 * JSON.stringify(value, outputReplacer).
 *
 * Example: for (const piece of jsonPieces(result)) stream.write(piece)
 */
export function jsonPieces(value: unknown, expand = 2, depth = 0): Generator<string> {
  return jsonParts(value, () => false, expand, depth, false) as Generator<string>;
}

/**
 * A long array that jsonParts leaves to be written elsewhere (on another
 * thread: io/output-thread.ts): a numeric array, written compactly, or an array
 * of flat records, one per line; its text is the one jsonPieces gives for it
 * at `depth` (json-leaves.ts leafBlocks).
 */
export interface JsonLeaf {
  leaf: 'numbers' | 'records';
  value: ArrayLike<unknown>;
  depth: number;
}

/** A value not known yet (a Promise in the document, with `later`): its parts follow at `depth` once it settles. */
export interface JsonLater {
  later: Promise<unknown>;
  depth: number;
}

/**
 * jsonPieces with the long arrays that `defer` accepts yielded as JsonLeaf
 * parts instead of text: a long array of primitives (`numbers`, asked only
 * when it is long enough to be written in pieces) and, where an array is laid
 * out one element per line with flat elements, the whole array (`records`).
 * With `later`, a Promise in the document is yielded as a JsonLater part (its
 * value to be written in its place; without, it is written as JSON.stringify
 * writes it, `{}`).
 *
 * Example: for (const p of jsonParts(result, (l) => l.value.length > 1e4)) ...
 */
export function* jsonParts(
  value: unknown,
  defer: (leaf: JsonLeaf) => boolean,
  expand = 2,
  depth = 0,
  later = true,
): Generator<string | JsonLeaf | JsonLater> {
  if (later && value instanceof Promise) {
    yield { later: value, depth };
    return;
  }
  // a long typed array is written from itself in pieces (the replacer would copy it whole into a plain array first)
  const typed = longTypedArray(value);
  const v = typed ? value : outputReplacer('', value);
  if (typed || v === null || typeof v !== 'object' || !worthExpanding(v, depth, expand)) {
    if (longPrimitiveArray(v)) {
      const leaf: JsonLeaf = { leaf: 'numbers', value: v as ArrayLike<unknown>, depth };
      if (defer(leaf)) yield leaf;
      else yield* arrayPieces(v as ArrayLike<unknown>);
    } else yield compact(v);
    return;
  }
  const pad = '  '.repeat(depth + 1);
  const end = '  '.repeat(depth);
  if (Array.isArray(v)) {
    if (!v.length) {
      yield '[]';
      return;
    }
    if (depth + 1 >= expand) {
      const leaf: JsonLeaf = { leaf: 'records', value: v, depth };
      if (defer(leaf)) {
        yield leaf;
        return;
      }
    }
    yield '[\n';
    let block = '';
    for (let i = 0; i < v.length; i++) {
      const el = v[i] === undefined || typeof v[i] === 'function' ? null : v[i];
      const sep = i < v.length - 1 ? ',\n' : '\n';
      if (el !== null && typeof el === 'object' && worthExpanding(el, depth + 1, expand)) {
        if (block) yield block;
        block = '';
        yield pad;
        yield* jsonParts(el, defer, expand, depth + 1, later);
        yield sep;
      } else {
        block += pad + compact(el) + sep;
        if (block.length > 1 << 16) {
          yield block;
          block = '';
        }
      }
    }
    if (block) yield block;
    yield `${end}]`;
    return;
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(
    ([, x]) => x !== undefined && typeof x !== 'function',
  );
  if (!entries.length) {
    yield '{}';
    return;
  }
  yield '{\n';
  for (let i = 0; i < entries.length; i++) {
    yield `${pad}${JSON.stringify(entries[i][0])}: `;
    yield* jsonParts(entries[i][1], defer, expand, depth + 1, later);
    yield i < entries.length - 1 ? ',\n' : '\n';
  }
  yield `${end}}`;
}

/** results.json: the whole result, pretty-printed, newline-terminated. */
export function resultJson(result: EvaluationResult): string {
  return JSON.stringify(result, outputReplacer, 2) + '\n';
}

/** spec.json: the spec as used (every default filled in), pretty-printed. */
export function specJson(result: EvaluationResult): string {
  return JSON.stringify(result.record.spec, outputReplacer, 2) + '\n';
}
