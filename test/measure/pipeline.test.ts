/**
 * Pipeline behaviour that needs no reference numbers: spec validation
 * messages (JSON path + fix), defaults, the run record (regeneration,
 * fingerprint), uncertainty analysis determinism and sanity, geometric
 * domain errors, and the shape of the result.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, regenerate } from '../../src/core/measure/evaluate.ts';
import { parseSpec } from '../../src/core/measure/spec-schema.ts';
import { XinzhiError } from '../../src/core/errors.ts';
import { panelFromRows } from '../../src/core/panel/ops.ts';
import { findProvince, PROVINCES } from '../../src/core/geo/provinces.ts';
import { TWO_DIMENSION_ROWS, TWO_DIMENSIONS } from './two-dimensions.ts';

const rows = [...TWO_DIMENSION_ROWS];
const panel = panelFromRows(rows, 'u', 't');
const spec = TWO_DIMENSIONS;

function problemsOf(s: unknown, columns = ['x1', 'x2', 'x3', 'x4']) {
  return parseSpec(s, { columns }).problems;
}

describe('spec validation', () => {
  it('fills the documented defaults', () => {
    const { spec: s } = parseSpec(spec);
    expect(s!.normalize).toEqual({ method: 'minmax', shift: 0.0001, log: false, logPlusOne: false, panel: 'pooled' });
    expect(s!.weights).toMatchObject({ method: 'entropy', panel: 'pooled', scope: 'leaves' });
    expect(s!.aggregate).toEqual({ method: 'arithmetic' });
    expect(s!.missing).toEqual({ method: 'error' });
    expect(s!.outliers).toEqual({ method: 'none' });
    expect(s!.score).toMatchObject({ ties: 'min', scale: 1 });
  });
  it('names the JSON path of a bad enum and lists the options', () => {
    const p = problemsOf({ ...spec, weights: { method: 'entropie' } });
    expect(p[0].message.en).toContain('weights.method');
    expect(p[0].fix!.en).toContain('"entropy"');
  });
  it('rejects unknown fields (typos)', () => {
    const p = problemsOf({ ...spec, normalise: {} });
    expect(p[0].code).toBe('spec-unknown-field');
    expect(p[0].message.en).toContain('normalise');
  });
  it('reports an unknown parent with the declared nodes and a suggestion', () => {
    const p = problemsOf({
      ...spec,
      indicators: [...spec.indicators, { id: 'b3', column: 'x4', direction: '+', parent: 'b' }],
    });
    const q = p.find((x) => x.code === 'spec-unknown-parent')!;
    expect(q.message.en).toContain('indicators[4].parent');
    expect(q.message.en).toContain('Declared nodes: A, B');
  });
  it('reports a column not in the data with the available columns', () => {
    const p = problemsOf({ ...spec, indicators: [{ id: 'z', column: 'x5', direction: '+' }] });
    const q = p.find((x) => x.code === 'spec-missing-column')!;
    expect(q.message.en).toContain('indicators[0].column');
    expect(q.message.en).toContain('"x1", "x2", "x3", "x4"');
  });
  it('reports duplicate ids, cycles, empty nodes and the reserved id', () => {
    const p = problemsOf({
      ...spec,
      nodes: [
        { id: 'A', parent: 'C' },
        { id: 'C', parent: 'A' },
        { id: 'B', parent: null },
        { id: 'E', parent: null },
        { id: 'index', parent: null },
      ],
      indicators: [...spec.indicators, { id: 'a1', column: 'x1', direction: '+', parent: 'A' }],
    });
    const codes = p.map((x) => x.code);
    expect(codes).toContain('spec-duplicate-id');
    expect(codes).toContain('spec-cycle');
    expect(codes).toContain('spec-empty-node');
    expect(codes).toContain('spec-reserved-id');
  });
  it('checks AHP matrix sizes against the children', () => {
    const p = problemsOf({
      ...spec,
      weights: {
        method: 'ahp',
        ahp: {
          index: {
            items: ['A', 'B'],
            matrix: [
              [1, 2, 3],
              [0.5, 1, 2],
            ],
          },
          A: {
            items: ['a1', 'a2'],
            matrix: [
              [1, 3],
              [1 / 3, 1],
            ],
          },
          B: {
            items: ['b1', 'b2'],
            matrix: [
              [1, 1],
              [1, 1],
            ],
          },
        },
      },
    });
    const q = p.find((x) => x.code === 'spec-ahp')!;
    expect(q.message.en).toContain('weights.ahp.index.matrix');
    expect(q.message.en).toContain('2×2');
  });
  it('evaluate throws a XinzhiError listing every problem', () => {
    expect(() =>
      evaluate(panel, {
        ...spec,
        indicators: [
          { id: 'z', column: 'nope', direction: '+' },
          { id: 'z', column: 'x1', direction: '?' },
        ],
      }),
    ).toThrow(XinzhiError);
  });
});

describe('evaluate', () => {
  it('contract: weights sum to 1, scores per unit-time, ranks 1..n per time', () => {
    const r = evaluate(panel, spec, { version: '9.9.9' });
    expect(Object.values(r.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(r.scores).toHaveLength(24);
    for (const t of r.times)
      expect(
        r.scores
          .filter((s) => s.time === t)
          .map((s) => s.rank)
          .sort(),
      ).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.record.software).toEqual({ name: 'xinzhi', version: '9.9.9' });
    expect(r.record.dataFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(r.record.steps.map((s) => s.step)).toContain('weights');
  });
  it('score.scale multiplies the composite', () => {
    const a = evaluate(panel, spec),
      b = evaluate(panel, { ...spec, score: { scale: 100 } });
    a.scores.forEach((s, i) => expect(b.scores[i].score).toBeCloseTo(100 * s.score, 10));
  });
  it('geometric aggregation with shift 0 names the cell', () => {
    try {
      evaluate(panel, { ...spec, normalize: { method: 'minmax', shift: 0 }, aggregate: { method: 'geometric' } });
      expect.unreachable();
    } catch (e) {
      const p = (e as XinzhiError).problems[0];
      expect(p.code).toBe('geometric-nonpositive');
      expect(p.unit).toBeDefined();
      expect(p.fix!.en).toContain('shift');
    }
  });
});

describe('run record', () => {
  it('regenerate reproduces identical numbers; a changed panel is detected', () => {
    const s = {
      ...spec,
      score: { topsis: true },
      uncertainty: { draws: 50, seed: 7, normalize: ['minmax', 'vector'] },
    };
    const r = evaluate(panel, s);
    const again = regenerate(JSON.parse(JSON.stringify(r.record)), panel);
    expect(again.scores).toEqual(r.scores);
    expect(again.weights).toEqual(r.weights);
    expect(again.uncertainty).toEqual(r.uncertainty);
    expect(again.record.spec).toEqual(r.record.spec);
    // row order does not matter
    const shuffled = panelFromRows([...rows].reverse(), 'u', 't');
    expect(() => regenerate(r.record, shuffled)).not.toThrow();
    // a changed value does
    const changed = panelFromRows(
      rows.map((x, i) => (i === 5 ? { ...x, x3: (x.x3 as number) + 1e-9 } : x)),
      'u',
      't',
    );
    expect(() => regenerate(r.record, changed)).toThrow(/fingerprint/);
  });
});

describe('uncertainty analysis', () => {
  const s = {
    ...spec,
    uncertainty: {
      draws: 400,
      seed: 42,
      normalize: ['minmax', 'zscore', 'vector'],
      weights: ['entropy', 'equal', 'critic'],
      aggregate: ['arithmetic'],
    },
  };
  it('is deterministic for a seed and changes with the seed', () => {
    const a = evaluate(panel, s).uncertainty!,
      b = evaluate(panel, s).uncertainty!;
    expect(a).toEqual(b);
    const c = evaluate(panel, { ...s, uncertainty: { ...s.uncertainty, seed: 43 } }).uncertainty!;
    expect(c.influence).not.toEqual(a.influence);
  });
  it('is sane: nominal ranks mostly inside the 5–95% interval; influences in [0,1] summing to ≤ 1 with the residual', () => {
    const u = evaluate(panel, s).uncertainty!;
    const inside = u.ranks.filter((r) => r.nominalRank >= r.q05 && r.nominalRank <= r.q95).length;
    expect(inside / u.ranks.length).toBeGreaterThan(0.8);
    for (const r of u.ranks) {
      expect(r.q05).toBeLessThanOrEqual(r.medianRank);
      expect(r.medianRank).toBeLessThanOrEqual(r.q95);
    }
    const vals = Object.values(u.influence);
    for (const v of vals) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(Object.keys(u.influence).sort()).toEqual(['normalize', 'residual', 'weights']);
    expect(vals.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(0.999);
  });
  it('reports progress up to the total', () => {
    const seen: number[] = [];
    evaluate(
      panel,
      { ...spec, uncertainty: { draws: 200 } },
      {
        onProgress: (d, t) => {
          expect(t).toBe(200);
          seen.push(d);
        },
      },
    );
    expect(seen[seen.length - 1]).toBe(200);
    expect(seen.length).toBeGreaterThan(10);
  });
  it('without weight noise and one choice, every draw gives the nominal rank', () => {
    const u = evaluate(panel, { ...spec, uncertainty: { draws: 20, weightNoise: 0 } }).uncertainty!;
    for (const r of u.ranks) {
      expect(r.q05).toBe(r.nominalRank);
      expect(r.q95).toBe(r.nominalRank);
    }
  });
});

describe('provinces', () => {
  it('has 31 provinces in the NBS four regions (10/6/12/3)', () => {
    expect(PROVINCES).toHaveLength(31);
    const count = (r: string) => PROVINCES.filter((p) => p.region === r).length;
    expect([count('East'), count('Central'), count('West'), count('Northeast')]).toEqual([10, 6, 12, 3]);
  });
  it('finds a province by English name, code, Chinese name, boundary name and pcode', () => {
    for (const k of ['Shaanxi', 610000, '610000', '陕西省', '陕西', 'Shaanxi Province', 'CN061'])
      expect(findProvince(k)!.gbCode).toBe(610000);
    expect(findProvince('Inner Mongolia Autonomous Region')!.nameZh).toBe('内蒙古自治区');
    expect(findProvince('西藏')!.name).toBe('Tibet');
    expect(findProvince('Atlantis')).toBeUndefined();
  });
});

describe('Monte Carlo ranker', () => {
  it('matches the rank function (descending, ties min) including near-equal and tied values', async () => {
    const { makeRanker } = await import('../../src/core/measure/uncertainty.ts');
    const { rank } = await import('../../src/core/measure/rank.ts');
    const vals = new Float64Array(3000);
    for (let i = 0; i < vals.length; i++)
      vals[i] =
        i % 10 === 0
          ? 0.5
          : i % 13 === 0
            ? 0.5 + 1e-15 * (i % 3)
            : i % 17 === 0
              ? -Math.sin(i)
              : (Math.sin(i * 12.9898) * 43758.5453) % 1;
    const rows = Int32Array.from({ length: 2500 }, (_, i) => i * 1 + 100);
    const got = makeRanker(2600)(vals, 0, rows);
    const want = rank(
      Array.from(rows, (r) => vals[r]),
      { order: 'desc', ties: 'min' },
    );
    expect(Array.from(got.subarray(0, rows.length))).toEqual(Array.from(want));
  });
});

describe('normalize "none" with a "−" indicator', () => {
  it('warns that the direction is ignored, naming the indicator', () => {
    const panel = {
      unitKey: 'u',
      timeKey: 't',
      unit: ['a', 'b', 'c'],
      time: [1, 1, 1],
      columns: { x: Float64Array.from([0.2, 0.5, 0.9]), y: Float64Array.from([0.3, 0.1, 0.6]) },
    };
    const r = evaluate(panel, {
      unit: 'u',
      time: 't',
      indicators: [
        { id: 'x', column: 'x', direction: '+' },
        { id: 'y', column: 'y', direction: '-' },
      ],
      normalize: { method: 'none' },
      weights: { method: 'equal' },
      aggregate: { method: 'arithmetic' },
    });
    const w = r.record.warnings.filter((p) => p.code === 'direction-ignored');
    expect(w).toHaveLength(1);
    expect(w[0].message.en).toContain('y');
    expect(w[0].message.en).not.toMatch(/\bx\b/);
  });
});
