/**
 * Rank-sum ratio and fuzzy comprehensive evaluation against the independent
 * NumPy / SciPy reference (test/reference/measure/rsr_fuzzy_reference.py →
 * fixtures/rsr_fuzzy.json), 1e-9 relative; degenerate cases and errors.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  fuzzyEvaluate,
  membership,
  membershipColumns,
  type MembershipFunctions,
} from '../../src/core/measure/scores/fuzzy.ts';
import { rankSumRatio } from '../../src/core/measure/scores/rsr.ts';
import { close } from './reference-helpers.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/measure/fixtures/rsr_fuzzy.json', import.meta.url), 'utf8'));
const all = (a: ArrayLike<number>, e: number[], what: string) => {
  expect(a.length, what).toBe(e.length);
  for (let i = 0; i < e.length; i++) close(a[i], e[i], `${what}[${i}]`);
};

describe('rank-sum ratio vs SciPy', () => {
  for (const c of fx.rsr) {
    it(c.name, () => {
      const r = rankSumRatio(c.cols, c.weights, c.directions, { variant: c.variant, grades: c.grades });
      const e = c.expected;
      r.ranks.forEach((x, j) => all(x, e.ranks[j], `ranks ${j}`));
      all(r.rsr, e.rsr, 'rsr');
      all(r.probit, e.probit, 'probit');
      all(r.fitted, e.fitted, 'fitted');
      expect(Array.from(r.grade)).toEqual(e.grade);
      close(r.regression.intercept, e.intercept, 'a');
      close(r.regression.slope, e.slope, 'b');
      close(r.regression.r2, e.r2, 'r2');
      all(r.rsrCutoffs, e.rsrCutoffs, 'cut-offs');
      expect(r.distribution.length).toBe(e.distribution.length);
      r.distribution.forEach((d, k) => {
        for (const key of ['rsr', 'meanRank', 'p', 'probit'] as const) close(d[key], e.distribution[k][key], key);
        expect([d.f, d.cumulative]).toEqual([e.distribution[k].f, e.distribution[k].cumulative]);
      });
    });
  }
  it('a single unit or all-equal units: regression undefined, grade 0, a warning', () => {
    const r = rankSumRatio([[3], [4]], [1, 1], ['+', '-']);
    expect(r.rsr[0]).toBe(1);
    expect(r.grade[0]).toBe(0);
    expect(Number.isNaN(r.regression.slope)).toBe(true);
    expect(r.warnings[0].en).toMatch(/RSR/);
    const eq = rankSumRatio([[2, 2, 2]], [1], ['+'], { variant: 'non-integer' });
    expect(Array.from(eq.rsr)).toEqual([2 / 3, 2 / 3, 2 / 3]);
    expect(Array.from(eq.grade)).toEqual([0, 0, 0]);
  });
  it('bad grades are an error', () => {
    expect(() => rankSumRatio([[1, 2, 3]], [1], ['+'], { grades: 9 })).toThrow(/grades/);
    expect(() => rankSumRatio([[1, 2, 3]], [1], ['+'], { grades: [6, 4] })).toThrow(/grades/);
  });
});

describe('fuzzy comprehensive evaluation vs NumPy', () => {
  for (const c of fx.fuzzy) {
    it(c.name, () => {
      const f = c.functions as MembershipFunctions;
      // memberships from the functions, against the reference's
      const values: number[][] = c.values;
      const r = values.map((col) => {
        const per = col.map((x) => membership(x, f));
        return per[0].map((_, k) => per.map((m) => m[k]));
      });
      r.forEach((rj, j) => rj.forEach((rk, k) => all(rk, c.membership[j][k], `r ${j} ${k}`)));
      // the column form evaluate uses gives the same memberships
      values.forEach((col, j) =>
        membershipColumns(col, f).forEach((rk, k) => all(rk, c.membership[j][k], `columns ${j} ${k}`)),
      );
      const out = fuzzyEvaluate(r, c.weights, { operator: c.operator, scores: c.scores });
      out.b.forEach((bk, k) => all(bk, c.expected.b[k], `b ${k}`));
      out.normalised.forEach((bk, k) => all(bk, c.expected.normalised[k], `b' ${k}`));
      all(out.score, c.expected.score, 'score');
      expect(Array.from(out.grade)).toEqual(c.expected.grade);
    });
  }
  it('published example: the garment evaluation with M(∧,∨) (lecture notes "模糊综合评价法", 例 1)', () => {
    // W = (0.1, 0.1, 0.15, 0.3, 0.35); R rows 花色, 样式, 价格, 耐用度, 舒适度 over 很欢迎 … 不欢迎;
    // printed B = (0.35, 0.30, 0.30, 0.15), normalised (0.32, 0.27, 0.27, 0.14) to two decimals
    // (courseware copy: https://m.777doc.com/doc-3277666.html)
    const R = [
      [0.2, 0.5, 0.3, 0],
      [0.1, 0.3, 0.5, 0.1],
      [0, 0.1, 0.6, 0.3],
      [0, 0.4, 0.5, 0.1],
      [0.5, 0.3, 0.2, 0],
    ];
    const r = R.map((row) => row.map((v) => [v]));
    const out = fuzzyEvaluate(r, [0.1, 0.1, 0.15, 0.3, 0.35], { operator: 'min-max' });
    [0.35, 0.3, 0.3, 0.15].forEach((e, k) => expect(out.b[k][0]).toBeCloseTo(e, 12));
    expect(out.normalised.map((b) => Math.round(b[0] * 100) / 100)).toEqual([0.32, 0.27, 0.27, 0.14]);
    expect(out.grade[0]).toBe(1);
  });
  it('no membership anywhere: score NaN, grade 0, a warning; ties flagged', () => {
    const out = fuzzyEvaluate(
      [
        [
          [0, 0.5],
          [0, 0.5],
        ],
      ],
      [1],
    );
    expect(Number.isNaN(out.score[0])).toBe(true);
    expect(out.grade[0]).toBe(0);
    expect(out.warnings[0].en).toMatch(/no membership/);
    expect(out.grade[1]).toBe(1);
    expect(out.tie[1]).toBe(1);
  });
  it('bad membership functions and scores are errors', () => {
    expect(() => fuzzyEvaluate([[[1], [0]]], [1], { scores: [1] })).toThrow(/grade scores/);
  });
});

describe('score.rsr / score.fuzzy in the spec', () => {
  const base = { unit: 'u', indicators: [{ id: 'a', column: 'a', direction: '+' }] };
  it('defaults and consistency checks', async () => {
    const { parseSpec } = await import('../../src/core/measure/spec-schema.ts');
    const s = parseSpec({ ...base, score: { rsr: true, fuzzy: true } }).spec!;
    expect(s.score.rsr).toEqual({ variant: 'integer', grades: 3 });
    expect(s.score.fuzzy).toEqual({
      functions: { centres: [0, 0.25, 0.5, 0.75, 1] },
      operator: 'weighted-average',
      scores: [1, 2, 3, 4, 5],
    });
    const bad = parseSpec({ ...base, score: { fuzzy: { centres: [0, 0.5, 1], scores: [1, 2] } } }).problems;
    expect(bad.map((p) => p.message.en).join()).toMatch(/score\.fuzzy\.scores/);
    const desc = parseSpec({ ...base, score: { fuzzy: { centres: [1, 0.5] } } }).problems;
    expect(desc[0].message.en).toMatch(/membership/);
    expect(parseSpec({ ...base, score: { rsr: { grades: [6, 4] } } }).problems[0].message.en).toMatch(
      /score\.rsr\.grades/,
    );
  });
});

describe('score.promethee / score.copeland in the spec', () => {
  const base = {
    unit: 'u',
    indicators: [
      { id: 'a', column: 'a', direction: '+' },
      { id: 'b', column: 'b', direction: '-' },
    ],
  };
  it('criteria filled per indicator; bad thresholds and unknown ids are problems', async () => {
    const { parseSpec } = await import('../../src/core/measure/spec-schema.ts');
    const s = parseSpec({ ...base, score: { promethee: { fn: 'v-shape', p: 0.2, criteria: { b: { fn: 'usual' } } } } })
      .spec!;
    expect(s.score.promethee).toEqual({ criteria: { a: { fn: 'v-shape', p: 0.2 }, b: { fn: 'usual' } } });
    expect(s.score.copeland).toBe(false);
    const noP = parseSpec({ ...base, score: { promethee: { fn: 'linear', q: 0.1 } } }).problems;
    expect(noP[0].message.en).toMatch(/needs the parameter p/);
    const unknown = parseSpec({ ...base, score: { promethee: { criteria: { zz: { fn: 'usual' } } } } }).problems;
    expect(unknown[0].message.en).toMatch(/no indicator "zz"/);
  });
});

describe('pairwise methods on a large sample', () => {
  it('more than MAX_PAIRWISE_ROWS rows in one sample is refused for Copeland with the fix', async () => {
    const { evaluate, MAX_PAIRWISE_ROWS } = await import('../../src/core/measure/evaluate.ts');
    const { panelFromRows } = await import('../../src/core/panel/ops.ts');
    const rows = Array.from({ length: MAX_PAIRWISE_ROWS + 1 }, (_, i) => ({ u: `u${i}`, a: i % 97, b: (i * 7) % 13 }));
    const panel = panelFromRows(rows, 'u', null);
    const spec = {
      unit: 'u',
      time: null,
      indicators: [
        { id: 'a', column: 'a', direction: '+' },
        { id: 'b', column: 'b', direction: '+' },
      ],
      score: { copeland: true },
    };
    expect(() => evaluate(panel, spec)).toThrow(/by-time/);
  });
  it('PROMETHEE II takes a larger sample unless a criterion is gaussian', async () => {
    const { evaluate, MAX_PAIRWISE_ROWS } = await import('../../src/core/measure/evaluate.ts');
    const { panelFromRows } = await import('../../src/core/panel/ops.ts');
    const rows = Array.from({ length: MAX_PAIRWISE_ROWS + 1 }, (_, i) => ({ u: `u${i}`, a: i % 97, b: (i * 7) % 13 }));
    const panel = panelFromRows(rows, 'u', null);
    const spec = (promethee: unknown) => ({
      unit: 'u',
      time: null,
      indicators: [
        { id: 'a', column: 'a', direction: '+' },
        { id: 'b', column: 'b', direction: '+' },
      ],
      score: { promethee },
    });
    const r = evaluate(panel, spec({ fn: 'linear', q: 0.05, p: 0.3 }));
    expect(r.promethee).toHaveLength(MAX_PAIRWISE_ROWS + 1);
    expect(Math.abs(r.promethee!.reduce((s, x) => s + x.phi, 0))).toBeLessThan(1e-9);
    // rows with the same values (i and i + 97·13) get the same flow and rank
    expect(r.promethee![1261].phi).toBe(r.promethee![0].phi);
    expect(r.promethee![1261].rank).toBe(r.promethee![0].rank);
    expect(() => evaluate(panel, spec({ criteria: { b: { fn: 'gaussian', s: 0.2 } } }))).toThrow(
      /PROMETHEE II \(gaussian\) compares every pair/,
    );
  });
});
