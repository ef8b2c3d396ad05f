/**
 * The TFP runner and model file: defaults, data checks and degenerate data,
 * each with its documented result (docs/tfp.md, "Degenerate data").
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLpSolver } from '../../src/adapters/io/lp-solver.ts';
import { XinzhiError } from '../../src/core/errors.ts';
import type { LpSolver } from '../../src/core/tfp/lp.ts';
import { checkTfpModel, type TfpModel } from '../../src/core/tfp/model.ts';
import { runTfp } from '../../src/core/tfp/run.ts';
import type { Panel } from '../../src/core/panel/types.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/tfp/fixtures/dea.json', import.meta.url), 'utf8'));

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadLpSolver();
});

/** A panel from the reference fixture's green data (one period) or panel data (several). */
function greenPanel(periods: number[][][][]): Panel {
  const [xs, ys, bs] = periods;
  const panel: Panel = {
    unitKey: 'unit',
    timeKey: 'year',
    unit: [],
    time: [],
    columns: {},
    source: 'test.csv',
    sourceRow: [],
  };
  const cols = { L: [] as number[], K: [] as number[], GDP: [] as number[], CO2: [] as number[] };
  xs.forEach((period, t) =>
    period.forEach((x, j) => {
      panel.unit.push(`u${j + 1}`);
      panel.time.push(2020 + t);
      panel.sourceRow?.push(panel.unit.length + 1);
      cols.L.push(x[0]);
      cols.K.push(x[1]);
      cols.GDP.push(ys[t][j][0]);
      cols.CO2.push(bs[t][j][0]);
    }),
  );
  for (const [k, v] of Object.entries(cols)) panel.columns[k] = Float64Array.from(v);
  return panel;
}

function model(fields: Record<string, unknown>): TfpModel {
  const { model: m, problems } = checkTfpModel(
    { unit: 'unit', time: 'year', inputs: ['L', 'K'], outputs: ['GDP'], ...fields },
    'm.json',
  );
  expect(problems).toEqual([]);
  return m as TfpModel;
}

const green = () => greenPanel([[fx.green.x], [fx.green.y], [fx.green.b]]);
const panel = () => greenPanel([fx.panel.x, fx.panel.y, fx.panel.b]);

describe('model file', () => {
  it('fills the stated defaults per type', () => {
    expect(model({ type: 'ccr' })).toMatchObject({ rts: 'crs', orientation: 'input', super: false, undesirable: [] });
    expect(model({ type: 'bcc' })).toMatchObject({ rts: 'vrs', orientation: 'input' });
    expect(model({ type: 'sbm', undesirable: ['CO2'] })).toMatchObject({
      rts: 'crs',
      orientation: 'none',
      nodes: { CO2: 'form.green' },
    });
    expect(model({ type: 'malmquist' })).toMatchObject({ rts: 'crs', orientation: 'output' });
    expect(model({ type: 'ml', frontier: 'sequential' })).toMatchObject({ frontier: 'sequential' });
    expect(model({ type: 'gml' })).toMatchObject({ frontier: 'global' });
    expect(model({ type: 'sbm' })).toMatchObject({ frontier: 'period' });
  });

  it('names the field and the fix for contradictions and unknown types', () => {
    const bad = (fields: Record<string, unknown>) =>
      checkTfpModel({ unit: 'unit', time: 'year', inputs: ['L'], outputs: ['GDP'], ...fields }, 'm.json').problems.map(
        (p) => [p.code, p.column],
      );
    expect(bad({ type: 'ccr', rts: 'vrs' })).toEqual([['tfp-rts-conflict', 'rts']]);
    expect(bad({ type: 'sbm', orientation: 'input' })).toEqual([['tfp-orientation', 'orientation']]);
    expect(bad({ type: 'gml', super: true })).toEqual([['tfp-super', 'super']]);
    expect(bad({ type: 'malmquist', undesirable: ['CO2'] })).toEqual([['tfp-undesirable', 'undesirable']]);
    expect(bad({ type: 'dea' })).toEqual([['tfp-type', 'type']]);
    expect(bad({ type: 'gml', frontier: 'sequential' })).toEqual([['tfp-frontier', 'frontier']]);
    const p = checkTfpModel({ type: 'sbm', unit: 'u', time: 't', inputs: [], outputs: ['GDP'] }, 'm.json').problems[0];
    expect(p.file).toBe('m.json');
    expect(p.message.zh).toMatch(/inputs/);
    expect(p.fix?.en).toMatch(/For example/);
  });
});

describe('runner', () => {
  it('SBM-undesirable per period matches SciPy; shares sum to 1 for inefficient units', () => {
    const r = runTfp(solver, green(), model({ type: 'sbm', undesirable: ['CO2'] }));
    r.results.forEach((row, j) => {
      expect(Math.abs((row.efficiency as number) - fx.green.sbm.crs[j])).toBeLessThan(1e-8);
      const total = Object.values(row.shares).reduce((a, v) => a + v, 0);
      if (row.source) expect(total).toBeCloseTo(1, 12);
      else expect(total).toBe(0);
    });
    expect(r.solver).toMatch(/^HiGHS/);
    expect(r.model.type).toBe('sbm');
  });

  it('super: efficient units get the super-SBM score (SciPy), the others keep SBM', () => {
    const r = runTfp(solver, green(), model({ type: 'sbm', undesirable: ['CO2'], rts: 'vrs', super: true }));
    r.results.forEach((row, j) => {
      const sbm = fx.green.sbm.vrs[j];
      const expected = sbm >= 1 - 1e-9 ? fx.green.super.vrs[j].value : sbm;
      expect(Math.abs((row.efficiency as number) - expected)).toBeLessThan(1e-8);
      expect(row.superEfficiency).toBe(sbm >= 1 - 1e-9);
    });
  });

  it('GML index and cumulative index (first year = 1) match SciPy', () => {
    const r = runTfp(solver, panel(), model({ type: 'gml', undesirable: ['CO2'] }));
    expect(r.index).toHaveLength(18);
    r.index.forEach((row, k) => expect(Math.abs((row.value as number) - fx.panel.crs.gml[k][0])).toBeLessThan(1e-8));
    const u1 = r.cumulative.filter((c) => c.unit === 'u1').map((c) => c.value as number);
    const links = [0, 6, 12].map((k) => fx.panel.crs.gml[k][0]);
    expect(u1[0]).toBe(1);
    expect(Math.abs(u1[3] - links[0] * links[1] * links[2])).toBeLessThan(1e-8);
  });
});

