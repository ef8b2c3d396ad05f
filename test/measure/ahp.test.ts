import { describe, expect, it } from 'vitest';
import { ahpWeights, SAATY_RI } from '../../src/core/measure/weights/ahp.ts';
import { XinzhiError } from '../../src/core/errors.ts';
import { expectClose, fixture, thrown } from './reference-helpers.ts';

const A = fixture('ahp.json');
const D = fixture('degenerate.json');
const CASES = ['saaty3', 'saatyLight', 'consistent4', 'two', 'one', 'five', 'rounded'];

describe('AHP vs numpy.linalg.eig (eigenvector) and scipy gmean (geometric mean)', () => {
  for (const name of CASES) {
    it(name, () => {
      const m = A[name].matrix;
      expectClose(ahpWeights(m, { allowInconsistent: true }), A[name].eigenvector, `${name}.eigenvector`);
      expectClose(
        ahpWeights(m, { method: 'geometric-mean', allowInconsistent: true }),
        A[name]['geometric-mean'],
        `${name}.geometric-mean`,
      );
    });
  }
});

describe('AHP vs published values', () => {
  it("Saaty's random index table (Saaty 1980), n = 1..15", () => {
    // Saaty, T. L. (1980) The Analytic Hierarchy Process, McGraw-Hill, Table of RI.
    expect(SAATY_RI).toEqual([0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59]);
    expect(A.RI).toEqual(SAATY_RI);
  });
  it('widely reproduced 3×3 example: priorities 0.637, 0.258, 0.105; λmax 3.039; CR 0.033', () => {
    const p = A.saaty3.published;
    const r = ahpWeights(A.saaty3.matrix);
    r.weights.forEach((w, i) => expect(Math.abs(w - p.weights[i])).toBeLessThanOrEqual(p.tol));
    expect(Math.abs(r.lambdaMax - p.lambdaMax)).toBeLessThanOrEqual(p.tol);
    expect(Math.abs(r.CR - p.CR)).toBeLessThanOrEqual(p.tol);
  });
  it("Saaty's (1977) light-intensity matrix: λmax 4.39, CI 0.13, priorities 0.62/0.24/0.10/0.05 — CR 0.145 > 0.1", () => {
    const p = A.saatyLight.published;
    const e = thrown(() => ahpWeights(A.saatyLight.matrix)) as XinzhiError;
    expect(e).toBeInstanceOf(XinzhiError);
    expect(e.problems[0].code).toBe('ahp-inconsistent');
    expect(e.problems[0].fix?.en).toContain('allowInconsistent');
    const r = ahpWeights(A.saatyLight.matrix, { allowInconsistent: true });
    r.weights.forEach((w, i) => expect(Math.abs(w - p.weights[i])).toBeLessThanOrEqual(p.tol));
    expect(Math.abs(r.lambdaMax - p.lambdaMax)).toBeLessThanOrEqual(p.tol);
    expect(Math.abs(r.CI - p.CI)).toBeLessThanOrEqual(p.tol);
    expect(r.CR).toBeGreaterThan(0.1);
  });
});

describe('AHP validation', () => {
  it('n ≤ 2 has CR = 0', () => {
    expect(
      ahpWeights([
        [1, 9],
        [1 / 9, 1],
      ]).CR,
    ).toBe(0);
    expect(ahpWeights([[1]]).weights).toEqual([1]);
  });
  it('non-reciprocal, non-positive, bad diagonal, non-square, too large: errors naming the cell', () => {
    const r = thrown(() => ahpWeights(D.errors.ahpNotReciprocal)) as XinzhiError;
    expect(r.problems[0].code).toBe('ahp-reciprocal');
    expect(r.problems[0].column).toBe('(3,2)');
    expect(r.problems[0].message.en).toContain('row 3, column 2');
    expect((thrown(() => ahpWeights(D.errors.ahpNegative)) as XinzhiError).problems[0].column).toBe('(1,2)');
    expect((thrown(() => ahpWeights(D.errors.ahpDiagonal)) as XinzhiError).problems[0].code).toBe('ahp-diagonal');
    expect((thrown(() => ahpWeights([[1, 2], [0.5]])) as XinzhiError).problems[0].code).toBe('ahp-not-square');
    expect((thrown(() => ahpWeights([])) as XinzhiError).problems[0].code).toBe('ahp-empty');
    const big = Array.from({ length: 16 }, () => new Array<number>(16).fill(1));
    expect((thrown(() => ahpWeights(big)) as XinzhiError).problems[0].code).toBe('ahp-too-large');
  });
  it('two-decimal reciprocals (0.33 for 1/3) are accepted as given', () => {
    expect(ahpWeights(A.rounded.matrix).weights.length).toBe(3);
  });
});
