/**
 * The long arrays of a JSON document (report/json.ts JsonLeaf) in a form
 * another thread can take without copying objects — numbers in a
 * Float64Array, records as columns — and their text from that form, the same
 * text jsonPieces writes: a numeric array compactly (`[1,0.5,null]`), records
 * one per line at their depth (`  {"unit":"u1","score":0.5},`). A record
 * column of numbers travels as a Float64Array (null, NaN and ±∞ all print
 * `null`); any other column as the JSON text of each distinct value and an
 * index per row.
 *
 * @example for (const block of leafBlocks(encodeLeaf(leaf)!)) out.write(block)
 */
import { arrayPieces, type JsonLeaf } from './json.ts';
import { numbersOrNulls } from '../../core/stats/gather.ts';

/** A record column: numbers, or the distinct values' JSON text and each row's index into it. */
export type LeafColumn = { numbers: Float64Array } | { texts: string[]; codes: Int32Array };

/** A JsonLeaf in columns. */
export type LeafJob =
  | { leaf: 'numbers'; values: Float64Array }
  | { leaf: 'records'; depth: number; length: number; keys: string[]; columns: LeafColumn[] };

/** Whether `x` is an object whose members JSON.stringify writes as they are: own keys, primitive values, no toJSON. */
function flatRecord(x: unknown): x is Record<string, unknown> {
  if (x === null || typeof x !== 'object' || Array.isArray(x) || Object.getPrototypeOf(x) !== Object.prototype)
    return false;
  return !('toJSON' in x);
}

/** The leaf in columns, or undefined when it holds anything but numbers / nulls (numbers) or flat records of strings, numbers, booleans and nulls with the same keys in the same order (records). */
export function encodeLeaf(leaf: JsonLeaf): LeafJob | undefined {
  const v = leaf.value;
  if (leaf.leaf === 'numbers') {
    if (v instanceof BigInt64Array || v instanceof BigUint64Array) return undefined;
    if (ArrayBuffer.isView(v)) return { leaf: 'numbers', values: Float64Array.from(v as ArrayLike<number>) };
    const values = numbersOrNulls(v);
    return values && { leaf: 'numbers', values };
  }
  const first = v[0];
  if (!flatRecord(first)) return undefined;
  const keys = Object.keys(first);
  const n = v.length;
  const numbers = keys.map(() => new Float64Array(n));
  const coded: Array<{ ids: Map<unknown, number>; codes: Int32Array } | undefined> = keys.map(() => undefined);
  // a coded column's value in the row before (undefined: none yet)
  const last: unknown[] = keys.map(() => undefined);
  for (let i = 0; i < n; i++) {
    const r = v[i];
    if (!flatRecord(r)) return undefined;
    let k = 0;
    // own keys first, then any inherited enumerable one (which JSON.stringify leaves out): that one is refused
    for (const key in r) {
      if (k >= keys.length || key !== keys[k]) return undefined;
      const x = r[key];
      const c = coded[k];
      if (c === undefined && (typeof x === 'number' || x === null)) numbers[k][i] = x ?? Number.NaN;
      else if (typeof x === 'number' || typeof x === 'string' || typeof x === 'boolean' || x === null) {
        const col = c ?? (coded[k] = recode(numbers[k], i));
        if (x === last[k])
          col.codes[i] = col.codes[i - 1]; // runs of one value (a node's rows) skip the map
        else {
          let id = col.ids.get(x);
          if (id === undefined) col.ids.set(x, (id = col.ids.size));
          col.codes[i] = id;
          last[k] = x;
        }
      } else return undefined;
      k++;
    }
    if (k !== keys.length) return undefined;
  }
  const columns = keys.map((_, k): LeafColumn => {
    const c = coded[k];
    if (!c) return { numbers: numbers[k] };
    const texts = Array.from(c.ids.keys(), (x) =>
      typeof x === 'number' && !Number.isFinite(x) ? 'null' : JSON.stringify(x),
    );
    return { texts, codes: c.codes };
  });
  return { leaf: 'records', depth: leaf.depth, length: n, keys, columns };
}

/** A column of numbers turned into codes from row `upto` on (its first rows recoded). */
function recode(numbers: Float64Array, upto: number): { ids: Map<unknown, number>; codes: Int32Array } {
  const ids = new Map<unknown, number>();
  const codes = new Int32Array(numbers.length);
  for (let i = 0; i < upto; i++) {
    const x = Number.isFinite(numbers[i]) ? numbers[i] : null;
    let id = ids.get(x);
    if (id === undefined) ids.set(x, (id = ids.size));
    codes[i] = id;
  }
  return { ids, codes };
}

/** Bytes a leaf job occupies (to bound how much is in flight). */
export function leafBytes(job: LeafJob): number {
  if (job.leaf === 'numbers') return job.values.byteLength;
  let bytes = 0;
  for (const c of job.columns) bytes += 'numbers' in c ? c.numbers.byteLength : c.codes.byteLength;
  return bytes;
}

/** The leaf's JSON text in blocks of about 64 kB (joined: what jsonPieces writes for the leaf). */
export function* leafBlocks(job: LeafJob): Generator<string> {
  if (job.leaf === 'numbers') {
    yield* arrayPieces(job.values);
    return;
  }
  const pad = '  '.repeat(job.depth + 1);
  const names = job.keys.map((k, i) => `${i ? ',' : '{'}${JSON.stringify(k)}:`);
  const { columns, length } = job;
  let block = '[\n';
  for (let i = 0; i < length; i++) {
    let line = pad;
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k];
      let text: string;
      if ('numbers' in c) {
        const x = c.numbers[i];
        text = Number.isFinite(x) ? String(x) : 'null';
      } else text = c.texts[c.codes[i]];
      line += names[k] + text;
    }
    block += `${line}${columns.length ? '}' : '{}'}${i < length - 1 ? ',\n' : '\n'}`;
    if (block.length > 1 << 16) {
      yield block;
      block = '';
    }
  }
  yield `${block}${'  '.repeat(job.depth)}]`;
}
