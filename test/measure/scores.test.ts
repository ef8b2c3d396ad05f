import { describe, expect, it } from 'vitest';
import { normalizeColumn } from '../../src/core/measure/normalize.ts';
import type { Direction } from '../../src/core/measure/spec.ts';
import { entropyWeights } from '../../src/core/measure/weights/entropy.ts';
import { topsis } from '../../src/core/measure/scores/topsis.ts';
import { greyRelational } from '../../src/core/measure/scores/gra.ts';
import { vikor } from '../../src/core/measure/scores/vikor.ts';
import { XinzhiError } from '../../src/core/errors.ts';
import { columns, expectClose, fixture, thrown } from './reference-helpers.ts';

const P = fixture('province.json');
const S = fixture('small.json');
const D = fixture('degenerate.json');

function minmaxAll(raw: number[][], dirs: Direction[], shift: number): Float64Array[] {
  return raw.map((c, j) => normalizeColumn(c, { method: 'minmax', direction: dirs[j], shift }));
}

describe('TOPSIS vs NumPy (Hwang & Yoon 1981)', () => {
  const raw = columns(P.raw);
  const Z = minmaxAll(P.raw, P.directions, 0.0001);
  const w = entropyWeights(Z).weights;
  const k = raw.length;
  it('province: vector and min-max normalisation on raw data with directions, entropy weights', () => {
    expectClose(topsis(raw, w, P.directions), P.topsis.vector, 'vector');
    expectClose(topsis(raw, w, P.directions, { normalize: 'minmax' }), P.topsis.minmax, 'minmax');
    expectClose(
      topsis(raw, new Array(k).fill(1 / k), P.directions, { normalize: 'vector' }),
      P.topsis.vectorEqual,
      'vectorEqual',
    );
  });
  it('province: entropy-weighted TOPSIS on min-max (+0.0001) data, normalize none, all "+"', () => {
    expectClose(topsis(Z, w, new Array(k).fill('+'), { normalize: 'none' }), P.topsis.none, 'none');
  });
  it('small matrix and the Hwang & Yoon fighter-aircraft data', () => {
    const x = columns(S.raw);
    const z = minmaxAll(S.raw, S.directions, 0.0001);
    expectClose(topsis(x, S.weights, S.directions), S.topsis.vector);
    expectClose(topsis(x, S.weights, S.directions, { normalize: 'minmax' }), S.topsis.minmax);
    expectClose(topsis(z, S.weights, new Array(5).fill('+'), { normalize: 'none' }), S.topsis.none);
    const hy = S.hwangYoon;
    expectClose(topsis(columns(hy.raw), hy.weights, hy.directions), hy.topsis);
  });
  it('degenerate: constant column, all constant (C = 0.5), one unit', () => {
    expectClose(
      topsis(columns(D.constantColumn.raw), [0.4, 0.3, 0.3], D.constantColumn.directions),
      D.constantColumn.topsis,
    );
    const all = topsis(columns(D.allConstant.raw), [0.5, 0.5], ['+', '-']);
    expectClose(all, D.allConstant.topsis);
    expect(Array.from(all.closeness)).toEqual([0.5, 0.5, 0.5, 0.5]);
    expectClose(topsis(columns(D.oneUnit.raw), [0.2, 0.3, 0.5], ['+', '+', '-']), D.oneUnit.topsis);
  });
  it('errors: weights / directions length, bad normalisation', () => {
    expect(thrown(() => topsis(raw, [1], P.directions))).toBeInstanceOf(XinzhiError);
    expect(thrown(() => topsis(raw, w, ['+']))).toBeInstanceOf(XinzhiError);
    expect(thrown(() => topsis(raw, w, P.directions, { normalize: 'zscore' as 'none' }))).toBeInstanceOf(XinzhiError);
    expect(thrown(() => topsis([[1, 2]], [-1], ['+']))).toBeInstanceOf(XinzhiError);
  });
});

describe('grey relational analysis vs NumPy (Deng 1982)', () => {
  const Z = minmaxAll(P.raw, P.directions, 0.0001);
  const w = entropyWeights(Z).weights;
  it('province: ρ = 0.5 (default) and 0.3, entropy weights; equal weights', () => {
    expectClose(greyRelational(Z, w), P.gra['rho0.5'], 'rho0.5');
    expectClose(greyRelational(Z, w, { rho: 0.3 }), P.gra['rho0.3'], 'rho0.3');
    expectClose(greyRelational(Z, new Array(10).fill(0.1)), P.gra.equal, 'equal');
  });
  it('small matrix; degenerate', () => {
    const z = minmaxAll(S.raw, S.directions, 0.0001);
    expectClose(greyRelational(z, S.weights), S.gra['rho0.5']);
    expectClose(greyRelational(z, S.weights, { rho: 1, reference: 'max' }), S.gra.rho1);
    expectClose(greyRelational(z, new Array(5).fill(0.2)), S.gra.equal);
    expectClose(greyRelational(columns(D.constantColumn.normalized), [0.4, 0.3, 0.3]), D.constantColumn.gra);
    expectClose(greyRelational(columns(D.allConstant.raw), [0.5, 0.5]), D.allConstant.gra);
    expectClose(greyRelational(columns(D.oneUnit.raw), [0.2, 0.3, 0.5]), D.oneUnit.gra);
  });
  it('ρ outside (0, 1] is an error', () => {
    expect(thrown(() => greyRelational(Z, w, { rho: 0 }))).toBeInstanceOf(XinzhiError);
    expect(thrown(() => greyRelational(Z, w, { rho: 1.5 }))).toBeInstanceOf(XinzhiError);
  });
});

describe('VIKOR vs NumPy (Opricovic & Tzeng 2004)', () => {
  const raw = columns(P.raw);
  const w = entropyWeights(minmaxAll(P.raw, P.directions, 0.0001)).weights;
  it('province raw data with directions, v = 0.5 (default) and 0.3', () => {
    expectClose(vikor(raw, w, P.directions), P.vikor['v0.5'], 'v0.5');
    expectClose(vikor(raw, w, P.directions, { v: 0.3 }), P.vikor['v0.3'], 'v0.3');
  });
  it('small matrix, v = 0.5, 0, 1; degenerate', () => {
    const x = columns(S.raw);
    expectClose(vikor(x, S.weights, S.directions), S.vikor['v0.5']);
    expectClose(vikor(x, S.weights, S.directions, { v: 0 }), S.vikor.v0);
    expectClose(vikor(x, S.weights, S.directions, { v: 1 }), S.vikor.v1);
    expectClose(
      vikor(columns(D.constantColumn.raw), [0.4, 0.3, 0.3], D.constantColumn.directions),
      D.constantColumn.vikor,
    );
    expectClose(vikor(columns(D.allConstant.raw), [0.5, 0.5], ['+', '-']), D.allConstant.vikor);
    expectClose(vikor(columns(D.oneUnit.raw), [0.2, 0.3, 0.5], ['+', '+', '-']), D.oneUnit.vikor);
  });
  it('v outside [0, 1] is an error', () => {
    expect(thrown(() => vikor(raw, w, P.directions, { v: 2 }))).toBeInstanceOf(XinzhiError);
  });
});
