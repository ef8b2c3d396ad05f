/**
 * Grey relational analysis with an explicit reference series (a column) and
 * with a given reference row, against NumPy
 * (test/reference/analysis/gra_reference.py), 1e-9 relative; degenerate series.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { greyRelationalSeries } from '../../src/core/analysis/grey-relational.ts';
import { greyRelational } from '../../src/core/measure/scores/gra.ts';

const fx = JSON.parse(
  readFileSync(new URL('../reference/analysis/fixtures/gra_reference.json', import.meta.url), 'utf8'),
);
const rel = (a: number, e: number, what: string) =>
  expect(Math.abs(a - e), what).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e)));

describe('grey relational analysis against a reference series', () => {
  for (const c of fx.series_cases) {
    it(`${c.normalize}, rho ${c.rho}`, () => {
      const r = greyRelationalSeries(fx.reference, fx.series, { normalize: c.normalize, rho: c.rho });
      r.grades.forEach((g, j) => rel(g, c.grades[j], `grade ${j}`));
      r.coefficients.forEach((row, j) => row.forEach((v, k) => rel(v, c.coefficients[j][k], `xi ${j} ${k}`)));
      const order = [...c.grades.keys()].sort((a: number, b: number) => c.grades[b] - c.grades[a]);
      expect(r.ranks[order[0]]).toBe(1);
    });
  }
  it('a given reference row (evaluate score.gra.reference)', () => {
    const c = fx.row_cases[0];
    const r = greyRelational(c.cols, c.weights, { rho: c.rho, reference: c.reference });
    Array.from(r.grade).forEach((g, i) => rel(g, c.grade[i], `grade ${i}`));
    r.coefficients.forEach((col, j) => Array.from(col).forEach((v, i) => rel(v, c.coefficients[j][i], `xi ${j} ${i}`)));
  });
  it('degenerate: identical series give 1; zero mean, zero first value, no range, missing values are errors', () => {
    const same = greyRelationalSeries([1, 2, 3], { a: [1, 2, 3], b: [2, 4, 6] });
    expect(same.grades).toEqual([1, 1]);
    expect(() => greyRelationalSeries([1, -1], { a: [1, 2] })).toThrow(/mean/);
    expect(() => greyRelationalSeries([0, 1], { a: [1, 2] }, { normalize: 'initial' })).toThrow(/first value/);
    expect(() => greyRelationalSeries([1, 2], { a: [3, 3] }, { normalize: 'minmax' })).toThrow(/range/);
    expect(() => greyRelationalSeries([1, 2], { a: [1, Number.NaN] })).toThrow(/value 2/);
    expect(() => greyRelational([[1, 2]], [1], { reference: [1, 2] })).toThrow(/reference/);
  });
});
