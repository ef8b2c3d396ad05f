/**
 * Olley–Pakes with the exit (survival) correction and several state variables,
 * against the independent implementation in
 * test/reference/tfp/firm_exit_reference.py (statsmodels Probit / Logit,
 * numpy least squares, scipy.optimize) on data/tfp/firm-exit-panel.csv
 * (300 firms, exits by OP's threshold rule; β_l = 0.6, β_k = 0.3, β_age = 0.02).
 *
 * Tolerances: the survival model is a smooth maximum found by Newton in both
 * implementations — log-likelihood to 1e-10 (relative), fitted probabilities
 * to 1e-8. Stage 2 of op / lp minimises a sum of squares whose minimum can be
 * located only to about √ε·scale (a flat valley: f(β) − f* ≈ c·(β − β*)²), so
 * the same algorithm from the same start (grid + Brent; Nelder–Mead from the
 * OLS estimates) agrees to 1e-6 (observed ≤ 2e-7). ACF's moment criterion
 * reaches 0 at a sharp minimum: 1e-9. Bootstrap SEs are checked by their
 * properties only (seeded reproducibility, positivity, the spread of the
 * replications).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { XinzhiError } from '../../src/core/errors.ts';
import { bootstrapFit, fitProduction, type FirmData } from '../../src/core/tfp/firm/estimators.ts';
import { checkFirmModel, type FirmModel } from '../../src/core/tfp/firm/model.ts';
import { polynomialTerms } from '../../src/core/tfp/firm/polynomial.ts';
import { runFirm } from '../../src/core/tfp/firm/run.ts';
import { fitBinary, inferExit, type SurvivalLink } from '../../src/core/tfp/firm/survival.ts';
import type { Panel } from '../../src/core/panel/types.ts';
import { normalCdf } from '../../src/core/stats/distributions.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/tfp/fixtures/firm-exit.json', import.meta.url), 'utf8'));
const d = fx.data;
const N = d.firm.length;

function data(state: string[], proxy: 'lni' | 'lnm', link?: SurvivalLink, exit: number[] = d.exit): FirmData {
  return {
    firm: d.firm,
    time: d.year,
    y: d.lny,
    free: d.lnl.map((v: number) => [v]),
    state: d.lnk.map((_: number, r: number) => state.map((c) => d[c][r])),
    proxy: d[proxy],
    ...(link ? { survival: { exit, link } } : {}),
  };
}

function close(actual: number[], expected: number[], tol: number): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, j) =>
    expect(Math.abs(a - expected[j]), `element ${j}: ${a} vs ${expected[j]}`).toBeLessThanOrEqual(
      tol * Math.max(1, Math.abs(expected[j])),
    ),
  );
}

/** Fitted survival probabilities from γ̂ on xinzhi's own term order. */
function probabilities(gamma: number[], state: string[], proxy: string, link: SurvivalLink): number[] {
  const terms = polynomialTerms(
    d.lnk.map((_: number, r: number) => [...state.map((c) => d[c][r]), d[proxy][r]]),
    3,
  );
  return terms.map((row) => {
    const z = row.reduce((a, v, j) => a + v * gamma[j], 0);
    return link === 'logit' ? 1 / (1 + Math.exp(-z)) : normalCdf(z);
  });
}

function panelOf(extra: Record<string, number[]> = {}, rows = N): Panel {
  const columns: Record<string, Float64Array> = {};
  for (const c of ['lny', 'lnl', 'lnk', 'age', 'lnm', 'lni', 'exit'])
    columns[c] = Float64Array.from(d[c].slice(0, rows));
  for (const [c, v] of Object.entries(extra)) columns[c] = Float64Array.from(v);
  return {
    unitKey: 'firm',
    timeKey: 'year',
    unit: d.firm.slice(0, rows),
    time: d.year.slice(0, rows),
    columns,
    source: 'firm-exit-panel.csv',
    sourceRow: Array.from({ length: rows }, (_, r) => r + 2),
  };
}

