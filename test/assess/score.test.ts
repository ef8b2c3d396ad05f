/**
 * Scoring, gating, tailoring and the report of the self-assessment, against
 * cases computed by hand (the arithmetic is written out beside each number).
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_INSTRUMENT } from '../../src/core/assess/instrument.ts';
import { assessmentReport, compareAssessments } from '../../src/core/assess/report.ts';
import { AGG, levelOf, scoreAssessment } from '../../src/core/assess/score.ts';
import { assessmentStructure } from '../../src/core/assess/structure.ts';
import type { Answers } from '../../src/core/assess/types.ts';
import { loadFramework } from '../../src/core/framework/model.ts';
import { XinzhiError } from '../../src/core/errors.ts';

const structure = assessmentStructure(loadFramework());
const QE = 's000.path.quality-efficiency';
const CO = 's000.path.cooperation';
const IB = 's000.path.innovation';

/** Every level item at 3 (60); QE laborer 30 % (level 3 → 60); R&D 3 % (level 3 → 60); 3 of 6 platform technologies (50); AI items half ticked. */
function baseAnswers(): Answers {
  const a: Answers = {};
  for (const item of BUILTIN_INSTRUMENT.items) {
    if (item.type === 'level') a[item.id] = { level: 3 };
    else if (item.type === 'number') a[item.id] = { value: item.id === 's000.qe.laborer' ? 30 : 3 };
    else a[item.id] = { options: item.options.slice(0, Math.floor(item.options.length / 2)).map((o) => o.id) };
  }
  return a;
}
const close = (a: number | null, b: number) => expect(Math.abs((a as number) - b)).toBeLessThan(1e-12);

describe('self-assessment scoring', () => {
  it('rolls items up the framework: factors and mode → preparation, main categories → effect, both → path', () => {
    const s = scoreAssessment(BUILTIN_INSTRUMENT, baseAnswers(), structure);
    // CO factor upgrade = (60 + 60 + 50) / 3; preparation = (56.67 + 60) / 2; path = (58.33 + 60) / 2
    close(s.nodes[AGG.factorUpgrade(CO)].score, 170 / 3);
    close(s.nodes[AGG.preparation(CO)].score, (170 / 3 + 60) / 2);
    close(s.nodes[CO].score, ((170 / 3 + 60) / 2 + 60) / 2);
    close(s.nodes[QE].score, 60);
    close(s.nodes[IB].score, 60);
    // overall = mean of the three paths; 质 and 新 = means of the effects behind their outcome features (all 60)
    close(s.nodes[AGG.overall].score, (60 + 60 + ((170 / 3 + 60) / 2 + 60) / 2) / 3);
    close(s.nodes[AGG.quality].score, 60);
    close(s.nodes[AGG.novelty].score, 60);
    // AI paths: marketing 2/5, innovation 2/4, supply chain 2/5, HR 2/5, strategy 2/4 → (40+50+40+40+50)/5
    close(s.nodes[AGG.ai].score, 44);
    close(s.nodes[AGG.resources].score, 60);
    // overall 59.72 → band 2; the cooperation path (59.17) holds the gated level at 2
    expect(s.band).toBe(2);
    expect(s.gatedLevel).toBe(2);
    expect(s.limitingPath).toBe(CO);
    expect(s.answered).toBe(BUILTIN_INSTRUMENT.items.length);
  });

  it('gates levels cumulatively: a high overall score does not lift the level past the weakest path', () => {
    const a = baseAnswers();
    for (const item of BUILTIN_INSTRUMENT.items) if (item.type === 'level') a[item.id] = { level: 5 };
    a['s000.qe.laborer'] = { value: 90 };
    a['s000.ib.technology'] = { value: 10 };
    a['s000.co.technology'] = {
      options: ['cloud', 'big-data', 'open-api', 'blockchain', 'industrial-internet', 'partner-portal'],
    };
    for (const sub of structure.paths[2].mainCategories.flatMap((m) => m.subCategories))
      a[`s000.${sub.slice('s000.sub.'.length)}`] = { level: 1 };
    const s = scoreAssessment(BUILTIN_INSTRUMENT, a, structure);
    // IB effect = 20, preparation = 100 → path 60; overall = (100 + 100 + 60) / 3 = 86.67 → band 4, gated 3
    close(s.nodes[IB].score, 60);
    close(s.nodes[AGG.overall].score, 260 / 3);
    expect(s.band).toBe(4);
    expect(s.gatedLevel).toBe(3);
    expect(s.limitingPath).toBe(IB);
    expect([0, 19.99, 20, 59.99, 60, 80, 100].map(levelOf)).toEqual([0, 0, 1, 2, 3, 4, 4]);
  });

  it('leaves "not applicable" items out and shares their weight among the siblings', () => {
    const a = baseAnswers();
    a['s000.real-time-monitoring'] = { na: true };
    a['s000.failure-warning'] = { level: 5 };
    a['s000.dynamic-adjustment'] = { level: 0 };
    const s = scoreAssessment(BUILTIN_INSTRUMENT, a, structure);
    expect(s.nodes['s000.sub.real-time-monitoring'].status).toBe('not-applicable');
    close(s.nodes['s000.main.production-acceleration'].score, 50);
    expect(s.applicable).toBe(BUILTIN_INSTRUMENT.items.length - 1);
  });

  it('tailors out a path that does not apply: the overall score and the gate use the others', () => {
    const s = scoreAssessment(BUILTIN_INSTRUMENT, baseAnswers(), structure, { excludedPaths: [CO] });
    expect(s.nodes[CO].status).toBe('not-applicable');
    expect(s.nodes['s000.outcome.high-collaboration'].status).toBe('not-applicable');
    close(s.nodes[AGG.overall].score, 60);
    expect(s.gatedLevel).toBe(3);
  });

  it('fills nothing: one unanswered item leaves its branch and the overall score incomplete', () => {
    const a = baseAnswers();
    delete a['s000.trust-basis'];
    const s = scoreAssessment(BUILTIN_INSTRUMENT, a, structure);
    for (const id of [
      's000.sub.trust-basis',
      's000.main.relationship-building',
      's000.effect.resource-linkage',
      CO,
      AGG.overall,
    ])
      expect(s.nodes[id]).toMatchObject({ status: 'incomplete', score: null });
    expect(s.nodes[QE].status).toBe('scored');
    expect(s.band).toBeNull();
    expect(s.gatedLevel).toBeNull();
  });

  it('refuses answers of the wrong kind, naming the item and the fix', () => {
    const bad = (patch: Answers, re: RegExp) => {
      const a = { ...baseAnswers(), ...patch };
      expect(() => scoreAssessment(BUILTIN_INSTRUMENT, a, structure)).toThrow(XinzhiError);
      expect(() => scoreAssessment(BUILTIN_INSTRUMENT, a, structure)).toThrow(re);
    };
    bad({ 's000.trust-basis': { level: 7 } }, /item s000\.trust-basis: needs a whole level from 0 to 5/);
    bad({ 's000.trust-basis': { level: 2.5 } }, /whole level/);
    bad({ 's000.co.technology': { options: ['fax'] } }, /unknown option\(s\) fax.*Choose from: cloud/);
    bad({ 's000.qe.laborer': { value: 130 } }, /value 130 is outside 0–100/);
    bad({ 's000.qe.laborer': { value: Number.NaN } }, /needs a number/);
    bad({ 'no.such.item': { level: 1 } }, /not in instrument xinzhi-nqpf-firm@1\.0\.0/);
    expect(() =>
      scoreAssessment(BUILTIN_INSTRUMENT, baseAnswers(), structure, { excludedPaths: ['s000.path.x'] }),
    ).toThrow(/unknown path\(s\) s000\.path\.x/);
  });

  it('scores an empty questionnaire as incomplete everywhere, without a level', () => {
    const s = scoreAssessment(BUILTIN_INSTRUMENT, {}, structure);
    expect(s.nodes[AGG.overall].status).toBe('incomplete');
    expect(s.answered).toBe(0);
    expect(s.gatedLevel).toBeNull();
  });
});

