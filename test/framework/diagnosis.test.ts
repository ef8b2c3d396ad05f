/**
 * What holds a node back: `problemsAffecting` and `diagnose` on a small
 * hand-made graph (known answers), then the `hinders` relations of the real
 * model — each grounded in a section of its own seed, and enough of them that
 * every factor, form and level of NQPF can be diagnosed.
 */
import { describe, expect, it } from 'vitest';
import { XinzhiError } from '../../src/core/errors.ts';
import {
  FRAMEWORK_PARTS,
  SEED_FILES,
  diagnose,
  getNode,
  loadFramework,
  problemsAffecting,
  remediesOf,
  type FrameworkModel,
  type FrameworkRelation,
} from '../../src/core/framework/index.ts';
import { HAVE_SEEDS, sectionOccurs } from './helpers.ts';

const model = loadFramework();

const C = { seed: '000_bdc2d3c482bae5da.txt', section: '一、引言' };
/**
 *   n ─contains→ f1, f2        g ─contains→ f1b        f1 ─same-as→ f1b        f1 ─related-to→ x1
 *   p1 ⊣ f1 (note, cite), p1 ⊣ n     p2 ⊣ x1     p3 ⊣ n     p4 ⊣ f1b     p5 ⊣ g     p6 ⊣ f2
 *   p1 ─mitigated-by→ r1 ─contains→ m1
 */
const toy: FrameworkModel = {
  version: 't',
  nodes: ['n', 'f1', 'f2', 'f1b', 'g', 'x1', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'r1', 'm1'].map((id) => ({
    id,
    kind: id.startsWith('p') ? 'problem' : id.startsWith('f') ? 'factor' : 'system',
    name: { zh: `节点${id}`, en: `node ${id}` },
    description: { zh: '测试', en: 'test' },
    cite: [C],
  })),
  relations: [
    { from: 'n', to: 'f1', type: 'contains' },
    { from: 'n', to: 'f2', type: 'contains' },
    { from: 'g', to: 'f1b', type: 'contains' },
    { from: 'f1', to: 'f1b', type: 'same-as' },
    { from: 'f1', to: 'x1', type: 'related-to' },
    { from: 'p1', to: 'f1', type: 'hinders', note: { zh: '原因', en: 'why' }, cite: [C] },
    { from: 'p1', to: 'n', type: 'hinders' },
    { from: 'p2', to: 'x1', type: 'hinders' },
    { from: 'p3', to: 'n', type: 'hinders' },
    { from: 'p4', to: 'f1b', type: 'hinders' },
    { from: 'p5', to: 'g', type: 'hinders' },
    { from: 'p6', to: 'f2', type: 'hinders' },
    { from: 'p1', to: 'r1', type: 'mitigated-by' },
    { from: 'r1', to: 'm1', type: 'contains' },
  ],
};

describe('problemsAffecting and diagnose on a known graph', () => {
  it('lists only the direct problems without deep', () => {
    const ps = problemsAffecting(toy, 'f1');
    expect(ps.map((p) => [p.problem.id, p.target, p.scope])).toEqual([['p1', 'f1', 'self']]);
    expect(ps[0].note).toEqual({ zh: '原因', en: 'why' });
    expect(ps[0].cite).toEqual([C]);
    expect(problemsAffecting(toy, 'x1').map((p) => p.problem.id)).toEqual(['p2']);
    expect(problemsAffecting(toy, 'm1')).toEqual([]);
  });

  it('with deep: itself, same-as, related-to, then ancestors nearest first; each problem once', () => {
    const ps = problemsAffecting(toy, 'f1', { deep: true });
    expect(ps.map((p) => `${p.problem.id}:${p.scope}:${p.target}`)).toEqual([
      'p1:self:f1',
      'p4:same-as:f1b',
      'p2:related-to:x1',
      'p3:ancestor:n',
      'p5:ancestor:g',
    ]);
    expect(ps.find((p) => p.problem.id === 'p3')!.cite).toEqual([]);
    expect(ps.some((p) => p.problem.id === 'p6')).toBe(false); // a sibling's problem is not inherited
    // from the related node the link is walked back (related-to counts both ways)
    expect(problemsAffecting(toy, 'x1', { deep: true }).map((p) => p.problem.id)).toEqual(['p2', 'p1']);
  });

  it('diagnose adds the remedies of each problem (deep by default)', () => {
    const d = diagnose(toy, 'f1');
    expect(d.node.id).toBe('f1');
    expect(d.problems.map((p) => p.problem.id)).toEqual(['p1', 'p4', 'p2', 'p3', 'p5']);
    expect(d.problems[0].remedies.map((r) => `${r.node.id}:${r.via}`)).toEqual(['r1:mitigated-by', 'm1:contains']);
    expect(d.problems[0].remedies).toEqual(remediesOf(toy, 'p1'));
    expect(d.problems[1].remedies).toEqual([]);
    expect(diagnose(toy, 'f1', { deep: false }).problems.map((p) => p.problem.id)).toEqual(['p1']);
  });

  it('throws a XinzhiError for an unknown node', () => {
    expect(() => problemsAffecting(toy, 'nope')).toThrow(XinzhiError);
    expect(() => diagnose(model, 'factor.labourer')).toThrow(XinzhiError);
  });
});

