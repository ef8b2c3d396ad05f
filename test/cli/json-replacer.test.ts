import { describe, expect, it } from 'vitest';
import { jsonReplacer } from '../../src/adapters/cli/util.ts';
import { outputReplacer } from '../../src/adapters/report/json.ts';

describe('one JSON replacer for --json and results.json', () => {
  it('turns typed arrays into arrays and non-finite numbers into null', () => {
    const doc = { a: Float64Array.of(1, Number.NaN, Infinity), b: -Infinity, c: 2 };
    expect(JSON.parse(JSON.stringify(doc, jsonReplacer))).toEqual({ a: [1, null, null], b: null, c: 2 });
    expect(jsonReplacer).toBe(outputReplacer);
  });
});
