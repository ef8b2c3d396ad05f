/**
 * report/tfp-csv.ts: TFP results as a panel CSV that `analyze` reads back
 * (unit and time columns named as in the model; the first period has no index).
 */
import { describe, expect, it } from 'vitest';
import { tfpCsv } from '../../src/adapters/report/tfp-csv.ts';
import { parseTable } from '../../src/adapters/formats/table.ts';
import { tableToPanel } from '../../src/core/panel/from-table.ts';
import type { TfpResult } from '../../src/core/tfp/run.ts';
import type { TfpModel } from '../../src/core/tfp/model.ts';

const model = {
  type: 'gml',
  unit: 'Province',
  time: 'Year',
  inputs: ['L'],
  outputs: ['Y'],
  undesirable: ['C'],
  rts: 'crs',
  orientation: 'none',
  super: false,
  nodes: {},
} as TfpModel;

describe('tfpCsv', () => {
  it('index models: cumulative per period and the change into it; the panel reads back', async () => {
    const result: TfpResult = {
      model,
      solver: 'test',
      units: ['A'],
      times: [2020, 2021, 2022],
      results: [],
      warnings: [],
      index: [
        { unit: 'A', from: 2020, to: 2021, status: 'optimal', value: 1.1, ec: 1, tc: 1.1 },
        { unit: 'A', from: 2021, to: 2022, status: 'infeasible', value: null, ec: null, tc: null },
      ],
      cumulative: [
        { unit: 'A', time: 2020, value: 1 },
        { unit: 'A', time: 2021, value: 1.1 },
        { unit: 'A', time: 2022, value: null },
      ],
    };
    const text = tfpCsv(result);
    expect(text.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      'Province,Year,cumulative,index,ec,tc',
      'A,2020,1,,,',
      'A,2021,1.1,1.1,1,1.1',
      'A,2022,,,,',
      '',
    ]);
    const { panel } = tableToPanel(await parseTable(new TextEncoder().encode(text), 'tfp.csv'), {
      unit: 'Province',
      time: 'Year',
    });
    expect(Array.from(panel.columns.cumulative).slice(0, 2)).toEqual([1, 1.1]);
  });
});