describe('degenerate data (documented results)', () => {
  it('a zero input is an error naming file, row, column, unit and time', () => {
    const p = green();
    p.columns.L[3] = 0;
    try {
      runTfp(solver, p, model({ type: 'sbm' }));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(XinzhiError);
      const prob = (e as XinzhiError).problems[0];
      expect(prob).toMatchObject({
        code: 'tfp-nonpositive',
        file: 'test.csv',
        row: 5,
        column: 'L',
        unit: 'u4',
        time: 2020,
      });
      expect(prob.fix?.zh).toBeTruthy();
    }
  });

  it('a missing value is an error, never dropped or filled', () => {
    const p = green();
    p.columns.GDP[0] = NaN;
    expect(() => runTfp(solver, p, model({ type: 'ccr' }))).toThrow(/Missing value/);
  });

  it('a constant input is kept with a warning; under BCC input orientation every unit is efficient', () => {
    const p = green();
    p.columns.K = new Float64Array(p.columns.K.length).fill(50);
    const r = runTfp(solver, p, model({ type: 'bcc', inputs: ['K'] }));
    expect(r.warnings.map((w) => w.code)).toEqual(['tfp-constant-column']);
    for (const row of r.results) expect(Math.abs((row.efficiency as number) - 1)).toBeLessThan(1e-9);
  });

  it('one period: an index model gives no index and a cumulative index of 1', () => {
    const r = runTfp(solver, green(), model({ type: 'gml', undesirable: ['CO2'] }));
    expect(r.index).toEqual([]);
    expect(r.cumulative.every((c) => c.value === 1)).toBe(true);
  });

  it('super-SBM (non-oriented) stays feasible: two units give δ = 4 analytically', () => {
    // Unit a = (2, 2; 4) against b = (1, 1; 1) under VRS: λ_b = 1, s⁻ = 0, sᵍ = 3, δ = 1 / (1 − 3/4).
    const p: Panel = {
      unitKey: 'unit',
      timeKey: 'year',
      unit: ['a', 'b'],
      time: [1, 1],
      source: 't.csv',
      sourceRow: [2, 3],
      columns: { L: Float64Array.from([2, 1]), K: Float64Array.from([2, 1]), GDP: Float64Array.from([4, 1]) },
    };
    const r = runTfp(solver, p, model({ type: 'sbm', rts: 'vrs', super: true }));
    const a = r.results.find((row) => row.unit === 'a');
    expect(a?.superEfficiency).toBe(true);
    expect(Math.abs((a?.efficiency as number) - 4)).toBeLessThan(1e-9);
  });

  it('infeasible super-efficiency (BCC, Andersen–Petersen) is null with status "infeasible", as SciPy finds', () => {
    const p: Panel = {
      unitKey: 'unit',
      timeKey: 'year',
      unit: [],
      time: [],
      source: 'h.csv',
      sourceRow: [],
      columns: {},
    };
    const names = 'ABCDEFGHIJKL'.split('');
    p.unit = names;
    p.time = names.map(() => 1);
    p.columns = {
      L: Float64Array.from(fx.hospitals.x.map((v: number[]) => v[0])),
      K: Float64Array.from(fx.hospitals.x.map((v: number[]) => v[1])),
      GDP: Float64Array.from(fx.hospitals.y.map((v: number[]) => v[0])),
      OUT2: Float64Array.from(fx.hospitals.y.map((v: number[]) => v[1])),
    };
    for (const orientation of ['input', 'output']) {
      for (const type of ['ccr', 'bcc']) {
        const r = runTfp(solver, p, model({ type, orientation, outputs: ['GDP', 'OUT2'], super: true }));
        const ref: Array<number | null> = fx.hospitals.superRadial[`${type === 'ccr' ? 'crs' : 'vrs'}-${orientation}`];
        r.results.forEach((row, j) => {
          if (ref[j] === null) {
            expect(row).toMatchObject({ status: 'infeasible', efficiency: null, superEfficiency: true, source: null });
          } else {
            expect(Math.abs((row.efficiency as number) - (ref[j] as number))).toBeLessThan(1e-8);
          }
        });
      }
    }
  });

  it('an unbalanced panel is an error for an index, naming the unit and period', () => {
    const p = panel();
    const keep = p.unit.map((_, r) => r !== 0);
    const sub: Panel = {
      ...p,
      unit: p.unit.filter((_, r) => keep[r]),
      time: p.time.filter((_, r) => keep[r]),
      columns: Object.fromEntries(Object.entries(p.columns).map(([k, v]) => [k, v.filter((_, r) => keep[r])])),
    };
    expect(() => runTfp(solver, sub, model({ type: 'malmquist' }))).toThrow(/balanced panel/);
  });
});
