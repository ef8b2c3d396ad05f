import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dictionaryFromJson, dictionaryFromRows, dictionaryTerms, WUFEI_2021 } from '../../src/core/text/dictionary.ts';
import { XinzhiError } from '../../src/core/errors.ts';

describe('WUFEI_2021', () => {
  it('has 76 distinct terms in five groups of 15, 9, 13, 5 and 34 (吴非 et al. 2021, Figure 1)', () => {
    expect(WUFEI_2021.groups.map((g) => [g.id, g.terms.length])).toEqual([
      ['artificial_intelligence', 15],
      ['big_data', 9],
      ['cloud_computing', 13],
      ['blockchain', 5],
      ['digital_technology_application', 34],
    ]);
    expect(new Set(dictionaryTerms(WUFEI_2021).map((e) => e.term)).size).toBe(76);
    for (const g of WUFEI_2021.groups) expect(g.name.zh && g.name.en).toBeTruthy();
  });

  it('ships its source note beside the data', () => {
    const note = readFileSync(new URL('../../data/wufei-dt-dictionary/SOURCE.txt', import.meta.url), 'utf8');
    expect(note).toMatch(/吴非/);
    expect(WUFEI_2021.source).toMatch(/管理世界/);
  });
});

describe('custom dictionaries', () => {
  it('from rows and from both JSON forms', () => {
    const rows = dictionaryFromRows(
      [
        { group: 'ai', term: '人工智能', row: 2 },
        { group: 'data', term: '大数据', row: 3 },
      ],
      'd.csv',
    );
    expect(rows.groups.map((g) => [g.id, g.terms])).toEqual([
      ['ai', ['人工智能']],
      ['data', ['大数据']],
    ]);
    expect(dictionaryFromJson({ groups: { ai: ['人工智能'] } }, 'd.json').groups[0].terms).toEqual(['人工智能']);
    expect(
      dictionaryFromJson({ groups: { ai: { zh: '人工智能技术', keywords: ['机器学习'] } } }, 'd.json').groups[0].name
        .zh,
    ).toBe('人工智能技术');
  });

  it('empty, padded and duplicated terms are errors naming the row, all reported at once', () => {
    try {
      dictionaryFromRows(
        [
          { group: 'ai', term: '', row: 2 },
          { group: 'ai', term: ' 云计算', row: 3 },
          { group: 'ai', term: '大数据', row: 4 },
          { group: 'data', term: '大数据', row: 5 },
          { group: '', term: '区块链', row: 6 },
        ],
        'd.csv',
      );
      throw new Error('expected an error');
    } catch (err) {
      expect(err).toBeInstanceOf(XinzhiError);
      const problems = (err as XinzhiError).problems;
      expect(problems.map((p) => [p.code, p.row])).toEqual([
        ['dictionary-empty-term', 2],
        ['dictionary-space', 3],
        ['dictionary-duplicate', 5],
        ['dictionary-no-group', 6],
      ]);
      expect(problems.every((p) => p.file === 'd.csv' && p.message.zh && p.fix?.en)).toBe(true);
    }
  });

  it('a dictionary without terms or groups is an error', () => {
    expect(() => dictionaryFromRows([], 'd.csv')).toThrow(/no terms/);
    expect(() => dictionaryFromJson({ words: [] }, 'd.json')).toThrow(/"groups"/);
    expect(() => dictionaryFromJson({ groups: { ai: [1] } }, 'd.json')).toThrow(/not a list of strings/);
  });
});
