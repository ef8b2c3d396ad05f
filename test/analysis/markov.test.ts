import { describe, expect, it } from 'vitest';
import {
  homogeneity,
  markovChain,
  spatialMarkov,
  steadyState,
  quantileBreaks,
  classOf,
  type UnitTimeMatrix,
} from '../../src/core/analysis/markov.ts';
import { edgeListWeights, rowStandardise } from '../../src/core/analysis/spatial-weights.ts';
import { readEdgeList } from '../../src/adapters/io/spatial.ts';
import { close, fixture, panelRows } from './spatial-helpers.ts';

const ref = fixture('markov_sigma_numpy.json');
const units: string[] = ref.units;
const years: number[] = ref.years;

function data(column: string): UnitTimeMatrix {
  return {
    units,
    times: years,
    y: years.map((yr) =>
      Float64Array.from(units, (u) => Number(panelRows.find((r) => r.Province === u && r.Year === yr)![column])),
    ),
  };
}
const allClose = (a: number[][], b: number[][], tol = 1e-9) =>
  a.every((row, i) => row.every((v, j) => close(v, b[i][j], tol)));

describe('Markov chains against an independent NumPy reference', async () => {
  const edges = await readEdgeList(
    new URL('../../test/reference/analysis/fixtures/queen31_edges.csv', import.meta.url).pathname,
  );
  const w = rowStandardise(edgeListWeights(units, edges));
  for (const c of ref.cases) {
    it(`${c.column}: k = ${c.k}, breaks ${c.breaks}, lag ${c.lag}${c.relative ? ', relative' : ''}`, () => {
      const opts = { classes: c.k, breaks: c.breaks, lag: c.lag, relative: c.relative };
      const m = markovChain(data(c.column), opts);
      expect(allClose(m.breaks, c.breaksValues)).toBe(true);
      expect(m.counts).toEqual(c.counts);
      expect(allClose(m.probabilities, c.probabilities)).toBe(true);
      if (m.steady.distribution)
        expect(m.steady.distribution.every((v, i) => Math.abs(v - c.steady[i]) < 1e-9)).toBe(true);
      const s = spatialMarkov(data(c.column), w, opts);
      expect(allClose(s.lagBreaks, c.lagBreaks)).toBe(true);
      s.conditional.forEach((cm, l) => {
        expect(cm.counts).toEqual(c.conditionalCounts[l]);
        expect(allClose(cm.probabilities, c.conditionalProbabilities[l])).toBe(true);
        if (cm.steady.distribution && c.conditionalSteady[l]) {
          expect(cm.steady.distribution.every((v, i) => Math.abs(v - c.conditionalSteady[l][i]) < 1e-9)).toBe(true);
        }
      });
      const h = s.homogeneity;
      expect(h.dof).toBe(c.homogeneity.dof);
      for (const key of ['Q', 'LR', 'QpValue', 'LRpValue'] as const)
        expect(close(h[key], c.homogeneity[key], 1e-9)).toBe(true);
    });
  }
});

describe('steady states and degenerate chains', () => {
  it('irreducible chain: π solves πP = π', () => {
    const P = [
      [0.5, 0.5, 0],
      [0.25, 0.5, 0.25],
      [0, 0.5, 0.5],
    ];
    const s = steadyState(P);
    expect(s.irreducible).toBe(true);
    // Birth-death chain: π = (1/4, 1/2, 1/4).
    s.distribution!.forEach((v, i) => expect(v).toBeCloseTo([0.25, 0.5, 0.25][i], 14));
  });
  it('one absorbing state: π concentrated on it', () => {
    const s = steadyState([
      [0.9, 0.1],
      [0, 1],
    ]);
    expect(s.distribution).toEqual([0, 1]);
    expect(s.absorbing).toEqual([1]);
    expect(s.irreducible).toBe(false);
  });
  it('two closed classes: not unique (null)', () => {
    const s = steadyState([
      [1, 0, 0],
      [0.5, 0, 0.5],
      [0, 0, 1],
    ]);
    expect(s.distribution).toBeNull();
    expect(s.closedClasses).toEqual([[0], [2]]);
  });
  it('a class never seen as an origin is treated as absorbing with a warning', () => {
    const s = steadyState([
      [0.5, 0.5],
      [0, 0],
    ]);
    expect(s.distribution).toEqual([0, 1]);
    expect(s.warnings.join(' ')).toMatch(/never an origin/);
  });
  it('one unit per class and ties: breaks and right-closed classes', () => {
    expect(quantileBreaks([1, 2, 3, 4], 4)).toEqual([1.75, 2.5, 3.25]);
    expect([1, 2, 3, 4].map((x) => classOf(x, [1.75, 2.5, 3.25]))).toEqual([0, 1, 2, 3]);
    expect(classOf(2.5, [1.75, 2.5, 3.25])).toBe(1);
    const m = markovChain({
      units: ['a', 'b', 'c', 'd'],
      times: [1, 2],
      y: [Float64Array.of(1, 2, 3, 4), Float64Array.of(4, 3, 2, 1)],
    });
    expect(m.counts).toEqual([
      [0, 0, 0, 1],
      [0, 0, 1, 0],
      [0, 1, 0, 0],
      [1, 0, 0, 0],
    ]);
  });
  it('homogeneity of identical conditional matrices is zero', () => {
    const h = homogeneity([
      [
        [3, 1],
        [1, 3],
      ],
      [
        [3, 1],
        [1, 3],
      ],
    ]);
    expect(h.Q).toBe(0);
    expect(h.LR).toBeCloseTo(0, 14);
    expect(h.dof).toBe(2);
  });
});
