import { describe, expect, it } from 'vitest';
import { normalizeColumn } from '../../src/core/measure/normalize.ts';
import type { Direction } from '../../src/core/measure/spec.ts';
import { entropyWeights } from '../../src/core/measure/weights/entropy.ts';
import { criticWeights } from '../../src/core/measure/weights/critic.ts';
import { crossProducts } from '../../src/core/measure/coherence.ts';
import { cvWeights } from '../../src/core/measure/weights/cv.ts';
import { equalWeights } from '../../src/core/measure/weights/equal.ts';
import { pcaWeights } from '../../src/core/measure/weights/pca.ts';
import { combineWeights } from '../../src/core/measure/weights/combine.ts';
import type { MeasureInputError } from '../../src/core/measure/weights/input.ts';
import { XinzhiError } from '../../src/core/errors.ts';
import { columns, expectClose, fixture, thrown } from './reference-helpers.ts';

const P = fixture('province.json');
const S = fixture('small.json');
const D = fixture('degenerate.json');

function minmaxAll(raw: number[][], dirs: Direction[], shift: number, rows?: number[]): Float64Array[] {
  return raw.map((c, j) => {
    const x = rows ? rows.map((i) => c[i]) : c;
    return normalizeColumn(x, { method: 'minmax', direction: dirs[j], shift });
  });
}

describe('entropy weights vs scipy.stats.entropy', () => {
  for (const shift of [0.0001, 0.01, 0]) {
    it(`province panel pooled over 310 unit-years, min-max shift ${shift}`, () => {
      expectClose(
        entropyWeights(minmaxAll(P.raw, P.directions, shift)),
        P.entropy[`pooled|${shift}`],
        `pooled|${shift}`,
      );
    });
    it(`province panel per year (31 rows each, normalised within the year), shift ${shift}`, () => {
      const years = [...new Set<number>(P.year)].sort();
      expect(years.length).toBe(10);
      for (const y of years) {
        const rows = P.year.map((t: number, i: number) => (t === y ? i : -1)).filter((i: number) => i >= 0);
        expectClose(
          entropyWeights(minmaxAll(P.raw, P.directions, shift, rows)),
          P.entropy[`year|${y}|${shift}`],
          `year|${y}|${shift}`,
        );
      }
    });
  }
  it('small matrix, with and without shift (0 · ln 0 = 0)', () => {
    expectClose(entropyWeights(minmaxAll(S.raw, S.directions, 0.0001)), S.entropy);
    expectClose(entropyWeights(minmaxAll(S.raw, S.directions, 0)), S.entropyNoShift);
    expectClose(entropyWeights(minmaxAll(D.zerosNoShift.raw, ['+', '-'], 0)), D.zerosNoShift.entropy);
  });
  it('degenerate: constant column → e = 1, d = 0; all constant or n = 1 → equal weights', () => {
    const r = entropyWeights(columns(D.constantColumn.normalized));
    expectClose(r, D.constantColumn.entropy);
    expect(r.divergence[1]).toBe(0);
    expectClose(entropyWeights(columns(D.allConstant.raw)), D.allConstant.entropy);
    expectClose(entropyWeights(columns(D.oneUnit.raw)), D.oneUnit.entropy);
    expect(entropyWeights(columns(D.allConstant.raw)).weights).toEqual([0.5, 0.5]);
  });
  it('negative input → XinzhiError naming column and index', () => {
    const e = thrown(() => entropyWeights([[1, 2, 3], ...D.errors.entropyNegative])) as MeasureInputError;
    expect(e).toBeInstanceOf(XinzhiError);
    expect(e.columnIndex).toBe(1);
    expect(e.index).toBe(1);
    expect(e.problems[0].code).toBe('entropy-negative');
  });
  it('rejects ragged or non-finite columns', () => {
    expect((thrown(() => entropyWeights([[1, 2], [1]])) as MeasureInputError).columnIndex).toBe(1);
    const e = thrown(() =>
      entropyWeights([
        [1, 2],
        [1, Infinity],
      ]),
    ) as MeasureInputError;
    expect([e.columnIndex, e.index]).toEqual([1, 1]);
    expect(thrown(() => entropyWeights([]))).toBeInstanceOf(XinzhiError);
  });
});

