import { describe, expect, it } from 'vitest';
import { readTableFile } from '../../src/adapters/io/read.ts';
import {
  calibrateCrisp,
  calibrateDirect,
  calibrateIndirect,
  halfMembershipWarnings,
  LOGISTIC_PRESETS,
} from '../../src/core/qca/calibrate.ts';
import { numericColumn } from '../../src/core/qca/data.ts';
import { XinzhiError } from '../../src/core/errors.ts';
import { close, dataPath, NUMPY } from './helpers.ts';

describe('direct calibration (checked against test/reference/qca/qca_reference.py, NumPy)', () => {
  for (const preset of ['fsqca', 'qca'] as const) {
    it(`reproduces the NumPy logistic with the ${preset} log-odds on Lipset's raw data`, async () => {
      const table = await readTableFile(dataPath('lipset_LR.csv'));
      for (const [col, ref] of Object.entries(NUMPY.direct[preset]) as Array<
        [string, { anchors: number[]; memberships: number[] }]
      >) {
        const [exclusion, crossover, inclusion] = ref.anchors;
        const got = calibrateDirect(numericColumn(table, col), { exclusion, crossover, inclusion }, preset).memberships;
        got.forEach((m, k) => expect(close(m, ref.memberships[k]), `${col}[${k}]`).toBe(true));
      }
    });
  }
  it('puts the anchors at 0.95 / 0.05 with the QCA preset and at 1/(1+e^∓3) with fs/QCA', () => {
    const q = calibrateDirect([400, 550, 900], { exclusion: 400, crossover: 550, inclusion: 900 }, 'qca').memberships;
    expect(q.map((m) => Number(m.toFixed(12)))).toEqual([0.05, 0.5, 0.95]);
    const f = calibrateDirect([400, 900], { exclusion: 400, crossover: 550, inclusion: 900 }, 'fsqca').memberships;
    expect(close(f[1], 1 / (1 + Math.exp(-3)), 1e-15)).toBe(true);
    expect(LOGISTIC_PRESETS.qca).toBeCloseTo(2.944438979, 9);
  });
  it('calibrates a decreasing set when the exclusion anchor is the largest', () => {
    const m = calibrateDirect([4, 10, 14], { exclusion: 14, crossover: 10, inclusion: 5 }, 'qca').memberships;
    expect(m[1]).toBe(0.5);
    expect(m[0]).toBeGreaterThan(0.95);
    expect(Number(m[2].toFixed(12))).toBe(0.05);
  });
  it('rejects anchors out of order, naming the fix', () => {
    expect(() => calibrateDirect([1], { exclusion: 1, crossover: 3, inclusion: 2 })).toThrow(XinzhiError);
    expect(() => calibrateDirect([1], { exclusion: 1, crossover: 1, inclusion: 2 })).toThrow(/distinct anchors/);
  });
});

describe('crisp calibration', () => {
  it('turns Lipset raw data into the published binary crisp sets (QCA package data LC)', async () => {
    const raw = await readTableFile(dataPath('lipset_LR.csv'));
    const lc = await readTableFile(dataPath('lipset_LC.csv'));
    const rules: Record<string, [number[], boolean]> = {
      DEV: [[550], false],
      URB: [[50], false],
      LIT: [[75], false],
      IND: [[30], false],
      STB: [[10], true],
      SURV: [[0], false],
    };
    for (const [col, [th, dec]] of Object.entries(rules))
      expect(calibrateCrisp(numericColumn(raw, col), th, dec).memberships).toEqual(numericColumn(lc, col));
  });
  it('gives k + 1 levels for k thresholds (multi-value sets)', () => {
    expect(calibrateCrisp([300, 550, 849, 850, 1000], [550, 850]).memberships).toEqual([0, 1, 1, 2, 2]);
    expect(() => calibrateCrisp([1], [])).toThrow(XinzhiError);
    expect(() => calibrateCrisp([1], [2, 2])).toThrow(/repeat/);
  });
});

describe('indirect calibration (checked against statsmodels GLM Binomial)', () => {
  it('fits the fractional logit of the targets', () => {
    const ref = NUMPY.indirect;
    const got = calibrateIndirect(ref.values, ref.targets);
    expect(close(got.intercept, ref.intercept, 1e-8)).toBe(true);
    expect(close(got.slope, ref.slope, 1e-8)).toBe(true);
    got.memberships.forEach((m, k) => expect(close(m, ref.memberships[k], 1e-9)).toBe(true));
  });
  it('refuses constant raw values and targets outside [0, 1]', () => {
    expect(() => calibrateIndirect([1, 1, 1], [0.1, 0.5, 0.9])).toThrow(/vary/);
    expect(() => calibrateIndirect([1, 2], [0.1, 1.5])).toThrow(XinzhiError);
  });
});

describe('memberships of exactly 0.5', () => {
  it('are reported as warnings naming file, row, column and case, and never edited', () => {
    const w = halfMembershipWarnings([0.2, 0.5, 0.7], 'STB', {
      file: 'x.csv',
      rows: [2, 3, 4],
      cases: ['A', 'B', 'C'],
    });
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ severity: 'warning', file: 'x.csv', row: 3, column: 'STB', unit: 'B' });
    expect(w[0].fix!.en).toMatch(/do not hand-edit/);
  });
});
