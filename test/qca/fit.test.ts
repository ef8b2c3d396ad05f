import { describe, expect, it } from 'vitest';
import { necessityFit, sufficiencyFit } from '../../src/core/qca/fit.ts';
import { necessity } from '../../src/core/qca/necessity.ts';
import { close, JOBS, LIPSET, loadSets, NUMPY } from './helpers.ts';

const SETS = [
  ['LF', 'lipset_LF.csv', LIPSET, 'SURV'],
  ['LC', 'lipset_LC.csv', LIPSET, 'SURV'],
  ['JS', 'jobsecurity.csv', JOBS, 'JSR'],
] as const;

describe('fit of sufficiency and necessity (checked against NumPy, qca_reference.py)', () => {
  for (const [name, file, conds, outcome] of SETS) {
    it(`inclS, PRI, covS, inclN, RoN, covN of every condition and negation on ${name}`, async () => {
      const ref = NUMPY.cases[name].fit as Array<
        Record<string, number> & { label: string; negOutcome: Record<string, number> }
      >;
      const pos = necessity(await loadSets(file, [...conds], outcome));
      const neg = necessity(await loadSets(file, [...conds], `~${outcome}`));
      expect(pos.rows.map((r) => r.label)).toEqual(ref.map((r) => r.label));
      pos.rows.forEach((r, k) => {
        for (const key of ['inclN', 'RoN', 'covN'] as const)
          expect(close(r[key], ref[k][key]), `${r.label} ${key}`).toBe(true);
        for (const key of ['inclN', 'RoN', 'covN'] as const)
          expect(close(neg.rows[k][key], ref[k].negOutcome[key]), `~ ${r.label} ${key}`).toBe(true);
      });
      const data = await loadSets(file, [...conds], outcome);
      data.conditions.forEach((c, j) => {
        const s = sufficiencyFit(c.values, data.outcome);
        for (const key of ['inclS', 'PRI', 'covS'] as const)
          expect(close(s[key], ref[2 * j][key]), `${c.name} ${key}`).toBe(true);
      });
    });
  }
  it('returns NaN, not 0, when a denominator is zero', () => {
    expect(sufficiencyFit([0, 0], [0.5, 1]).inclS).toBeNaN();
    expect(necessityFit([0.2, 0.4], [0, 0]).inclN).toBeNaN();
  });
});