describe('CRITIC vs pandas corr/std', () => {
  const Z = minmaxAll(P.raw, P.directions, 0.0001);
  it('province panel, signed r and |r|', () => {
    expectClose(criticWeights(Z), P.critic, 'critic');
    expectClose(criticWeights(Z, { absCorrelation: true }), P.criticAbs, 'criticAbs');
  });
  it('small matrix', () => {
    const z = minmaxAll(S.raw, S.directions, 0.0001);
    expectClose(criticWeights(z), S.critic);
    expectClose(criticWeights(z, { absCorrelation: true }), S.criticAbs);
  });
  it("from cross-products computed with more columns after its own (the coherence check's): the same weights to the bit", () => {
    const extra = [Z[0].map((v, i) => v * 0.5 + i / Z[0].length), Z[1].map(() => 0.3)];
    const cross = crossProducts([...Z, ...extra], 'correlation', (a) => a < Z.length);
    for (const absCorrelation of [false, true])
      expect(criticWeights(Z, { absCorrelation, cross })).toEqual(criticWeights(Z, { absCorrelation }));
    const withConstant = columns(D.constantColumn.normalized);
    expect(
      criticWeights(withConstant, {
        cross: crossProducts([...withConstant, extra[0].slice(0, withConstant[0].length)]),
      }),
    ).toEqual(criticWeights(withConstant));
    // cross-products of other rows are not used
    const short = Z.map((c) => c.slice(0, 10));
    expect(criticWeights(short, { cross })).toEqual(criticWeights(short));
  });
  it('degenerate: constant column gets 0 and is left out of conflicts; all constant / n = 1 → equal', () => {
    expectClose(criticWeights(columns(D.constantColumn.normalized)), D.constantColumn.critic);
    expectClose(criticWeights(columns(D.allConstant.raw)), D.allConstant.critic);
    expectClose(criticWeights(columns(D.oneUnit.raw)), D.oneUnit.critic);
  });
});

describe('CV weights', () => {
  it('province panel on normalised data and on raw data', () => {
    expectClose(cvWeights(minmaxAll(P.raw, P.directions, 0.0001)), P.cv);
    expectClose(cvWeights(columns(P.raw)), P.cvRaw);
  });
  it('small matrix; degenerate cases', () => {
    expectClose(cvWeights(minmaxAll(S.raw, S.directions, 0.0001)), S.cv);
    expectClose(cvWeights(columns(S.raw)), S.cvRaw);
    expectClose(cvWeights(columns(D.constantColumn.normalized)), D.constantColumn.cv);
    expectClose(cvWeights(columns(D.allConstant.raw)), D.allConstant.cv);
    expectClose(cvWeights(columns(D.oneUnit.raw)), D.oneUnit.cv);
  });
  it('mean ≤ 0 → XinzhiError naming the column', () => {
    const e = thrown(() => cvWeights([[1, 2, 3], ...D.errors.cvZeroMean])) as MeasureInputError;
    expect(e.columnIndex).toBe(1);
    expect(e.problems[0].code).toBe('cv-mean');
  });
});