function model(raw: Record<string, unknown>): FirmModel {
  const base = { unit: 'firm', time: 'year', output: 'lny', free: ['lnl'], bootstrap: 0 };
  const { model: m, problems } = checkFirmModel({ ...base, ...raw }, 'm.json');
  if (!m) throw new XinzhiError(problems);
  return m;
}

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof XinzhiError) return e.problems[0].code;
    throw e;
  }
  return undefined;
}

describe('survival model (probit / logit of surviving to t + 1)', () => {
  it('the panel has exits, and the inferred exits equal the CSV column', () => {
    expect(inferExit(d.firm, d.year)).toEqual(d.exit);
    expect(d.exit.reduce((a: number, v: number) => a + v, 0)).toBe(118);
  });

  for (const [key, link] of [
    ['op_exit', 'probit'],
    ['op_exit_logit', 'logit'],
  ] as const) {
    it(`${link}: log-likelihood and fitted probabilities match statsmodels ${link === 'probit' ? 'Probit' : 'Logit'}`, () => {
      const sv = fitProduction(data(['lnk', 'age'], 'lni', link), 'op').survival;
      if (!sv) throw new Error('no survival model');
      expect(sv.rows).toBe(fx[key].survival.rows);
      expect(sv.exits).toBe(fx[key].survival.exits);
      expect(Math.abs(sv.logLik - fx[key].survival.logLik)).toBeLessThan(1e-10 * Math.abs(fx[key].survival.logLik));
      const p = probabilities(sv.coefficients, ['lnk', 'age'], 'lni', link);
      p.forEach((v, r) => expect(Math.abs(v - fx[key].survival.probability[r])).toBeLessThan(1e-8));
    });
  }

  it('perfect prediction has no maximum-likelihood estimate: an error, as statsmodels gives no finite likelihood', () => {
    expect(fx.separation.llf).toBeNull();
    const step = d.lnk.map((k: number) => (k < fx.separation.threshold ? 1 : 0));
    expect(codeOf(() => fitProduction(data(['lnk', 'age'], 'lni', 'probit', step), 'op'))).toBe('firm-exit-separation');
    expect(
      codeOf(() =>
        fitBinary(
          [
            [1, 0],
            [1, 1],
            [1, 2],
            [1, 3],
          ],
          [0, 0, 1, 1],
          'probit',
        ),
      ),
    ).toBe('firm-exit-separation');
    expect(
      codeOf(() =>
        fitBinary(
          [
            [1, 0],
            [1, 1],
            [1, 2],
            [1, 3],
          ],
          [0, 0, 1, 1],
          'logit',
        ),
      ),
    ).toBe('firm-exit-separation');
  });

  it('quasi-complete separation (some firm-years predicted with certainty) is maximised numerically, as statsmodels', () => {
    const q = fx.quasi_separation;
    const exit = d.exit.map((e: number, r: number) => (d.lnk[r] < q.threshold ? 1 : e));
    const sv = fitProduction(data(['lnk', 'age'], 'lni', 'probit', exit), 'op').survival;
    expect(sv?.exits).toBe(q.exits);
    expect(Math.abs((sv?.logLik ?? 0) - q.logLik)).toBeLessThan(1e-10 * Math.abs(q.logLik));
  });

  it('a small probit with overlap has a finite maximum (score zero there)', () => {
    const X = [0, 1, 2, 3, 4, 5].map((x) => [1, x]);
    const y = [0, 1, 0, 1, 1, 0].map((v, i) => (i < 5 ? v : 1));
    const fit = fitBinary(X, y, 'probit');
    const h = 1e-6;
    const ll = (g: number[]) =>
      X.reduce((a, x, i) => {
        const p = normalCdf(x[0] * g[0] + x[1] * g[1]);
        return a + Math.log(y[i] ? p : 1 - p);
      }, 0);
    for (let j = 0; j < 2; j++) {
      const up = fit.coefficients.map((v, k) => (k === j ? v + h : v));
      const down = fit.coefficients.map((v, k) => (k === j ? v - h : v));
      expect(Math.abs((ll(up) - ll(down)) / (2 * h))).toBeLessThan(1e-6);
    }
  });
});

