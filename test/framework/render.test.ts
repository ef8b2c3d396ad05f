import { describe, expect, it } from 'vitest';
import {
  KIND_LABELS,
  NODE_KINDS,
  RELATION_LABELS,
  RELATION_TYPES,
  descendants,
  loadFramework,
  primaryParent,
  renderNode,
  renderTree,
  subgraph,
  toDot,
  toMermaid,
} from '../../src/core/framework/index.ts';

const model = loadFramework();

describe('labels', () => {
  it('exist in both languages for every kind and relation type', () => {
    for (const k of NODE_KINDS) {
      expect(KIND_LABELS[k].zh).toMatch(/[\u4e00-\u9fff]/);
      expect(KIND_LABELS[k].en).toMatch(/^[a-z]/);
    }
    for (const r of RELATION_TYPES) {
      expect(RELATION_LABELS[r].zh).toBeTruthy();
      expect(RELATION_LABELS[r].en).toBeTruthy();
    }
  });
});

describe('renderTree', () => {
  it('draws the whole hierarchy with box characters, every node expanded exactly once', () => {
    const text = renderTree(model, { lang: 'en' });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Digital empowerment .*\[system \/ concept\] {2}system$/);
    expect(text).toContain('├── ');
    expect(text).toContain('└── ');
    expect(text).toContain('│   ');
    const expanded = lines.filter((l) => !/\((see above|see under [^)]+)\)$/.test(l));
    const ids = expanded.map((l) => l.split('  ').at(-1));
    expect(ids.length).toBe(new Set(ids).size);
    expect(new Set(ids)).toEqual(new Set(model.nodes.map((n) => n.id)));
  });

  it('uses the chosen language for names and kind labels', () => {
    const zh = renderTree(model, { lang: 'zh', root: 's000.path.quality-efficiency' });
    expect(zh.split('\n')[0]).toBe('提质增效  [路径]  s000.path.quality-efficiency');
    expect(zh).toContain('[主范畴]');
    expect(zh).toContain('│   └── 生产动态调整  [副范畴]  s000.sub.dynamic-adjustment');
    const en = renderTree(model, { lang: 'en', root: 's000.path.quality-efficiency', ids: false });
    expect(en.split('\n')[0]).toBe('Quality improvement and efficiency enhancement  [path]');
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('expands a node shared by several parents under its own seed and points there from the others', () => {
    expect(primaryParent(model, 's000.outcome.high-efficiency')).toBe('s000.path.quality-efficiency');
    const text = renderTree(model, { lang: 'en' });
    expect(text).toMatch(
      /High efficiency {2}\[outcome feature\] {2}s000\.outcome\.high-efficiency \(see under s000\.path\.quality-efficiency\)/,
    );
    // with a root that excludes the home parent, the node is expanded where it is
    const fromQuality = renderTree(model, { lang: 'en', root: 'feature.quality' });
    expect(fromQuality).toMatch(/High efficiency {2}\[outcome feature\] {2}s000\.outcome\.high-efficiency\n/);
  });

  it('stops at maxDepth', () => {
    const lines = renderTree(model, { lang: 'en', root: 'seed.000', maxDepth: 1 }).trimEnd().split('\n');
    expect(lines).toHaveLength(
      1 + model.relations.filter((r) => r.from === 'seed.000' && r.type === 'contains').length,
    );
  });
});

describe('renderNode', () => {
  it('shows names in both languages, description, facts, sources, children and relations', () => {
    const text = renderNode(model, 's000.method', 'en');
    expect(text).toContain('Research design and sample / 研究设计与样本');
    expect(text).toContain('firms: 20');
    expect(text).toContain('interviewees: 31');
    expect(text).toContain('000_bdc2d3c482bae5da.txt § (二)样本选择');
    const path = renderNode(model, 's000.path.quality-efficiency', 'zh');
    expect(path).toContain('增强 → 交互合作  s000.path.cooperation');
    expect(path).toContain('受…推动 → 数字化  digitalization');
  });
});

describe('graph exports', () => {
  it('Mermaid: one node line per node, edges only between declared nodes', () => {
    const g = subgraph(model, 'seed.000');
    const text = toMermaid(model, { lang: 'zh', root: 'seed.000' });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('flowchart TD');
    const declared = new Set(lines.filter((l) => /^ {2}n\d+\["/.test(l)).map((l) => l.trim().split('[')[0]));
    expect(declared.size).toBe(g.nodes.length);
    const edges = lines.filter((l) => /-->|-\.->/.test(l));
    expect(edges).toHaveLength(g.relations.length);
    for (const e of edges) for (const id of e.match(/\bn\d+\b/g)!) expect(declared.has(id)).toBe(true);
    expect(text).not.toMatch(/\["[^"]*"[^\]]*"\]/); // no raw quote inside a label
  });

  it('DOT: every node and relation, quoted ids, balanced braces; the whole model by default', () => {
    const text = toDot(model, { lang: 'en' });
    expect(text.startsWith('digraph framework {')).toBe(true);
    expect(text.trimEnd().endsWith('}')).toBe(true);
    const nodeLines = text.split('\n').filter((l) => /^ {2}"[^"]+" \[label=/.test(l));
    const edgeLines = text.split('\n').filter((l) => / -> /.test(l));
    expect(nodeLines).toHaveLength(model.nodes.length);
    expect(edgeLines).toHaveLength(model.relations.length);
    expect(text).toContain('"s000.path.quality-efficiency" -> "s000.path.cooperation" [label="reinforces"');
  });

  it('adds the nodes one relation away with neighbors', () => {
    const plain = toMermaid(model, { lang: 'en', root: 's000.loop' });
    const wide = toMermaid(model, { lang: 'en', root: 's000.loop', neighbors: true });
    expect(plain).not.toContain('Interactive cooperation');
    expect(wide).toContain('Interactive cooperation');
    const declared = new Set(
      wide
        .split('\n')
        .filter((l) => /^ {2}n\d+\["/.test(l))
        .map((l) => l.trim().split('[')[0]),
    );
    for (const e of wide.split('\n').filter((l) => /-->|-\.->/.test(l)))
      for (const id of e.match(/\bn\d+\b/g)!) expect(declared.has(id)).toBe(true);
  });

  it('restricts to a path with --root semantics and to chosen relation types', () => {
    const text = toDot(model, { lang: 'en', root: 's000.path.innovation', types: ['contains'] });
    const nodes = text.split('\n').filter((l) => /\[label=/.test(l) && !/ -> /.test(l));
    expect(nodes).toHaveLength(1 + descendants(model, 's000.path.innovation').length);
    expect(text).not.toContain('label="drives"');
  });
});
