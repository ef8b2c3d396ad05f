/**
 * Seed 001 against the paper: the sub-headings under its three numbered
 * sections are read from the seed file; each characteristic, mechanism and
 * practice path must cite exactly one of them, all of them covered.
 */
import { describe, expect, it } from 'vitest';
import {
  SEED_FILES,
  children,
  getNode,
  incoming,
  loadFramework,
  outgoing,
  remediesOf,
  type FrameworkNode,
} from '../../src/core/framework/index.ts';
import { HAVE_SEEDS, seedLines } from './helpers.ts';

const model = loadFramework();
const FILE = SEED_FILES['001'];
const kids = (id: string, kind?: string) => children(model, id).filter((n) => !kind || n.kind === kind);

/** The "(一)…" sub-headings between the numbered section starting with `section` and the next numbered section. */
function subHeadings(section: string): string[] {
  const lines = seedLines(FILE);
  const start = lines.findIndex((l) => l.startsWith(section));
  expect(start).toBeGreaterThan(-1);
  const out: string[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    if (/^[一二三四五六七八九十]+、/.test(lines[i]) || lines[i].startsWith('結語')) break;
    if (/^\([一二三四五六七八九十]+\)/.test(lines[i])) out.push(lines[i].trim());
  }
  return out;
}

/** Each node cites exactly one of the headings, and together they cite all of them, in order. */
function expectOnePerHeading(nodes: FrameworkNode[], headings: string[]): void {
  const cited = nodes.map((n) => {
    const hits = n.cite.filter((c) => c.seed === FILE && headings.includes(c.section));
    expect(hits, n.id).toHaveLength(1);
    return hits[0].section;
  });
  expect(cited).toEqual(headings);
}

const group = (kind: string) => kids('seed.001', kind).find((n) => kids(n.id, kind).length > 0)!;

describe.runIf(HAVE_SEEDS)('seed 001: industry level', () => {
  it('has the 3 characteristics, one per sub-heading of section 一', () => {
    const headings = subHeadings('一、數字新質生產力驅動產業創新升級的特征');
    expect(headings).toHaveLength(3);
    const chars = kids(group('characteristic').id, 'characteristic');
    expect(chars).toHaveLength(3);
    expectOnePerHeading(chars, headings);
  });

  it('has the 4 logic mechanisms 要素支撑, 技术保障, 竞争活力, 有效需求, one per sub-heading of section 二', () => {
    const headings = subHeadings('二、數字新質生產力驅動產業創新升級的邏輯機制');
    expect(headings).toHaveLength(4);
    const mechs = kids(group('mechanism').id, 'mechanism');
    expect(mechs.map((m) => m.name.zh)).toEqual(['要素支撑', '技术保障', '竞争活力', '有效需求']);
    expectOnePerHeading(mechs, headings);
    const target = 's001.industrial-upgrading';
    for (const m of mechs) expect(outgoing(model, m.id, 'drives').map((r) => r.to)).toContain(target);
  });

  it('has the 4 practice paths, one per sub-heading of section 三, each with its concrete measures', () => {
    const headings = subHeadings('三、數字新質生產力視野下產業創新升級的實踐路徑');
    expect(headings).toHaveLength(4);
    const paths = kids(group('practice-path').id, 'practice-path');
    expect(paths).toHaveLength(4);
    expectOnePerHeading(paths, headings);
    const measures = paths.map((p) => kids(p.id, 'policy'));
    expect(measures.map((m) => m.length)).toEqual([3, 4, 2, 2]);
    for (const [i, ms] of measures.entries())
      for (const m of ms) expect(m.cite.map((c) => c.section)).toContain(headings[i]);
  });

  it('links the third characteristic to the three shared factors instead of duplicating them', () => {
    const unity = kids(group('characteristic').id, 'characteristic')[2];
    const linked = outgoing(model, unity.id, 'related-to').map((r) => r.to);
    expect(linked).toEqual(
      expect.arrayContaining(['factor.laborer', 'factor.means', 'factor.object', 'factor.combination']),
    );
    expect(model.nodes.filter((n) => n.id.startsWith('s001.') && n.kind === 'factor')).toEqual([]);
  });

  it('answers its opening problems with the four practice paths and their measures', () => {
    const problems = kids(kids('seed.001', 'problem')[0].id, 'problem');
    expect(problems.map((p) => p.name.zh)).toEqual(['技术适配性差', '资金压力大', '创新路径模糊']);
    const remedies = remediesOf(model, problems[1].id);
    expect(remedies.filter((r) => r.via === 'mitigated-by').map((r) => r.node.kind)).toEqual(
      Array(4).fill('practice-path'),
    );
    expect(remedies.filter((r) => r.via === 'contains')).toHaveLength(11);
  });

  it('links data, talent, key technologies, the digital divide and the green form to the shared concepts', () => {
    expect(outgoing(model, 'factor.data', 'drives').map((r) => r.to)).toContain('s001.mech.factor-support');
    expect(outgoing(model, 'concept.digital-divide', 'mitigated-by').map((r) => r.to)).toContain(
      's001.path.policy-synergy.infrastructure',
    );
    const talentLinks = incoming(model, 'concept.talent')
      .map((r) => r.from)
      .filter((id) => id.startsWith('s001.'));
    expect(talentLinks.length).toBeGreaterThanOrEqual(2);
    expect(incoming(model, 'concept.key-technology').some((r) => r.from.startsWith('s001.'))).toBe(true);
    expect(incoming(model, 'form.green').some((r) => r.from.startsWith('s001.'))).toBe(true);
    expect(getNode(model, 's001.dnqpf')!.name.zh).toBe('数字新质生产力');
  });
});
