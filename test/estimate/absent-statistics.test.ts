/**
 * Statistics a sample cannot support are absent with a stated reason (issue 17):
 * every NaN of a model result is listed under `absent`, and the reading printed
 * under the model says why.
 */
import { describe, expect, it } from 'vitest';
import { absentStatistics, modelReading } from '../../src/core/estimate/model-common.ts';
import { runEstimate } from '../../src/core/estimate/run.ts';
import { checkEstimateModels } from '../../src/core/estimate/model.ts';
import type { Panel } from '../../src/core/panel/types.ts';

describe('absent statistics', () => {
  it('lists NaN paths (not infinities), none for a clean result', () => {
    const a = absentStatistics({
      coefficients: { x: { estimate: 1, se: NaN } },
      ci: [-Infinity, 2],
      v: Float64Array.of(1, NaN),
    })!;
    expect(a.count).toBe(2);
    expect(a.paths).toEqual(['coefficients.x.se', 'v[1]']);
    expect(absentStatistics({ coefficients: { x: { estimate: 1, se: 0.5 } } })).toBeUndefined();
  });

  it('an event study on 4 units: a period without t and p, and the reading says why', () => {
    const unit: string[] = [];
    const time: number[] = [];
    const y: number[] = [];
    const c: number[] = [];
    const cohort = [2, 3, 0, 0];
    for (let i = 0; i < 4; i++)
      for (let t = 1; t <= 4; t++) {
        unit.push(`u${i}`);
        time.push(t);
        c.push(cohort[i]);
        y.push(i + t + (cohort[i] && t >= cohort[i] ? 1 : 0) + ((i * t) % 3) * 0.1);
      }
    const panel: Panel = {
      unitKey: 'u',
      timeKey: 't',
      unit,
      time,
      columns: { y: Float64Array.from(y), c: Float64Array.from(c) },
    };
    const models = checkEstimateModels(
      { type: 'event-study', y: 'y', unit: 'u', time: 't', cohort: 'c', cluster: 'unit' },
      'm.json',
    );
    const m = runEstimate(panel, models).models[0];
    expect(m.absent?.paths).toEqual(['periods[1].t', 'periods[1].p']);
    expect(modelReading(m).en).toMatch(/Note: 2 statistics cannot be computed from this sample/);
    expect(modelReading(m).zh).toMatch(/注：2 个统计量无法由此样本计算/);
  });
});
