/**
 * Keyword counts of the Wu Fei et al. (2021) dictionary under each rule,
 * against an independent Python computation (str.count, a longest-first
 * regex, Debian's python3-jieba 0.42.1): test/reference/text/count_reference.py.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { countTerms, MAX_SNIPPET } from '../../src/core/text/count.ts';
import { WUFEI_2021, dictionaryTerms } from '../../src/core/text/dictionary.ts';
import { jiebaSegmenter } from '../../src/adapters/text/jieba.ts';
import { describeWithShared, sharedPath } from '../shared-data.ts';

interface Expected {
  counts: Record<string, number>;
  groups: Record<string, number>;
  total: number;
  lnTotal: number;
  chars: number;
  per10k: number;
  starts: number[];
  dropped: number;
}
const ref = JSON.parse(readFileSync(new URL('../reference/text/fixtures/counts.json', import.meta.url), 'utf8')) as {
  texts: Record<string, Record<string, Expected> & { jieba: string[] }>;
};
const seeds = JSON.parse(
  readFileSync(new URL('../reference/text/fixtures/jieba-seeds.json', import.meta.url), 'utf8'),
) as {
  seeds: Record<string, { tokens: number; sha256: string }>;
};
const textOf = (name: string): string =>
  readFileSync(new URL(`../reference/text/texts/${name}`, import.meta.url), 'utf8');
const segmenter = jiebaSegmenter(dictionaryTerms(WUFEI_2021).map((e) => e.term));
const nonZero = (counts: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

describe('counts match the Python reference', () => {
  for (const [name, expected] of Object.entries(ref.texts)) {
    for (const variant of [
      'substring',
      'longest',
      'tokens',
      'substring+filters',
      'longest+filters',
      'tokens+filters',
    ]) {
      it(`${name}, ${variant}`, () => {
        const [rule, filters] = variant.split('+') as ['substring' | 'longest' | 'tokens', string | undefined];
        const got = countTerms(textOf(name), { rule, segmenter, negation: !!filters, contexts: !!filters });
        const want = expected[variant];
        expect(nonZero(got.counts)).toEqual(want.counts);
        expect(got.groups).toEqual(want.groups);
        expect(got.total).toBe(want.total);
        expect(got.chars).toBe(want.chars);
        expect(got.lnTotal).toBeCloseTo(want.lnTotal, 12);
        expect(Math.abs(got.per10k! - want.per10k) / want.per10k).toBeLessThan(1e-12);
        expect(got.hits.map((h) => h.start).sort((a, b) => a - b)).toEqual(want.starts);
        expect(got.dropped).toHaveLength(want.dropped);
      });
    }
    it(`${name}: jieba-wasm tokens equal Python jieba's`, () => {
      expect(segmenter(textOf(name))).toEqual(expected.jieba);
    });
  }
});

describeWithShared('seeds/000_bdc2d3c482bae5da.txt', 'jieba-wasm segments the seed papers as Python jieba does', () => {
  for (const [name, want] of Object.entries(seeds.seeds)) {
    it(name, () => {
      const tokens = segmenter(readFileSync(sharedPath(`seeds/${name}`)!, 'utf8'));
      expect(tokens.length).toBe(want.tokens);
      expect(createHash('sha256').update(tokens.join('\u0001'), 'utf8').digest('hex')).toBe(want.sha256);
    });
  }
});

describe('rules on small cases', () => {
  it('longest-first keeps 移动互联网 whole; substring counts 移动互联 inside it too', () => {
    const text = '推进移动互联网建设';
    expect(countTerms(text).counts['移动互联']).toBe(0);
    expect(countTerms(text, { rule: 'substring' }).counts['移动互联']).toBe(1);
  });

  it('Latin terms are whole words under the longest rule', () => {
    expect(countTerms('B2B2C 与 B2B').counts.B2B).toBe(1);
    expect(countTerms('B2B2C 与 B2B', { rule: 'substring' }).counts.B2B).toBe(2);
  });

  it('negation exceptions keep 不断 / 不仅 / 无论 / 未来 mentions', () => {
    const got = countTerms('公司不断推进云计算，不仅发展人工智能。未来推进大数据。', { negation: true });
    expect(got.total).toBe(3);
    expect(countTerms('公司不推进云计算。', { negation: true }).dropped[0].dropped).toEqual({
      rule: 'negation',
      cue: '不',
    });
  });

  it('evidence: snippet holds the term at its offset, page from page starts', () => {
    const text = 'abc公司推进人工智能。\n下一页的大数据';
    const got = countTerms(text, { pageStarts: [0, 13], snippet: 3 });
    expect(got.hits.map((h) => [h.term, h.page])).toEqual([
      ['人工智能', 1],
      ['大数据', 2],
    ]);
    for (const h of got.hits) expect(h.snippet.slice(h.before, h.before + h.term.length)).toBe(h.term);
  });

  it('empty text: zero counts, ln(1) = 0, intensity null', () => {
    const got = countTerms('');
    expect([got.total, got.lnTotal, got.chars, got.per10k]).toEqual([0, 0, 0, null]);
  });

  it('tokens rule without a segmenter and an unknown rule are errors', () => {
    expect(() => countTerms('人工智能', { rule: 'tokens' })).toThrow(/segmenter/);
    expect(() => countTerms('人工智能', { rule: 'regex' as never })).toThrow(/unknown counting rule/);
    expect(() => countTerms('人工智能', { negation: { window: 0, cues: ['不'], exceptions: [] } })).toThrow(/window/);
  });
});

describe('counting options out of range (issue 17)', () => {
  it('an empty cue, which would set aside every mention, is an error naming the option', () => {
    expect(() => countTerms('推进人工智能。', { contexts: { cues: ['股东', ''] } })).toThrow(
      /cue 2 of contexts is empty/,
    );
    expect(() => countTerms('推进人工智能。', { negation: { window: 4, cues: [' '], exceptions: [] } })).toThrow(
      /cue 1 of negation is empty/,
    );
  });

  it('a snippet length that is negative, not a number or beyond the limit is an error', () => {
    for (const snippet of [-5, Number.NaN, 2.5, MAX_SNIPPET + 1])
      expect(() => countTerms('推进人工智能。', { snippet })).toThrow(/snippet length/);
    expect(countTerms('推进人工智能。', { snippet: 0 }).hits[0].snippet).toBe('人工智能');
  });
});
