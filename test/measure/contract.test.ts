/**
 * The call shapes the pipeline (evaluate) relies on: plain number[] or
 * Float64Array columns, inputs left untouched, single-indicator and
 * single-row inputs handled, results as plain arrays / Float64Array.
 */
import { describe, expect, it } from 'vitest';
import { normalizeColumn, logTransform } from '../../src/core/measure/normalize.ts';
import { entropyWeights } from '../../src/core/measure/weights/entropy.ts';
import { criticWeights } from '../../src/core/measure/weights/critic.ts';
import { cvWeights } from '../../src/core/measure/weights/cv.ts';
import { pcaWeights } from '../../src/core/measure/weights/pca.ts';
import { combineWeights } from '../../src/core/measure/weights/combine.ts';
import { topsis } from '../../src/core/measure/scores/topsis.ts';
import { greyRelational } from '../../src/core/measure/scores/gra.ts';
import { vikor } from '../../src/core/measure/scores/vikor.ts';
import { rank } from '../../src/core/measure/rank.ts';
import { correlationMatrix, cronbachAlpha } from '../../src/core/measure/coherence.ts';

describe('call contract', () => {
  it('never mutates its inputs', () => {
    const cols = [
      [0.2, 0.5, 0.9, 0.4],
      [1.0, 0.3, 0.6, 0.8],
      [0.7, 0.7, 0.1, 0.5],
    ];
    const copy = JSON.parse(JSON.stringify(cols));
    const f64 = cols.map((c) => Float64Array.from(c));
    const w = [0.5, 0.3, 0.2];
    const wCopy = w.slice();
    normalizeColumn(cols[0], { method: 'minmax', direction: '-' });
    logTransform(cols[0]);
    entropyWeights(cols);
    criticWeights(f64);
    cvWeights(cols);
    pcaWeights(cols);
    combineWeights([w, [0.2, 0.3, 0.5]], 'game-theory');
    topsis(cols, w, ['+', '-', '+']);
    greyRelational(f64, w);
    vikor(cols, w, ['+', '-', '+']);
    rank(cols[0]);
    correlationMatrix(cols);
    cronbachAlpha(cols);
    expect(cols).toEqual(copy);
    expect(f64.map((c) => Array.from(c))).toEqual(copy);
    expect(w).toEqual(wCopy);
  });
  it('number[] and Float64Array columns give identical results', () => {
    const cols = [
      [3, 1, 4, 1, 5],
      [9, 2, 6, 5, 3],
    ];
    const f64 = cols.map((c) => Float64Array.from(c));
    expect(entropyWeights(f64)).toEqual(entropyWeights(cols));
    expect(topsis(f64, [0.6, 0.4], ['+', '+'])).toEqual(topsis(cols, [0.6, 0.4], ['+', '+']));
  });
  it('one indicator', () => {
    expect(entropyWeights([[1, 2, 4]]).weights).toEqual([1]);
    expect(criticWeights([[1, 2, 4]]).weights).toEqual([1]);
    expect(cvWeights([[1, 2, 4]]).weights).toEqual([1]);
    expect(pcaWeights([[1, 2, 4]]).weights).toEqual([1]);
    expect(combineWeights([[0.3, 0.7]], 'game-theory')).toEqual({ weights: [0.3, 0.7], coefficients: [1] });
    const t = topsis([[1, 2, 4]], [1], ['-']);
    expect(t.closeness[0]).toBe(1);
    expect(t.closeness[2]).toBe(0);
  });
  it('result types', () => {
    const r = topsis([[1, 2]], [1], ['+']);
    expect(r.closeness).toBeInstanceOf(Float64Array);
    expect(Array.isArray(entropyWeights([[1, 2]]).weights)).toBe(true);
    expect(greyRelational([[1, 2]], [1]).coefficients[0]).toBeInstanceOf(Float64Array);
    expect(rank([1, 2])).toBeInstanceOf(Float64Array);
  });
});
