import { describe, expect, it } from 'vitest';
import { betaConvergence, sigmaConvergence } from '../../src/core/analysis/convergence.ts';
import type { UnitTimeMatrix } from '../../src/core/analysis/markov.ts';
import { XinzhiError } from '../../src/core/errors.ts';
import { close, fixture, panelRows } from './spatial-helpers.ts';

const plm = fixture('regression_plm.json') as Array<Record<string, any>>;
const sm = fixture('regression_statsmodels.json') as Array<Record<string, any>>;
const ref = fixture('markov_sigma_numpy.json');
const years: number[] = ref.years;
// plm sorts provinces alphabetically; cluster structure does not depend on order.
const units = [...new Set(panelRows.map((r) => String(r.Province)))];
const colName = (dotted: string) => Object.keys(panelRows[0]).find((k) => k.replace(/[^A-Za-z0-9]/g, '.') === dotted)!;

function matrix(column: string, drop: Array<[string, number]> = []): UnitTimeMatrix {
  return {
    units,
    times: years,
    y: years.map((yr) =>
      Float64Array.from(units, (u) =>
        drop.some(([p, t]) => p === u && t === yr)
          ? NaN
          : Number(panelRows.find((r) => r.Province === u && r.Year === yr)![column]),
      ),
    ),
  };
}
const DROP: Array<[string, number]> = [
  ['Beijing', 2016],
  ['Tibet', 2013],
  ['Hainan', 2022],
];

describe('β-convergence against plm (vcovHC sss = CR1, HC1) and statsmodels cluster', () => {
  for (const c of plm) {
    it(c.name, () => {
      const controls = (c.controls as string[]).filter(Boolean);
      const drop = c.name.includes('unbalanced') ? DROP : [];
      const value = colName(c.value);
      const ctl = Object.fromEntries(controls.map((k) => [k, matrix(colName(k), drop)]));
      for (const [adj, key] of [
        ['CR1', 'sss'],
        ['HC1', 'HC1'],
      ] as const) {
        const b = betaConvergence(matrix(value, drop), {
          model: c.model === 'pooling' ? 'pooled' : 'twoways',
          controls: ctl,
          smallSample: adj,
        });
        const r = b.regression;
        expect(r.n).toBe(c.n);
        expect(r.clusters).toBe(c.G);
        r.coefficients.forEach((coef, j) => {
          expect(close(coef.estimate, c.coef[j]), `${coef.name} coef ${coef.estimate} vs ${c.coef[j]}`).toBe(true);
          expect(close(coef.se, c[key].se[j]), `${coef.name} ${adj} se ${coef.se} vs ${c[key].se[j]}`).toBe(true);
          expect(close(coef.t, c[key].t[j])).toBe(true);
          expect(close(coef.p, c[key].p[j])).toBe(true);
        });
        expect(close(r.rSquared, c.r2), `R² ${r.rSquared} vs ${c.r2}`).toBe(true);
      }
      const s = sm.find((x) => x.name === c.name);
      if (s) {
        const b = betaConvergence(matrix(value), {
          model: c.model === 'pooling' ? 'pooled' : 'twoways',
          controls: Object.fromEntries(controls.map((k) => [k, matrix(colName(k))])),
        });
        b.regression.coefficients.forEach((coef, j) => {
          expect(close(coef.se, s.se[j])).toBe(true);
          expect(close(coef.p, s.p[j])).toBe(true);
        });
      }
    });
  }

  it('speed and half-life: λ = −ln(1 + β)/T, half-life = ln 2/λ', () => {
    const b = betaConvergence(matrix(colName('Economic.Development.Level')), { model: 'twoways' });
    expect(b.span).toBe(1);
    expect(b.speed).toBeCloseTo(-Math.log(1 + b.beta), 15);
    expect(b.halfLife).toBeCloseTo(Math.log(2) / b.speed, 12);
    expect(b.converging).toBe(b.beta < 0);
  });

  it('the estimate presets: "stata" and "lsdv" rescale plm\'s sss standard errors by (N − K)/(N − K′) (two-way, balanced)', () => {
    for (const c of plm.filter((x) => x.model === 'within' && !x.name.includes('unbalanced'))) {
      const controls = (c.controls as string[]).filter(Boolean);
      const ctl = Object.fromEntries(controls.map((k) => [k, matrix(colName(k))]));
      const T = years.length - 1; // growth steps per unit
      const slopes = c.coef.length;
      // Stata: the year effects are not nested in the unit clusters (T − 1 of them, plus the constant);
      // LSDV: every unit and year dummy (G + T − 1)
      for (const [preset, K] of [
        ['stata', slopes + T],
        ['lsdv', slopes + c.G + T - 1],
      ] as const) {
        const b = betaConvergence(matrix(colName(c.value)), { model: 'twoways', controls: ctl, smallSample: preset });
        b.regression.coefficients.forEach((coef, j) => {
          const expected = c.sss.se[j] * Math.sqrt((c.n - slopes) / (c.n - K));
          expect(close(coef.se, expected), `${preset} ${coef.name} ${coef.se} vs ${expected}`).toBe(true);
        });
      }
    }
  });

  it('non-positive values are an error naming unit, time and column', () => {
    const m = matrix(colName('Economic.Development.Level'));
    m.y[3][5] = 0;
    try {
      betaConvergence(m, { column: 'gdp', source: 'panel.csv' });
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(XinzhiError);
      const p = (e as XinzhiError).problems[0];
      expect([p.unit, p.time, p.column, p.file]).toEqual([units[5], years[3], 'gdp', 'panel.csv']);
    }
  });
});

describe('σ-convergence against NumPy (ddof = 1, np.polyfit)', () => {
  for (const s of ref.sigma) {
    it(`${s.column}${s.log ? ' (log)' : ''}`, () => {
      const r = sigmaConvergence(matrix(s.column), { log: s.log });
      r.rows.forEach((row, t) => {
        expect(close(row.mean, s.mean[t])).toBe(true);
        expect(close(row.sd, s.sd[t])).toBe(true);
        expect(close(row.cv, s.cv[t])).toBe(true);
      });
      expect(close(r.slopeSd, s.slopeSd)).toBe(true);
      expect(close(r.slopeCv, s.slopeCv)).toBe(true);
    });
  }
});