describe('OP / LP with the exit correction match the reference', () => {
  it('OP, states (ln k, age), probit', { timeout: 60_000 }, () => {
    close(fitProduction(data(['lnk', 'age'], 'lni', 'probit'), 'op').beta, fx.op_exit.beta, 1e-6);
  });

  it('OP, states (ln k, age), logit', { timeout: 60_000 }, () => {
    close(fitProduction(data(['lnk', 'age'], 'lni', 'logit'), 'op').beta, fx.op_exit_logit.beta, 1e-6);
  });

  it('OP, one state (ln k), probit: grid + Brent', { timeout: 60_000 }, () => {
    close(fitProduction(data(['lnk'], 'lni', 'probit'), 'op').beta, fx.op_exit_k.beta, 1e-6);
  });

  it('LP, states (ln k, age), probit', { timeout: 60_000 }, () => {
    close(fitProduction(data(['lnk', 'age'], 'lnm', 'probit'), 'lp').beta, fx.lp_exit.beta, 1e-6);
  });

  it('the correction removes most of the selection bias in β_k on this panel (truth 0.3)', { timeout: 60_000 }, () => {
    const corrected = fitProduction(data(['lnk', 'age'], 'lni', 'probit'), 'op').beta;
    const plain = fitProduction(data(['lnk', 'age'], 'lni'), 'op').beta;
    expect(Math.abs(corrected[1] - 0.3)).toBeLessThan(0.02);
    expect(plain[1]).toBeLessThan(0.2);
  });
});

describe('several state variables without the exit correction match the reference', () => {
  it('OP, one state (ln k)', { timeout: 60_000 }, () => {
    close(fitProduction(data(['lnk'], 'lni'), 'op').beta, fx.op_k.beta, 1e-6);
  });

  it('OP, states (ln k, age): Nelder–Mead from OLS', { timeout: 60_000 }, () => {
    close(fitProduction(data(['lnk', 'age'], 'lni'), 'op').beta, fx.op_multi.beta, 1e-6);
  });

  it('LP, states (ln k, age)', { timeout: 60_000 }, () => {
    close(fitProduction(data(['lnk', 'age'], 'lnm'), 'lp').beta, fx.lp_multi.beta, 1e-6);
  });

  it('ACF, states (ln k, age): moments z = [k_t, age_t, l_{t−1}]', { timeout: 60_000 }, () => {
    close(fitProduction(data(['lnk', 'age'], 'lnm'), 'acf').beta, fx.acf_multi.beta, 1e-9);
  });
});

