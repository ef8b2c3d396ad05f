/**
 * Scores that have no value (issue 17): the super-efficiency of a period's
 * only unit (an empty reference set) and Malmquist–Luenberger ratios of
 * mixed-period VRS distances with 1 + D ≤ 0 are null with status
 * 'infeasible' — never ±∞ or NaN with status 'optimal'.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLpSolver } from '../../src/adapters/io/lp-solver.ts';
import type { Panel } from '../../src/core/panel/types.ts';
import type { LpSolver } from '../../src/core/tfp/lp.ts';
import { checkFirmModel, MAX_FIRM_BOOTSTRAP } from '../../src/core/tfp/firm/model.ts';
import { checkTfpModel } from '../../src/core/tfp/model.ts';
import { runTfp } from '../../src/core/tfp/run.ts';

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadLpSolver();
});

type Row = [string, number, number, number, number, number];
function panel(rows: Row[]): Panel {
  const col = (k: number) => Float64Array.from(rows.map((r) => r[k] as number));
  return {
    unitKey: 'unit',
    timeKey: 'year',
    unit: rows.map((r) => r[0]),
    time: rows.map((r) => r[1]),
    columns: { x1: col(2), x2: col(3), y1: col(4), b: col(5) },
  };
}
const model = (m: Record<string, unknown>) =>
  checkTfpModel({ unit: 'unit', time: 'year', inputs: ['x1', 'x2'], outputs: ['y1'], ...m }, 'model.json').model!;

describe('tfp: scores without a value', () => {
  it('the super-efficiency of the only unit of a period is null and infeasible, not ±∞', () => {
    const p = panel([
      ['U0', 2020, 5, 2, 3, 1],
      ['U0', 2021, 5, 3, 4, 1],
    ]);
    for (const orientation of ['input', 'output'])
      for (const row of runTfp(solver, p, model({ type: 'ccr', orientation, super: true })).results) {
        expect(row.superEfficiency).toBe(true);
        expect(row.efficiency).toBeNull();
        expect(row.status).toBe('infeasible');
      }
  });

  it('Malmquist–Luenberger under VRS: a ratio with 1 + D ≤ 0 is null and infeasible, never NaN', () => {
    const rows: Row[] = [
      ['U0', 2020, 2.6594, 3.2622, 3.6236, 0.6057],
      ['U0', 2021, 1.815, 5.9267, 2.7032, 1.2303],
      ['U0', 2022, 2.847, 3.0989, 5.549, 0.5994],
      ['U1', 2020, 2.5015, 5.2229, 5.084, 0.5863],
      ['U1', 2021, 3.8555, 3.4609, 3.0254, 1.2213],
      ['U1', 2022, 2.7478, 3.0589, 5.0857, 1.3693],
      ['U2', 2020, 3.9447, 4.5966, 3.0303, 1.0823],
      ['U2', 2021, 3.0194, 4.3637, 5.6563, 0.6347],
      ['U2', 2022, 5.373, 2.5939, 4.2151, 0.8793],
      ['U3', 2020, 6.0958, 3.5442, 3.3701, 0.5097],
      ['U3', 2021, 6.3951, 5.9763, 3.3779, 1.0605],
      ['U3', 2022, 6.6713, 3.6085, 4.9378, 1.3381],
      ['U4', 2020, 6.5404, 5.272, 1.9571, 0.5425],
      ['U4', 2021, 7.6322, 4.1159, 4.3875, 1.003],
      ['U4', 2022, 5.538, 5.9532, 5.0313, 1.3953],
    ];
    const r = runTfp(solver, panel(rows), model({ type: 'ml', rts: 'vrs', orientation: 'none', undesirable: ['b'] }));
    const u3 = r.index.find((x) => x.unit === 'U3' && x.from === 2020)!;
    expect(u3).toMatchObject({ status: 'infeasible', value: null, ec: null, tc: null });
    for (const x of r.index) {
      if (x.value === null) expect(x.status).not.toBe('optimal');
      else for (const v of [x.value, x.ec, x.tc]) expect(Number.isFinite(v)).toBe(true);
    }
  });

  it('firm estimators: bootstrap replications above the limit are a model field error, before any work', () => {
    const raw = { type: 'lp', unit: 'unit', time: 'year', output: 'va', free: ['l'], state: ['k'], proxy: 'm' };
    const { model, problems } = checkFirmModel({ ...raw, bootstrap: 1e9 }, 'model.json');
    expect(model).toBeNull();
    expect(problems.map((p) => p.column)).toEqual(['bootstrap']);
    expect(problems[0].message.en).toMatch(/above the limit of 100000/);
    expect(checkFirmModel({ ...raw, bootstrap: MAX_FIRM_BOOTSTRAP }, 'model.json').model?.bootstrap).toBe(
      MAX_FIRM_BOOTSTRAP,
    );
  });
});
