import { describe, expect, it } from 'vitest';
import { robustness } from '../../src/core/qca/robustness.ts';
import { xyPlot } from '../../src/core/qca/xy.ts';
import { LIPSET, loadSets, r3 } from './helpers.ts';

describe('robustness across cut-offs', () => {
  it('recomputes the solutions per cell; the 0.8 / 1 cell is the published one, an empty cell is null', async () => {
    const data = await loadSets('lipset_LF.csv', LIPSET, 'SURV');
    const res = robustness(data, { inclCuts: [0.7, 0.8, 0.95], nCuts: [1, 3], dirExp: [1, 1, 1, 1, 1] });
    expect(res.cells).toHaveLength(6);
    const base = res.cells.find((c) => c.inclCut === 0.8 && c.nCut === 1)!;
    expect(base.parsimonious!.expressions).toEqual(['DEV*~IND + URB*STB']);
    expect(base.intermediate!.expressions).toEqual(['DEV*URB*LIT*STB + DEV*LIT*~IND*STB']);
    expect([r3(base.parsimonious!.inclS), r3(base.parsimonious!.covS)]).toEqual([0.85, 0.714]);
    // At n ≥ 3 only row 32 (BE, CZ, NL, UK) stays positive.
    expect(res.cells.find((c) => c.inclCut === 0.8 && c.nCut === 3)!.complex!.expressions).toEqual([
      'DEV*URB*LIT*IND*STB',
    ]);
    expect(res.cells.find((c) => c.inclCut === 0.95 && c.nCut === 1)).toMatchObject({ positiveRows: 0, complex: null });
    // 0.7 adds row 24 (FR, SE; incl 0.709).
    expect(res.cells.find((c) => c.inclCut === 0.7 && c.nCut === 1)!.positiveRows).toBe(3);
    expect(res.stable).toEqual({ complex: false, parsimonious: false, intermediate: false });
  });
  it('says a solution is stable when every cell gives the same expressions', async () => {
    const data = await loadSets('lipset_LF.csv', LIPSET, 'SURV');
    expect(robustness(data, { inclCuts: [0.75, 0.8], nCuts: [1] }).stable.parsimonious).toBe(true);
  });
});

describe('XY plot data', () => {
  it('pairs each case with its membership in the expression and the outcome, with the fit', async () => {
    const data = await loadSets('lipset_LF.csv', LIPSET, 'SURV');
    const xy = xyPlot(data, [
      [1, -1, -1, 0, -1],
      [-1, 1, -1, -1, 1],
    ]);
    expect(xy.x).toBe('DEV*~IND + URB*STB');
    expect(xy.points[0]).toEqual({ case: 'AU', x: 0.27, y: 0.05 });
    expect([r3(xy.inclS), r3(xy.covS)]).toEqual([0.85, 0.714]);
  });
});
