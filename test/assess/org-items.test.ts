/** Organisation items: accepted when complete and on a measurable node; every problem names its field. */
import { describe, expect, it } from 'vitest';
import { BUILTIN_INSTRUMENT, extendInstrument } from '../../src/core/assess/instrument.ts';
import { checkOrgItems, MAX_ORG_ITEMS } from '../../src/core/assess/org-items.ts';
import { scoreAssessment } from '../../src/core/assess/score.ts';
import { assessmentStructure } from '../../src/core/assess/structure.ts';
import { XinzhiError } from '../../src/core/errors.ts';
import { loadFramework } from '../../src/core/framework/model.ts';

const structure = assessmentStructure(loadFramework());
const b = (zh: string, en: string) => ({ zh, en });
const multi = {
  id: 'org.platforms',
  type: 'multi',
  node: 's000.sub.real-time-monitoring',
  prompt: b('在用的平台？', 'Platforms in use?'),
  help: b('可多选。', 'Tick all that apply.'),
  options: [
    { id: 'mes', label: b('制造执行系统', 'MES') },
    { id: 'scada', label: b('数据采集与监控', 'SCADA') },
  ],
};
const number = {
  id: 'org.sensor-share',
  type: 'number',
  node: 's000.sub.real-time-monitoring',
  prompt: b('联网设备占比（%）', 'Share of connected machines (%)'),
  help: b('按台数计。', 'Count machines.'),
  unit: b('%', '%'),
  min: 0,
  max: 100,
  bands: [10, 30, 50, 70, 90],
};
const problemsOf = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof XinzhiError) return e.problems.map((p) => p.column ?? '');
    throw e;
  }
  return [];
};

describe('organisation items', () => {
  it('accepts complete multi and number items and scores them on their node', () => {
    const items = checkOrgItems([multi, number], structure, BUILTIN_INSTRUMENT);
    expect(items.map((i) => i.type)).toEqual(['multi', 'number']);
    const inst = extendInstrument(BUILTIN_INSTRUMENT, 'org1', 1, items);
    expect(inst.version).toBe('1.0.0+org1.1');
    const builtIn = BUILTIN_INSTRUMENT.items.filter((i) => i.node === 's000.sub.real-time-monitoring');
    const answers = Object.fromEntries(builtIn.map((i) => [i.id, { level: 2 }]));
    const s = scoreAssessment(
      inst,
      { ...answers, 'org.platforms': { options: ['mes'] }, 'org.sensor-share': { value: 55 } },
      structure,
    );
    // built-in items at level 2 (40 each), MES of two options (50), 55 % reaches level 3 (60): mean over the items
    const expected = (40 * builtIn.length + 50 + 60) / (builtIn.length + 2);
    expect(s.nodes['s000.sub.real-time-monitoring'].score).toBeCloseTo(expected, 12);
  });

  it('names every bad field', () => {
    const cols = problemsOf(() =>
      checkOrgItems(
        [
          {
            ...multi,
            id: 'platforms',
            options: [
              { id: 'a', label: b('甲', 'A') },
              { id: 'a', label: b('乙', 'B') },
            ],
          },
          { ...number, bands: [10, 5, 50, 70, 90], unit: { zh: '%' } },
          { ...number, id: 'org.x', type: 'slider' },
          { ...multi, id: 'org.y', node: 's000.path.cooperation', prompt: { en: 'only English' } },
        ],
        structure,
        BUILTIN_INSTRUMENT,
      ),
    );
    expect(cols).toEqual(
      expect.arrayContaining([
        'items[0].id',
        'items[0].options[1].id',
        'items[1].unit',
        'items[1].bands',
        'items[2].type',
        'items[3].node',
        'items[3].prompt',
      ]),
    );
  });

  it('refuses an empty list, and more than the cap', () => {
    expect(problemsOf(() => checkOrgItems([], structure, BUILTIN_INSTRUMENT))).toEqual(['items']);
    const many = Array.from({ length: MAX_ORG_ITEMS + 1 }, (_, k) => ({ ...number, id: `org.n${k}` }));
    expect(problemsOf(() => checkOrgItems(many, structure, BUILTIN_INSTRUMENT))).toContain('items');
  });
});
