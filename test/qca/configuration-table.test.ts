import { describe, expect, it } from 'vitest';
import { configurationTable } from '../../src/core/qca/configuration-table.ts';
import { minimize } from '../../src/core/qca/minimize.ts';
import { truthTable } from '../../src/core/qca/truth-table.ts';
import { LIPSET, loadSets } from './helpers.ts';

describe('configuration table', () => {
  it('marks as core the literals of the intermediate terms that the parsimonious terms keep', async () => {
    const data = await loadSets('lipset_LF.csv', LIPSET, 'SURV');
    const res = minimize(data, truthTable(data, { inclCut: 0.8 }), { dirExp: [1, 1, 1, 1, 1] });
    const t = configurationTable(res, res.intermediate![0].models[0]);
    // DEV*URB*LIT*STB ⊂ URB*STB (core: URB, STB); DEV*LIT*~IND*STB ⊂ DEV*~IND (core: DEV, ~IND).
    expect(t.terms.map((x) => x.cells.map((c) => (c.value === null ? '' : `${c.value}${c.core ? 'c' : 'p'}`)))).toEqual(
      [
        ['1p', '1c', '1p', '', '1c'],
        ['1c', '', '1p', '0c', '1p'],
      ],
    );
  });
});
