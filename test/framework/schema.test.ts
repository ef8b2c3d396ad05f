import { describe, expect, it } from 'vitest';
import {
  FrameworkModelSchema,
  ID_PATTERN,
  NODE_KINDS,
  RELATION_TYPES,
  ROOT_ID,
  SEED_FILES,
  containsCycles,
  descendants,
  loadFramework,
  members,
  validateFramework,
  type FrameworkModel,
} from '../../src/core/framework/index.ts';

const model = loadFramework();

describe('the assembled framework model', () => {
  it('is loaded once and frozen', () => {
    expect(loadFramework()).toBe(model);
    expect(Object.isFrozen(model.nodes[0].name)).toBe(true);
    expect(() => {
      (model.nodes as unknown as unknown[]).push({});
    }).toThrow(TypeError);
  });

  it('matches the schema and has no validation problem', () => {
    expect(FrameworkModelSchema.safeParse(model).success).toBe(true);
    expect(validateFramework(model)).toEqual([]);
  });

  it('has unique ids that follow the id pattern', () => {
    const ids = model.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id, id).toMatch(ID_PATTERN);
  });

  it('uses only known kinds and relation types, and relations join existing, distinct nodes', () => {
    const ids = new Set(model.nodes.map((n) => n.id));
    for (const n of model.nodes) expect(NODE_KINDS).toContain(n.kind);
    for (const r of model.relations) {
      expect(RELATION_TYPES).toContain(r.type);
      expect(ids.has(r.from), `${r.from} -[${r.type}]-> ${r.to}`).toBe(true);
      expect(ids.has(r.to), `${r.from} -[${r.type}]-> ${r.to}`).toBe(true);
      expect(r.from).not.toBe(r.to);
    }
  });

  it('has bilingual, non-empty names and descriptions, and Chinese text in every zh field', () => {
    for (const n of model.nodes) {
      for (const f of [n.name, n.description]) {
        expect(f.zh.trim().length, n.id).toBeGreaterThan(0);
        expect(f.en.trim().length, n.id).toBeGreaterThan(0);
      }
      expect(/[\u4e00-\u9fff]/.test(n.name.zh) || /^\d/.test(n.name.zh), `${n.id} zh name ${n.name.zh}`).toBe(true);
      expect(/[\u4e00-\u9fff]/.test(n.name.en), `${n.id} en name should be English: ${n.name.en}`).toBe(false);
      expect(/[\u4e00-\u9fff]/.test(n.description.zh), `${n.id} zh description`).toBe(true);
    }
  });

  it('keeps descriptions short (our own words, not copied passages)', () => {
    for (const n of model.nodes) {
      expect(n.description.zh.length, n.id).toBeLessThanOrEqual(200);
      expect(n.description.en.length, n.id).toBeLessThanOrEqual(500);
    }
  });

  it('has an acyclic contains hierarchy in which every node hangs below the root (quantities and indicators by tracks / measured-by)', () => {
    expect(containsCycles(model.relations)).toEqual([]);
    const below = new Set(members(model, ROOT_ID).map((n) => n.id));
    const orphans = model.nodes.filter((n) => n.id !== ROOT_ID && !below.has(n.id)).map((n) => n.id);
    // only quantities and indicators may hang by tracks / measured-by; every other node must be reachable from the root by contains (link it from its seed node or a parent)
    expect(orphans).toEqual([]);
    const inTree = new Set(descendants(model, ROOT_ID).map((n) => n.id));
    const attachedOnly = model.nodes.filter((n) => n.id !== ROOT_ID && !inTree.has(n.id));
    for (const n of attachedOnly) expect(['quantity', 'indicator'], n.id).toContain(n.kind);
  });

  it('has one seed node per seed file, each citing its own file, and seed-specific ids below their seed', () => {
    const seeds = model.nodes.filter((n) => n.kind === 'seed');
    expect(seeds.map((s) => s.id)).toEqual(['seed.000', 'seed.001', 'seed.002', 'seed.003', 'seed.004']);
    for (const s of seeds) {
      const no = s.id.slice(5) as keyof typeof SEED_FILES;
      expect(s.cite.map((c) => c.seed)).toContain(SEED_FILES[no]);
      const below = new Set(members(model, s.id).map((n) => n.id));
      const own = model.nodes.filter((n) => n.id.startsWith(`s${no}.`));
      expect(own.length, s.id).toBeGreaterThan(0);
      for (const n of own) expect(below.has(n.id), `${n.id} below ${s.id}`).toBe(true);
    }
  });

  it('cites every seed from nodes of that seed (the seed nodes cite their own paper)', () => {
    for (const n of model.nodes) {
      const m = /^s(\d{3})\./.exec(n.id);
      if (!m) continue;
      expect(
        n.cite.some((c) => c.seed === SEED_FILES[m[1] as keyof typeof SEED_FILES]),
        n.id,
      ).toBe(true);
    }
  });
});

describe('validateFramework finds broken models', () => {
  const base = (): FrameworkModel => structuredClone(model);
  const codes = (m: unknown) => validateFramework(m).map((p) => p.code);

  it('reports a duplicate id', () => {
    const m = base();
    m.nodes.push({ ...m.nodes[1] });
    expect(codes(m)).toContain('duplicate-id');
  });

  it('reports a relation to a missing node, naming it', () => {
    const m = base();
    m.relations.push({ from: 'nqpf', to: 'no.such.node', type: 'drives' });
    const p = validateFramework(m).find((x) => x.code === 'dangling-relation');
    expect(p?.message.en).toContain('no.such.node');
    expect(p?.message.zh).toContain('no.such.node');
  });

  it('reports an unknown kind, an empty name and a missing citation through the schema', () => {
    const m = base() as unknown as { nodes: Array<Record<string, unknown>> };
    m.nodes[1].kind = 'gadget';
    m.nodes[2].name = { zh: '', en: 'x' };
    m.nodes[3].cite = [];
    const problems = validateFramework(m).filter((p) => p.code === 'framework-schema');
    expect(problems.length).toBeGreaterThanOrEqual(3);
    expect(problems.map((p) => p.message.en).join('\n')).toMatch(/nodes\.1\.kind/);
  });

  it('reports a contains cycle and a citation of an unknown seed file', () => {
    const m = base();
    m.relations.push({ from: 'factor.laborer', to: 'nqpf', type: 'contains' });
    m.nodes[1].cite = [{ seed: '999_unknown.txt', section: 'x' }];
    const c = codes(m);
    expect(c).toContain('contains-cycle');
    expect(c).toContain('unknown-seed');
  });

  it('warns about a duplicate relation', () => {
    const m = base();
    m.relations.push({ ...m.relations[0] });
    const p = validateFramework(m);
    expect(p.map((x) => [x.code, x.severity])).toEqual([['duplicate-relation', 'warning']]);
  });

  it('rejects a model that is not an object', () => {
    expect(codes(null)).toContain('framework-schema');
  });
});