const SHARED_FACTORS_FORMS = [
  'factor.laborer',
  'factor.means',
  'factor.object',
  'factor.data',
  'concept.talent',
  'concept.key-technology',
  'form.tech',
  'form.green',
  'form.digital',
];
const LEVELS = ['level.employee', 'level.firm', 'level.industry', 'level.region'];

describe('hinders relations of the real model', () => {
  const parts = FRAMEWORK_PARTS.map(({ id, part }) => ({
    id,
    rels: part.relations.filter((r) => r.type === 'hinders'),
  }));
  const all: FrameworkRelation[] = parts.flatMap((p) => p.rels);
  const label = (r: FrameworkRelation) => `${r.from} -[hinders]-> ${r.to}`;

  it('start at a problem and carry a bilingual note', () => {
    expect(all.length).toBeGreaterThanOrEqual(50);
    for (const r of all) {
      expect(getNode(model, r.from)?.kind, label(r)).toBe('problem');
      expect(r.note?.zh, label(r)).toBeTruthy();
      expect(r.note?.en, label(r)).toBeTruthy();
    }
  });

  it.runIf(HAVE_SEEDS)('each cite a section that occurs in the seed of the module that declares it', () => {
    for (const p of parts) {
      const own = p.id.startsWith('seed.') ? SEED_FILES[p.id.slice(5) as keyof typeof SEED_FILES] : undefined;
      for (const r of p.rels) {
        expect(r.cite?.length, label(r)).toBeGreaterThan(0);
        for (const c of r.cite ?? [])
          expect(sectionOccurs(c.seed, c.section), `${label(r)}: ${c.seed} § ${c.section}`).toBe(true);
        if (own) {
          expect(
            r.cite!.some((c) => c.seed === own),
            `${label(r)} cites ${own}`,
          ).toBe(true);
          expect(r.from.startsWith(`s${p.id.slice(5)}.`), `${label(r)} belongs to ${p.id}`).toBe(true);
        }
      }
    }
  });

  it("factor.laborer: the talent problem of seed 002, with remedies from 002's talent path", () => {
    const d = diagnose(model, 'factor.laborer', { deep: false });
    const talent = d.problems.find((p) => p.problem.id === 's002.problem.talent');
    expect(talent?.scope).toBe('self');
    expect(talent!.cite.map((c) => c.section)).toContain('(三)高端创新人才不足影响新质生产力生成');
    const ids = talent!.remedies.map((r) => r.node.id);
    for (const id of [
      's002.path.talent',
      's002.path.talent.supply',
      's002.path.talent.incentive',
      's002.path.talent.matching',
    ])
      expect(ids).toContain(id);
    expect(d.problems.map((p) => p.problem.id)).toContain('s004.theory.route.practice.talent-gap');
  });

  it('key-technology innovation hinders factor.means and form.tech; the regional divide hinders level.region', () => {
    expect(problemsAffecting(model, 'factor.means').map((p) => p.problem.id)).toContain('s002.problem.key-tech');
    expect(problemsAffecting(model, 'form.tech').map((p) => p.problem.id)).toContain('s002.problem.key-tech');
    expect(problemsAffecting(model, 'level.region').map((p) => p.problem.id)).toContain(
      's002.problem.digital-divide.regions',
    );
    expect(problemsAffecting(model, 'level.industry').map((p) => p.problem.id)).toContain(
      's004.constraint.triple.supply',
    );
  });

  it('every factor and form has at least one problem; all but the green form have one of their own', () => {
    for (const id of SHARED_FACTORS_FORMS)
      expect(problemsAffecting(model, id, { deep: true }).length, id).toBeGreaterThan(0);
    // the papers name no problem of the green form itself: it gets those of NQPF as a whole
    expect(SHARED_FACTORS_FORMS.filter((id) => problemsAffecting(model, id).length === 0)).toEqual(['form.green']);
    expect(new Set(problemsAffecting(model, 'form.green', { deep: true }).map((p) => p.scope))).toEqual(
      new Set(['ancestor']),
    );
    // the seed-specific factor and form cells (seed 000's factor upgrades, seed 003's Table 1) reach them through related-to
    for (const n of model.nodes.filter((x) => x.kind === 'factor' || x.kind === 'form')) {
      expect(diagnose(model, n.id).problems.length, n.id).toBeGreaterThan(0);
    }
  });

  it('every level has problems of its own', () => {
    for (const id of LEVELS) expect(problemsAffecting(model, id).length, id).toBeGreaterThan(0);
  });
});