describe('the run: exit from a column or read off the panel', () => {
  it('"exit": "infer" and "exit": "exit" (the same exits) give the same estimates', { timeout: 60_000 }, () => {
    const a = runFirm(panelOf(), model({ type: 'op', state: ['lnk'], proxy: 'lni', exit: 'infer' }));
    const b = runFirm(panelOf(), model({ type: 'op', state: ['lnk'], proxy: 'lni', exit: 'exit' }));
    expect(a.coefficients).toEqual(b.coefficients);
    expect(a.survival?.link).toBe('probit');
    expect(a.survival?.exits).toBe(118);
    expect(Math.abs(a.coefficients.lnk.estimate - fx.op_exit_k.beta[1])).toBeLessThan(1e-6);
  });

  it('no exit at all: not identified, an error (never a silent run without the correction)', () => {
    const m = model({ type: 'op', state: ['lnk'], proxy: 'lni', exit: 'exit' });
    const none = panelOf({ exit: new Array(N).fill(0) });
    expect(codeOf(() => runFirm(none, m))).toBe('firm-exit-none');
    // A panel where every firm is present in the last period: nothing to infer.
    const lastYear = Math.max(...d.year);
    const keep = d.firm.map((f: string) => d.year.some((t: number, r: number) => d.firm[r] === f && t === lastYear));
    const rows = d.firm.map((_: string, r: number) => r).filter((r: number) => keep[r]);
    const balanced: Panel = {
      ...panelOf(),
      unit: rows.map((r: number) => d.firm[r]),
      time: rows.map((r: number) => d.year[r]),
      columns: Object.fromEntries(
        ['lny', 'lnl', 'lnk', 'age', 'lnm', 'lni'].map((c) => [c, Float64Array.from(rows, (r: number) => d[c][r])]),
      ),
      sourceRow: rows.map((r: number) => r + 2),
    };
    expect(codeOf(() => runFirm(balanced, model({ type: 'op', state: ['lnk'], proxy: 'lni', exit: 'infer' })))).toBe(
      'firm-exit-none',
    );
  });

  it('every observation in the survival sample exits: not identified, an error', () => {
    const end = Math.max(...d.year);
    const all = data(
      ['lnk'],
      'lni',
      'probit',
      d.year.map((t: number) => (t < end ? 1 : 0)),
    );
    expect(codeOf(() => fitProduction(all, 'op'))).toBe('firm-exit-all');
  });

  it('every firm exits (each in its own last year): identified and estimated', { timeout: 60_000 }, () => {
    const last = new Map<string, number>();
    d.firm.forEach((f: string, r: number) => last.set(f, Math.max(last.get(f) ?? 0, d.year[r])));
    const everyone = d.firm.map((f: string, r: number) => (d.year[r] === last.get(f) ? 1 : 0));
    const r = runFirm(panelOf({ exit: everyone }), model({ type: 'op', state: ['lnk'], proxy: 'lni', exit: 'exit' }));
    // Exits in the panel's last year are outside the survival sample (their next year is not observed).
    expect(r.survival?.exits).toBe(118);
    expect(Number.isFinite(r.coefficients.lnk.estimate)).toBe(true);
  });

  it('a bad exit column is an error naming row and column', () => {
    const m = model({ type: 'op', state: ['lnk'], proxy: 'lni', exit: 'exit' });
    const two = [...d.exit];
    two[5] = 2;
    const err = (() => {
      try {
        runFirm(panelOf({ exit: two }), m);
      } catch (e) {
        return e as XinzhiError;
      }
    })();
    expect(err?.problems[0]).toMatchObject({ code: 'firm-exit-value', row: 7, column: 'exit' });
    const early = new Array(N).fill(0);
    early[0] = 1; // F001's first year, but F001 is observed later
    expect(codeOf(() => runFirm(panelOf({ exit: early }), m))).toBe('firm-exit-not-last');
  });

  it('model checks: exit only for op / lp; survival is probit or logit and needs exit', () => {
    const check = (raw: Record<string, unknown>) =>
      checkFirmModel({ unit: 'firm', time: 'year', output: 'lny', free: ['lnl'], state: ['lnk'], ...raw }, 'm.json')
        .problems;
    expect(check({ type: 'acf', proxy: 'lnm', exit: 'infer' })[0]).toMatchObject({
      code: 'firm-exit-estimator',
      column: 'exit',
    });
    expect(check({ type: 'ols', exit: 'infer' })[0].code).toBe('firm-exit-estimator');
    expect(check({ type: 'op', proxy: 'lni', survival: 'logit' })[0].column).toBe('survival');
    expect(check({ type: 'op', proxy: 'lni', exit: 'infer', survival: 'cloglog' })[0].column).toBe('survival');
    expect(check({ type: 'op', proxy: 'lni', exit: 'lnk' })[0].code).toBe('tfp-duplicate-variable');
    // ols / fe take neither a proxy nor bootstrap replications; op / lp / acf need a proxy, 50 replications by default
    expect(check({ type: 'fe', proxy: 'lnm' })[0].column).toBe('proxy');
    expect(check({ type: 'ols', bootstrap: 50 })[0].column).toBe('bootstrap');
    expect(check({ type: 'ols', bootstrap: 0 })).toEqual([]);
    const base = { unit: 'firm', time: 'year', output: 'lny', free: ['lnl'], state: ['lnk'] };
    expect(checkFirmModel({ ...base, type: 'op', proxy: 'lni' }, 'm.json').model?.bootstrap).toBe(50);
    expect(checkFirmModel({ ...base, type: 'acf' }, 'm.json').problems[0]).toMatchObject({ column: 'proxy' });
    const m = checkFirmModel(
      { type: 'op', unit: 'firm', time: 'year', output: 'lny', free: ['lnl'], state: ['lnk'], proxy: 'lni' },
      'm.json',
    ).model;
    expect(m?.exit).toBeNull();
    expect(m?.survival).toBeNull();
    expect(model({ type: 'op', state: ['lnk'], proxy: 'lni', exit: 'infer' }).survival).toBe('probit');
  });
});

