/**
 * Goalpost and distance-to-target normalisation: degenerate cases, errors and
 * spec checks. Their values on the province index are checked against the
 * NumPy reference in evaluate-reference.test.ts (fixtures evaluate_goalposts*,
 * evaluate_target_*).
 */
import { describe, expect, it } from 'vitest';
import { columnNormalizeOptions } from '../../src/core/measure/hierarchy-weights.ts';
import { normalizeColumn } from '../../src/core/measure/normalize.ts';
import { parseSpec } from '../../src/core/measure/spec-schema.ts';

const arr = (x: Float64Array) => Array.from(x);

describe('goalposts', () => {
  it('HDI-style goalposts [20, 85]: capped to [0, 1] by default', () => {
    const y = normalizeColumn([10, 20, 52.5, 85, 90], { method: 'goalposts', direction: '+', goalposts: [20, 85] });
    expect(arr(y)).toEqual([0, 0, 0.5, 1, 1]);
  });
  it('cap: false keeps values outside the goalposts', () => {
    const y = normalizeColumn([10, 90], { method: 'goalposts', direction: '+', goalposts: [20, 85], cap: false });
    expect(y[0]).toBeCloseTo(-10 / 65, 15);
    expect(y[1]).toBeCloseTo(70 / 65, 15);
  });
  it('direction "-" measures from the upper goalpost', () => {
    expect(arr(normalizeColumn([0, 1, 4], { method: 'goalposts', direction: '-', goalposts: [0, 4] }))).toEqual([
      1, 0.75, 0,
    ]);
  });
  it('a constant column and a single unit are scored against the goalposts', () => {
    expect(arr(normalizeColumn([3, 3], { method: 'goalposts', direction: '+', goalposts: [2, 4] }))).toEqual([
      0.5, 0.5,
    ]);
    expect(arr(normalizeColumn([3], { method: 'goalposts', direction: '+', goalposts: [2, 4] }))).toEqual([0.5]);
  });
  it('missing goalposts are an error', () => {
    expect(() => normalizeColumn([1, 2], { method: 'goalposts', direction: '+' })).toThrow(/goalposts/);
  });
});

describe('distance-to-target', () => {
  it('ratio (default): x / T, T / x for "-"; beyond the target above 1 unless capped', () => {
    expect(arr(normalizeColumn([1, 2, 8], { method: 'distance-to-target', direction: '+', target: 4 }))).toEqual([
      0.25, 0.5, 2,
    ]);
    expect(arr(normalizeColumn([8, 2], { method: 'distance-to-target', direction: '-', target: 4 }))).toEqual([0.5, 2]);
    expect(
      arr(normalizeColumn([1, 8], { method: 'distance-to-target', direction: '+', target: 4, cap: true })),
    ).toEqual([0.25, 1]);
  });
  it('coinr: 1 − (T − x)/(T − min x), on −x for "-"', () => {
    const o = { method: 'distance-to-target', targetVariant: 'coinr' } as const;
    expect(arr(normalizeColumn([2, 4, 6, 12], { ...o, direction: '+', target: 10 }))).toEqual([0, 0.25, 0.5, 1.25]);
    expect(arr(normalizeColumn([2, 4, 6], { ...o, direction: '-', target: 2 }))).toEqual([1, 0.5, 0]);
  });
  it('errors: ratio with T ≤ 0 or x ≤ 0 under "-"; coinr with T at the worst value (constant column, single unit)', () => {
    expect(() => normalizeColumn([1, 2], { method: 'distance-to-target', direction: '+', target: 0 })).toThrow(
      /positive target/,
    );
    expect(() => normalizeColumn([0, 2], { method: 'distance-to-target', direction: '-', target: 1 })).toThrow(
      /index 0/,
    );
    const c = { method: 'distance-to-target', targetVariant: 'coinr', direction: '+' } as const;
    expect(() => normalizeColumn([3, 3], { ...c, target: 3 })).toThrow(/worst value/);
    expect(arr(normalizeColumn([3], { ...c, target: 5 }))).toEqual([0]);
    expect(() => normalizeColumn([1, 2], { method: 'distance-to-target', direction: '+' })).toThrow(/target/);
  });
});

describe('spec', () => {
  const base = {
    unit: 'u',
    indicators: [
      { id: 'a', column: 'a', direction: '+', goalposts: [1, 100], target: 50 },
      { id: 'b', column: 'b', direction: '+' },
    ],
  };
  const paths = (s: object) => parseSpec(s).problems.map((p) => p.column ?? p.message.en);
  it('every indicator needs goalposts / a target when the method is used', () => {
    expect(paths({ ...base, normalize: { method: 'goalposts' } }).join()).toMatch(/indicators\[1\]\.goalposts/);
    expect(paths({ ...base, normalize: { method: 'distance-to-target' } }).join()).toMatch(/indicators\[1\]\.target/);
    expect(
      paths({ ...base, normalize: { method: 'minmax' }, uncertainty: { draws: 5, normalize: ['goalposts'] } }).join(),
    ).toMatch(/indicators\[1\]\.goalposts/);
  });
  it('options only with their method; goalposts must be increasing', () => {
    expect(paths({ ...base, normalize: { method: 'minmax', cap: true } }).join()).toMatch(/normalize\.cap/);
    expect(paths({ ...base, normalize: { method: 'goalposts', targetVariant: 'coinr' } }).join()).toMatch(
      /targetVariant/,
    );
    const bad = { ...base, indicators: [{ id: 'a', column: 'a', direction: '+', goalposts: [5, 1] }] };
    expect(parseSpec(bad).spec).toBeUndefined();
  });
  it('with normalize.log the goalposts and targets are logged too', () => {
    const s = parseSpec({
      unit: 'u',
      indicators: [{ id: 'gni', column: 'gni', direction: '+', goalposts: [100, 75000], target: 1000 }],
      normalize: { method: 'goalposts', log: true },
    }).spec!;
    const [o] = columnNormalizeOptions(s);
    expect(o.goalposts).toEqual([Math.log(100), Math.log(75000)]);
    expect(o.target).toBe(Math.log(1000));
    expect(s.normalize.targetVariant).toBeUndefined();
  });
});
