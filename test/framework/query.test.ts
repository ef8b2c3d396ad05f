import { describe, expect, it } from 'vitest';
import { XinzhiError } from '../../src/core/errors.ts';
import {
  ancestors,
  children,
  descendants,
  editDistance,
  getNode,
  indicatorNodeId,
  indicatorsOf,
  loadFramework,
  parents,
  relationsOf,
  remediesOf,
  requireNode,
  roots,
  search,
  shortestPath,
  subgraph,
  suggestIds,
  validateFramework,
  withIndicators,
  type FrameworkModel,
} from '../../src/core/framework/index.ts';

const model = loadFramework();

/** A small hand-made model to check the algorithms on known answers. */
const toy: FrameworkModel = {
  version: 't',
  nodes: ['a', 'b', 'c', 'd', 'e', 'p', 'p1', 'r1', 'r2', 'm1', 'x'].map((id) => ({
    id,
    kind: id.startsWith('p') ? 'problem' : 'system',
    name: { zh: `节点${id}`, en: `node ${id}` },
    description: { zh: '测试', en: 'test' },
    cite: [{ seed: '000_bdc2d3c482bae5da.txt', section: '一、引言' }],
  })),
  relations: [
    { from: 'a', to: 'b', type: 'contains' },
    { from: 'a', to: 'c', type: 'contains' },
    { from: 'b', to: 'd', type: 'contains' },
    { from: 'c', to: 'd', type: 'contains' },
    { from: 'd', to: 'e', type: 'drives' },
    { from: 'p', to: 'p1', type: 'contains' },
    { from: 'p', to: 'r1', type: 'mitigated-by' },
    { from: 'p1', to: 'r2', type: 'mitigated-by' },
    { from: 'r2', to: 'm1', type: 'contains' },
    { from: 'r1', to: 'x', type: 'recommends' },
  ],
};

describe('navigation', () => {
  it('children, parents, descendants and ancestors on a known graph', () => {
    expect(children(toy, 'a').map((n) => n.id)).toEqual(['b', 'c']);
    expect(parents(toy, 'd').map((n) => n.id)).toEqual(['b', 'c']);
    expect(descendants(toy, 'a').map((n) => n.id)).toEqual(['b', 'c', 'd']);
    expect(ancestors(toy, 'd').map((n) => n.id)).toEqual(['b', 'c', 'a']);
    expect(roots(toy).map((n) => n.id)).toEqual(['a', 'e', 'p', 'r1', 'r2', 'x']);
  });

  it('relationsOf lists both directions and filters', () => {
    const all = relationsOf(toy, 'd');
    expect(all.map((v) => `${v.direction}:${v.relation.type}:${v.other.id}`)).toEqual([
      'out:drives:e',
      'in:contains:b',
      'in:contains:c',
    ]);
    expect(relationsOf(toy, 'd', { direction: 'in' })).toHaveLength(2);
    expect(relationsOf(toy, 'd', { type: 'drives' }).map((v) => v.other.id)).toEqual(['e']);
  });

  it("on the real model: a path's children include its three main categories", () => {
    const kinds = children(model, 's000.path.innovation').map((n) => n.kind);
    expect(kinds.filter((k) => k === 'main-category')).toHaveLength(3);
    expect(parents(model, 's000.sub.trust-basis').map((n) => n.id)).toEqual(['s000.main.relationship-building']);
    expect(ancestors(model, 's000.sub.trust-basis').map((n) => n.id)).toEqual([
      's000.main.relationship-building',
      's000.path.cooperation',
      'seed.000',
      'system',
    ]);
  });
});

describe('search', () => {
  it('finds nodes by Chinese name, English name, id and description, best first', () => {
    expect(search(model, '提质增效')[0].node.id).toBe('s000.path.quality-efficiency');
    expect(search(model, 'interactive cooperation')[0].node.id).toBe('s000.path.cooperation');
    expect(search(model, 'factor.laborer')[0].node.id).toBe('factor.laborer');
    expect(search(model, '数字鸿沟').map((h) => h.node.id)).toContain('concept.digital-divide');
    const byDescription = search(model, 'blockchain');
    expect(byDescription.length).toBeGreaterThan(0);
    expect(byDescription.every((h) => JSON.stringify(h.node).toLowerCase().includes('blockchain'))).toBe(true);
  });

  it('is case-insensitive, needs every word, honours the limit and returns nothing for empty text', () => {
    expect(search(model, 'DIGITAL DIVIDE').map((h) => h.node.id)).toContain('concept.digital-divide');
    const both = search(model, 'data platform');
    for (const h of both) {
      const text = JSON.stringify([h.node.id, h.node.name, h.node.description]).toLowerCase();
      expect(text).toContain('data');
      expect(text).toContain('platform');
    }
    expect(search(model, '数据', { limit: 3 })).toHaveLength(3);
    expect(search(model, '   ')).toEqual([]);
    expect(search(model, 'zzzz-no-such-thing')).toEqual([]);
  });
});

describe('errors and suggestions', () => {
  it('editDistance is the Levenshtein distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('requireNode throws a bilingual XinzhiError that suggests close ids', () => {
    let err: unknown;
    try {
      requireNode(model, 'factor.labourer');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(XinzhiError);
    const p = (err as XinzhiError).problems[0];
    expect(p.code).toBe('unknown-node');
    expect(p.message.zh).toContain('factor.labourer');
    expect(p.fix!.en).toContain('factor.laborer');
    expect(suggestIds(model, 'seed.00')).toContain('seed.000');
  });
});