describe('bootstrap with the exit correction (properties only)', () => {
  // The first 100 firms keep the test fast; one state (grid + Brent).
  const rows = d.firm.indexOf('F101');
  const sub: FirmData = {
    ...data(['lnk'], 'lni', 'probit'),
    firm: d.firm.slice(0, rows),
    time: d.year.slice(0, rows),
    y: d.lny.slice(0, rows),
    free: d.lnl.slice(0, rows).map((v: number) => [v]),
    state: d.lnk.slice(0, rows).map((v: number) => [v]),
    proxy: d.lni.slice(0, rows),
    survival: { exit: d.exit.slice(0, rows), link: 'probit' },
  };

  it('seeded: the same seed gives the same SEs; positive, finite, replications centred on the estimate', {
    timeout: 120_000,
  }, () => {
    const a = bootstrapFit(sub, 'op', 3, 8, seedrandom('3'));
    const b = bootstrapFit(sub, 'op', 3, 8, seedrandom('3'));
    expect(a).toEqual(b);
    expect(a.se.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
    // The SE of a coefficient estimated on ~700 observations is far below the coefficient's own scale.
    expect(a.se[1]).toBeLessThan(0.3);
    // The replications scatter around the point estimate: their mean is within one SE of it.
    const point = fitProduction(sub, 'op').beta;
    point.forEach((b, j) => {
      const mean = a.draws.reduce((acc, draw) => acc + draw[j], 0) / a.draws.length;
      expect(Math.abs(mean - b)).toBeLessThan(a.se[j]);
    });
  });

  it('replications that cannot be estimated are skipped and counted, not fatal; none left gives NaN SEs', () => {
    // No exit anywhere: every replication meets "not identified".
    const none: FirmData = { ...sub, survival: { exit: new Array(rows).fill(0), link: 'probit' } };
    const r = bootstrapFit(none, 'op', 3, 3, seedrandom('1'));
    expect(r.failed).toBe(3);
    expect(r.se.every(Number.isNaN)).toBe(true);
  });
});

describe('xinzhi tfp with "exit"', () => {
  it('--json carries survival {link, rows, exits, logLik, coefficients} and bootstrapFailed', {
    timeout: 120_000,
  }, () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const file = join(mkdtempSync(join(tmpdir(), 'xinzhi-op-exit-')), 'op.json');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'op',
        unit: 'firm',
        time: 'year',
        output: 'lny',
        free: ['lnl'],
        state: ['lnk', 'age'],
        proxy: 'lni',
        exit: 'exit',
        bootstrap: 0,
      }),
    );
    const r = spawnSync(
      process.execPath,
      [`${root}bin/xinzhi.js`, 'tfp', '--data', 'data/tfp/firm-exit-panel.csv', '--model', file, '--json'],
      { encoding: 'utf8', cwd: root, maxBuffer: 64 << 20 },
    );
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.model).toMatchObject({ exit: 'exit', survival: 'probit', state: ['lnk', 'age'] });
    expect(Object.keys(doc.survival)).toEqual(['link', 'rows', 'exits', 'logLik', 'coefficients']);
    expect(doc.survival).toMatchObject({ link: 'probit', rows: 1873, exits: 118 });
    expect(doc.bootstrapFailed).toBe(0);
    close(
      ['lnl', 'lnk', 'age'].map((c) => doc.coefficients[c].estimate),
      fx.op_exit.beta,
      1e-6,
    );
  });
});
