/** The returns-to-scale reading of firm TFP counts inputs only: "notInputs" (e.g. firm age) is left out. */
import { describe, expect, it } from 'vitest';
import { checkFirmModel } from '../../src/core/tfp/firm/model.ts';
import { xinzhi } from '../cli-run.ts';

const base = { type: 'ols', unit: 'firm', time: 'year', output: 'lny', free: ['lnl'], state: ['lnk', 'age'] };

describe('notInputs', () => {
  it('defaults to none; must name free or state columns', () => {
    expect(checkFirmModel(base, 'm.json').model!.notInputs).toEqual([]);
    expect(checkFirmModel({ ...base, notInputs: ['age'] }, 'm.json').model!.notInputs).toEqual(['age']);
    const bad = checkFirmModel({ ...base, notInputs: ['lny'] }, 'm.json');
    expect(bad.model).toBeNull();
    expect(bad.problems[0].column).toBe('notInputs');
  });

  it('the reading sums lnl and lnk only, and says so', async () => {
    const { stdout, code } = await xinzhi([
      'tfp',
      '--data',
      'data/tfp/firm-exit-panel.csv',
      '--model',
      'data/tfp/firm-op-exit.yaml',
      '--lang',
      'en',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/output elasticities of lnl, lnk sum to/);
    expect(stdout).not.toMatch(/every state variable is counted/);
  }, 120_000);
});
