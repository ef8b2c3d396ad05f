/** `xinzhi estimate` with "type": "threshold": the JSON fields, the bilingual tables and the model-file checks. */
import { describe, expect, it } from 'vitest';
import { checkEstimateModel } from '../../src/core/estimate/model.ts';
import { XinzhiError } from '../../src/core/errors.ts';
import { ROOT, xinzhi } from '../analysis/gini-cli-helpers.ts';

const DATA = `${ROOT}data/estimate/threshold-sim.csv`;
const MODEL = `${ROOT}data/estimate/threshold-sim.json`;

describe('xinzhi estimate: threshold model', () => {
  it('--json: thresholds, F, pValue, ci, regimes, coefficients per regime, n, tests with draws and seed', () => {
    const r = xinzhi(['estimate', '--data', DATA, '--model', MODEL, '--json']);
    expect(r.status).toBe(0);
    const m = JSON.parse(r.stdout).models[0];
    expect(m.type).toBe('threshold');
    expect(m.thresholds).toHaveLength(3);
    expect(m.F).toHaveLength(3);
    expect(m.pValue.slice(0, 2)).toEqual([0, 0]);
    expect(m.ci).toHaveLength(3);
    expect(m.n).toBe(400);
    expect(Object.keys(m.coefficients)).toEqual(['x[1]', 'x[2]', 'x[3]', 'x[4]', 'c']);
    expect(Object.keys(m.coefficients['x[1]']).sort()).toEqual(['estimate', 'p', 'se', 't']);
    expect(m.regimes[0]).toMatchObject({ regime: 1, lower: null });
    expect(m.regimes[3].upper).toBeNull();
    expect(m.tests[0]).toMatchObject({ hypothesis: '0 vs 1', draws: 300, seed: 1 });
    expect(m.options).toMatchObject({
      convention: 'le',
      grid: 300,
      trim: [0.01, 0.01, 0.01],
      se: 'cluster',
      preset: 'stata',
    });
    expect(m.interpretation.zh).toContain('门槛');
  });

  it('prints the threshold and test tables in Chinese and English', () => {
    const zh = xinzhi(['estimate', '--data', DATA, '--model', MODEL, '--lang', 'zh']);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toContain('门槛效应检验');
    expect(zh.stdout).toContain('单一门槛 (0 vs 1)');
    expect(zh.stdout).toContain('95% 置信区间（LR）');
    const en = xinzhi(['estimate', '--data', DATA, '--model', MODEL, '--lang', 'en']);
    expect(en.stdout).toContain('Triple (2 vs 3)');
    expect(en.stdout).toContain('fixed-regressor bootstrap');
  });
});

describe('threshold model file', () => {
  const base = { type: 'threshold', y: 'y', x: ['x'], unit: 'unit', time: 'year', q: 'q' };
  it('defaults: 1 threshold, trim 0.01, grid 300, q ≤ γ, 95 %, unit effects, clustered by unit (Stata), 300 draws', () => {
    const m = checkEstimateModel(base);
    expect(m.threshold).toEqual({
      q: 'q',
      thresholds: 1,
      trim: [0.01],
      grid: 300,
      inequality: 'le',
      level: 0.95,
      timeEffects: false,
    });
    expect(m.fe).toEqual(['unit']);
    expect(m.cluster).toBe('unit');
    expect([m.se, m.preset, m.bootstrap, m.seed]).toEqual(['cluster', 'stata', 300, 1]);
  });
  it('"cluster": null gives iid standard errors; fe ["unit", "time"] adds period effects', () => {
    const m = checkEstimateModel({ ...base, cluster: null, fe: ['unit', 'time'], thresholds: 2, trim: [0.01, 0.05] });
    expect(m.se).toBe('iid');
    expect(m.threshold?.timeEffects).toBe(true);
    expect(m.threshold?.trim).toEqual([0.01, 0.05]);
  });
  const fails = (input: object, field: string) => {
    try {
      checkEstimateModel(input);
    } catch (e) {
      expect(e).toBeInstanceOf(XinzhiError);
      expect((e as XinzhiError).problems[0].column).toBe(field);
      expect((e as XinzhiError).problems[0].message.zh).toBeTruthy();
      return;
    }
    throw new Error('no error');
  };
  it('errors name the field: missing q, other fixed effects, trim of the wrong length, 4 thresholds', () => {
    fails({ ...base, q: undefined }, 'q');
    fails({ ...base, fe: ['unit', 'industry'] }, 'fe');
    fails({ ...base, thresholds: 2, trim: [0.01] }, 'trim');
    fails({ ...base, thresholds: 4 }, 'thresholds');
  });
});
