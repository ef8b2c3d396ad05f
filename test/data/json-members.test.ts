/**
 * The member-by-member JSON object reader (adapters/formats/json-members.ts)
 * against JSON.parse, the independent reference: every document is read both
 * ways and must give the same value (planned numeric arrays as Float64Array
 * with NaN for null, every number with its sign), or the same error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type JsonPlan, type JsonSource, parseJsonObject } from '../../src/adapters/formats/json-members.ts';
import { readEvaluationInput } from '../../src/adapters/cli/analyze/input.ts';
import { parseResultsJson } from '../../src/adapters/io/read-results-json.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const enc = (s: string) => new TextEncoder().encode(s);

/** JSON.parse's value with the planned numeric arrays as the reader gives them. */
function expected(value: unknown, plan: JsonPlan | undefined): unknown {
  if (plan === 'numbers') {
    if (!Array.isArray(value) || !value.every((x) => typeof x === 'number' || x === null)) return value;
    return Float64Array.from(value, (x) => (x === null ? Number.NaN : (x as number)));
  }
  if (plan === undefined || plan === 'rows' || value === null || typeof value !== 'object' || Array.isArray(value))
    return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    Object.defineProperty(out, k, { value: expected(v, plan[k] ?? plan['*']), enumerable: true, writable: true });
  return out;
}

/** Same value, same key order and the same sign of every zero. */
function same(got: unknown, want: unknown, path = '$'): void {
  if (want instanceof Float64Array) {
    expect(got, path).toBeInstanceOf(Float64Array);
    const g = got as Float64Array;
    expect(g.length, path).toBe(want.length);
    for (let i = 0; i < want.length; i++)
      expect(Object.is(g[i], want[i]), `${path}[${i}]: ${g[i]} vs ${want[i]}`).toBe(true);
    return;
  }
  if (typeof want === 'number') {
    expect(Object.is(got, want), `${path}: ${String(got)} vs ${want}`).toBe(true);
    return;
  }
  if (Array.isArray(want)) {
    expect(Array.isArray(got), path).toBe(true);
    expect((got as unknown[]).length, path).toBe(want.length);
    want.forEach((w, i) => same((got as unknown[])[i], w, `${path}[${i}]`));
    return;
  }
  if (want !== null && typeof want === 'object') {
    expect(Object.keys(got as object), path).toEqual(Object.keys(want));
    for (const [k, w] of Object.entries(want)) same((got as Record<string, unknown>)[k], w, `${path}.${k}`);
    return;
  }
  expect(got, path).toBe(want);
}

/** A source that gives at most `size` bytes a read (the file reader's pieces, made small). */
function pieces(bytes: Uint8Array, size: number): JsonSource {
  let at = 0;
  return {
    read(into) {
      const k = Math.min(size, into.length, bytes.length - at);
      into.set(bytes.subarray(at, at + k));
      at += k;
      return k;
    },
    whole: () => bytes,
  };
}

/** Read the text both ways (in one piece and in small pieces and blocks): the same value, or the same error message. */
function both(text: string, plan: { [key: string]: JsonPlan }): void {
  let want: unknown;
  let error: string | undefined;
  try {
    want = expected(JSON.parse(text), plan);
  } catch (e) {
    error = (e as Error).message;
  }
  const bytes = enc(text);
  const reads: Array<() => unknown> = [
    () => parseJsonObject(bytes, plan),
    () => parseJsonObject(pieces(bytes, 1), plan, 1),
    () => parseJsonObject(pieces(bytes, 3), plan, 5),
    () => parseJsonObject(pieces(bytes, 64), plan, 16),
  ];
  for (const r of reads) {
    if (error !== undefined) expect(r, text).toThrow(error);
    else same(r(), want);
  }
}

const PLAN = { normalized: { unit: 'rows', values: { '*': 'numbers' } }, n: 'numbers', r: 'rows' } as const satisfies {
  [key: string]: JsonPlan;
};

