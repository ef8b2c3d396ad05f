import { describe, expect, it } from 'vitest';
import { DEFAULT_SHIFT, logTransform, normalizeColumn } from '../../src/core/measure/normalize.ts';
import type { Direction, NormalizeMethod } from '../../src/core/measure/spec.ts';
import type { MeasureInputError } from '../../src/core/measure/weights/input.ts';
import { XinzhiError } from '../../src/core/errors.ts';
import { columns, expectClose, fixture, thrown } from './reference-helpers.ts';

function checkAll(fx: { raw: number[][]; normalize: Record<string, number[]> }): number {
  const cols = columns(fx.raw);
  let count = 0;
  for (const [key, expected] of Object.entries(fx.normalize)) {
    const parts = key.split('|');
    let actual: Float64Array;
    if (parts[0] === 'log') actual = logTransform(cols[Number(parts[1])]);
    else if (parts[0] === 'log1p') actual = logTransform(cols[Number(parts[1])], { plusOne: true });
    else if (parts[0] === 'minmax') {
      actual = normalizeColumn(cols[Number(parts[3])], {
        method: 'minmax',
        direction: parts[1] as Direction,
        shift: Number(parts[2]),
      });
    } else {
      actual = normalizeColumn(cols[Number(parts[2])], {
        method: parts[0] as NormalizeMethod,
        direction: parts[1] as Direction,
      });
    }
    expectClose(actual, expected, key);
    count++;
  }
  return count;
}

describe('normalizeColumn vs NumPy/pandas reference', () => {
  it('province panel: 10 columns × minmax (shift 0.0001 / 0.01 / 0), zscore, vector, mean-ratio, both directions, ln and ln(1+x)', () => {
    expect(checkAll(fixture('province.json'))).toBe(10 * (2 * 6 + 2));
  });
  it('small hand-made matrix, every method and direction', () => {
    expect(checkAll(fixture('small.json'))).toBe(5 * 14);
  });
});

describe('normalizeColumn rules', () => {
  it('default shift is the spec default 0.0001, added after min-max', () => {
    expect(DEFAULT_SHIFT).toBe(0.0001);
    expect(Array.from(normalizeColumn([2, 4, 6], { method: 'minmax', direction: '+' }))).toEqual([
      0.0001, 0.5001, 1.0001,
    ]);
    expect(Array.from(normalizeColumn([2, 4, 6], { method: 'minmax', direction: '-', shift: 0 }))).toEqual([1, 0.5, 0]);
  });
  it('constant columns and n = 1 never divide by zero (documented values)', () => {
    const dg = fixture('degenerate.json').constantColumn;
    const c = [3, 3, 3, 3];
    expectClose(normalizeColumn(c, { method: 'minmax', direction: '+', shift: 0.0001 }), dg.minmax);
    expectClose(normalizeColumn(c, { method: 'zscore', direction: '+' }), dg.zscore);
    expectClose(normalizeColumn(c, { method: 'vector', direction: '-' }), dg.vector);
    expectClose(normalizeColumn(c, { method: 'mean-ratio', direction: '-' }), dg.meanRatio);
    expectClose(normalizeColumn([0, 0, 0, 0], { method: 'vector', direction: '+' }), dg.vectorZero);
    expectClose(normalizeColumn([0, 0, 0, 0], { method: 'vector', direction: '-' }), dg.vectorZeroNeg);
    expect(Array.from(normalizeColumn([0, 0], { method: 'mean-ratio', direction: '+' }))).toEqual([1, 1]);
    const one = fixture('degenerate.json').oneUnit;
    one.raw.forEach((col: number[], j: number) => {
      expectClose(normalizeColumn(col, { method: 'minmax', direction: '+', shift: 0.0001 }), one.minmax[j]);
      expectClose(normalizeColumn(col, { method: 'zscore', direction: '+' }), one.zscore[j]);
    });
    expect(normalizeColumn([], { method: 'minmax', direction: '+' }).length).toBe(0);
  });
  it('none copies the values and ignores the direction', () => {
    const x = [3, -1, 2];
    const y = normalizeColumn(x, { method: 'none', direction: '-' });
    expect(Array.from(y)).toEqual(x);
  });
  it('errors name the index', () => {
    const e = thrown(() => normalizeColumn([1, NaN, 2], { method: 'minmax', direction: '+' })) as MeasureInputError;
    expect(e).toBeInstanceOf(XinzhiError);
    expect(e.index).toBe(1);
    const m = thrown(() => normalizeColumn([1, 0, 2], { method: 'mean-ratio', direction: '-' })) as MeasureInputError;
    expect(m.index).toBe(1);
    expect(m.problems[0].code).toBe('mean-ratio-nonpositive');
    expect(thrown(() => normalizeColumn([-1, -2, 0], { method: 'mean-ratio', direction: '+' }))).toBeInstanceOf(
      XinzhiError,
    );
    expect(thrown(() => normalizeColumn([1, 2], { method: 'minmax', direction: '+', shift: -1 }))).toBeInstanceOf(
      XinzhiError,
    );
    expect(
      thrown(() => normalizeColumn([1, 2], { method: 'bogus' as NormalizeMethod, direction: '+' })),
    ).toBeInstanceOf(XinzhiError);
    expect(thrown(() => normalizeColumn([1, 2], { method: 'minmax', direction: '*' as Direction }))).toBeInstanceOf(
      XinzhiError,
    );
  });
});

describe('logTransform', () => {
  const dg = fixture('degenerate.json');
  it('ln(1+x) accepts zeros (log1p, as numpy.log1p)', () => {
    expectClose(logTransform(dg.logWithZero.x, { plusOne: true }), dg.logWithZero.log1p);
  });
  it('ln x throws on x ≤ 0 naming the index; ln(1+x) on x < 0', () => {
    const e = thrown(() => logTransform(dg.errors.logZero)) as MeasureInputError;
    expect(e).toBeInstanceOf(XinzhiError);
    expect(e.index).toBe(dg.errors.logZeroIndex);
    expect(e.problems[0].message.en).toContain(`index ${dg.errors.logZeroIndex}`);
    expect(e.problems[0].fix?.zh).toBeTruthy();
    const f = thrown(() => logTransform(dg.errors.logNegative, { plusOne: true })) as MeasureInputError;
    expect(f.index).toBe(dg.errors.logNegativeIndex);
  });
});