describe('self-assessment report', () => {
  it('ranks gaps by importance × gap, names the bottleneck path and its loop link, and cites the advice', () => {
    const a = baseAnswers();
    a['s000.trust-basis'] = { level: 1 };
    a['s000.intelligent-matching'] = { level: 2 };
    const s = scoreAssessment(BUILTIN_INSTRUMENT, a, structure);
    const r = assessmentReport(s, BUILTIN_INSTRUMENT, structure, {
      importance: { 's000.main.production-acceleration': 5 },
    });
    // gated level 2 → default target 60 (threshold of level 3)
    expect(r.targetDefault).toBe(60);
    const rb = r.gaps.find((g) => g.node === 's000.main.relationship-building');
    // relationship building = (20 + 40 + 60) / 3 = 40 → gap 20, priority 3 × 20
    close(rb?.current ?? null, 40);
    expect(rb?.priority).toBe(60);
    expect(rb?.name.zh).toBe('关系建构');
    expect(r.priorities[0].node).toBe('s000.main.relationship-building');
    expect(r.bottleneck?.path).toBe(CO);
    expect(r.bottleneck?.loopLink).toBe('s000.loop.synergy-coupling');
    expect(r.bottleneck?.feeds).toEqual([QE, IB]);
    expect(r.bottleneck?.explanation.zh).toContain('交互合作');
    expect(r.recommendations[0]).toMatchObject({
      node: 's000.sub.trust-basis',
      score: 20,
      advice: 's000.practice.ecosystem',
    });
    // the next anchor above level 1 is level 3
    expect(r.recommendations[0].nextSteps[0].level).toBe(3);
    expect(r.recommendations[0].cite.length).toBeGreaterThan(0);
  });

  it('shows what moved between two assessments (T0 → T1)', () => {
    const t0 = scoreAssessment(BUILTIN_INSTRUMENT, baseAnswers(), structure);
    const a = baseAnswers();
    a['s000.failure-warning'] = { level: 5 };
    const t1 = scoreAssessment(BUILTIN_INSTRUMENT, a, structure);
    const moved = compareAssessments(t0, t1).filter((c) => c.change !== 0);
    const main = moved.find((c) => c.node === 's000.main.production-acceleration');
    // (60 + 100 + 60) / 3 − 60
    close(main?.change ?? null, 220 / 3 - 60);
    expect(moved.some((c) => c.node === CO)).toBe(false);
  });
});
