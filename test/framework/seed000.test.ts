/**
 * Seed 000 against the paper itself: Tables 3 and 4 are parsed from the seed
 * file and compared with the model's hierarchy; counts, chains, effects,
 * outcome features, propositions and the reinforcing loop are checked as
 * structure (relations between nodes), not by re-reading the data module.
 */
import { describe, expect, it } from 'vitest';
import {
  SEED_FILES,
  children,
  descendants,
  getNode,
  incoming,
  loadFramework,
  outgoing,
  parents,
  type FrameworkNode,
} from '../../src/core/framework/index.ts';
import { HAVE_SEEDS, seedLines, seedText } from './helpers.ts';

const model = loadFramework();
const FILE = SEED_FILES['000'];
const kids = (id: string, kind?: string) => children(model, id).filter((n) => !kind || n.kind === kind);
const names = (ns: FrameworkNode[]) => ns.map((n) => n.name.zh);
const targets = (id: string, type: Parameters<typeof outgoing>[2]) => outgoing(model, id, type).map((r) => r.to);

/** Rows of a tab-separated table that follows a caption line, up to the first blank line after its header. */
function table(caption: string): string[][] {
  const lines = seedLines(FILE);
  const start = lines.findIndex((l) => l.startsWith(caption));
  expect(start).toBeGreaterThan(-1);
  const rows: string[][] = [];
  let i = start + 1;
  while (i < lines.length && lines[i].trim() === '') i++;
  for (i = i + 1; i < lines.length && lines[i].trim() !== ''; i++) rows.push(lines[i].split('\t').map((c) => c.trim()));
  return rows;
}

const paths = kids('seed.000', 'path');
const mains = paths.flatMap((p) => kids(p.id, 'main-category'));
const subs = mains.flatMap((m) => kids(m.id, 'sub-category'));

describe.runIf(HAVE_SEEDS)('seed 000: coding results', () => {
  it('has 3 paths (core categories), 9 main categories and 28 sub-categories', () => {
    expect(names(paths)).toEqual(['提质增效', '交互合作', '创新突破']);
    expect(mains).toHaveLength(9);
    expect(subs).toHaveLength(28);
    expect(new Set(subs.map((s) => s.id)).size).toBe(28);
    // no other main or sub categories elsewhere in the seed
    const all = descendants(model, 'seed.000');
    expect(all.filter((n) => n.kind === 'main-category')).toHaveLength(9);
    expect(all.filter((n) => n.kind === 'sub-category')).toHaveLength(28);
  });

  it('groups sub-categories under main categories exactly as Table 3 of the paper', () => {
    const rows = table('表 3 主轴式编码');
    expect(rows).toHaveLength(9);
    const fromPaper = new Map(rows.map(([main, list]) => [main, list.split(/[;；]/).map((x) => x.trim())]));
    const fromModel = new Map(mains.map((m) => [m.name.zh, names(kids(m.id, 'sub-category'))]));
    expect(fromModel).toEqual(fromPaper);
  });

  it('assigns main categories to paths as Table 4 (the paper writes 管理提速 there, 管理提效 in Table 3)', () => {
    const rows = table('表 4 选择式编码');
    expect(rows.map((r) => r[0])).toEqual(names(paths));
    for (const [core, , list] of rows) {
      const path = paths.find((p) => p.name.zh === core)!;
      const modelNames = kids(path.id, 'main-category').map(
        (m) => (m.facts?.table4Name as string | undefined) ?? m.name.zh,
      );
      expect(new Set(modelNames)).toEqual(new Set(list.split(/[;；]/)));
    }
  });

  it('keeps the stated numbers as facts, matching the text of the paper', () => {
    const method = getNode(model, 's000.method')!;
    expect(method.facts).toMatchObject({
      firms: 20,
      interviewees: 31,
      codingInterviewees: 27,
      saturationInterviewees: 4,
      seniorInterviewees: 10,
      interviewHours: 34,
    });
    const text = seedText(FILE);
    expect(text).toContain(`选取${method.facts!.firms}家企业的${method.facts!.interviewees}名调研对象`);
    expect(text).toContain(`一组包含${method.facts!.codingInterviewees}名访谈对象`);
    expect(text).toContain(`另一组包含${method.facts!.saturationInterviewees}名访谈对象`);
    const coding = getNode(model, 's000.method.coding')!;
    expect(coding.facts).toMatchObject({
      subCategories: subs.length,
      mainCategories: mains.length,
      coreCategories: paths.length,
    });
    expect(text).toContain(`${coding.facts!.subCategories}个副范畴`);
    expect(text).toContain(`${coding.facts!.mainCategories}个主范畴`);
    // case figures kept on the nodes they illustrate
    const eff = getNode(model, 's000.outcome.high-efficiency')!.facts!;
    expect(text).toContain(`生产端效率提升${eff.caseHaierProductionEfficiencyGainPct}%`);
    expect(text).toContain(`库存周转率提升${eff.caseHaierInventoryTurnoverGainPct}%`);
    expect(text).toContain(`${getNode(model, 's000.main.resource-sharing')!.facts!.caseHaierHopeExperts}社群专家`);
    expect(text).toContain(`突破${getNode(model, 's000.outcome.new-technology')!.facts!.caseDjiAgrasWorkedArea}`);
  });
});

