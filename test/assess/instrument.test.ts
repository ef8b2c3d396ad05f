/** The built-in instrument covers the framework: a test walks seed 000 and seed 003. */
import { describe, expect, it } from 'vitest';
import { BUILTIN_INSTRUMENT, extendInstrument } from '../../src/core/assess/instrument.ts';
import { checkInstrument, scoreAssessment } from '../../src/core/assess/score.ts';
import { assessmentStructure } from '../../src/core/assess/structure.ts';
import { loadFramework } from '../../src/core/framework/model.ts';

const model = loadFramework();
const structure = assessmentStructure(model);

describe('the built-in instrument', () => {
  it('has an item on each of the 28 sub-categories, 9 factor upgrades and 3 management modes of seed 000', () => {
    const subs = model.nodes.filter((n) => n.id.startsWith('s000.') && n.kind === 'sub-category');
    expect(subs).toHaveLength(28);
    const measured = new Set(BUILTIN_INSTRUMENT.items.map((i) => i.node));
    for (const s of subs) expect(measured.has(s.id), s.id).toBe(true);
    for (const p of structure.paths) {
      expect(p.factors).toHaveLength(3);
      for (const f of [...p.factors, p.mode]) expect(measured.has(f), f).toBe(true);
    }
    expect(structure.paths.flatMap((p) => p.mainCategories)).toHaveLength(9);
  });
  it('has an item on each enterprise AI path and resource mechanism of seed 003', () => {
    expect(structure.aiPaths).toHaveLength(5);
    expect(structure.resourceMechanisms).toHaveLength(3);
    const measured = new Set(BUILTIN_INSTRUMENT.items.map((i) => i.node));
    for (const n of [...structure.aiPaths, ...structure.resourceMechanisms]) expect(measured.has(n), n).toBe(true);
  });
  it('says everything in both languages: prompt, help, anchors and options', () => {
    checkInstrument(BUILTIN_INSTRUMENT, structure);
    for (const item of BUILTIN_INSTRUMENT.items) {
      const texts = [item.prompt, item.help];
      if (item.type === 'level') texts.push(item.anchors[1], item.anchors[3], item.anchors[5]);
      if (item.type === 'multi') texts.push(...item.options.map((o) => o.label));
      for (const t of texts) {
        expect(t.zh.trim().length, item.id).toBeGreaterThan(0);
        expect(t.en.trim().length, item.id).toBeGreaterThan(0);
        expect(/[\u4e00-\u9fff]/.test(t.zh), item.id).toBe(true);
      }
      if (item.type === 'number') expect(item.unit.zh.length * item.unit.en.length, item.id).toBeGreaterThan(0);
      if (item.type === 'number') expect([...item.bands].sort((x, y) => x - y)).toEqual(item.bands);
    }
  });
  it("takes an organisation's own items as a new version, and refuses items on nodes it does not score", () => {
    const own = extendInstrument(BUILTIN_INSTRUMENT, 'org1', 1, [
      {
        id: 'org1.mes-coverage',
        node: 's000.sub.real-time-monitoring',
        type: 'level',
        prompt: { zh: '产线接入 MES 的比例？', en: 'Share of lines connected to the MES?' },
        help: { zh: '按产线数计。', en: 'Count production lines.' },
        anchors: { 1: { zh: '少数', en: 'A few' }, 3: { zh: '一半', en: 'Half' }, 5: { zh: '全部', en: 'All' } },
      },
    ]);
    expect(own.version).toBe('1.0.0+org1.1');
    const s = scoreAssessment(own, { 'org1.mes-coverage': { level: 4 } }, structure);
    expect(s.nodes['s000.sub.real-time-monitoring'].status).toBe('incomplete');
    const bad = extendInstrument(BUILTIN_INSTRUMENT, 'org1', 2, [{ ...own.items.at(-1)!, id: 'org1.x', node: 'nqpf' }]);
    expect(() => checkInstrument(bad, structure)).toThrow(/measures node nqpf, which the assessment does not score/);
  });
});
