import { describe, expect, it } from 'vitest';
import { rank } from '../../src/core/measure/rank.ts';
import { correlationMatrix, cronbachAlpha } from '../../src/core/measure/coherence.ts';
import { normalizeColumn } from '../../src/core/measure/normalize.ts';
import type { Direction } from '../../src/core/measure/spec.ts';
import { XinzhiError } from '../../src/core/errors.ts';
import { columns, expectClose, fixture, thrown } from './reference-helpers.ts';

const R = fixture('rank.json');
const P = fixture('province.json');
const S = fixture('small.json');
const D = fixture('degenerate.json');

function minmaxAll(raw: number[][], dirs: Direction[]): Float64Array[] {
  return raw.map((c, j) => normalizeColumn(c, { method: 'minmax', direction: dirs[j], shift: 0.0001 }));
}

describe('rank vs scipy.stats.rankdata (NaN last as R rank(na.last = TRUE))', () => {
  for (const name of Object.keys(R)) {
    it(name, () => {
      const values = (R[name].values as Array<number | null>).map((v) => (v === null ? NaN : v));
      for (const order of ['desc', 'asc'] as const) {
        for (const ties of ['min', 'average', 'dense', 'first'] as const) {
          expectClose(rank(values, { order, ties }), R[name][`${order}|${ties}`], `${name} ${order} ${ties}`);
        }
      }
    });
  }
  it('default is descending with ties "min" (1, 2, 2, 4)', () => {
    expect(Array.from(rank([9, 5, 5, 1]))).toEqual([1, 2, 2, 4]);
    expect(Array.from(rank([]))).toEqual([]);
  });
  it('province scores and TOPSIS closeness', () => {
    const score = P.rank.score as number[];
    expectClose(rank(score), P.rank.min);
    expectClose(rank(score, { ties: 'average' }), P.rank.average);
    expectClose(rank(P.topsis.vector.closeness), P.rank.closenessMin);
    expectClose(rank(P.vikor['v0.5'].Q, { order: 'asc' }), P.rank.QAsc);
  });
  it('unknown options are an error', () => {
    expect(thrown(() => rank([1], { ties: 'max' as 'min' }))).toBeInstanceOf(XinzhiError);
    expect(thrown(() => rank([1], { order: 'up' as 'asc' }))).toBeInstanceOf(XinzhiError);
  });
});

describe('coherence vs pandas', () => {
  it('Pearson correlation matrix (province raw and normalised, small)', () => {
    expectClose(correlationMatrix(columns(P.raw)), P.coherence.correlation, 'raw');
    expectClose(correlationMatrix(minmaxAll(P.raw, P.directions)), P.coherence.correlationNorm, 'norm');
    expectClose(correlationMatrix(columns(S.raw)), S.coherence.correlation, 'small');
  });
  it('constant column → NaN row and column', () => {
    const r = correlationMatrix(columns(D.constantColumn.raw));
    expectClose(r, D.constantColumn.correlation);
    expect(Number.isNaN(r[1][1])).toBe(true);
  });
  it("Cronbach's alpha", () => {
    expectClose(cronbachAlpha(minmaxAll(P.raw, P.directions)), P.coherence.alpha);
    expectClose(cronbachAlpha(columns(P.raw)), P.coherence.alphaRaw);
    expectClose(cronbachAlpha(columns(S.raw)), S.coherence.alpha);
    expectClose(cronbachAlpha(minmaxAll(S.raw, S.directions)), S.coherence.alphaNorm);
    expectClose(cronbachAlpha(columns(D.constantColumn.raw)), D.constantColumn.alpha);
  });
  it('alpha is NaN for k < 2, n < 2 and zero total variance', () => {
    expect(cronbachAlpha([[1, 2, 3]])).toBeNaN();
    expect(cronbachAlpha(columns(D.oneUnit.raw))).toBeNaN();
    expect(cronbachAlpha(columns(D.allConstant.raw))).toBeNaN();
    expect(D.allConstant.alpha).toBeNull();
  });
});
