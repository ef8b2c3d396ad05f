/** factorOf: the numeric fast paths give the codes of comparing values as strings. */
import { describe, expect, it } from 'vitest';
import { factorOf, subsetFactor } from '../../src/core/estimate/absorb.ts';

/** The definition: codes in first-seen order of String(value). */
function byString(values: ArrayLike<string | number>) {
  const ids = new Map<string, number>();
  const codes = Array.from(values, (v) => {
    const k = String(v);
    if (!ids.has(k)) ids.set(k, ids.size);
    return ids.get(k)!;
  });
  return { codes, levels: ids.size };
}

describe('factorOf', () => {
  const cases: Array<[string, Array<string | number>]> = [
    ['small non-negative integers', [3, 1, 3, 0, 2, 1, 7]],
    ['large integers (years, ids)', [2020, 2021, 2020, 987654321, 2021]],
    ['negative, fractional, −0 and 0', [-1, 0.5, -0, 0, 0.1 + 0.2, 0.30000000000000004, -1]],
    ['strings', ['a', 'b', 'a', '1']],
    ['mixed numbers and strings compare as strings', [1, '1', 2, '2.0', 2]],
  ];
  for (const [name, values] of cases)
    it(name, () => {
      const f = factorOf(values);
      const ref = byString(values);
      expect(Array.from(f.codes)).toEqual(ref.codes);
      expect(f.levels).toBe(ref.levels);
    });

  it('subsetFactor recodes a subset to consecutive levels and keeps a full one', () => {
    const f = factorOf([5, 6, 5, 7, 6]);
    expect(subsetFactor(f, Int32Array.from([0, 1, 2, 3, 4]))).toBe(f);
    const s = subsetFactor(f, Int32Array.from([1, 3, 4]));
    expect([Array.from(s.codes), s.levels]).toEqual([[0, 1, 0], 2]);
  });
});

describe('mediation bootstrap draw', () => {
  it('a·b of a resampled panel without standard errors equals the full fits (Grunfeld, firm and year FE)', async () => {
    const { drawAb } = await import('../../src/core/estimate/mediation.ts');
    const { estimateFe } = await import('../../src/core/estimate/fe.ts');
    const { firm, year, inv, value, capital } = await import('./grunfeld.ts');
    // firms 3, 3, 7, 1, 10, 10, 5 drawn; each copy its own unit
    const pickFirms = [3, 3, 7, 1, 10, 10, 5];
    const rows: number[] = [];
    const copy: number[] = [];
    pickFirms.forEach((f, g) =>
      firm.forEach((v, r) => {
        if (v === f) {
          rows.push(r);
          copy.push(g);
        }
      }),
    );
    const take = (v: number[]) => rows.map((r) => v[r]);
    const sets: Array<Record<string, number[]>> = [{}, { c: take(year.map((t, r) => Math.sin(t + r))) }];
    for (const controls of sets) {
      const d = {
        y: take(inv),
        x: take(value),
        m: take(capital),
        controls,
        fe: { firm: copy, year: take(year) },
        cluster: copy,
      };
      const fitModel = (y: number[], x: Record<string, ArrayLike<number>>) =>
        estimateFe(
          { y, x: { ...x, ...controls }, fe: d.fe, cluster: copy },
          { se: 'cluster', preset: 'stata', dropSingletons: false },
        );
      const a = fitModel(d.m, { x: d.x }).coefficients.x.estimate;
      const b = fitModel(d.y, { x: d.x, m: d.m }).coefficients.m.estimate;
      const fast = drawAb(d)!;
      expect(Math.abs(fast - a * b) / Math.abs(a * b)).toBeLessThan(1e-9);
    }
  });
});
