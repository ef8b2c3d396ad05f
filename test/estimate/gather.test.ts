/** gather / float64Of / numbersOrNulls (core/stats/gather.ts) give what Float64Array.from(source, mapFn) gives, with a plain loop. */
import { describe, expect, it } from 'vitest';
import { float64Of, gather, numbersOrNulls } from '../../src/core/stats/gather.ts';

describe('gather and float64Of', () => {
  const values = Float64Array.of(0.1, -2.5, Number.NaN, 1e300, -0);
  it('gather picks values at rows, repeats and order kept', () => {
    const rows = [4, 0, 0, 3, 2, 1];
    expect(gather(values, rows)).toEqual(Float64Array.from(rows, (r) => values[r]));
    expect(gather([1, 2, 3], Int32Array.of(2, 1))).toEqual(Float64Array.of(3, 2));
    expect(gather(values, [])).toEqual(new Float64Array(0));
    expect(Object.is(gather(values, [4])[0], -0)).toBe(true);
  });
  it('float64Of fills f(i) for every i', () => {
    expect(float64Of(5, (i) => values[i] * 2)).toEqual(Float64Array.from(values, (v) => v * 2));
    expect(float64Of(0, () => 1)).toEqual(new Float64Array(0));
  });
  it('numbersOrNulls reads numbers and nulls (null as NaN), and nothing else', () => {
    const json = [0.5, null, -0, 1e300, null];
    expect(numbersOrNulls(json)).toEqual(Float64Array.from(json, (x) => (x === null ? Number.NaN : x)));
    expect(Object.is(numbersOrNulls(json)![2], -0)).toBe(true);
    expect(numbersOrNulls([])).toEqual(new Float64Array(0));
    for (const other of ['1', true, undefined, [1], {}]) expect(numbersOrNulls([1, other])).toBeUndefined();
  });
});
