/**
 * Traditional → simplified conversion before counting. Inputs and expected
 * conversions come from the reference OpenCC (C++, Debian `opencc`):
 * test/reference/text/traditional_reference.py; expected counts are the
 * Python reference counts of the simplified texts (count_reference.py).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdfAssets } from '../../src/adapters/io/read-report.ts';
import { jiebaSegmenter } from '../../src/adapters/text/jieba.ts';
import { readPdfLines } from '../../src/adapters/text/pdf.ts';
import { cleanPages, cleanPlainText } from '../../src/core/text/clean.ts';
import { countTerms } from '../../src/core/text/count.ts';
import { dictionaryFromJson, dictionaryTerms, WUFEI_2021 } from '../../src/core/text/dictionary.ts';
import { indexReport } from '../../src/core/text/report-index.ts';
import { scriptUse, simplifiedTerm, toSimplified, traditionalShare } from '../../src/core/text/script.ts';
import { makeCidPdf, paginate } from './cid-pdf.ts';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../reference/text/fixtures/${name}`, import.meta.url), 'utf8'));
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
const ref = fixture('counts.json') as { texts: Record<string, Record<string, Expected>> };
const trad = fixture('traditional-terms.json') as {
  terms: Record<string, { forms: Record<string, string>; back: Record<string, Record<string, string>> }>;
  textsBack: Record<string, string>;
};
const traditionalText = (name: string): string =>
  readFileSync(new URL(`../reference/text/texts-traditional/${name}`, import.meta.url), 'utf8');
const segmenter = jiebaSegmenter(dictionaryTerms(WUFEI_2021).map((e) => e.term));
const nonZero = (counts: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

describe('the converter on the 76 terms of Wu Fei et al. (2021)', () => {
  it('the fixture covers every term', () => {
    expect(Object.keys(trad.terms).sort()).toEqual(
      dictionaryTerms(WUFEI_2021)
        .map((e) => e.term)
        .sort(),
    );
  });
  for (const [term, { forms, back }] of Object.entries(trad.terms)) {
    it(`${term}: its s2t / s2hk / s2tw forms convert back to it; the term itself is unchanged`, () => {
      expect(simplifiedTerm(term)).toBe(term);
      for (const variant of ['s2t', 's2hk', 's2tw']) {
        expect(simplifiedTerm(forms[variant])).toBe(term);
        expect(back[variant].t2s).toBe(term); // the reference OpenCC agrees
      }
      // Taiwan vocabulary (人工智慧) is converted character by character only, as the reference t2s does
      expect(simplifiedTerm(forms.s2twp)).toBe(back.s2twp.t2s);
    });
  }
});

describe('conversion of whole texts', () => {
  for (const [name, want] of Object.entries(trad.textsBack)) {
    it(`${name}: equals the reference OpenCC back conversion, positions one to one`, () => {
      const source = traditionalText(name);
      const got = toSimplified(source);
      expect(got.text).toBe(want);
      expect([...got.origin]).toEqual(Array.from({ length: source.length + 1 }, (_, k) => k));
      expect(scriptUse(source, 'auto').converted).toBe(true);
    });
  }

  it('a character that becomes a surrogate pair keeps its offset', () => {
    const got = toSimplified('㗲區塊鏈');
    expect(got.text).toBe('𠵾区块链');
    expect([...got.origin]).toEqual([0, 0, 1, 2, 3, 4]);
    const count = countTerms('㗲區塊鏈', { convert: 't2s', snippet: 2 });
    expect(count.hits.map((h) => [h.term, h.start, h.end, h.snippet, h.before])).toEqual([
      ['区块链', 1, 4, '㗲區塊鏈', 1],
    ]);
  });
});

describe('counts of traditional reports equal those of the simplified ones', () => {
  const variants = ['substring', 'longest', 'tokens', 'substring+filters', 'longest+filters', 'tokens+filters'];
  for (const name of Object.keys(trad.textsBack)) {
    const simplifiedName = `${name.split('.')[0]}.txt`;
    for (const variant of variants) {
      it(`${name}, ${variant}`, () => {
        const [rule, filters] = variant.split('+') as ['substring' | 'longest' | 'tokens', string | undefined];
        const text = traditionalText(name);
        const got = countTerms(text, { rule, segmenter, negation: !!filters, contexts: !!filters });
        const want = ref.texts[simplifiedName][variant];
        expect(got.script.converted).toBe(true);
        expect(nonZero(got.counts)).toEqual(want.counts);
        expect(got.groups).toEqual(want.groups);
        expect(got.total).toBe(want.total);
        expect(got.chars).toBe(want.chars);
        expect(got.lnTotal).toBeCloseTo(want.lnTotal, 12);
        expect(Math.abs(got.per10k! - want.per10k) / want.per10k).toBeLessThan(1e-12);
        expect(got.hits.map((h) => h.start).sort((a, b) => a - b)).toEqual(want.starts);
        expect(got.dropped).toHaveLength(want.dropped);
        for (const h of [...got.hits, ...got.dropped]) {
          // the snippet is the report as written: the traditional form of the term
          expect(h.snippet.slice(h.before, h.before + h.end - h.start)).toBe(text.slice(h.start, h.end));
          expect(simplifiedTerm(text.slice(h.start, h.end))).toBe(h.term);
        }
      });
    }
  }

  it('MD&A section of a traditional report is found (管理層討論與分析) and counted', () => {
    const name = 't3-board';
    for (const variant of ['s2t', 's2hk', 's2tw']) {
      const cleaned = cleanPlainText(traditionalText(`${name}.${variant}.txt`));
      const simple = indexReport(
        cleanPlainText(readFileSync(new URL(`../reference/text/texts/${name}.txt`, import.meta.url), 'utf8')),
        'mdna',
      );
      const got = indexReport(cleaned, 'mdna');
      expect(got.ok && simple.ok).toBe(true);
      if (!got.ok || !simple.ok) return;
      expect(got.index.section.title).toBe(simple.index.section.title);
      expect([got.index.section.start, got.index.section.end]).toEqual([
        simple.index.section.start,
        simple.index.section.end,
      ]);
      expect(got.index.counts).toEqual(simple.index.counts);
      expect(got.index.settings.convert).toBe('auto');
      expect(got.index.script.converted).toBe(true);
    }
  });
});

describe('conversion modes', () => {
  const traditional = '公司推進區塊鏈與雲計算。';
  it('auto leaves simplified text as it is and converts traditional text', () => {
    expect(countTerms('公司推进区块链与云计算。').script).toEqual({ traditionalShare: 0, converted: false });
    expect(countTerms(traditional).script).toEqual({ traditionalShare: 1, converted: true });
    expect(countTerms(traditional).total).toBe(2);
  });

  it('none counts the traditional text as written (no simplified term found); t2s always converts', () => {
    expect(countTerms(traditional, { convert: 'none' }).total).toBe(0);
    const mixed = '推進區塊鏈，推进人工智能、大数据与云计算。'; // traditional 進區塊鏈, simplified 进数据与云计
    expect(countTerms(mixed, { convert: 't2s' }).total).toBe(4);
    expect(countTerms(mixed).script).toEqual({ traditionalShare: 0.4, converted: false });
    expect(traditionalShare(mixed)).toBe(0.4);
  });

  it('a text with no script-specific characters has no share and is not converted', () => {
    expect(scriptUse('B2B O2O 人工智能', 'auto')).toEqual({ traditionalShare: null, converted: false });
  });

  it('a dictionary in traditional characters still matches a converted report', () => {
    const dict = dictionaryFromJson({ groups: { tw: ['人工智慧', '雲端運算'] } }, 'tw.json');
    const got = countTerms('發展人工智慧與雲端運算', { dictionary: dict });
    expect(got.counts).toEqual({ 人工智慧: 1, 雲端運算: 1 });
  });

  it('two terms that become one after conversion, and an unknown mode, are errors', () => {
    const dict = dictionaryFromJson({ groups: { g: ['區塊鏈', '区块链'] } }, 'd.json');
    expect(() => countTerms('區塊鏈', { dictionary: dict })).toThrow(/both become "区块链"/);
    expect(countTerms('区块链', { dictionary: dict, convert: 'none' }).total).toBe(1);
    expect(() => countTerms('x', { convert: 's2t' as never })).toThrow(/unknown conversion/);
  });
});

describe('a traditional report rendered to PDF (Adobe-CNS1 font, not embedded)', () => {
  it('counts and pages equal those of the simplified report', async () => {
    const simplified = readFileSync(new URL('../reference/text/texts/t1-nested.txt', import.meta.url), 'utf8');
    const pagesOf = (text: string): string[][] => paginate(text.trimEnd(), 5, '某某股份有限公司 2020 年年報');
    const tw = traditionalText('t1-nested.s2tw.txt');
    const cleanedTw = cleanPages(await readPdfLines(makeCidPdf(pagesOf(tw), 'cns'), 'tw.pdf', pdfAssets()));
    const cleanedCn = cleanPages(await readPdfLines(makeCidPdf(pagesOf(simplified), 'gb'), 'cn.pdf', pdfAssets()));
    expect(cleanedTw.text).toBe(tw.trimEnd());
    for (const rule of ['longest', 'substring', 'tokens'] as const) {
      const a = indexReport(cleanedTw, 'all', { rule, segmenter, negation: true, contexts: true });
      const b = indexReport(cleanedCn, 'all', { rule, segmenter, negation: true, contexts: true });
      if (!a.ok || !b.ok) throw new Error('not counted');
      expect(a.index.counts).toEqual(b.index.counts);
      expect(a.index.total).toBe(ref.texts['t1-nested.txt'][`${rule}+filters`].total);
      expect(a.index.hits.map((h) => [h.start, h.page])).toEqual(b.index.hits.map((h) => [h.start, h.page]));
    }
  });
});
