/** Eigenvalues of symmetric matrices against NumPy eigvalsh (test/reference/estimate/sym_eigen_reference.py). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { symmetricEigenvalues } from '../../src/core/estimate/sym-eigen.ts';

const cases: Array<{ name: string; n: number; matrix: number[]; eigenvalues: number[] }> = JSON.parse(
  readFileSync(new URL('../reference/estimate/fixtures/sym_eigen.json', import.meta.url), 'utf8'),
);

describe('symmetricEigenvalues', () => {
  it.each(cases.map((c) => [`${c.name} ${c.n}×${c.n}`, c] as const))('%s: equals NumPy eigvalsh to 1e-12', (_, c) => {
    const ev = symmetricEigenvalues(Float64Array.from(c.matrix), c.n);
    const scale = Math.max(1, ...c.eigenvalues.map(Math.abs));
    c.eigenvalues.forEach((v, i) => expect(Math.abs(ev[i] - v) / scale).toBeLessThan(1e-12));
  });
});
