/** The identification rows of the regression table (IV) and the suest row of the group tests, read from the results object. */
import { describe, expect, it } from 'vitest';
import { checkEstimateModel } from '../../src/core/estimate/model.ts';
import { runEstimate } from '../../src/core/estimate/run.ts';
import { type EstCell, estimateTables, type NumCell } from '../../src/adapters/report/estimate-tables.ts';
import { firm, grunfeldPanel } from '../estimate/grunfeld.ts';

const label = (c: EstCell) => (c && typeof c === 'object' && 'en' in c ? c.en : String(c));
const rowOf = (rows: EstCell[][], en: string) => rows.find((r) => label(r[0]) === en);

describe('estimate tables: identification statistics and the suest test', () => {
  const base = { y: 'inv', unit: 'firm', time: 'year', cluster: 'unit' } as const;
  const iv = checkEstimateModel({ ...base, type: 'iv', x: ['value'], endog: ['value'], instruments: ['capital'] });
  const fe = checkEstimateModel({ ...base, type: 'fe', x: ['value'], controls: ['capital'], by: 'size', suest: true });
  const res = runEstimate(grunfeldPanel({ size: firm.map((f) => (f <= 5 ? 'large' : 'small')) }), [iv, fe]);
  const tables = estimateTables(res);
  it('the regression table has the Kleibergen–Paap and Cragg–Donald rows of the IV column, empty for the FE column', () => {
    const m = res.models[0];
    if (m.type !== 'iv' || !m.kleibergenPaap) throw new Error('no KP');
    const rows = tables[0].rows;
    const want: Array<[string, number]> = [
      ['Kleibergen–Paap rk LM statistic', m.kleibergenPaap.rkLM],
      ['Kleibergen–Paap rk LM p-value', m.kleibergenPaap.rkLMp],
      ['Kleibergen–Paap rk Wald F', m.kleibergenPaap.rkWaldF],
      ['Cragg–Donald Wald F', m.craggDonaldF],
    ];
    for (const [en, v] of want) {
      const r = rowOf(rows, en);
      if (!r) throw new Error(`no row ${en}`);
      expect((r[1] as NumCell).v).toBe(v);
      expect(r[2]).toBeNull();
    }
  });
  it('the group-tests table has the suest χ² row', () => {
    const m = res.models[1];
    if (m.type !== 'fe' || !m.heterogeneity?.suest) throw new Error('no suest');
    const t = tables.find((x) => x.id.endsWith('group-tests'))!;
    const r = t.rows.find((x) => label(x[0]).startsWith('seemingly-unrelated test'))!;
    expect((r[1] as NumCell).v).toBe(m.heterogeneity.suest.chi2);
    expect((r[2] as NumCell).v).toBe(1);
    expect((r[4] as NumCell).v).toBe(m.heterogeneity.suest.p);
    expect(t.note?.en).toMatch(/M\/\(M − 1\), M = 10/);
  });
});
