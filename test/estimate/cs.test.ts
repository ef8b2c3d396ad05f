/**
 * Callaway–Sant'Anna (2021) group-time ATTs, influence-function standard errors
 * and aggregations against an independent NumPy implementation of the paper's
 * formulas and the R did package's conventions (test/reference/estimate/cs_reference.py), and
 * the group-time cells also against R lm + sandwich HC0 (test/reference/estimate/did_reference.R).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CsBase, type CsControl, callawaySantAnna } from '../../src/core/estimate/cs.ts';
import { readCsv } from './did-data.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/estimate/fixtures/cs.json', import.meta.url), 'utf8'));
const rfx = JSON.parse(readFileSync(new URL('../reference/estimate/fixtures/did.json', import.meta.url), 'utf8'));
const stag = readCsv('did-staggered.csv');
const data = { unit: stag.unit, time: stag.year, y: stag.y, cohort: stag.cohort };
const close = (a: number, b: number, rel = 1e-9) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(Math.abs(b), 1e-12));

const cases: Array<[CsControl, CsBase]> = [
  ['never', 'varying'],
  ['never', 'universal'],
  ['notyet', 'varying'],
  ['notyet', 'universal'],
];
for (const [control, base] of cases) {
  describe(`Callaway–Sant'Anna, ${control}-treated controls, ${base} base period`, () => {
    const ref = fx[`${control}_${base}`];
    const r = callawaySantAnna(data, { control, base });
    it('ATT(g,t) and their standard errors', () => {
      expect(r.gt.map((c) => [c.g, c.t])).toEqual(ref.gt.map((c: { g: number; t: number }) => [c.g, c.t]));
      r.gt.forEach((c, k) => {
        close(c.estimate, ref.gt[k].att);
        close(c.se, ref.gt[k].se);
      });
    });
    it('simple, dynamic, group and calendar aggregations with the weights’ influence', () => {
      const a = r.aggregations;
      const R = ref.aggregations;
      close(a.simple.estimate, R.simple.estimate);
      close(a.simple.se, R.simple.se);
      close(a.dynamic.overall.estimate, R.dynamic.overall.estimate);
      close(a.dynamic.overall.se, R.dynamic.overall.se);
      expect(a.dynamic.byEventTime.map((d) => d.e)).toEqual(R.dynamic.e);
      a.dynamic.byEventTime.forEach((d, k) => {
        close(d.estimate, R.dynamic.estimate[k]);
        close(d.se, R.dynamic.se[k]);
      });
      close(a.group.overall.estimate, R.group.overall.estimate);
      close(a.group.overall.se, R.group.overall.se);
      a.group.byGroup.forEach((d, k) => {
        expect(d.g).toBe(R.group.g[k]);
        close(d.estimate, R.group.estimate[k]);
        close(d.se, R.group.se[k]);
      });
      close(a.calendar.overall.estimate, R.calendar.overall.estimate);
      close(a.calendar.overall.se, R.calendar.overall.se);
      a.calendar.byPeriod.forEach((d, k) => {
        expect(d.t).toBe(R.calendar.t[k]);
        close(d.estimate, R.calendar.estimate[k]);
        close(d.se, R.calendar.se[k]);
      });
    });
  });
}

describe("Callaway–Sant'Anna ATT(g,t) against R, a second way", () => {
  it('each cell equals the OLS slope of Y_t − Y_b on the cohort dummy and its SE the HC0 sandwich SE (did_reference.R)', () => {
    const r = callawaySantAnna(data, { control: 'never', base: 'varying' });
    const R = rfx.csGtNeverVarying;
    expect(r.gt.map((c) => c.g)).toEqual(R.g);
    expect(r.gt.map((c) => c.t)).toEqual(R.t);
    r.gt.forEach((c, k) => {
      close(c.estimate, R.att[k]);
      close(c.se, R.se[k]);
    });
  });
});

describe("Callaway–Sant'Anna: conventions and degenerate data", () => {
  it('universal base: pre-period cells compare with the period before g (the varying base uses t − 1)', () => {
    const u = callawaySantAnna(data, { control: 'never', base: 'universal' });
    const v = callawaySantAnna(data, { control: 'never', base: 'varying' });
    expect(u.gt.find((c) => c.g === 2008 && c.t === 2005)!.base).toBe(2007);
    expect(v.gt.find((c) => c.g === 2008 && c.t === 2005)!.base).toBe(2004);
  });
  it('the z test and 95% interval are normal: ci = estimate ± 1.959964 se', () => {
    const s = callawaySantAnna(data, { control: 'never', base: 'varying' }).aggregations.simple;
    close(s.ci[1] - s.estimate, 1.959963984540054 * s.se);
    close(s.z, s.estimate / s.se);
  });
  it('cohorts after the last period count as never treated; cohorts at the first period are dropped and counted', () => {
    const cohort = stag.cohort.map((g, i) => (stag.unit[i] === 1 ? 2030 : stag.unit[i] === 2 ? 2001 : g));
    const r = callawaySantAnna({ ...data, cohort }, { control: 'never', base: 'varying' });
    expect(r.alwaysTreated).toBe(1);
    expect(r.neverTreated).toBe(17);
    expect(r.units).toBe(59);
  });
  it('without never-treated units, never-treated controls are an error and not-yet-treated cells without controls are listed as skipped', () => {
    const noNever = stag.unit.map((u) => u > 18);
    const pick = <T>(v: T[]) => v.filter((_, i) => noNever[i]);
    const d = { unit: pick(stag.unit), time: pick(stag.year), y: pick(stag.y), cohort: pick(stag.cohort) };
    expect(() => callawaySantAnna(d, { control: 'never', base: 'varying' })).toThrow(/never-treated/);
    const r = callawaySantAnna(d, { control: 'notyet', base: 'varying' });
    expect(r.skipped.some((c) => c.g === 2004 && c.t === 2008)).toBe(true);
    expect(r.gt.every((c) => c.nControl > 0)).toBe(true);
  });
  it('an unbalanced panel, a cohort that changes within a unit, or a cohort between periods is an error naming the unit', () => {
    const drop = (i: number) => i !== 5;
    expect(() =>
      callawaySantAnna(
        {
          unit: stag.unit.filter((_, i) => drop(i)),
          time: stag.year.filter((_, i) => drop(i)),
          y: stag.y.filter((_, i) => drop(i)),
          cohort: stag.cohort.filter((_, i) => drop(i)),
        },
        { control: 'never', base: 'varying' },
      ),
    ).toThrow(/balanced panel: unit 1/);
    const moved = stag.cohort.map((g, i) => (i === 0 ? 2005 : g));
    expect(() => callawaySantAnna({ ...data, cohort: moved }, { control: 'never', base: 'varying' })).toThrow(
      /two cohorts/,
    );
    const between = stag.cohort.map((g) => (g === 2004 ? 2004.5 : g));
    expect(() => callawaySantAnna({ ...data, cohort: between }, { control: 'never', base: 'varying' })).toThrow(
      /not a period/,
    );
  });
});
