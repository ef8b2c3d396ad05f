/**
 * Firm production-function estimators against independent references
 * (test/reference/tfp/firm_reference.py: statsmodels OLS, LSDV for FE, and
 * OP / LP / ACF written with numpy + scipy.optimize) on the synthetic panel
 * data/tfp/firm-panel.csv, whose true coefficients are β_l = 0.6, β_k = 0.3.
 */
import { readFileSync } from 'node:fs';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { bootstrapSe, fitProduction, lagIndex, type FirmData } from '../../src/core/tfp/firm/estimators.ts';
import { brentMinimise, nelderMead } from '../../src/core/tfp/firm/optimise.ts';
import { monomials, polynomialTerms } from '../../src/core/tfp/firm/polynomial.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/tfp/fixtures/firm.json', import.meta.url), 'utf8'));
const d = fx.data;
const data = (proxy: 'lnm' | 'lni'): FirmData => ({
  firm: d.firm,
  time: d.year,
  y: d.lny,
  free: d.lnl.map((v: number) => [v]),
  state: d.lnk.map((v: number) => [v]),
  proxy: d[proxy],
});

function close(actual: number[], expected: number[], tol: number): void {
  actual.forEach((a, j) =>
    expect(Math.abs(a - expected[j]), `coefficient ${j}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected[j]))),
  );
}

describe('firm production functions', () => {
  it('OLS matches statsmodels (estimates and classical SE)', () => {
    const fit = fitProduction(data('lnm'), 'ols');
    close(fit.beta, fx.ols.beta, 1e-9);
    close(fit.se as number[], fx.ols.se, 1e-9);
  });

  it('FE (within) matches LSDV with firm dummies in statsmodels (estimates and SE)', () => {
    const fit = fitProduction(data('lnm'), 'fe');
    close(fit.beta, fx.fe.beta, 1e-9);
    close(fit.se as number[], fx.fe.se, 1e-9);
  });

  it('LP and OP match the SciPy implementation (optimiser tolerance) and are near the truth', () => {
    const lp = fitProduction(data('lnm'), 'lp');
    close(lp.beta, fx.lp.beta, 1e-7);
    close(fitProduction(data('lni'), 'op').beta, fx.op.beta, 1e-7);
    expect(Math.abs(lp.beta[0] - 0.6)).toBeLessThan(0.05);
    expect(Math.abs(lp.beta[1] - 0.3)).toBeLessThan(0.05);
  });

  it('ACF matches the SciPy implementation (Nelder–Mead on the moment criterion) and is near the truth', () => {
    const acf = fitProduction(data('lnm'), 'acf');
    close(acf.beta, fx.acf.beta, 1e-8);
    expect(Math.abs(acf.beta[0] - 0.6)).toBeLessThan(0.06);
    expect(Math.abs(acf.beta[1] - 0.3)).toBeLessThan(0.05);
  });

  it('OLS is biased upward in labour on this panel (labour responds to productivity)', () => {
    expect(fitProduction(data('lnm'), 'ols').beta[0]).toBeGreaterThan(0.9);
  });

  it('bootstrap SEs are reproducible with the same seed and positive', () => {
    const a = bootstrapSe(data('lnm'), 'lp', 3, 5, seedrandom('1'));
    const b = bootstrapSe(data('lnm'), 'lp', 3, 5, seedrandom('1'));
    expect(a).toEqual(b);
    expect(a.every((v) => v > 0)).toBe(true);
  });
});

describe('building blocks', () => {
  it('polynomial terms: all monomials up to the degree, constant first', () => {
    expect(monomials(2, 3)).toHaveLength(10);
    expect(monomials(3, 3)).toHaveLength(20);
    expect(polynomialTerms([[2, 3]], 2)).toEqual([[1, 2, 3, 4, 6, 9]]);
  });

  it('lags find the same firm one period earlier', () => {
    expect(lagIndex({ firm: ['a', 'a', 'b', 'a'], time: [1, 2, 2, 4] })).toEqual([-1, 0, -1, -1]);
  });

  it('optimisers find known minima', () => {
    expect(brentMinimise((x) => (x - 0.3) ** 2 + 1, -1, 1)).toBeCloseTo(0.3, 7);
    const [a, b] = nelderMead(([p, q]) => (p - 1) ** 2 + 10 * (q + 2) ** 2, [0, 0]).x;
    expect(a).toBeCloseTo(1, 6);
    expect(b).toBeCloseTo(-2, 6);
  });
});
