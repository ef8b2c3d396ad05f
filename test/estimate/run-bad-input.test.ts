/**
 * Bad input to the estimation runner (issue 17): columns whose squares
 * overflow or underflow, a constant outcome, singular designs and missing
 * p-values are named errors or stated absences — never a raw exception and
 * never a verdict drawn from NaN.
 */
import { describe, expect, it } from 'vitest';
import { fromNeighbourList } from '../../src/core/analysis/spatial-weights.ts';
import { XinzhiError } from '../../src/core/errors.ts';
import { checkEstimateModels } from '../../src/core/estimate/model.ts';
import { runEstimate } from '../../src/core/estimate/run.ts';
import { interpretSpatial } from '../../src/core/estimate/run-sdm.ts';
import type { SpatialPanelResult } from '../../src/core/estimate/sdm.ts';
import type { Panel } from '../../src/core/panel/types.ts';

function panel(nu: number, nt: number, f: (i: number, t: number) => Record<string, number>): Panel {
  const unit: string[] = [];
  const time: number[] = [];
  const cols: Record<string, number[]> = {};
  for (let i = 0; i < nu; i++)
    for (let t = 0; t < nt; t++) {
      unit.push(`F${i}`);
      time.push(2020 + t);
      for (const [k, v] of Object.entries(f(i, t))) (cols[k] ??= []).push(v);
    }
  return {
    unitKey: 'firm',
    timeKey: 'year',
    unit,
    time,
    columns: Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, Float64Array.from(v)])),
    source: 'panel.csv',
  };
}

const FE = { type: 'fe', y: 'y', x: ['x'], unit: 'firm', time: 'year' };

function error(f: () => unknown): XinzhiError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(XinzhiError);
    return e as XinzhiError;
  }
  throw new Error('expected a XinzhiError');
}

describe('estimate: bad input', () => {
  it('a column near 1e300 (squares overflow) is named with a fix, before any work', () => {
    const p = panel(4, 3, (i, t) => ({ y: (1 + i + t * t) * 1e300, x: i + t }));
    const e = error(() => runEstimate(p, checkEstimateModels(FE)));
    expect(e.problems[0].code).toBe('estimate-scale');
    expect(e.problems[0].column).toBe('y');
    expect(e.problems[0].fix?.en).toMatch(/rescale y/);
  });

  it('a column near 1e-300 (squares underflow to 0) is named with a fix', () => {
    const p = panel(4, 3, (i, t) => ({ y: 1 + i + t * t, x: (i + t) * 1e-300 }));
    const e = error(() => runEstimate(p, checkEstimateModels(FE)));
    expect(e.problems[0].code).toBe('estimate-scale');
    expect(e.problems[0].column).toBe('x');
  });

  it('a constant outcome is refused (every standard error would be 0)', () => {
    const p = panel(4, 3, (i, t) => ({ y: 0, x: i + t }));
    const e = error(() => runEstimate(p, checkEstimateModels(FE)));
    expect(e.problems[0].code).toBe('estimate-constant-y');
    expect(e.problems[0].message.en).toMatch(/equals 0 in every row/);
  });

  it('a singular spatial design is an error naming the model, not "singular matrix"', () => {
    // two neighbours: after two-way fixed effects W·x is −x, so x and W·x are collinear
    const y = [1.75, 1.65, 2.25, 2.9];
    const x = [0.5, 0.8, 1, 1.8];
    const p = panel(2, 2, (i, t) => ({ y: y[i * 2 + t], x: x[i * 2 + t] }));
    const w = fromNeighbourList({ ids: ['F0', 'F1'], neighbours: [[1], [0]] }, 'pair');
    const models = checkEstimateModels({ ...FE, type: 'sdm', weights: 'file:w.csv' });
    const e = error(() => runEstimate(p, models, { weights: () => w }));
    expect(e.problems[0].code).toBe('estimate-singular');
    expect(e.problems[0].message.en).toMatch(/model \(1\) \(sdm\) cannot be estimated/);
  });

  it('an outcome fitted exactly gives no p-value and no significance verdict', () => {
    // y varies only between firms: the firm effects fit it exactly
    const p = panel(4, 3, (i, t) => ({ y: i * 2, x: i + t * t }));
    const r = runEstimate(p, checkEstimateModels(FE)).models[0];
    expect(r.interpretation.en).toMatch(/no p-value/);
    expect(r.interpretation.en).not.toMatch(/NaN|not significant/);
    expect(r.interpretation.zh).toMatch(/没有 p 值/);
  });

  it('a spatial parameter without a standard error gets no significance verdict', () => {
    const row = (estimate: number, p: number) => ({ estimate, se: Number.NaN, z: Number.NaN, p });
    const r = {
      type: 'sar',
      rho: row(0.3, Number.NaN),
      coefficients: { x: row(1, Number.NaN) },
      impacts: { direct: { x: row(1.1, Number.NaN) }, indirect: { x: row(0.4, 0.03) }, total: { x: row(1.5, 0.2) } },
    } as unknown as SpatialPanelResult;
    const s = interpretSpatial(r, 'x', 'y');
    expect(s.en).toMatch(/ρ = 0\.3000 \(no standard error, so no verdict on significance\)/);
    expect(s.en).toMatch(/is 0\.4000 \(significant at 5%\)/);
    expect(s.zh).toContain('标准误无法计算');
    const sem = interpretSpatial(
      {
        type: 'sem',
        lambda: row(0.2, Number.NaN),
        coefficients: { x: row(1, Number.NaN) },
      } as unknown as SpatialPanelResult,
      'x',
      'y',
    );
    expect(sem.en).not.toMatch(/NaN|not significant/);
  });
});
