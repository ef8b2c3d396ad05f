/**
 * `xinzhi compare` and `xinzhi evaluate --preset` (CLI): the JSON is the core's
 * comparison of the same spec and data; bad options name the option and the choices.
 */
import { readFileSync } from 'node:fs';
import { xinzhi } from '../cli-run.ts';
import { describe, expect, it } from 'vitest';
import { readPanelFile } from '../../src/adapters/io/read.ts';
import { DEFAULT_DATA, DEFAULT_SPEC } from '../../src/adapters/io/defaults.ts';
import { comparePresets } from '../../src/core/measure/compare-presets.ts';
import { evaluate } from '../../src/core/measure/evaluate.ts';
import { presetOver } from '../../src/core/measure/presets.ts';

describe('xinzhi compare (CLI)', () => {
  it('--json is the core comparison of the embedded default', async () => {
    const { stdout, code } = await xinzhi(['compare', '--preset', 'spssau', '--preset', 'stata-entropy', '--json']);
    expect(code).toBe(0);
    const got = JSON.parse(stdout);
    const spec = JSON.parse(readFileSync(DEFAULT_SPEC, 'utf8'));
    const { panel } = await readPanelFile(DEFAULT_DATA, {
      unit: 'Province',
      time: 'Year',
      labels: ['name_zh', 'region'],
    });
    const c = comparePresets(panel, spec, 'spssau', 'stata-entropy');
    expect(got.settings).toEqual(JSON.parse(JSON.stringify(c.settings)));
    expect(got.scores.rankChanges).toBe(c.scores.rankChanges);
    expect(got.steps.length).toBe(c.steps.length);
    // the Stata script's k = 1/ln T is the step that moves the ranks
    expect(got.steps.at(-1).settings.map((s: { setting: string }) => s.setting)).toContain('weights.entropy.k');
  }, 120_000);

  it('text output in Chinese names both sides and the steps', async () => {
    const { stdout, code } = await xinzhi(['compare', '--preset', 'xinzhi', '--preset', 'coinr', '--lang', 'zh']);
    expect(code).toBe(0);
    expect(stdout).toContain('口径比较');
    expect(stdout).toContain('逐步分解');
    expect(stdout).toContain('normalize.range');
  }, 120_000);

  it('one preset, or an unknown one: an error naming --preset and the choices', async () => {
    const one = await xinzhi(['compare', '--preset', 'spssau']);
    expect(one.code).not.toBe(0);
    expect(one.stderr).toMatch(/--preset/);
    const bad = await xinzhi(['compare', '--preset', 'spssau', '--preset', 'spsspro']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/stata-entropy/);
  }, 120_000);

  it('evaluate --preset gives the weights of the spec under the preset', async () => {
    const { stdout, code } = await xinzhi(['evaluate', '--preset', 'mathmodels', '--json']);
    expect(code).toBe(0);
    const got = JSON.parse(stdout);
    const spec = JSON.parse(readFileSync(DEFAULT_SPEC, 'utf8'));
    const { panel } = await readPanelFile(DEFAULT_DATA, {
      unit: 'Province',
      time: 'Year',
      labels: ['name_zh', 'region'],
    });
    const r = evaluate(panel, presetOver(spec, 'mathmodels'));
    expect(got.weights).toEqual(r.weights);
    expect(got.record.spec.normalize.range).toEqual([0.002, 0.996]);
    expect(got.record.spec.score.scale).toBe(100);
  }, 120_000);
});
