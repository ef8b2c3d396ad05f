/** The small green-technology panel of the DEA reference (test/reference/tfp/fixtures/dea.json) and its models, shared by the report tests. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Panel } from '../../src/core/panel/types.ts';
import { checkTfpModel, type TfpModel } from '../../src/core/tfp/model.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/tfp/fixtures/dea.json', import.meta.url), 'utf8'));

/** Units u1… over years 2020…, inputs L and K, output GDP, undesirable CO2. */
export function deaPanel(): Panel {
  const p: Panel = {
    unitKey: 'unit',
    timeKey: 'year',
    unit: [],
    time: [],
    columns: {},
    source: 't.csv',
    sourceRow: [],
  };
  const cols: Record<string, number[]> = { L: [], K: [], GDP: [], CO2: [] };
  fx.panel.x.forEach((xs: number[][], t: number) =>
    xs.forEach((x, j) => {
      p.unit.push(`u${j + 1}`);
      p.time.push(2020 + t);
      cols.L.push(x[0]);
      cols.K.push(x[1]);
      cols.GDP.push(fx.panel.y[t][j][0]);
      cols.CO2.push(fx.panel.b[t][j][0]);
    }),
  );
  for (const [k, v] of Object.entries(cols)) p.columns[k] = Float64Array.from(v);
  return p;
}

/** A model of the given type on that panel (CO2 undesirable). */
export function deaModel(type: string): TfpModel {
  const fields = { type, unit: 'unit', time: 'year', inputs: ['L', 'K'], outputs: ['GDP'], undesirable: ['CO2'] };
  return checkTfpModel(fields, 'm.json').model as TfpModel;
}

/** An LP result against a reference: not null, and within `rel` of it (relative above 1, absolute below). */
export function closeTo(actual: number | null, expected: number, rel = 1e-8): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));
}
