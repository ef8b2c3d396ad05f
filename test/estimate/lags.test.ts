/** Lagged regressors within unit (L.x), gap-aware, against R plm lag(shift = "time") (test/reference/estimate/lag_reference.R). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lagOf, withLags } from '../../src/core/estimate/lags.ts';
import { checkEstimateModel } from '../../src/core/estimate/model.ts';
import { runEstimate } from '../../src/core/estimate/run.ts';
import { XinzhiError } from '../../src/core/errors.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/estimate/fixtures/lag.json', import.meta.url), 'utf8'));
const lines = readFileSync(new URL('../reference/estimate/grunfeld-gap.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n');
const head = lines[0].split(',').map((h) => h.replace(/"/g, ''));
const rows = lines.slice(1).map((l) => l.split(',').map(Number));
const col = (name: string) => rows.map((r) => r[head.indexOf(name)]);
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.abs(b));

describe('lags', () => {
  it('reads L.x and L2.x', () => {
    expect(lagOf('L.value')).toEqual({ k: 1, column: 'value' });
    expect(lagOf('L2.value')).toEqual({ k: 2, column: 'value' });
    expect(lagOf('value')).toBeNull();
  });
  it('inv ~ L.value + capital | firm + year with a gap equals plm, and counts the rows dropped', () => {
    const panel = {
      unitKey: 'firm',
      timeKey: 'year',
      unit: col('firm').map(String),
      time: col('year'),
      columns: {
        inv: Float64Array.from(col('inv')),
        value: Float64Array.from(col('value')),
        capital: Float64Array.from(col('capital')),
      },
    };
    const m = checkEstimateModel({
      type: 'fe',
      y: 'inv',
      x: ['L.value'],
      controls: ['capital'],
      unit: 'firm',
      time: 'year',
      cluster: 'unit',
      se: 'plm',
    });
    const r = runEstimate(panel, [m]).models[0];
    expect(r.n).toBe(fx.n);
    expect(r.lagDropped).toBe(panel.unit.length - fx.n);
    close(r.coefficients['L.value'].estimate, fx.estimate[0]);
    close(r.coefficients['L.value'].se, fx.se_plm[0]);
    close(r.coefficients.capital.estimate, fx.estimate[1]);
  });
  it('text times are refused with the row', () => {
    const p = {
      unitKey: 'u',
      timeKey: 't',
      unit: ['a', 'a'],
      time: ['x', 'y'],
      columns: { v: Float64Array.from([1, 2]) },
      sourceRow: [2, 3],
    };
    expect(() => withLags(p, ['L.v'])).toThrow(XinzhiError);
  });
});
