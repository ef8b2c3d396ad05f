/**
 * Spatial panel models (SDM, SAR, SEM; unit, time and two-way FE) against R:
 * spatialreg lagsarlm / errorsarlm / impacts and spdep lm.LMtests on the
 * within-transformed province panel with queen contiguity, and the same
 * estimator written by hand in R with a tight optimiser tolerance
 * (test/reference/estimate/sdm_reference.R → fixtures/sdm.json).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { edgeListWeights } from '../../src/core/analysis/spatial-weights.ts';
import { estimateSpatialPanel, type SpatialPanelData } from '../../src/core/estimate/sdm.ts';
import { XinzhiError } from '../../src/core/errors.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/estimate/fixtures/sdm.json', import.meta.url), 'utf8'));
const lines = readFileSync(new URL('../../data/province-panel/province_panel_2013_2022.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n');
const header = lines[0].split(',');
const rows = lines.slice(1).map((l) => l.split(','));
const col = (name: string) => rows.map((r) => Number(r[header.indexOf(name)]));
const edges = readFileSync(new URL('../reference/analysis/fixtures/queen31_edges.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => {
    const [from, to] = l.split(',');
    return { from, to };
  });
const units: string[] = fx.units;
const weights = edgeListWeights(units, edges);
const data: SpatialPanelData = {
  y: col(fx.y),
  x: Object.fromEntries((fx.x as string[]).map((k) => [k, col(k)])),
  unit: rows.map((r) => r[header.indexOf('Province')]),
  time: col('Year'),
  weights,
};
const xs: string[] = fx.x;
const terms = [...xs, ...xs.map((k) => `W*${k}`)];

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
function close(actual: number, expected: number, tol: number) {
  expect(rel(actual, expected), `${actual} vs ${expected}`).toBeLessThan(tol);
}

describe.each(['unit', 'time', 'both'] as const)('spatial Durbin model, %s fixed effects', (fe) => {
  const hand = fx[fe].hand;
  const sr = fx[fe].spatialreg;
  const sdm = estimateSpatialPanel(data, { type: 'sdm', fe, info: 'observed', draws: 2000, seed: 7 });
  const sdmExp = estimateSpatialPanel(data, { type: 'sdm', fe, info: 'expected', draws: 0 });

  it('finds ρ, β, θ, σ² and the log-likelihood of the hand-written R estimator (optimize tol 1e-14)', () => {
    close(sdm.rho!.estimate, hand.rho, 1e-8);
    terms.forEach((t, j) => close(sdm.coefficients[t].estimate, hand.beta[j], 1e-8));
    close(sdm.sigma2, hand.sigma2, 1e-9);
    close(sdm.logLik, hand.logLik, 1e-12);
    expect(sdm.interval[0]).toBeCloseTo(fx.interval[0], 10);
    expect(sdm.interval[1]).toBeCloseTo(fx.interval[1], 10);
  });

  it('agrees with spatialreg lagsarlm(Durbin = TRUE) to its optimiser tolerance (~1e-6)', () => {
    close(sdm.rho!.estimate, sr.rho, 1e-6);
    terms.forEach((t, j) => close(sdm.coefficients[t].estimate, sr.beta[j], 1e-6));
    close(sdm.logLik, sr.logLik, 1e-12);
    // lagsarlm's asymptotic standard errors are the expected-information form
    terms.forEach((t, j) => close(sdmExp.coefficients[t].se, sr.beta_se[j], 1e-6));
  });

  it('gives the observed- and expected-information standard errors of the R formulas', () => {
    terms.forEach((t, j) => close(sdm.coefficients[t].se, hand.se_observed[j], 1e-7));
    close(sdm.rho!.se, hand.se_observed[terms.length], 1e-7);
    terms.forEach((t, j) => close(sdmExp.coefficients[t].se, hand.se_expected[j], 1e-7));
    close(sdmExp.rho!.se, hand.se_expected[terms.length], 1e-7);
    // the analytic observed information equals R's numerical Hessian (numDeriv) of the log-likelihood
    terms.forEach((t, j) => close(sdm.coefficients[t].se, hand.se_numeric_hessian[j], 1e-6));
  });

  it('computes the exact direct, indirect and total impacts of spatialreg::impacts', () => {
    xs.forEach((k, j) => {
      close(sdm.impacts!.direct[k].estimate, hand.direct[j], 1e-7);
      close(sdm.impacts!.indirect[k].estimate, hand.indirect[j], 1e-6);
      close(sdm.impacts!.total[k].estimate, hand.total[j], 1e-7);
      close(sdm.impacts!.direct[k].estimate, sr.direct[j], 1e-5);
      close(sdm.impacts!.total[k].estimate, sr.total[j], 1e-5);
    });
  });

  it('simulates impact standard errors near R (5,000 draws there, 2,000 here; distributions, not draws)', () => {
    xs.forEach((k, j) => {
      // R simulates with the expected-information vcov; compare that form within 10 %
      const e = estimateSpatialPanel(data, { type: 'sdm', fe, info: 'expected', draws: 2000, seed: 3 });
      expect(rel(e.impacts!.direct[k].se, sr.sim_se_direct[j])).toBeLessThan(0.1);
      expect(rel(e.impacts!.indirect[k].se, sr.sim_se_indirect[j])).toBeLessThan(0.1);
      expect(rel(e.impacts!.total[k].se, sr.sim_se_total[j])).toBeLessThan(0.1);
    });
    const again = estimateSpatialPanel(data, { type: 'sdm', fe, info: 'observed', draws: 2000, seed: 7 });
    expect(again.impacts).toEqual(sdm.impacts);
    expect(sdm.impacts!.draws).toBe(2000);
  });

  it('gives the LM tests of spdep lm.LMtests on the non-spatial FE model', () => {
    close(sdm.tests.lmError.statistic, sr.lm.LMerr, 1e-9);
    close(sdm.tests.lmLag.statistic, sr.lm.LMlag, 1e-9);
    close(sdm.tests.robustLmError.statistic, sr.lm.RLMerr, 1e-9);
    close(sdm.tests.robustLmLag.statistic, sr.lm.RLMlag, 1e-9);
  });

  it('gives the LR and Wald tests of SDM → SAR and SDM → SEM', () => {
    close(sdm.tests.lrSar!.statistic, hand.lrSar, 1e-7);
    close(sdm.tests.lrSem!.statistic, hand.lrSem, 1e-6);
    close(sdm.tests.waldSar!.statistic, hand.wald_observed.sar, 1e-7);
    close(sdm.tests.waldSem!.statistic, hand.wald_observed.sem, 1e-7);
    close(sdmExp.tests.waldSar!.statistic, hand.wald_expected.sar, 1e-7);
    close(sdmExp.tests.waldSem!.statistic, hand.wald_expected.sem, 1e-7);
    expect(sdm.tests.lrSar!.df).toBe(xs.length);
  });

  it('restricted to SAR and SEM gives lagsarlm and errorsarlm', () => {
    const sar = estimateSpatialPanel(data, { type: 'sar', fe, draws: 0 });
    close(sar.rho!.estimate, hand.sar_rho, 1e-8);
    close(sar.logLik, sr.sar_logLik, 1e-12);
    xs.forEach((k, j) => close(sar.coefficients[k].estimate, sr.sar_beta[j], 1e-6));
    const sem = estimateSpatialPanel(data, { type: 'sem', fe, info: 'expected' });
    close(sem.lambda!.estimate, hand.sem_lambda, 1e-6);
    close(sem.logLik, hand.sem_logLik, 1e-12);
    xs.forEach((k, j) => close(sem.coefficients[k].estimate, sr.sem_beta[j], 1e-5));
    xs.forEach((k, j) => close(sem.coefficients[k].se, sr.sem_beta_se[j], 1e-5));
    close(sem.lambda!.se, sr.sem_lambda_se, 1e-5);
  });

  if (fe !== 'time') {
    it('applies the Lee–Yu (2010) bias correction of the closed form', () => {
      const ly = estimateSpatialPanel(data, { type: 'sdm', fe, correction: 'lee-yu', draws: 0 });
      close(ly.rho!.estimate, hand.leeyu.rho, 1e-7);
      terms.forEach((t, j) => close(ly.coefficients[t].estimate, hand.leeyu.beta[j], 1e-7));
      close(ly.sigma2, hand.leeyu.sigma2, 1e-7);
      terms.forEach((t, j) => close(ly.coefficients[t].se, hand.leeyu.se[j], 1e-6));
      close(ly.rho!.se, hand.leeyu.se[terms.length], 1e-6);
      expect(ly.uncorrected!.rho).toBeCloseTo(sdm.rho!.estimate, 12);
      expect(ly.options.info).toBe('expected');
    });
  }
});

describe('spatial panel models: degenerate inputs', () => {
  const bad = (f: () => unknown, code: string) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(XinzhiError);
      expect((e as XinzhiError).problems[0].code).toBe(code);
      return (e as XinzhiError).problems[0];
    }
    throw new Error('no error');
  };

  it('rejects an unbalanced panel, naming the missing unit-period', () => {
    const keep = Array.from(data.unit).map((u, r) => !(u === 'Beijing' && data.time[r] === 2015));
    const sub = <T>(a: ArrayLike<T>) => Array.from(a).filter((_, r) => keep[r]);
    const p = bad(
      () =>
        estimateSpatialPanel(
          {
            ...data,
            y: sub(data.y),
            x: Object.fromEntries(Object.entries(data.x).map(([k, v]) => [k, sub(v)])),
            unit: sub(data.unit),
            time: sub(data.time),
          },
          { type: 'sdm', fe: 'unit' },
        ),
      'unbalanced-panel',
    );
    expect(p.message.en).toContain('Beijing @ 2015');
  });

  it('names units of the panel missing from the weights and vice versa', () => {
    const w = edgeListWeights(
      [...units.filter((u) => u !== 'Tibet'), 'Atlantis'],
      edges
        .filter((e) => e.from !== 'Tibet' && e.to !== 'Tibet')
        .concat([
          { from: 'Atlantis', to: 'Beijing' },
          { from: 'Beijing', to: 'Atlantis' },
        ]),
    );
    const p = bad(() => estimateSpatialPanel({ ...data, weights: w }, { type: 'sdm', fe: 'unit' }), 'spatial-units');
    expect(p.message.en).toContain('in the data but not in the weights: Tibet');
    expect(p.message.en).toContain('in the weights but not in the data: Atlantis');
    expect(p.message.zh).toContain('Atlantis');
  });

  it('rejects islands (zero rows cannot be row-standardised)', () => {
    const w = edgeListWeights(
      units,
      edges.filter((e) => e.from !== 'Hainan' && e.to !== 'Hainan'),
    );
    const p = bad(() => estimateSpatialPanel({ ...data, weights: w }, { type: 'sdm', fe: 'unit' }), 'spatial-islands');
    expect(p.message.en).toContain('Hainan');
  });

  it('rejects the Lee–Yu correction with time fixed effects only', () => {
    bad(() => estimateSpatialPanel(data, { type: 'sdm', fe: 'time', correction: 'lee-yu' }), 'estimate-model');
  });
});

describe('spatial Durbin model with non-symmetric weights (complex eigenvalues)', () => {
  const asym = fx.asymmetric;
  const links = (asym.links as Array<[string, string]>).map(([from, to]) => ({ from, to }));
  const w = edgeListWeights(units, [...edges, ...links]);
  const fit = estimateSpatialPanel({ ...data, weights: w }, { type: 'sdm', fe: 'unit', info: 'expected', draws: 0 });

  it('agrees with lagsarlm(method = "eigen"): ρ, β, θ, log-likelihood, standard errors, interval', () => {
    expect(asym.complex).toBe(true);
    close(fit.rho!.estimate, asym.rho, 1e-6);
    terms.forEach((t, j) => close(fit.coefficients[t].estimate, asym.beta[j], 1e-6));
    terms.forEach((t, j) => close(fit.coefficients[t].se, asym.beta_se[j], 1e-6));
    close(fit.logLik, asym.logLik, 1e-12);
    close(fit.interval[0], asym.interval[0], 1e-12);
  });

  it('gives the impacts of spatialreg::impacts and the LM tests of spdep', () => {
    xs.forEach((k, j) => {
      close(fit.impacts!.direct[k].estimate, asym.direct[j], 1e-5);
      close(fit.impacts!.total[k].estimate, asym.total[j], 1e-5);
    });
    close(fit.tests.lmLag.statistic, asym.lm.LMlag, 1e-9);
    close(fit.tests.robustLmError.statistic, asym.lm.RLMerr, 1e-9);
  });
});
