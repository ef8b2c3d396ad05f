/**
 * Difference-in-differences (2×2 and two-way FE) and the event study against R:
 * lm() with explicit dummies and sandwich::vcovCL with Stata's small-sample
 * factor (test/reference/estimate/did_reference.R, simulated panels).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cohortTwfe, estimateDid } from '../../src/core/estimate/did.ts';
import { eventStudy } from '../../src/core/estimate/event-study.ts';
import { readCsv } from './did-data.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/estimate/fixtures/did.json', import.meta.url), 'utf8'));
const common = readCsv('did-common.csv');
const stag = readCsv('did-staggered.csv');

const close = (a: number, b: number, rel = 1e-9) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(Math.abs(b), 1e-12));
const same = (row: { estimate: number; se: number; t: number; p: number; ci: number[] }, ref: typeof row) => {
  close(row.estimate, ref.estimate);
  close(row.se, ref.se);
  close(row.t, ref.t);
  close(row.p, ref.p);
  close(row.ci[0], ref.ci[0]);
  close(row.ci[1], ref.ci[1]);
};
const names = { treat: 'treat', post: 'post' };
const stata = { se: 'cluster', preset: 'stata' } as const;

describe('2×2 DID (treat, post, treat×post with a constant), clustered by unit, against R lm + vcovCL', () => {
  const r = estimateDid(
    { y: common.y, treat: common.treat, post: common.post, controls: {}, fe: {}, cluster: common.unit },
    stata,
    names,
  );
  it('ATT with the Stata cluster convention, t, p and the interval at G − 1 df', () => {
    expect(r.estimator).toBe('2x2');
    same(r.att, fx.did2x2.att);
    expect(r.n).toBe(fx.did2x2.n);
  });
  it('treat and post stay in the regression without fixed effects', () => {
    close(r.coefficients.treat.estimate, fx.did2x2.treat.estimate);
    close(r.coefficients.post.se, fx.did2x2.post.se);
    expect(r.absorbedTerms).toEqual([]);
  });
  it('iid standard error equals R summary(lm)', () => {
    const i = estimateDid(
      { y: common.y, treat: common.treat, post: common.post, controls: {}, fe: {} },
      { se: 'iid', preset: 'stata' },
      names,
    );
    close(i.att.se, fx.did2x2.se_iid);
  });
});

describe('two-way FE DID (unit + year absorbed, control x), against R lm with dummies', () => {
  const twfe = (preset: 'stata' | 'lsdv') =>
    estimateDid(
      {
        y: common.y,
        treat: common.treat,
        post: common.post,
        controls: { x: common.x },
        fe: { unit: common.unit, year: common.year },
        cluster: common.unit,
      },
      { se: 'cluster', preset },
      names,
    );
  it('ATT and the control under the Stata preset; treat and post absorbed', () => {
    const r = twfe('stata');
    expect(r.estimator).toBe('twfe');
    expect(r.absorbedTerms).toEqual(['treat', 'post']);
    same(r.att, fx.twfe.att);
    for (const k of ['estimate', 'se', 't', 'p'] as const) close(r.coefficients.x[k], fx.twfe.x[k]);
  });
  it('the lsdv preset equals sandwich vcovCL HC1 on the dummy regression', () => {
    close(twfe('lsdv').att.se, fx.twfe.se_lsdv);
  });
  it('rejects a dummy that is not 0/1, naming the column', () => {
    const bad = common.treat.map((v, i) => (i === 3 ? 2 : v));
    expect(() =>
      estimateDid({ y: common.y, treat: bad, post: common.post, controls: {}, fe: {} }, stata, names),
    ).toThrow(/treat/);
  });
  it('rejects a dummy without variation', () => {
    const ones = common.post.map(() => 1);
    expect(() =>
      estimateDid(
        { y: common.y, treat: common.treat, post: ones, controls: {}, fe: {}, cluster: common.unit },
        stata,
        names,
      ),
    ).toThrow(/every observation/);
  });
});

describe('event study on the staggered panel (never treated = cohort 0), against R', () => {
  const data = {
    y: stag.y,
    time: stag.year,
    cohort: stag.cohort,
    controls: {},
    fe: { unit: stag.unit, year: stag.year },
    cluster: stag.unit,
  };
  const check = (r: ReturnType<typeof eventStudy>, ref: typeof fx.eventAll) => {
    const pts = r.periods.filter((p) => !p.reference);
    expect(pts.map((p) => p.period)).toEqual(ref.periods);
    pts.forEach((p, j) => {
      close(p.estimate, ref.estimate[j]);
      close(p.se, ref.se[j]);
      close(p.p, ref.p[j]);
      close(p.ci[0], ref.ciLow[j]);
      close(p.ci[1], ref.ciHigh[j]);
    });
    expect(r.n).toBe(ref.n);
    close(r.pretrend!.F, ref.pretrend.F);
    close(r.pretrend!.p, ref.pretrend.p);
    expect([r.pretrend!.df1, r.pretrend!.df2]).toEqual([ref.pretrend.df1, ref.pretrend.df2]);
  };
  it('every relative period, −1 omitted, with the joint pre-trend F', () => {
    const r = eventStudy(data, stata);
    check(r, fx.eventAll);
    const ref = r.periods.find((p) => p.period === -1)!;
    expect(ref).toMatchObject({ reference: true, estimate: 0, term: null });
    expect(r.coefficients.pre_2).toBeDefined();
    expect(r.coefficients.post_0).toBeDefined();
  });
  it('window [−4, 4] with binned endpoints', () => {
    const r = eventStudy(data, { ...stata, window: [-4, 4], bin: true });
    check(r, fx.eventBinned);
    expect(r.outsideWindow).toBe(0);
  });
  it('window [−4, 4] without binning drops and counts the treated rows outside', () => {
    const r = eventStudy(data, { ...stata, window: [-4, 4], bin: false });
    check(r, fx.eventWindow);
    expect(r.outsideWindow).toBe(600 - fx.eventWindow.n);
  });
  it('a window without a lead or without period 0 is an error', () => {
    expect(() => eventStudy(data, { ...stata, window: [-1, 3] })).toThrow(/window/);
    expect(() => eventStudy(data, { ...stata, window: [-3, -2] })).toThrow(/window/);
  });
  it('without never-treated units the ends must be binned', () => {
    const keep = stag.cohort.map((g) => g > 0);
    const pick = <T>(v: T[]) => v.filter((_, i) => keep[i]);
    const d = {
      ...data,
      y: pick(stag.y),
      time: pick(stag.year),
      cohort: pick(stag.cohort),
      fe: { unit: pick(stag.unit), year: pick(stag.year) },
      cluster: pick(stag.unit),
    };
    expect(() => eventStudy(d, stata)).toThrow(/no never-treated units/);
    const r = eventStudy(d, { ...stata, window: [-3, 2], bin: true });
    expect(r.periods.every((p) => Number.isFinite(p.estimate))).toBe(true);
  });
  it('no treated unit is an error', () => {
    expect(() => eventStudy({ ...data, cohort: stag.cohort.map(() => 0) }, stata)).toThrow(/no treated units/);
  });
});

describe('static TWFE on the staggered panel (D = 1{cohort > 0 and t ≥ cohort})', () => {
  it('equals R lm with dummies under the Stata preset', () => {
    const r = cohortTwfe(
      {
        y: stag.y,
        time: stag.year,
        cohort: stag.cohort,
        controls: {},
        fe: { unit: stag.unit, year: stag.year },
        cluster: stag.unit,
      },
      stata,
    );
    expect(r.term).toBe('D');
    same(r.att, fx.staggeredTwfe.att);
    expect(r.n).toBe(fx.staggeredTwfe.n);
  });
});
