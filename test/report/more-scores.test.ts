/** Report tables of PROMETHEE II, Copeland, RSR and fuzzy scores: one period, sorted by rank, both languages. */
import { describe, expect, it } from 'vitest';
import type { EvaluationResult } from '../../src/core/measure/result.ts';
import { hasMoreScores, moreScoreTables } from '../../src/adapters/report/sections/more-scores.ts';

const result = {
  rsr: [
    { unit: 'A', time: 2022, rsr: 0.4, probit: 4.5, fitted: 0.41, grade: 1, rank: 2 },
    { unit: 'B', time: 2022, rsr: 0.8, probit: 5.7, fitted: 0.79, grade: 3, rank: 1 },
    { unit: 'B', time: 2021, rsr: 0.1, probit: 4, fitted: 0.1, grade: 1, rank: 1 },
  ],
  copeland: [{ unit: 'A', time: 2022, score: 1, rank: 1 }],
} as unknown as EvaluationResult;

describe('more score tables', () => {
  it('only the given period, ranked, with bilingual captions', () => {
    expect(hasMoreScores(result)).toBe(true);
    expect(hasMoreScores({} as EvaluationResult)).toBe(false);
    const zh = moreScoreTables(result, 'zh', '2022').join('\n');
    expect(zh).toContain('秩和比（RSR）（2022）');
    expect(zh).toContain('Copeland 得分（2022）');
    expect(zh.indexOf('0.79')).toBeLessThan(zh.indexOf('0.41'));
    expect(zh).not.toContain('0.1000');
    const en = moreScoreTables(result, 'en', '2022').join('\n');
    expect(en).toContain('Rank-sum ratio (RSR) (2022)');
  });
});