describe('JSON object read member by member, against JSON.parse', () => {
  it('reads objects of every value kind, planned or not', () => {
    const docs = [
      '{}',
      ' { } ',
      '{"a":1,"b":"x","c":null,"d":true,"e":false,"f":[1,{"g":[]}],"h":{"i":{}}}',
      '{"n":[1,null,-0,0,-0.0e5,1e400,-1E-400,123456789012345678901234567890,5e-324,1.7976931348623157e308,0.1]}',
      '{"n":[]}',
      '{"n":[ 1 , 2 ]}',
      '{"n":[1,"2"]}',
      '{"n":[1,[2]]}',
      '{"n":{"a":1}}',
      '{"n":7}',
      '{"r":[1,"a",{"b":[2,{"c":"]"}]},null,[],{}],"r2":[]}',
      '{"r":{"a":[1]},"normalized":{"unit":"x"}}',
      // braces followed by commas inside strings and nested objects: not the ends of elements
      '{"r":[{"s":"},{"},{"t":{"u":1},"v":2},{"w":"\\"},"},{"x":[{"y":{}},{}]}],"z":{"a":1},"q":2}',
      '{"r":[{"a":1} , {"b":2}\n,\n{"c":"}"}],"n":[1]}',
      '{"n":[1,2,3,null,"x",5,null]}',
      '{"normalized":{"unit":["甲","乙"],"time":[2020,"2021"],"values":{"x1":[0.5,null],"指标":[1,0],"s":["a",1]}}}',
      '{"normalized":[1,2]}',
      '{"normalized":{"values":[1]}}',
      '{"a":1,"a":2,"b":3,"a":4}',
      '{"n":[1],"n":[2,3]}',
      '{"q\\"k":"\\u4e2d\\n\\"q\\"\\\\ \\/ \\ud83d\\ude00","\\u0061":1}',
      '{"s":"{[}]\\"","t":"]"}',
      '\r\n\t{ "a" : 1 , "n" : [ null ] }\n',
      '{"__proto__":{"x":1},"a":1}',
      '{"a":{"__proto__":1}}',
    ];
    for (const d of docs) both(d, PLAN);
  });

  it('gives the error JSON.parse gives for every document that is not valid JSON', () => {
    const docs = [
      '',
      '   ',
      '\uFEFF{"a":1}',
      '{"a":1,}',
      '{"a":01}',
      '{"n":[1.]}',
      '{"n":[.5]}',
      '{"n":[+1]}',
      '{"n":[NaN]}',
      '{"n":[1,]}',
      '{"n":[1 2]}',
      '{"n":[,1]}',
      '{"r":[1,,2]}',
      '{"r":[1,2,]}',
      '{"r":[1,2}',
      '{"r":["a\\"]}',
      "{'a':1}",
      '{"a":"raw\ttab"}',
      '{"a":"bad \\x escape"}',
      '{"a":tru}',
      '{"a":1} x',
      '{"a":1',
      '{"a":"unterminated}',
      '{"normalized":{"values":{"x":[1,2}}}',
      '{"a" 1}',
      '{a:1}',
      '[1,2]',
      '"text"',
      '3',
    ];
    for (const d of docs) both(d, PLAN);
    // documents that are not objects, and a byte order mark, go to JSON.parse whole
    expect(parseJsonObject(enc('[1,2]'), PLAN)).toEqual([1, 2]);
  });

  it('reads random documents as JSON.parse does', () => {
    const number = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.constantFrom(-0, 0, 5e-324, 1.7976931348623157e308, 0.1, 1e21, 1e-7),
    );
    const leaf = fc.oneof(number, fc.string(), fc.boolean(), fc.constant(null));
    const keys = fc.constantFrom('n', 'r', 'normalized', 'values', 'x1', '指标', 'a b', 'q"k', '*', 'unit');
    const value = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(fc.oneof(number, fc.constant(null)), { maxLength: 20 }),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(keys, tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(fc.dictionary(keys, value, { maxKeys: 6 }), fc.nat(3), (doc, indent) => {
        both(JSON.stringify(doc, null, indent || undefined), PLAN);
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  it('reads the normalised values of a results.json as columns, other JSON whole', () => {
    const text = JSON.stringify({
      scores: [{ unit: '北京', time: 2020, score: 0.5 }],
      normalized: { unit: ['北京', '上海'], time: [2020, 2020], values: { x1: [0.25, null], x2: [1, 0] } },
      record: { spec: {} },
    });
    const got = parseResultsJson(enc(text)) as { normalized: { values: Record<string, unknown> } };
    same(got, expected(JSON.parse(text), { normalized: { values: { '*': 'numbers' } } }));
    expect(got.normalized.values.x1).toBeInstanceOf(Float64Array);
    expect(parseResultsJson(enc('[{"a":1}]'))).toEqual([{ a: 1 }]);
  });

  it('gives the analyses the same evaluation as a parse of the whole file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xinzhi-json-members-'));
    try {
      const rows = 60;
      const unit = Array.from({ length: rows }, (_, i) => `单位${i % 20}`);
      const time = Array.from({ length: rows }, (_, i) => 2020 + Math.floor(i / 20));
      const col = (k: number) => unit.map((_, i) => (i % 17 === k ? null : Math.sin(i * (k + 1)) ** 2));
      const doc = {
        weights: { x1: 0.4, x2: 0.6 },
        scores: unit.map((u, i) => ({ unit: u, time: time[i], score: i / rows, rank: 1 })),
        units: unit.slice(0, 20),
        times: [2020, 2021, 2022],
        indicators: [],
        nodeWeights: [],
        nodeScores: unit.map((u, i) => ({ node: 'index', unit: u, time: time[i], score: i / rows, rank: 1 })),
        normalized: { unit, time, values: { x1: col(1), x2: col(2) } },
        record: { spec: { time: 'year' } },
      };
      const path = join(dir, 'results.json');
      writeFileSync(path, JSON.stringify(doc, null, 2));
      const ev = await readEvaluationInput(path);
      expect(ev).not.toBeNull();
      const { normalized } = ev!.result;
      expect(normalized.unit).toEqual(unit);
      expect(normalized.time).toEqual(time);
      for (const [id, k] of [
        ['x1', 1],
        ['x2', 2],
      ] as const)
        same(
          normalized.values[id],
          Float64Array.from(col(k), (x) => (x === null ? Number.NaN : x)),
        );
      expect(ev!.result.nodeScores).toEqual(doc.nodeScores);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
