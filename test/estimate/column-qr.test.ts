/**
 * ColumnQr (core/regression/qr.ts) takes the steps of ml-matrix's
 * QrDecomposition on a matrix held by columns: the same R, the same
 * least-squares solution, to the last bit, on tall, badly scaled and
 * rank-deficient matrices.
 */
import { Matrix, QrDecomposition } from 'ml-matrix';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { ColumnQr } from '../../src/core/regression/qr.ts';

function tall(rows: number, cols: number, seed: string): number[][] {
  const rng = seedrandom(seed);
  return Array.from({ length: rows }, () =>
    Array.from({ length: cols }, (_, j) => (j === 0 ? 1 : (rng() - 0.5) * 10 ** (j % 4))),
  );
}
const byColumns = (X: number[][]) => X[0].map((_, j) => Float64Array.from(X, (r) => r[j]));

describe('ColumnQr', () => {
  for (const [rows, cols, seed] of [
    [50, 4, 'a'],
    [2000, 12, 'b'],
    [7, 7, 'c'],
  ] as const) {
    it(`${rows} × ${cols}: R and the solution equal ml-matrix's bit for bit`, () => {
      const X = tall(rows, cols, seed);
      const y = X.map((r, i) => r.reduce((a, v) => a + v, 0) + Math.sin(i));
      const ours = new ColumnQr(byColumns(X));
      const theirs = new QrDecomposition(new Matrix(X));
      expect(ours.isFullRank()).toBe(true);
      expect(ours.upperTriangular()).toEqual(theirs.upperTriangularMatrix.to2DArray());
      expect(Array.from(ours.solve(y))).toEqual(theirs.solve(Matrix.columnVector(y)).getColumn(0));
    });
  }
  it('says rank deficient exactly when ml-matrix does', () => {
    const zero = tall(30, 3, 'd').map((r) => [...r, 0]);
    expect(new ColumnQr(byColumns(zero)).isFullRank()).toBe(false);
    expect(new QrDecomposition(new Matrix(zero)).isFullRank()).toBe(false);
    expect(() => new ColumnQr(byColumns(zero)).solve(zero.map(() => 1))).toThrow(/rank deficient/);
    // a repeated column leaves a rounding-sized diagonal, not an exact zero, in both
    const repeated = tall(30, 3, 'd').map((r) => [...r, r[1]]);
    expect(new ColumnQr(byColumns(repeated)).isFullRank()).toBe(new QrDecomposition(new Matrix(repeated)).isFullRank());
  });
});
