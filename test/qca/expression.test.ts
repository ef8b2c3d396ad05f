import { describe, expect, it } from 'vitest';
import { expressionFit, parseExpression } from '../../src/core/qca/expression.ts';
import { close, LIPSET, loadSets, NUMPY, r3 } from './helpers.ts';

describe('fit of a given expression', () => {
  it('matches the printed fit of the parsimonious LF solution and the NumPy reference', async () => {
    const data = await loadSets('lipset_LF.csv', LIPSET, 'SURV');
    const res = expressionFit(data, 'URB*STB + DEV*~IND');
    expect(res.expression).toBe('URB*STB + DEV*~IND');
    expect([r3(res.sufficiency.inclS), r3(res.sufficiency.PRI), r3(res.sufficiency.covS)]).toEqual([
      0.85, 0.819, 0.714,
    ]);
    const ref = NUMPY.cases.LF.parsimonious[0];
    for (const k of ['inclS', 'PRI', 'covS'] as const) expect(close(res.sufficiency[k], ref[k])).toBe(true);
    for (const t of res.terms) {
      const e = ref.terms.find((u: { label: string }) => u.label === t.label);
      for (const k of ['inclS', 'PRI', 'covS', 'covU'] as const)
        expect(close(t[k], e[k]), `${t.label} ${k}`).toBe(true);
    }
  });
  it('gives the necessity fit of a single condition as the NumPy reference', async () => {
    const data = await loadSets('lipset_LF.csv', LIPSET, 'SURV');
    const ref = NUMPY.cases.LF.fit.find((r: { label: string }) => r.label === '~IND');
    const res = expressionFit(data, '~IND');
    for (const k of ['inclN', 'RoN', 'covN'] as const) expect(close(res.necessity[k], ref[k])).toBe(true);
  });
  it('rejects unknown conditions, contradictory literals and bad levels', async () => {
    const data = await loadSets('lipset_LF.csv', LIPSET, 'SURV');
    expect(() => parseExpression('DEV*GDP', data.conditions)).toThrow(/"GDP"/);
    expect(() => parseExpression('DEV*~DEV', data.conditions)).toThrow(/"~DEV"/);
    expect(() => parseExpression('DEV[2]', data.conditions)).toThrow(/"DEV\[2\]"/);
    expect(() => parseExpression('DEV + ', data.conditions)).toThrow(/cannot read/);
  });
});
