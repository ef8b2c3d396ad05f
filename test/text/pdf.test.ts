/**
 * Reports rendered to PDF with a CID font that is not embedded (simplified:
 * Adobe-GB1; traditional: Adobe-CNS1): the text read back through pdf.js with
 * the bundled CMaps, cleaned of running headers and page numbers and joined
 * across line and page breaks, equals the source text, so its counts equal the
 * Python reference counts of that text under every rule.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPdfLines } from '../../src/adapters/text/pdf.ts';
import { pdfAssets } from '../../src/adapters/io/read-report.ts';
import { jiebaSegmenter } from '../../src/adapters/text/jieba.ts';
import { cleanPages } from '../../src/core/text/clean.ts';
import { countTerms } from '../../src/core/text/count.ts';
import { dictionaryTerms, WUFEI_2021 } from '../../src/core/text/dictionary.ts';
import { indexReport } from '../../src/core/text/report-index.ts';
import { makeCidPdf, paginate } from './cid-pdf.ts';

const ref = JSON.parse(readFileSync(new URL('../reference/text/fixtures/counts.json', import.meta.url), 'utf8'));
const source = readFileSync(new URL('../reference/text/texts/t1-nested.txt', import.meta.url), 'utf8').trimEnd();

describe('PDF with a non-embedded CID font', () => {
  const pages = paginate(source, 5, '上海某某股份有限公司 2020 年年度报告');

  it('reads back the source text exactly, words split across lines and pages joined', async () => {
    expect(pages.length).toBeGreaterThan(3);
    const cleaned = cleanPages(await readPdfLines(makeCidPdf(pages, 'gb'), 'report.pdf', pdfAssets()));
    expect(cleaned.text).toBe(source);
    expect(cleaned.pageStarts).toHaveLength(pages.length);
  });

  it('counts equal the Python reference under every rule', async () => {
    const cleaned = cleanPages(await readPdfLines(makeCidPdf(pages, 'gb'), 'report.pdf', pdfAssets()));
    const segmenter = jiebaSegmenter(dictionaryTerms(WUFEI_2021).map((e) => e.term));
    for (const rule of ['substring', 'longest', 'tokens'] as const) {
      const got = countTerms(cleaned.text, { rule, segmenter });
      expect(got.total).toBe(ref.texts['t1-nested.txt'][rule].total);
      expect(Object.fromEntries(Object.entries(got.counts).filter(([, n]) => n > 0))).toEqual(
        ref.texts['t1-nested.txt'][rule].counts,
      );
    }
  });

  it('limits the count to the MD&A chapter and gives each hit its page', async () => {
    const cleaned = cleanPages(await readPdfLines(makeCidPdf(pages, 'gb'), 'report.pdf', pdfAssets()));
    const outcome = indexReport(cleaned, 'mdna');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.index.section.title).toBe('第二节 管理层讨论与分析');
    expect(outcome.index.total).toBe(22);
    for (const h of outcome.index.hits) {
      expect(cleaned.text.slice(h.start, h.end)).toBe(h.term);
      expect(h.page).toBeGreaterThanOrEqual(1);
      expect(cleaned.pageStarts[h.page! - 1]).toBeLessThanOrEqual(h.start);
    }
  });

  it('reads traditional characters (Adobe-CNS1 font)', async () => {
    const lines = [['數位轉型與人工智慧', '雲端運算與大數據。']];
    expect(cleanPages(await readPdfLines(makeCidPdf(lines, 'cns'), 'tw.pdf', pdfAssets())).text).toBe(
      '數位轉型與人工智慧雲端運算與大數據。',
    );
  });

  it('without the CMaps the same file gives no text, which the runner reports instead of counting zero', async () => {
    const lines = await readPdfLines(makeCidPdf(pages, 'gb'), 'report.pdf', {
      ...pdfAssets(),
      cMapUrl: pdfAssets().cMapUrl + 'absent/',
    });
    const outcome = indexReport(cleanPages(lines), 'all');
    expect(outcome.ok ? 'counted' : outcome.reason.en).toMatch(/no text could be read/);
  });

  it('a damaged file is an error naming it', async () => {
    await expect(readPdfLines(new TextEncoder().encode('not a pdf'), 'bad.pdf', pdfAssets())).rejects.toThrow(
      /bad\.pdf/,
    );
  });
});
