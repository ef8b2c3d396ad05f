import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { preferenceValue, prometheeII, type PrometheeCriterion } from '../../src/core/measure/scores/promethee.ts';
import type { Direction } from '../../src/core/measure/spec.ts';
import { XinzhiError } from '../../src/core/errors.ts';

const REF = JSON.parse(readFileSync(new URL('../reference/measure/fixtures/promethee.json', import.meta.url), 'utf8'));
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
const columns = (m: number[][]) => m[0].map((_, j) => m.map((r) => r[j]));

describe('PROMETHEE II (checked against test/reference/measure/promethee_reference.py, NumPy)', () => {
  for (const [name, c] of Object.entries(REF.cases) as Array<
    [string, { criteria: PrometheeCriterion[]; phiPlus: number[]; phiMinus: number[]; phi: number[] }]
  >) {
    it(`flows with the ${name} preference functions`, () => {
      const res = prometheeII(columns(REF.matrix), REF.weights, REF.directions as Direction[], c.criteria);
      for (const key of ['phiPlus', 'phiMinus', 'phi'] as const)
        res[key].forEach((v, a) => expect(close(v, c[key][a]), `${key}[${a}]`).toBe(true));
      expect(Math.abs(res.phi.reduce((s, v) => s + v, 0))).toBeLessThan(1e-12);
    });
  }
  for (const [name, c] of Object.entries(REF.large.cases) as Array<
    [string, { criteria: PrometheeCriterion[]; phiPlus: number[]; phiMinus: number[]; phi: number[] }]
  >) {
    it(`flows of 240 alternatives (ties, differences on the thresholds, values near 1e6) with ${name}`, () => {
      const res = prometheeII(
        columns(REF.large.matrix),
        REF.large.weights,
        REF.large.directions as Direction[],
        c.criteria,
      );
      for (const key of ['phiPlus', 'phiMinus', 'phi'] as const)
        res[key].forEach((v, a) => expect(close(v, c[key][a]), `${key}[${a}] ${v} vs ${c[key][a]}`).toBe(true));
      expect(Math.abs(res.phi.reduce((s, v) => s + v, 0))).toBeLessThan(1e-12);
    });
  }
  it('gives rows with equal values equal flows', () => {
    // row 0 twice more: the three rows must get the same flows, bit for bit
    const m = columns(REF.large.matrix).map((col) => [...col, col[0], col[0]]);
    for (const c of Object.values(REF.large.cases) as Array<{ criteria: PrometheeCriterion[] }>) {
      const res = prometheeII(m, REF.large.weights, REF.large.directions as Direction[], c.criteria);
      for (const key of ['phiPlus', 'phiMinus', 'phi'] as const) {
        expect(res[key][240]).toBe(res[key][0]);
        expect(res[key][241]).toBe(res[key][0]);
      }
    }
  });
  it('reproduces the hand-worked usual-criterion example (A=(4,2), B=(1,5), C=(3,4), w = 0.4, 0.6)', () => {
    const res = prometheeII(
      [
        [4, 1, 3],
        [2, 5, 4],
      ],
      [0.4, 0.6],
      ['+', '+'],
      [{ fn: 'usual' }, { fn: 'usual' }],
    );
    expect(Array.from(res.phiPlus, (v) => Number(v.toFixed(12)))).toEqual([0.4, 0.6, 0.5]);
    expect(Array.from(res.phi, (v) => Number(v.toFixed(12)))).toEqual([-0.2, 0.2, 0]);
  });
  it('evaluates the six preference functions at their breakpoints', () => {
    expect([0, 1].map((d) => preferenceValue('usual', d, {}))).toEqual([0, 1]);
    expect([1, 1.01].map((d) => preferenceValue('u-shape', d, { q: 1 }))).toEqual([0, 1]);
    expect([1, 2, 3].map((d) => preferenceValue('v-shape', d, { p: 2 }))).toEqual([0.5, 1, 1]);
    expect([1, 1.5, 2, 2.5].map((d) => preferenceValue('level', d, { q: 1, p: 2 }))).toEqual([0, 0.5, 0.5, 1]);
    expect([1, 1.5, 2].map((d) => preferenceValue('linear', d, { q: 1, p: 2 }))).toEqual([0, 0.5, 1]);
    expect(preferenceValue('gaussian', 1, { s: 1 })).toBeCloseTo(1 - Math.exp(-0.5), 15);
    expect(preferenceValue('gaussian', -1, { s: 1 })).toBe(0);
  });
  it('rejects missing thresholds, q ≥ p and a single alternative', () => {
    expect(() => prometheeII([[1, 2]], [1], ['+'], [{ fn: 'linear', q: 2, p: 1 }])).toThrow(/q < p/);
    expect(() => prometheeII([[1, 2]], [1], ['+'], [{ fn: 'gaussian' }])).toThrow(XinzhiError);
    expect(() => prometheeII([[1]], [1], ['+'], [{ fn: 'usual' }])).toThrow(XinzhiError);
  });
  it('gives every flow 0 when all criteria are constant', () => {
    expect(Array.from(prometheeII([[3, 3, 3]], [1], ['+'], [{ fn: 'usual' }]).phi)).toEqual([0, 0, 0]);
  });
});
