import { describe, expect, it } from 'vitest';
import { METHODS } from '../../src/core/measure/methods.ts';

const NORMALIZE = ['minmax', 'zscore', 'vector', 'mean-ratio', 'none', 'goalposts', 'distance-to-target', 'log'];
const WEIGHTS = ['entropy', 'critic', 'cv', 'equal', 'ahp', 'pca', 'given', 'combined'];

describe('method registry', () => {
  it('has every normalisation, weighting, combination, score, tie rule and coherence statistic', () => {
    expect(Object.keys(METHODS.normalize).sort()).toEqual([...NORMALIZE].sort());
    expect(Object.keys(METHODS.weights).sort()).toEqual([...WEIGHTS].sort());
    expect(Object.keys(METHODS.aggregate).sort()).toEqual(['arithmetic', 'geometric', 'harmonic', 'power']);
    expect(Object.keys(METHODS.combine).sort()).toEqual(['game-theory', 'linear', 'multiplicative']);
    expect(Object.keys(METHODS.scores).sort()).toEqual([
      'copeland',
      'fuzzy',
      'gra',
      'promethee',
      'rsr',
      'topsis',
      'vikor',
    ]);
    expect(Object.keys(METHODS.ranks).sort()).toEqual(['average', 'dense', 'first', 'min']);
    expect(Object.keys(METHODS.coherence).sort()).toEqual(['cronbach', 'pearson']);
  });
  it('every entry has a bilingual name, a formula and a source', () => {
    for (const group of Object.values(METHODS)) {
      for (const [id, m] of Object.entries(group)) {
        expect(m.name.zh, id).toMatch(/[\u4e00-\u9fff]/);
        expect(m.name.en, id).toMatch(/[A-Za-z]/);
        expect(m.formula.length, id).toBeGreaterThan(3);
        expect(m.source.length, id).toBeGreaterThan(0);
        if (m.degenerate) expect(m.degenerate.zh && m.degenerate.en, id).toBeTruthy();
      }
    }
  });
});
