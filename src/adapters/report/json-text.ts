/**
 * The text of JSON.stringify(value, outputReplacer, indent) in pieces, so a
 * firm panel's rows never have to be one giant string or one array of
 * records: objects near the top (or holding a LazyRows) and long arrays are
 * laid out member by member, everything else is stringified whole (and, when indented,
 * indented to its depth: a JSON text has no raw line breaks in strings, so
 * indenting after each line break is exact). A member given as
 * `lazyRows(count, row)` is written as the array of row(0), …,
 * row(count − 1), each made when its turn comes. Joined, the pieces are the
 * string JSON.stringify gives (tested on random documents, indented and
 * compact). Used by the CLI's printJson (indent 2) and by the server's job
 * results (compact).
 *
 * @example [...jsonTextPieces({ rows: lazyRows(2, (i) => ({ i })) }, 0)].join('') // '{"rows":[{"i":0},{"i":1}]}'
 */
import { outputReplacer } from './json.ts';

/** An array written element by element, each made by `row(i)` when written. */
export class LazyRows {
  constructor(
    readonly count: number,
    readonly row: (i: number) => unknown,
  ) {}
}

/** A LazyRows of `count` rows made by `row`. */
export const lazyRows = (count: number, row: (i: number) => unknown): LazyRows => new LazyRows(count, row);

/** Arrays at least this long are written element by element. */
const LONG_ARRAY = 256;

/** The pieces of JSON.stringify(value, outputReplacer, indent) (indent 0: compact), LazyRows as arrays. */
export function* jsonTextPieces(value: unknown, indent: 0 | 2 = 2, depth = 0): Generator<string> {
  const nl = indent ? '\n' : '';
  const pad = ' '.repeat(indent * (depth + 1));
  const end = ' '.repeat(indent * depth);
  if (isLong(value)) {
    const [count, at] = value instanceof LazyRows ? [value.count, value.row] : [value.length, (i: number) => value[i]];
    if (count === 0) {
      yield '[]';
      return;
    }
    yield `[${nl}`;
    for (let i = 0; i < count; i++) {
      const x = at(i);
      yield pad;
      // an element is written whole (a row), unless it is a long array itself
      if (isLong(x)) yield* jsonTextPieces(x, indent, depth + 1);
      else yield whole(x, indent, depth + 1) ?? 'null';
      yield i < count - 1 ? `,${nl}` : `${nl}${end}]`;
    }
    return;
  }
  const v = outputReplacer('', value);
  if (isPlainObject(v) && (depth < 2 || holdsLazyRows(v))) {
    const keys = Object.keys(v).filter((k) => !omitted(k, v[k]));
    if (keys.length === 0) {
      yield '{}';
      return;
    }
    yield `{${nl}`;
    for (let i = 0; i < keys.length; i++) {
      yield `${pad}${JSON.stringify(keys[i])}:${indent ? ' ' : ''}`;
      yield* jsonTextPieces(v[keys[i]], indent, depth + 1);
      yield i < keys.length - 1 ? `,${nl}` : `${nl}${end}}`;
    }
    return;
  }
  yield whole(v, indent, depth) as string;
}

/** JSON.stringify of a value laid out at `depth` (undefined for what JSON leaves out). */
function whole(x: unknown, indent: 0 | 2, depth: number): string | undefined {
  if (!indent) return JSON.stringify(x, outputReplacer);
  const text = JSON.stringify(x, outputReplacer, indent);
  // its lines after the first indented by two spaces per level
  return text === undefined || !depth ? text : text.replaceAll('\n', `\n${' '.repeat(indent * depth)}`);
}

/** Whether a LazyRows is a member of the object, or of an object among its members, at any depth (arrays are not searched). */
function holdsLazyRows(v: Record<string, unknown>): boolean {
  for (const k in v) {
    const x = v[k];
    if (x instanceof LazyRows || (isPlainObject(x) && holdsLazyRows(x))) return true;
  }
  return false;
}

/** A LazyRows or an array long enough to be written element by element. */
function isLong(x: unknown): x is LazyRows | unknown[] {
  return x instanceof LazyRows || (Array.isArray(x) && x.length >= LONG_ARRAY);
}

/** Whether JSON.stringify leaves an object's member out: its value (after toJSON and the replacer) is undefined, a function or a symbol. */
function omitted(key: string, x: unknown): boolean {
  if (x instanceof LazyRows) return false;
  const j = x !== null && typeof x === 'object' && typeof (x as { toJSON?: unknown }).toJSON === 'function';
  const y = outputReplacer(key, j ? (x as { toJSON: (k: string) => unknown }).toJSON(key) : x);
  return y === undefined || typeof y === 'function' || typeof y === 'symbol';
}

/** An object JSON.stringify lays out member by member: not an array, not one with toJSON (a Date). */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  return (
    v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    !ArrayBuffer.isView(v) &&
    typeof (v as { toJSON?: unknown }).toJSON !== 'function'
  );
}