describe('shortestPath', () => {
  it('finds the fewest steps, undirected by default, directed on request', () => {
    // two paths of length 2 (b–a–c and b–d–c): outgoing relations are tried first
    expect(shortestPath(toy, 'b', 'c')!.map((s) => [s.from, s.to, s.forward])).toEqual([
      ['b', 'd', true],
      ['d', 'c', false],
    ]);
    expect(shortestPath(toy, 'b', 'c', { directed: true })).toBeNull();
    expect(shortestPath(toy, 'a', 'e', { directed: true })!.map((s) => s.to)).toEqual(['b', 'd', 'e']);
    expect(shortestPath(toy, 'a', 'a')).toEqual([]);
    expect(shortestPath(toy, 'a', 'e', { types: ['contains'] })).toBeNull();
  });

  it('on the real model: from digitalisation to the "quality" of NQPF along relation directions', () => {
    const steps = shortestPath(model, 'digitalization', 'feature.quality', { directed: true })!;
    expect(steps).not.toBeNull();
    expect(steps[0].from).toBe('digitalization');
    expect(steps.at(-1)!.to).toBe('feature.quality');
    for (let i = 1; i < steps.length; i++) expect(steps[i].from).toBe(steps[i - 1].to);
    for (const s of steps) expect(s.forward).toBe(true);
  });

  it('throws for an unknown end', () => {
    expect(() => shortestPath(model, 'nqpf', 'nope')).toThrow(XinzhiError);
  });
});

describe('remediesOf', () => {
  it('follows mitigated-by through sub-problems, then recommends and contained measures', () => {
    const r = remediesOf(toy, 'p');
    expect(r.map((x) => [x.node.id, x.problem, x.via, x.from])).toEqual([
      ['r1', 'p', 'mitigated-by', 'p'],
      ['r2', 'p1', 'mitigated-by', 'p1'],
      ['x', 'p', 'recommends', 'r1'],
      ['m1', 'p1', 'contains', 'r2'],
    ]);
    expect(remediesOf(toy, 'p1').map((x) => x.node.id)).toEqual(['r2', 'm1']);
    expect(remediesOf(toy, 'a')).toEqual([]);
  });

  it('follows same-as links between problems', () => {
    const m: FrameworkModel = { ...toy, relations: [...toy.relations, { from: 'e', to: 'p1', type: 'same-as' }] };
    expect(remediesOf(m, 'e').map((x) => x.node.id)).toEqual(['r2', 'm1']);
  });

  it('on the real model: the digital divide has remedies from seed 001 (and any other seed that links them)', () => {
    const ids = remediesOf(model, 'concept.digital-divide').map((x) => x.node.id);
    expect(ids).toContain('s001.path.policy-synergy.infrastructure');
    for (const id of ids) expect(['practice-path', 'policy']).toContain(getNode(model, id)!.kind);
  });
});

describe('indicators', () => {
  const indicators = [
    {
      id: 'RDPersonRatio',
      name: { zh: '研发人员占比', en: 'Share of R&D staff' },
      framework: 'factor.laborer',
      source: 'test',
    },
    { id: 'x2', name: '数据资产', framework: ['factor.data', 's000.path.quality-efficiency'] },
  ];

  it('withIndicators adds indicator nodes and measured-by relations without touching the model', () => {
    const before = JSON.stringify(model);
    const m = withIndicators(model, indicators);
    expect(JSON.stringify(model)).toBe(before);
    expect(m.nodes).toHaveLength(model.nodes.length + 2);
    expect(m.relations).toHaveLength(model.relations.length + 3);
    expect(getNode(m, indicatorNodeId('RDPersonRatio'))!.kind).toBe('indicator');
    expect(indicatorNodeId('RDPersonRatio')).toBe('indicator.rdpersonratio');
    expect(validateFramework(m)).toEqual([]);
  });

  it('indicatorsOf follows measured-by, through descendants unless deep is false', () => {
    const m = withIndicators(model, indicators);
    expect(indicatorsOf(m, 'factor.laborer', { deep: false }).map((l) => l.indicator.id)).toEqual([
      'indicator.rdpersonratio',
    ]);
    const deep = indicatorsOf(m, 'nqpf');
    expect(deep.map((l) => [l.indicator.id, l.measures])).toEqual([
      ['indicator.rdpersonratio', 'factor.laborer'],
      ['indicator.x2', 'factor.data'],
    ]);
    expect(indicatorsOf(model, 'nqpf')).toEqual([]);
    expect(indicatorsOf(model, 'seed.000', { extra: indicators }).map((l) => l.measures)).toEqual([
      's000.path.quality-efficiency',
    ]);
  });

  it('rejects unknown framework ids (suggesting close ones) and colliding indicator ids', () => {
    expect(() => withIndicators(model, [{ id: 'a', framework: 'factor.labor' }])).toThrow(/factor\.laborer/);
    expect(() => withIndicators(model, [{ id: 'A b' }, { id: 'a-b' }])).toThrow(XinzhiError);
  });
});

describe('subgraph', () => {
  it('keeps the contains-closure of a node and only relations inside it', () => {
    const g = subgraph(model, 's000.path.cooperation');
    const ids = new Set(g.nodes.map((n) => n.id));
    expect(ids.has('s000.path.cooperation')).toBe(true);
    expect(ids.has('s000.sub.trust-basis')).toBe(true);
    expect(ids.has('s000.path.innovation')).toBe(false);
    for (const r of g.relations) {
      expect(ids.has(r.from)).toBe(true);
      expect(ids.has(r.to)).toBe(true);
    }
    expect(g.nodes).toHaveLength(1 + descendants(model, 's000.path.cooperation').length);
    expect(validateFramework(g)).toEqual([]);
  });
});