describe.runIf(HAVE_SEEDS)('seed 000: the context–process–outcome chain of each path', () => {
  const expected: Record<
    string,
    { factors: [string, string, string]; mode: string; effect: string; outcomes: string[]; prop: string }
  > = {
    提质增效: {
      factors: ['应用型劳动者', '生产运营数据', '先进制造技术'],
      mode: '精细管理模式',
      effect: '生产管理加速效应',
      outcomes: ['高效率', '高柔性'],
      prop: '命题1',
    },
    交互合作: {
      factors: ['协同型劳动者', '平台共享数据', '平台搭建技术'],
      mode: '合作管理模式',
      effect: '资源关系联动效应',
      outcomes: ['高协同', '新模式'],
      prop: '命题2',
    },
    创新突破: {
      factors: ['创新型劳动者', '创新稀缺数据', '创新研发技术'],
      mode: '创新管理模式',
      effect: '关键技术突破效应',
      outcomes: ['新技术', '新业态'],
      prop: '命题3',
    },
  };
  for (const [pathName, exp] of Object.entries(expected)) {
    it(`links context → factors → mode → main categories → effect → outcome features for ${pathName}`, () => {
      const path = paths.find((p) => p.name.zh === pathName)!;
      const stages = kids(path.id, 'stage');
      const context = stages.find((s) => s.tags?.includes('context'))!;
      expect(context.name.zh).toMatch(/矛盾$/);
      const [factors] = targets(context.id, 'precedes');
      expect(names(kids(factors, 'factor'))).toEqual(exp.factors);
      // the three upgraded factors link to the shared laborer / data / means of labour
      expect(kids(factors, 'factor').map((f) => targets(f.id, 'related-to')[0])).toEqual([
        'factor.laborer',
        'factor.data',
        'factor.means',
      ]);
      const [mode] = targets(factors, 'precedes');
      expect(getNode(model, mode)!.name.zh).toBe(exp.mode);
      const pathMains = kids(path.id, 'main-category').map((m) => m.id);
      expect(new Set(targets(mode, 'drives'))).toEqual(new Set(pathMains));
      const effects = kids(path.id, 'effect');
      expect(names(effects)).toEqual([exp.effect]);
      for (const m of pathMains) expect(targets(m, 'drives')).toEqual([effects[0].id]);
      const outcomes = targets(effects[0].id, 'drives').map((id) => getNode(model, id)!);
      expect(names(outcomes)).toEqual(exp.outcomes);
      for (const o of outcomes) {
        expect(o.kind).toBe('outcome-feature');
        const general =
          exp.outcomes.indexOf(o.name.zh) >= 0 && o.name.zh.startsWith('新') ? 'feature.new' : 'feature.quality';
        expect(parents(model, o.id).map((p) => p.id)).toEqual(expect.arrayContaining([path.id, general]));
      }
      expect(names(kids(path.id, 'proposition'))).toEqual([exp.prop]);
      // the digitalisation driver acts through this path
      expect(incoming(model, path.id, 'drives').map((r) => r.from)).toContain('digitalization');
    });
  }

  it('has exactly 3 effects and the 6 outcome features: 高效率/高柔性/高协同 ("质") and 新技术/新业态/新模式 ("新")', () => {
    const all = descendants(model, 'seed.000');
    expect(names(all.filter((n) => n.kind === 'effect'))).toEqual([
      '生产管理加速效应',
      '资源关系联动效应',
      '关键技术突破效应',
    ]);
    expect(new Set(names(kids('feature.quality', 'outcome-feature')))).toEqual(new Set(['高效率', '高柔性', '高协同']));
    expect(new Set(names(kids('feature.new', 'outcome-feature')))).toEqual(new Set(['新技术', '新业态', '新模式']));
    expect(all.filter((n) => n.kind === 'proposition')).toHaveLength(3);
  });

  it('has the generic 情境—过程—结果 logic as an ordered chain of four stages', () => {
    const logic = kids('seed.000', 'stage')[0];
    const chain = kids(logic.id, 'stage');
    expect(chain).toHaveLength(4);
    for (let i = 0; i < 3; i++) expect(targets(chain[i].id, 'precedes')).toEqual([chain[i + 1].id]);
  });
});

describe.runIf(HAVE_SEEDS)('seed 000: the reinforcing loop 效率驱动—协同耦合—技术反哺', () => {
  const loop = kids('seed.000', 'mechanism').find((m) => m.name.zh.includes('效率驱动—协同耦合—技术反哺'))!;
  const [qe, co, ib] = paths.map((p) => p.id);

  it('reinforces each path from the other two, in the directions the paper gives', () => {
    const between = model.relations.filter(
      (r) => r.type === 'reinforces' && paths.some((p) => p.id === r.from) && paths.some((p) => p.id === r.to),
    );
    const pairs = new Set(between.map((r) => `${r.from}>${r.to}`));
    expect(pairs).toEqual(
      new Set([`${qe}>${co}`, `${qe}>${ib}`, `${co}>${qe}`, `${co}>${ib}`, `${ib}>${qe}`, `${ib}>${co}`]),
    );
  });

  it('has the three segments, each driven by one path and reinforcing the other two', () => {
    const segments = kids(loop.id, 'mechanism').slice(0, 3);
    expect(names(segments)).toEqual(['效率驱动', '协同耦合', '技术反哺']);
    [qe, co, ib].forEach((source, i) => {
      expect(incoming(model, segments[i].id, 'drives').map((r) => r.from)).toEqual([source]);
      expect(new Set(targets(segments[i].id, 'reinforces'))).toEqual(new Set([qe, co, ib].filter((p) => p !== source)));
    });
  });

  it('closes 以质育新 / 以新促质 between "quality" and "new"', () => {
    expect(targets('feature.quality', 'reinforces')).toContain('feature.new');
    expect(targets('feature.new', 'reinforces')).toContain('feature.quality');
    expect(names(kids(loop.id, 'mechanism'))).toEqual(expect.arrayContaining(['以质育新', '以新促质']));
  });
});
