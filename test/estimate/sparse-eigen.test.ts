/** Eigenvalues of sparse symmetric weights (band route) against NumPy eigvalsh and the dense route (test/reference/estimate/sparse_eigen_reference.py). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bandPays,
  reverseCuthillMcKee,
  sparseSymmetricEigenvalues,
  symmetricEigenvalues,
} from '../../src/core/estimate/sym-eigen.ts';

interface Case {
  name: string;
  n: number;
  offsets: number[];
  columns: number[];
  values: number[];
  eigenvalues: number[];
}
const cases: Case[] = JSON.parse(
  readFileSync(new URL('../reference/estimate/fixtures/sparse_eigen.json', import.meta.url), 'utf8'),
).cases;

/** Half-width of the band after renumbering by `order`. */
function bandwidth(c: Case, order: Int32Array): number {
  const pos = new Int32Array(c.n);
  order.forEach((u, i) => {
    pos[u] = i;
  });
  let m = 0;
  for (let i = 0; i < c.n; i++)
    for (let k = c.offsets[i]; k < c.offsets[i + 1]; k++) m = Math.max(m, Math.abs(pos[i] - pos[c.columns[k]]));
  return m;
}

function dense(c: Case): Float64Array {
  const a = new Float64Array(c.n * c.n);
  for (let i = 0; i < c.n; i++)
    for (let k = c.offsets[i]; k < c.offsets[i + 1]; k++) a[i * c.n + c.columns[k]] = c.values[k];
  return a;
}

describe('sparseSymmetricEigenvalues', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s: equals NumPy eigvalsh and the dense route to 1e-12', (_, c) => {
    const ev = sparseSymmetricEigenvalues(c.n, c.offsets, c.columns, c.values);
    const ref = symmetricEigenvalues(dense(c), c.n);
    const scale = Math.max(1, ...c.eigenvalues.map(Math.abs));
    expect(ev).toHaveLength(c.n);
    c.eigenvalues.forEach((v, i) => {
      expect(Math.abs(ev[i] - v) / scale).toBeLessThan(1e-12);
      expect(Math.abs(ev[i] - ref[i]) / scale).toBeLessThan(1e-12);
    });
  });

  it('takes the band route for neighbour links and the dense route for long-range links', () => {
    const route = (name: string) => {
      const c = cases.find((x) => x.name === name)!;
      return bandPays(c.n, bandwidth(c, reverseCuthillMcKee(c.n, c.offsets, c.columns)));
    };
    expect(route('knn6-300')).toBe(true);
    expect(route('rook-grid-400')).toBe(true);
    expect(route('three-components-250')).toBe(true);
    expect(route('long-range-120')).toBe(false);
  });

  it('reverse Cuthill–McKee is a permutation and narrows a shuffled grid to its width', () => {
    const c = cases.find((x) => x.name === 'rook-grid-400')!;
    const order = reverseCuthillMcKee(c.n, c.offsets, c.columns);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: c.n }, (_, i) => i));
    expect(bandwidth(c, order)).toBeLessThanOrEqual(21);
  });

  it('reads only the lower triangle, as the dense route does', () => {
    const c = cases.find((x) => x.name === 'knn6-300')!;
    const upperChanged = c.values.slice();
    for (let i = 0; i < c.n; i++)
      for (let k = c.offsets[i]; k < c.offsets[i + 1]; k++) if (c.columns[k] > i) upperChanged[k] = 7;
    const ev = sparseSymmetricEigenvalues(c.n, c.offsets, c.columns, upperChanged);
    c.eigenvalues.forEach((v, i) => expect(Math.abs(ev[i] - v)).toBeLessThan(1e-12));
  });

  it.each([1e150, 1e-150])(
    'keeps the eigenvalues of weights scaled by %s (squares out of the plain formula range)',
    (f) => {
      const c = cases.find((x) => x.name === 'rook-grid-400')!;
      const ev = sparseSymmetricEigenvalues(
        c.n,
        c.offsets,
        c.columns,
        c.values.map((v) => v * f),
      );
      c.eigenvalues.forEach((v, i) => expect(Math.abs(ev[i] / f - v)).toBeLessThan(1e-12));
    },
  );

  it('handles no links, one unit and a diagonal', () => {
    expect([...sparseSymmetricEigenvalues(0, [0], [], [])]).toEqual([]);
    expect([...sparseSymmetricEigenvalues(1, [0, 1], [0], [2.5])]).toEqual([2.5]);
    const n = 60; // no off-diagonal entries: the band route with m = 0
    const offsets = Array.from({ length: n + 1 }, (_, i) => i);
    const columns = Array.from({ length: n }, (_, i) => i);
    const values = Array.from({ length: n }, (_, i) => n - 2 * i);
    expect([...sparseSymmetricEigenvalues(n, offsets, columns, values)]).toEqual([...values].sort((a, b) => a - b));
  });
});