describe('equal weights', () => {
  it('1/k', () => {
    expect(equalWeights(4)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(equalWeights(1)).toEqual([1]);
    expect(thrown(() => equalWeights(0))).toBeInstanceOf(XinzhiError);
    expect(thrown(() => equalWeights(2.5))).toBeInstanceOf(XinzhiError);
  });
});

describe('PCA weights vs numpy.linalg.eigh', () => {
  it('province raw data, correlation matrix, cumulative 0.85 and 0.9', () => {
    expectClose(pcaWeights(columns(P.raw)), P.pca, 'pca');
    expectClose(pcaWeights(columns(P.raw), { cumulative: 0.9 }), P.pca90, 'pca90');
  });
  it('province normalised data, covariance matrix', () => {
    expectClose(pcaWeights(minmaxAll(P.raw, P.directions, 0.0001), { standardize: false }), P.pcaCov, 'pcaCov');
  });
  it('small matrix (all components kept with cumulative 1)', () => {
    expectClose(pcaWeights(columns(S.raw)), S.pca);
    expectClose(pcaWeights(columns(S.raw), { cumulative: 1 }), S.pcaAll);
    expectClose(pcaWeights(minmaxAll(S.raw, S.directions, 0.0001), { standardize: false }), S.pcaCov);
  });
  it('errors: constant column when standardising, n < 2, bad cumulative', () => {
    expect((thrown(() => pcaWeights(columns(D.constantColumn.raw))) as MeasureInputError).columnIndex).toBe(1);
    expect(thrown(() => pcaWeights(columns(D.oneUnit.raw)))).toBeInstanceOf(XinzhiError);
    expect(thrown(() => pcaWeights(columns(S.raw), { cumulative: 0 }))).toBeInstanceOf(XinzhiError);
  });
});

describe('combined weights vs numpy', () => {
  it('province: entropy + CRITIC + CV', () => {
    const Z = minmaxAll(P.raw, P.directions, 0.0001);
    const sets = [entropyWeights(Z).weights, criticWeights(Z).weights, cvWeights(Z).weights];
    expectClose(combineWeights(sets, 'multiplicative'), P.combine.multiplicative, 'multiplicative');
    expectClose(combineWeights(sets, 'linear'), P.combine.linear, 'linear');
    expectClose(combineWeights(sets, 'linear', [0.5, 0.3, 0.2]), P.combine.linearAlpha, 'linearAlpha');
    expectClose(combineWeights(sets, 'game-theory'), P.combine['game-theory'], 'game-theory');
    expectClose(combineWeights(sets.slice(0, 2), 'game-theory'), P.combine['game-theory-2'], 'game-theory-2');
  });
  it('small matrix, including linearly dependent sets (minimum-norm least squares)', () => {
    const sets = S.combine.sets;
    expectClose(combineWeights(sets, 'multiplicative'), S.combine.multiplicative);
    expectClose(combineWeights(sets, 'linear'), S.combine.linear);
    expectClose(combineWeights(sets, 'linear', [0.2, 0.5, 0.3]), S.combine.linearAlpha);
    expectClose(combineWeights(sets, 'game-theory'), S.combine['game-theory']);
    expectClose(combineWeights([S.weights, S.weights, sets[0]], 'game-theory'), S.combine['game-theory-dependent']);
  });
  it('identical sets combine to themselves', () => {
    const w = [0.2, 0.3, 0.5];
    for (const rule of ['multiplicative', 'linear', 'game-theory'] as const) {
      expectClose(
        combineWeights([w, w], rule).weights,
        rule === 'multiplicative' ? [0.04 / 0.38, 0.09 / 0.38, 0.25 / 0.38] : w,
      );
    }
  });
  it('errors', () => {
    expect(thrown(() => combineWeights([], 'linear'))).toBeInstanceOf(XinzhiError);
    expect(thrown(() => combineWeights([[0.5, 0.5], [1]], 'linear'))).toBeInstanceOf(XinzhiError);
    expect(
      thrown(() =>
        combineWeights(
          [
            [0.5, 0.5],
            [0.2, 0.8],
          ],
          'linear',
          [0.7, 0.7],
        ),
      ),
    ).toBeInstanceOf(XinzhiError);
    expect(
      thrown(() =>
        combineWeights(
          [
            [0.5, 0.5],
            [0.2, 0.8],
          ],
          'linear',
          [1],
        ),
      ),
    ).toBeInstanceOf(XinzhiError);
    expect(thrown(() => combineWeights([[0.5, -0.5]], 'linear'))).toBeInstanceOf(XinzhiError);
    expect(
      thrown(() =>
        combineWeights(
          [
            [1, 0],
            [0, 1],
          ],
          'multiplicative',
        ),
      ),
    ).toBeInstanceOf(XinzhiError);
  });
});
