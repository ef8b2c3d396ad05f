import { describe, expect, it } from 'vitest';
import { truthTable, rowIndex } from '../../src/core/qca/truth-table.ts';
import type { SetData } from '../../src/core/qca/sets.ts';
import { XinzhiError } from '../../src/core/errors.ts';
import { close, JOBS, LIPSET, loadSets, NUMPY, r3 } from './helpers.ts';

describe('truth table', () => {
  for (const [name, file, conds, outcome] of [
    ['LF', 'lipset_LF.csv', LIPSET, 'SURV'],
    ['LC', 'lipset_LC.csv', LIPSET, 'SURV'],
    ['JS', 'jobsecurity.csv', JOBS, 'JSR'],
  ] as const) {
    it(`matches the NumPy truth table of ${name} (rows, n, cases, incl, PRI, OUT)`, async () => {
      const ref = NUMPY.cases[name];
      const tt = truthTable(await loadSets(file, [...conds], outcome), { inclCut: ref.inclCut });
      expect(tt.rows.map((r) => r.index)).toEqual(ref.truthTable.map((r: { index: number }) => r.index));
      tt.rows.forEach((r, k) => {
        const e = ref.truthTable[k];
        expect([r.n, r.cases, r.OUT]).toEqual([e.n, e.cases, e.OUT]);
        expect(close(r.incl, e.incl) && close(r.PRI, e.PRI)).toBe(true);
      });
    });
  }
  it('reproduces the published truth table of the crisp Lipset data (QCA manual, ?minimize: ttLC)', async () => {
    const tt = truthTable(await loadSets('lipset_LC.csv', LIPSET, 'SURV'));
    const printed = [
      [32, '1', 4],
      [22, '1', 2],
      [24, '1', 2],
      [1, '0', 3],
      [2, '0', 2],
      [5, '0', 2],
      [6, '0', 1],
      [23, '0', 1],
      [31, '0', 1],
    ];
    for (const [index, OUT, n] of printed) expect(tt.rows.find((r) => r.index === index)).toMatchObject({ OUT, n });
    expect(tt.rows).toHaveLength(9);
    expect(tt.remainders).toHaveLength(32 - 9);
  });
  it('reproduces the published positive rows of the fuzzy truth table (QCA manual, ttLF, incl.cut = 0.8)', async () => {
    const tt = truthTable(await loadSets('lipset_LF.csv', LIPSET, 'SURV'), { inclCut: 0.8 });
    const pos = tt.rows.filter((r) => r.OUT === '1');
    expect(pos.map((r) => [r.index, r.cases.join(','), r3(r.incl), r3(r.PRI)])).toEqual([
      [22, 'FI,IE', 0.804, 0.719],
      [32, 'BE,CZ,NL,UK', 0.904, 0.886],
    ]);
  });
  it('makes rows below the frequency cut-off remainders, and rows below the PRI cut-off negative', async () => {
    const data = await loadSets('lipset_LF.csv', LIPSET, 'SURV');
    const tt = truthTable(data, { inclCut: 0.8, nCut: 3 });
    expect(tt.rows.find((r) => r.index === 22)!.OUT).toBe('?');
    expect(tt.rows.find((r) => r.index === 32)!.OUT).toBe('1');
    expect(truthTable(data, { inclCut: 0.8, priCut: 0.8 }).rows.find((r) => r.index === 22)!.OUT).toBe('0');
  });
  it('marks contradictions between the two consistency cut-offs', async () => {
    const tt = truthTable(await loadSets('lipset_LF.csv', LIPSET, 'SURV'), { inclCut: 0.8, inclCut0: 0.7 });
    expect(tt.rows.find((r) => r.index === 24)!.OUT).toBe('C'); // incl 0.709
  });
  it('leaves a case with a membership of exactly 0.5 on no row and warns', () => {
    const data: SetData = {
      cases: ['a', 'b', 'c'],
      outcomeName: 'Y',
      outcome: [1, 0, 0.6],
      conditions: [{ name: 'A', kind: 'fuzzy', levels: 2, values: [0.9, 0.1, 0.5] }],
    };
    const tt = truthTable(data, { inclCut: 0.8 });
    expect(tt.unassigned).toEqual(['c']);
    expect(tt.warnings[0]).toMatchObject({ code: 'qca-half-membership', unit: 'c' });
    expect(tt.rows.map((r) => r.n)).toEqual([1, 1]);
  });
  it('numbers rows as QCA does (first condition most significant, 1-based)', () => {
    expect(rowIndex([1, 0, 1, 0, 1], [2, 2, 2, 2, 2])).toBe(22);
    expect(rowIndex([2, 0], [3, 2])).toBe(5);
  });
  it('rejects cut-offs out of range and empty data', async () => {
    const data = await loadSets('lipset_LF.csv', LIPSET, 'SURV');
    expect(() => truthTable(data, { inclCut: 1.2 })).toThrow(XinzhiError);
    expect(() => truthTable(data, { nCut: 0 })).toThrow(XinzhiError);
    expect(() => truthTable({ ...data, conditions: [] })).toThrow(/no conditions/);
  });
});
