/** Eigenvalues of symmetric and general matrices against NumPy eigvalsh / eigvals (test/reference/estimate/sym_eigen_reference.py). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generalEigenvalues, symmetricEigenvalues } from '../../src/core/estimate/sym-eigen.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/estimate/fixtures/sym_eigen.json', import.meta.url), 'utf8'));
const cases: Array<{ name: string; n: number; matrix: number[]; eigenvalues: number[] }> = fx.symmetric;
const general: Array<{ name: string; n: number; matrix: number[]; re: number[]; im: number[] }> = fx.general;

describe('symmetricEigenvalues', () => {
  it.each(cases.map((c) => [`${c.name} ${c.n}×${c.n}`, c] as const))('%s: equals NumPy eigvalsh to 1e-12', (_, c) => {
    const ev = symmetricEigenvalues(Float64Array.from(c.matrix), c.n);
    const scale = Math.max(1, ...c.eigenvalues.map(Math.abs));
    c.eigenvalues.forEach((v, i) => expect(Math.abs(ev[i] - v) / scale).toBeLessThan(1e-12));
  });
});

describe('generalEigenvalues', () => {
  it.each(general.map((c) => [`${c.name} ${c.n}×${c.n}`, c] as const))('%s: equals NumPy eigvals to 1e-10', (_, c) => {
    const { re, im } = generalEigenvalues(Float64Array.from(c.matrix), c.n);
    const order = Array.from(re.keys()).sort((a, b) => re[a] - re[b] || im[a] - im[b]);
    const scale = Math.max(1, ...c.re.map(Math.abs), ...c.im.map(Math.abs));
    order.forEach((k, i) => {
      expect(Math.abs(re[k] - c.re[i]) / scale).toBeLessThan(1e-10);
      expect(Math.abs(im[k] - c.im[i]) / scale).toBeLessThan(1e-10);
    });
  });
});
