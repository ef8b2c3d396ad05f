/**
 * Panel threshold model (Hansen 1999) against an independent NumPy implementation
 * that refits every candidate from scratch (test/reference/estimate/threshold_reference.py):
 * plm's Produc (log gsp on log pcap by regime of unemp, controls log pc and log emp) and
 * a simulated panel with thresholds at 3 and 7 (threshold-sim.csv). The bootstrap is
 * checked by its properties (seeded; p ≈ uniform without a threshold, ≈ 0 with one).
 */
import { readFileSync } from 'node:fs';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { XinzhiError } from '../../src/core/errors.ts';
import {
  estimateThreshold,
  lrCritical,
  type ThresholdData,
  type ThresholdOptions,
} from '../../src/core/estimate/threshold.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/estimate/fixtures/threshold.json', import.meta.url), 'utf8'));

function csv(name: string): Record<string, string[]> {
  const [head, ...lines] = readFileSync(new URL(`../reference/estimate/${name}`, import.meta.url), 'utf8')
    .trim()
    .split('\n');
  const keys = head.split(',').map((k) => k.replace(/"/g, ''));
  const cols: Record<string, string[]> = Object.fromEntries(keys.map((k) => [k, []]));
  for (const l of lines) l.split(',').forEach((v, j) => cols[keys[j]].push(v.replace(/"/g, '')));
  return cols;
}
const num = (v: string[]) => v.map(Number);
const log = (v: string[]) => v.map((s) => Math.log(Number(s)));

const P = csv('produc.csv');
const produc: ThresholdData = {
  y: log(P.gsp),
  x: { pcap: log(P.pcap) },
  controls: { pc: log(P.pc), emp: log(P.emp) },
  q: num(P.unemp),
  unit: P.state,
  time: num(P.year),
  cluster: P.state,
};
const S = csv('threshold-sim.csv');
const sim: ThresholdData = {
  y: num(S.y),
  x: { x: num(S.x) },
  controls: { c: num(S.c) },
  q: num(S.q),
  unit: S.unit,
  time: num(S.year),
  cluster: S.unit,
};

const base: ThresholdOptions = {
  thresholds: 1,
  trim: [0.01],
  grid: 'all',
  convention: 'le',
  timeEffects: false,
  bootstrap: [0],
  seed: 1,
  level: 0.95,
  se: 'cluster',
  preset: 'stata',
};
const close = (a: number, b: number, rel = 1e-9) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(Math.abs(b), 1e-300));

const cases: [string, ThresholdData, Partial<ThresholdOptions>][] = [
  ['produc_single', produc, {}],
  ['produc_triple', produc, { thresholds: 3, trim: [0.01, 0.01, 0.01], se: 'iid' }],
  ['produc_double_lt', produc, { thresholds: 2, trim: [0.05, 0.05], convention: 'lt', se: 'hc1' }],
  ['sim_triple', sim, { thresholds: 3, trim: [0.01, 0.01, 0.01] }],
  ['sim_double_grid50', sim, { thresholds: 2, trim: [0.05, 0.05], grid: 50 }],
  ['sim_double_twoway', sim, { thresholds: 2, trim: [0.01, 0.01], timeEffects: true }],
];

describe('estimateThreshold equals the NumPy reference (every candidate refitted)', () => {
  for (const [name, data, opts] of cases) {
    it(`${name}: thresholds, SSRs, F, LR intervals, slopes and standard errors`, () => {
      const ref = fx[name];
      const r = estimateThreshold(data, { ...base, ...opts });
      expect(r.thresholds).toEqual(ref.thresholds);
      expect(r.steps.map((s) => s.step)).toEqual(ref.steps.map((s: { step: string }) => s.step));
      r.steps.forEach((s, k) => {
        const e = ref.steps[k];
        expect(s.estimate).toBe(e.estimate);
        close(s.ssr, e.ssr);
        expect(s.ci).toEqual(e.ci);
        expect(s.gamma).toEqual(e.gamma);
        // LR near zero is a difference of two SSRs: compared on the scale of the largest LR
        const scale = Math.max(...e.lr);
        s.lr.forEach((v, j) => expect(Math.abs(v - e.lr[j])).toBeLessThanOrEqual(1e-9 * scale));
      });
      r.tests.forEach((t, k) => {
        close(t.F, ref.tests[k].F);
        close(t.ssrNull, ref.tests[k].ssrNull);
        close(t.ssrAlt, ref.tests[k].ssrAlt);
      });
      close(r.ssr, ref.ssr);
      const coefs = Object.values(r.coefficients);
      coefs.forEach((c, j) => {
        close(c.estimate, ref.estimates[j]);
        close(c.se, ref.se_values[j]);
      });
      expect(r.regimes.map((g) => g.n)).toEqual(ref.regimeN);
    });
  }
  it('coefficient names: each regime of x, then the controls', () => {
    const r = estimateThreshold(produc, { ...base, thresholds: 2, trim: [0.01, 0.01] });
    expect(Object.keys(r.coefficients)).toEqual(['pcap[1]', 'pcap[2]', 'pcap[3]', 'pc', 'emp']);
    expect(r.regimes[0].label).toBe(`q ≤ ${r.thresholds[0]}`);
    expect(r.regimes[1].label).toBe(`${r.thresholds[0]} < q ≤ ${r.thresholds[1]}`);
    expect(r.regimes[2].label).toBe(`q > ${r.thresholds[1]}`);
  });
  it('c(α) = −2 ln(1 − √(1 − α)): 7.35 at 95 % (Hansen 1999, Table 1)', () => {
    close(lrCritical(0.95), -2 * Math.log(1 - Math.sqrt(0.95)), 1e-15);
    expect(lrCritical(0.95).toFixed(2)).toBe('7.35');
  });
});

/** A balanced panel without a threshold (β = 1 everywhere) or with a strong one. */
function simulated(seed: string, jump: number, n = 30, T = 10): ThresholdData {
  const rng = seedrandom(seed);
  const z = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const y: number[] = [];
  const x: number[] = [];
  const q: number[] = [];
  const unit: number[] = [];
  const time: number[] = [];
  for (let i = 0; i < n; i++) {
    const mu = z();
    for (let t = 0; t < T; t++) {
      const xi = z();
      const qi = rng() * 10;
      x.push(xi);
      q.push(qi);
      y.push(mu + (qi <= 5 ? 1 : 1 + jump) * xi + z());
      unit.push(i);
      time.push(t);
    }
  }
  return { y, x: { x }, controls: {}, q, unit, time, cluster: unit };
}

describe('fixed-regressor bootstrap', () => {
  it('same seed, same numbers; another seed, other draws', () => {
    const d = simulated('a', 0);
    const a = estimateThreshold(d, { ...base, bootstrap: [50], seed: 7 });
    const b = estimateThreshold(d, { ...base, bootstrap: [50], seed: 7 });
    const c = estimateThreshold(d, { ...base, bootstrap: [50], seed: 8 });
    expect(a.tests).toEqual(b.tests);
    expect(c.tests[0].crit).not.toEqual(a.tests[0].crit);
  });
  it('a strong threshold gives p ≈ 0 for F1', () => {
    const r = estimateThreshold(simulated('strong', 1.5), { ...base, bootstrap: [100] });
    expect(r.pValue[0]).toBe(0);
    expect(Math.abs(r.thresholds[0] - 5)).toBeLessThan(0.5);
  });
  it('without a threshold the p-values of F1 are roughly uniform over 40 panels', () => {
    const ps = Array.from(
      { length: 40 },
      (_, s) =>
        estimateThreshold(simulated(`null-${s}`, 0, 20, 8), { ...base, trim: [0.05], bootstrap: [49], seed: s })
          .pValue[0] as number,
    );
    const mean = ps.reduce((a, b) => a + b, 0) / ps.length;
    expect(mean).toBeGreaterThan(0.35);
    expect(mean).toBeLessThan(0.65);
    expect(ps.filter((p) => p < 0.1).length).toBeLessThanOrEqual(10);
    expect(ps.filter((p) => p > 0.5).length).toBeGreaterThanOrEqual(12);
  });
  it('with one true threshold the p-values of F2 (1 against 2) are roughly uniform over 30 panels', () => {
    const ps = Array.from(
      { length: 30 },
      (_, s) =>
        estimateThreshold(simulated(`one-${s}`, 1, 20, 8), {
          ...base,
          thresholds: 2,
          trim: [0.05, 0.05],
          bootstrap: [0, 49],
          seed: s,
        }).pValue[1] as number,
    );
    const mean = ps.reduce((a, b) => a + b, 0) / ps.length;
    expect(mean).toBeGreaterThan(0.3);
    expect(mean).toBeLessThan(0.7);
    expect(ps.filter((p) => p < 0.05).length).toBeLessThanOrEqual(5);
  });
  it('critical values increase from 10 % to 1 %; p-values and draws per test', () => {
    const r = estimateThreshold(sim, { ...base, thresholds: 2, trim: [0.05, 0.05], grid: 50, bootstrap: [30, 20] });
    expect(r.tests.map((t) => t.draws)).toEqual([30, 20]);
    for (const t of r.tests) {
      expect(t.crit!['10%']).toBeLessThanOrEqual(t.crit!['5%']);
      expect(t.crit!['5%']).toBeLessThanOrEqual(t.crit!['1%']);
    }
    expect(r.pValue).toEqual([0, 0]);
  });
});

describe('degenerate data', () => {
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(XinzhiError);
      return (e as XinzhiError).message;
    }
    throw new Error('no error');
  };
  it('an unbalanced panel is an error (Hansen requires a balanced panel)', () => {
    const d = simulated('u', 0, 5, 4);
    const drop = (v: ArrayLike<number | string>) => Array.from(v).slice(1);
    const msg = code(() =>
      estimateThreshold(
        {
          y: drop(d.y) as number[],
          x: { x: drop(d.x.x) as number[] },
          controls: {},
          q: drop(d.q) as number[],
          unit: drop(d.unit),
          time: drop(d.time),
        },
        { ...base, se: 'iid' },
      ),
    );
    expect(msg).toMatch(/balanced panel.*unit 0 lacks period 0 \(of 4\)/);
  });
  it('too few distinct values of q for the trimming is an error naming q', () => {
    const d = simulated('few', 0, 5, 4);
    const q = Array.from(d.q, (_, i) => (i === 0 ? 1 : 0));
    expect(code(() => estimateThreshold({ ...d, q }, { ...base, trim: [0.1], se: 'iid' }))).toMatch(/no candidate/);
  });
  it('a third threshold with no room left for a regime of the trimmed size is an error', () => {
    const d = simulated('room', 0, 5, 4);
    const q = Array.from(d.q, (_, i) => i % 3);
    expect(
      code(() => estimateThreshold({ ...d, q }, { ...base, thresholds: 3, trim: [0.2, 0.2, 0.2], se: 'iid' })),
    ).toMatch(/step 3/);
  });
  it('a missing q is an error', () => {
    const d = simulated('nan', 0, 5, 4);
    const q = Array.from(d.q, (v, i) => (i === 3 ? Number.NaN : v));
    expect(code(() => estimateThreshold({ ...d, q }, { ...base, se: 'iid' }))).toMatch(/threshold variable/);
  });
});
