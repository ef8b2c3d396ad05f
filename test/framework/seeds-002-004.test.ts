/**
 * Seeds 002–004 in the framework model: structure at the papers' granularity,
 * id integrity, citations that occur verbatim in the seed files, bilingual
 * descriptions (own words: see own-words.test.ts), and the links to shared concepts and across seeds.
 */
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/core/framework/model.ts';
import { validateFramework, ID_PATTERN } from '../../src/core/framework/schema.ts';
import { SEED_FILES } from '../../src/core/framework/common.ts';
import { seed002 } from '../../src/core/framework/seeds/s002.ts';
import { seed003 } from '../../src/core/framework/seeds/s003.ts';
import { seed004 } from '../../src/core/framework/seeds/s004.ts';
import type { FrameworkNode, FrameworkPart, RelationType } from '../../src/core/framework/types.ts';

import { HAVE_SEEDS, seedText } from './helpers.ts';

const model = loadFramework();
const byId = new Map(model.nodes.map((n) => [n.id, n]));
const node = (id: string): FrameworkNode => {
  const n = byId.get(id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
};
const out = (id: string, type: RelationType) =>
  model.relations.filter((r) => r.from === id && r.type === type).map((r) => r.to);
const into = (id: string, type: RelationType) =>
  model.relations.filter((r) => r.to === id && r.type === type).map((r) => r.from);
const kids = (id: string, kind?: string) => out(id, 'contains').filter((c) => !kind || node(c).kind === kind);
const has = (from: string, type: RelationType, to: string) =>
  model.relations.some((r) => r.from === from && r.type === type && r.to === to);
function descendants(id: string): string[] {
  const seen: string[] = [];
  const stack = [id];
  while (stack.length) {
    for (const c of out(stack.pop()!, 'contains'))
      if (!seen.includes(c)) {
        seen.push(c);
        stack.push(c);
      }
  }
  return seen;
}

const PARTS: [string, FrameworkPart][] = [
  ['002', seed002],
  ['003', seed003],
  ['004', seed004],
];

describe.runIf(HAVE_SEEDS)('seeds 002–004: integrity', () => {
  it('are part of the assembled model, which validates without problems', () => {
    for (const [, part] of PARTS) {
      for (const n of part.nodes) expect(byId.get(n.id)).toBe(n);
    }
    expect(validateFramework(model)).toEqual([]);
  });

  for (const [no, part] of PARTS) {
    describe(`seed ${no}`, () => {
      const file = SEED_FILES[no as keyof typeof SEED_FILES];
      const text = seedText(file);

      it('uses unique, well-formed ids with its own prefix', () => {
        const ids = part.nodes.map((n) => n.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) {
          expect(id).toMatch(ID_PATTERN);
          expect(id.startsWith(`s${no}.`)).toBe(true);
        }
      });

      it('relates only ids that exist in the model', () => {
        for (const r of part.relations) {
          expect(byId.has(r.from), `${r.from} (${r.type} → ${r.to})`).toBe(true);
          expect(byId.has(r.to), `${r.to} (${r.from} ${r.type} →)`).toBe(true);
          expect(r.from).not.toBe(r.to);
        }
        const keys = part.relations.map((r) => `${r.from}|${r.type}|${r.to}`);
        expect(new Set(keys).size).toBe(keys.length);
      });

      it('cites sections that occur verbatim in its own seed file', () => {
        const cites = [...part.nodes.flatMap((n) => n.cite), ...part.relations.flatMap((r) => r.cite ?? [])];
        expect(cites.length).toBeGreaterThan(part.nodes.length - 1);
        for (const c of cites) {
          expect(c.seed).toBe(file);
          expect(text.includes(c.section), `section not in ${file}: ${c.section}`).toBe(true);
          expect(c.section).not.toMatch(/^#|\*\*/);
        }
        for (const n of part.nodes) expect(n.cite.length, n.id).toBeGreaterThan(0);
      });

      it('describes nodes bilingually', () => {
        // That the descriptions are in our own words (no copied runs of the
        // papers) is checked for the whole model in own-words.test.ts.
        for (const n of part.nodes) {
          for (const t of [n.name.zh, n.name.en, n.description.zh, n.description.en])
            expect(t.trim().length, n.id).toBeGreaterThan(0);
        }
      });

      it('hangs every top-level node from its seed node', () => {
        const own = new Set(part.nodes.map((n) => n.id));
        // Children (contains) and tracked quantities (tracks) hang from another node of the seed.
        const childOfOwn = new Set(
          part.relations
            .filter((r) => (r.type === 'contains' || r.type === 'tracks') && own.has(r.from))
            .map((r) => r.to),
        );
        const top = part.nodes.filter((n) => !childOfOwn.has(n.id)).map((n) => n.id);
        expect(top.length).toBeGreaterThan(0);
        for (const id of top) expect(has(`seed.${no}`, 'contains', id), id).toBe(true);
      });
    });
  }
});

describe.runIf(HAVE_SEEDS)('seed 002: digital economy, reproduction links, problems and paths', () => {
  it('has three components of four kinds each, each driving one kind of innovation', () => {
    const comps = ['s002.infrastructure', 's002.management', 's002.production-mode'];
    const innovations = ['s002.innovation.technology', 's002.innovation.management', 's002.innovation.mode'];
    comps.forEach((c, i) => {
      expect(node(c).kind).toBe('digital-economy-component');
      expect(has('digital-economy', 'contains', c)).toBe(true);
      expect(kids(c, 'digital-economy-component')).toHaveLength(4);
      expect(has(c, 'drives', innovations[i]!)).toBe(true);
    });
    expect(kids('s002.infrastructure').map((k) => node(k).name.zh)).toEqual([
      '网络基础设施',
      '信息服务基础设施',
      '科技创新支撑类基础设施',
      '重要信息基础设施',
    ]);
    expect(kids('s002.management').map((k) => node(k).name.zh)).toEqual([
      '数据化驱动',
      '智能化升级',
      '灵活化变革',
      '敏捷化管理',
    ]);
    expect(kids('s002.production-mode').map((k) => node(k).name.zh)).toEqual([
      '智能生产模式',
      '个性生产模式',
      '精准生产模式',
      '绿色生产模式',
    ]);
  });

  it('has the four reproduction links in order, each acted on by all components and with two aspects', () => {
    const links = kids('s002.framework', 'reproduction-link');
    expect(links.map((l) => node(l).name.zh)).toEqual(['生产环节', '分配环节', '流通环节', '消费环节']);
    for (const l of links) {
      expect(into(l, 'acts-on').sort()).toEqual(['s002.infrastructure', 's002.management', 's002.production-mode']);
      expect(kids(l, 'mechanism')).toHaveLength(2);
      expect(has(l, 'drives', 'nqpf')).toBe(true);
    }
    for (let i = 1; i < links.length; i++) expect(has(links[i - 1]!, 'precedes', links[i]!)).toBe(true);
  });

  it('has four problems with three sub-problems each, answered by matching paths and sub-paths', () => {
    const problems = kids('s002.problems', 'problem');
    expect(problems).toHaveLength(4);
    expect(kids('s002.paths', 'practice-path')).toHaveLength(4);
    for (const p of problems) {
      const paths = out(p, 'mitigated-by');
      expect(paths).toHaveLength(1);
      const path = paths[0]!;
      expect(node(path).kind).toBe('practice-path');
      expect(has('s002.paths', 'contains', path)).toBe(true);
      expect(has(p, 'hinders', 'nqpf')).toBe(true);
      const subs = kids(p, 'problem');
      const subPaths = kids(path, 'practice-path');
      expect(subs).toHaveLength(3);
      expect(subPaths).toHaveLength(3);
      subs.forEach((s) => {
        const remedies = out(s, 'mitigated-by');
        expect(remedies).toHaveLength(1);
        expect(subPaths).toContain(remedies[0]);
      });
      expect(new Set(subs.flatMap((s) => out(s, 'mitigated-by'))).size).toBe(3);
    }
  });

  it('names the three digital divides and pairs each facet with a measure', () => {
    expect(has('s002.problem.digital-divide', 'same-as', 'concept.digital-divide')).toBe(true);
    const divides = kids('s002.problem.digital-divide', 'problem');
    expect(divides.map((d) => d.split('.').pop())).toEqual(['subjects', 'industries', 'regions']);
    expect(has('s002.problem.digital-divide.regions', 'related-to', 'level.region')).toBe(true);
    const facetCounts = divides.map((d) => kids(d, 'problem').length);
    expect(facetCounts).toEqual([2, 3, 4]);
    for (const d of divides) {
      const path = out(d, 'mitigated-by')[0]!;
      const measures = kids(path, 'policy');
      expect(measures.length).toBeGreaterThanOrEqual(3);
      for (const f of kids(d, 'problem')) {
        const remedies = out(f, 'mitigated-by');
        expect(remedies.length, f).toBeGreaterThan(0);
        for (const r of remedies) expect(measures).toContain(r);
      }
      // every measure answers at least one facet
      for (const m of measures) expect(into(m, 'mitigated-by').length, m).toBeGreaterThan(0);
    }
  });
});

describe.runIf(HAVE_SEEDS)('seed 003: Table 1, AI, paths, mechanisms and policies', () => {
  const LEVELS = ['level.employee', 'level.firm', 'level.industry'];

  it('Table 1 has 9 factor cells and 9 form cells, each tied to one level and one factor / form', () => {
    const rows = kids('s003.table1');
    expect(rows).toEqual(['s003.table1.employee', 's003.table1.firm', 's003.table1.industry']);
    const check = (kind: 'factor' | 'form', shared: string[]) => {
      const pairs = new Set<string>();
      for (const row of rows) {
        const cells = kids(row, kind);
        expect(cells).toHaveLength(3);
        for (const cell of cells) {
          const rel = out(cell, 'related-to');
          const lv = rel.filter((t) => LEVELS.includes(t));
          const f = rel.filter((t) => shared.includes(t));
          expect(lv, cell).toHaveLength(1);
          expect(f, cell).toHaveLength(1);
          pairs.add(`${lv[0]}|${f[0]}`);
        }
      }
      expect(pairs.size).toBe(9);
    };
    check('factor', ['factor.laborer', 'factor.means', 'factor.object']);
    check('form', ['form.tech', 'form.green', 'form.digital']);
    expect(node('s003.table1').cite.some((c) => c.section.startsWith('表 1'))).toBe(true);
  });

  it("lists AI's three features and its double-edged effect at three levels", () => {
    const f = kids('s003.ai-features');
    expect(f.map((id) => node(id).name.zh)).toEqual(['数据驱动', '算力支持', '算法引领', '“双刃剑”效应']);
    const risks = kids('s003.ai.double-edged', 'problem');
    expect(risks).toHaveLength(3);
    // each hinders its own row of Table 1 and its level
    for (const [i, lv] of (['employee', 'firm', 'industry'] as const).entries()) {
      expect(out(risks[i], 'hinders')).toEqual(expect.arrayContaining([`s003.table1.${lv}`, `level.${lv}`]));
    }
  });

  it('has the employee path (automation + 4 augmentation dimensions) and 3 capability mechanisms', () => {
    expect(kids('s003.employee.path').map((k) => k.split('.').pop())).toEqual(['automation', 'augmentation']);
    expect(kids('s003.employee.path.augmentation', 'path')).toHaveLength(4);
    expect(kids('s003.employee.mechanism', 'mechanism').map((k) => node(k).name.zh)).toEqual([
      '能力整合机制',
      '能力学习机制',
      '能力重构机制',
    ]);
    expect(node('s003.employee.path.automation').facts?.lighthouse_factories).toBe(10);
  });

  it('has 5 functional paths and 3 resource mechanisms at enterprise level', () => {
    expect(kids('s003.firm.path', 'path').map((k) => node(k).name.zh)).toEqual([
      '营销路径',
      '创新路径',
      '供应链路径',
      '人力资源路径',
      '战略决策路径',
    ]);
    expect(kids('s003.firm.mechanism', 'mechanism').map((k) => node(k).name.zh)).toEqual([
      '资源结构化机制',
      '资源重组机制',
      '资源利用机制',
    ]);
    const stages = kids('s003.firm.path.innovation', 'stage');
    expect(stages).toHaveLength(4);
    for (let i = 1; i < stages.length; i++) expect(has(stages[i - 1]!, 'precedes', stages[i]!)).toBe(true);
  });

  it('has the four chains and four synergy mechanisms at industry level', () => {
    expect(kids('s003.industry.path', 'path').map((k) => node(k).name.zh)).toEqual([
      '产业链路径',
      '创新链路径',
      '资金链路径',
      '人才链路径',
    ]);
    expect(kids('s003.industry.mechanism', 'mechanism').map((k) => node(k).name.zh)).toEqual([
      '互补式替代机制',
      '溢出融合机制',
      '技术创新机制',
      '生态协同机制',
    ]);
  });

  it("each level's path and mechanism act on that level and drive its Table 1 forms", () => {
    for (const lv of ['employee', 'firm', 'industry']) {
      expect(has(`s003.${lv}.path`, 'acts-on', `level.${lv}`)).toBe(true);
      expect(has(`s003.${lv}.mechanism`, 'acts-on', `level.${lv}`)).toBe(true);
      expect(has('ai', 'drives', `s003.${lv}.path`)).toBe(true);
      for (const f of ['tech', 'green', 'digital'])
        expect(has(`s003.${lv}.mechanism`, 'drives', `s003.table1.${lv}.${f}`)).toBe(true);
    }
  });

  it('orders short → medium → long policies, each tracking quantities and backing every mechanism of its level', () => {
    const horizons = kids('s003.policies', 'policy');
    expect(horizons).toEqual(['s003.policy.short', 's003.policy.medium', 's003.policy.long']);
    expect(has('s003.policy.short', 'precedes', 's003.policy.medium')).toBe(true);
    expect(has('s003.policy.medium', 'precedes', 's003.policy.long')).toBe(true);
    const measureCounts = horizons.map((h) => kids(h, 'policy').length);
    expect(measureCounts).toEqual([3, 3, 5]);
    const mechOf: Record<string, string> = { short: 'employee', medium: 'firm', long: 'industry' };
    for (const h of horizons) {
      const measures = kids(h, 'policy');
      const tracked = measures.flatMap((m) => out(m, 'tracks'));
      expect(tracked.length, h).toBeGreaterThan(0);
      for (const q of tracked) expect(node(q).kind).toBe('quantity');
      const backed = new Set(measures.flatMap((m) => out(m, 'drives')));
      for (const mech of kids(`s003.${mechOf[h.split('.').pop()!]}.mechanism`))
        expect(backed.has(mech), mech).toBe(true);
    }
    expect(out('s003.policy.short.reemployment', 'tracks').map((q) => node(q).name.zh)).toEqual([
      '接受援助人员数量',
      '再就业率',
      '平均再就业周期',
      '薪资增长幅度',
    ]);
    // every quantity is tracked by exactly one measure
    for (const q of model.nodes.filter((n) => n.id.startsWith('s003.') && n.kind === 'quantity')) {
      expect(into(q.id, 'tracks')).toHaveLength(1);
    }
  });
});

describe.runIf(HAVE_SEEDS)('seed 004: theory logic, constraints and practice paths', () => {
  const constraintTree = () => descendants('s004.constraints').filter((id) => node(id).kind === 'problem');

  it('has the theory basis: fit, rise, solution, platform', () => {
    expect(kids('s004.theory.basis')).toEqual([
      's004.fit',
      's004.rise',
      's004.solution',
      's004.platform',
      's004.constraints',
    ]);
    expect(has('s004.rise', 'drives', 'tfp')).toBe(true);
    expect(has('s004.rise', 'related-to', 'factor.data')).toBe(true);
    expect(kids('s004.platform', 'mechanism').length).toBeGreaterThanOrEqual(4);
  });

  it('names the demand / supply / environment constraints as problems, each answered on its side', () => {
    const sides = kids('s004.constraint.triple', 'problem');
    expect(sides.map((s) => s.split('.').pop())).toEqual(['demand', 'supply', 'environment']);
    for (const s of sides) {
      const side = s.split('.').pop()!;
      expect(has(s, 'mitigated-by', `s004.solution.${side}`)).toBe(true);
    }
    expect(kids('s004.constraints', 'problem')).toHaveLength(6);
  });

  it('answers every constraint, and each practice path answers at least one', () => {
    const constraints = constraintTree().filter((id) => id !== 's004.constraint.triple');
    expect(constraints).toHaveLength(8);
    for (const c of constraints) expect(out(c, 'mitigated-by').length, c).toBeGreaterThan(0);
    const paths = kids('s004.paths', 'practice-path');
    expect(paths.map((p) => node(p).name.zh)).toEqual(['发展数字技术', '培养高素质人才', '构建数字赋能系统思维']);
    const remedies = new Set(constraints.flatMap((c) => out(c, 'mitigated-by')));
    for (const p of paths) {
      const subs = kids(p, 'practice-path');
      expect(subs.length).toBeGreaterThanOrEqual(3);
      expect(
        [p, ...subs].some((x) => remedies.has(x)),
        p,
      ).toBe(true);
    }
  });

  it("records the conclusion's call for cases and regional / industry differences", () => {
    const call = node('s004.research-call');
    expect(call.kind).toBe('proposition');
    expect(has('seed.004', 'contains', call.id)).toBe(true);
    expect(has(call.id, 'related-to', 'level.region')).toBe(true);
    expect(has(call.id, 'related-to', 'level.industry')).toBe(true);
  });
});

describe.runIf(HAVE_SEEDS)('seeds 002–004: links to shared concepts and across seeds', () => {
  it.each([
    ['s002.problem.digital-divide', 'same-as', 'concept.digital-divide'],
    ['s002.problem.key-tech', 'related-to', 'concept.key-technology'],
    ['s002.problem.talent', 'related-to', 'concept.talent'],
    ['s002.link.circulation.infrastructure', 'related-to', 'factor.data'],
    ['s003.ai.data-driven', 'related-to', 'factor.data'],
    ['ai', 'contains', 's003.ai-features'],
    ['s003.industry.path.talent-chain', 'related-to', 'concept.talent'],
    ['s003.industry.path.innovation-chain', 'related-to', 'concept.key-technology'],
    ['s003.policy.medium', 'drives', 'tfp'],
    ['s004.path.talent', 'drives', 'concept.talent'],
    ['s004.path.tech', 'drives', 'concept.key-technology'],
    ['s004.fit', 'related-to', 'digital-economy'],
    // across seeds
    ['s003.ai.compute', 'related-to', 's002.infrastructure.innovation-support'],
    ['s003.industry.path.innovation-chain', 'related-to', 's002.problem.key-tech.chain'],
    ['s003.policy.long.data-sharing', 'related-to', 's002.path.digital-divide.subjects.sharing-platform'],
    ['s004.platform.infrastructure', 'related-to', 's002.infrastructure'],
    ['s004.constraint.rd-input', 'related-to', 's002.problem.key-tech.basic-research'],
    ['s004.constraint.regional-imbalance', 'related-to', 's002.problem.digital-divide.regions'],
    ['s004.path.talent.literacy', 'related-to', 's003.policy.long.talent'],
    ['s004.data-algorithm-compute', 'related-to', 's003.ai.data-driven'],
    // to seeds 000 / 001
    ['s001.path.policy-synergy.infrastructure', 'related-to', 's002.infrastructure'],
    ['s001.path.policy-synergy.regional-coordination', 'related-to', 's002.path.digital-divide.regions'],
    ['s003.firm.path.supply-chain', 'related-to', 's000.main.supply-chain-optimisation'],
    ['s003.ai.risk.firm', 'related-to', 's001.risk.technology-ethics'],
    ['s004.path.system-thinking.crossover', 'related-to', 's001.path.technology-empowerment.cross-fusion'],
  ] as [string, RelationType, string][])('%s %s %s', (from, type, to) => {
    expect(has(from, type, to)).toBe(true);
  });
});
