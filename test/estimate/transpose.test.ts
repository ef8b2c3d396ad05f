/** transposeInPlace (core/stats/transpose.ts) gives what a transposition into a new array gives, for every shape. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transposeInPlace } from '../../src/core/stats/transpose.ts';

/** The column-major copy of a rows × cols row-major matrix, element by element. */
function transposedCopy(a: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = a[i * cols + j];
  return out;
}

/** The first place where a and b differ (Object.is), or −1 (a loop: deep equality of large arrays is slow). */
function firstDifference(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

function check(rows: number, cols: number, extra = 3): void {
  const a = Float64Array.from({ length: rows * cols + extra }, (_, i) => i + 0.5);
  const want = Float64Array.from(a);
  want.set(transposedCopy(a, rows, cols));
  transposeInPlace(a, rows, cols);
  expect(firstDifference(a, want), `${rows} × ${cols}`).toBe(-1);
}

describe('transposeInPlace', () => {
  it('transposes the example and leaves a row, a column and an empty matrix as they are', () => {
    const a = Float64Array.of(1, 2, 3, 4, 5, 6);
    transposeInPlace(a, 2, 3);
    expect(a).toEqual(Float64Array.of(1, 4, 2, 5, 3, 6));
    for (const [r, c] of [
      [1, 7],
      [7, 1],
      [0, 5],
      [5, 0],
      [1, 1],
    ])
      check(r, c);
  });
  it('transposes firm-panel shapes: whole blocks of rows, a remainder, one block, many columns', () => {
    // 65,536 values a block: 1,560 rows of 42 columns
    for (const [r, c] of [
      [1560, 42],
      [1561, 42],
      [3120, 42],
      [3121, 42],
      [75_000, 42],
      [1559, 42],
      [3, 70_000],
      [100_003, 3],
    ])
      check(r, c);
  });
  it('transposes random shapes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 300 }), (r, c) => check(r, c, 1)),
      { numRuns: 200, seed: 7 },
    );
  });
  it('keeps NaN, −0 and infinities', () => {
    const a = Float64Array.of(Number.NaN, -0, Number.POSITIVE_INFINITY, 1, Number.NEGATIVE_INFINITY, 2);
    transposeInPlace(a, 3, 2);
    expect(a).toEqual(Float64Array.of(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1, 2));
    expect(Object.is(a[3], -0)).toBe(true);
  });
  it('refuses a shape the array does not hold', () => {
    expect(() => transposeInPlace(new Float64Array(5), 2, 3)).toThrow(/does not fit/);
    expect(() => transposeInPlace(new Float64Array(6), 2.5, 2)).toThrow(/does not fit/);
  });
});
