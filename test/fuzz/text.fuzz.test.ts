/**
 * Property-based tests of `xinzhi text` (issue 17): dictionaries as JSON and
 * CSV of every shape (empty, duplicated or blank terms, wrong types, deep
 * nesting, missing columns), report texts built from terms, negations,
 * section headings, traditional characters, control characters and lone
 * surrogates, file names that carry no firm or year, options out of range,
 * and PDFs that are corrupt or not PDFs at all. Each step either succeeds
 * with finite counts (a report that cannot be counted says why) or stops
 * with a XinzhiError naming the file, row or option — never another
 * exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pdfAssets } from '../../src/adapters/io/read-report.ts';
import { dictionaryFromBytes, dictionaryFromJsonText } from '../../src/adapters/text/dictionary-file.ts';
import { readReportBytes } from '../../src/adapters/text/read-bytes.ts';
import { WUFEI_2021 } from '../../src/core/text/dictionary.ts';
import { parseReportName } from '../../src/core/text/filename.ts';
import { textPanel } from '../../src/core/text/panel.ts';
import { indexReport } from '../../src/core/text/report-index.ts';
import { expectFinite, RUNS, SEED, underContract, underContractAsync } from './contract.ts';

const deep = (n: number): unknown => (n === 0 ? ['人工智能'] : { g: deep(n - 1) });

const JSON_DICTIONARIES = [
  '',
  '{',
  'null',
  '[]',
  '"人工智能"',
  '{"groups": {}}',
  '{"groups": []}',
  '{"groups": {"ai": []}}',
  '{"groups": {"ai": ["人工智能", "人工智能"]}}',
  '{"groups": {"ai": ["人工智能"], "bd": ["人工智能"]}}',
  '{"groups": {"ai": [""]}}',
  '{"groups": {"ai": [" 人工智能 "]}}',
  '{"groups": {"ai": [1, null, {}]}}',
  '{"groups": {"ai": "人工智能"}}',
  '{"groups": {"ai": ["人工智能"]}}',
  '{"groups": {"ai": {"zh": "人工智能技术", "keywords": ["人工智能", "机器学习"]}}}',
  '{"groups": {"ai": {"zh": 3, "keywords": "x"}}}',
  JSON.stringify({ groups: { ai: deep(300) } }),
  JSON.stringify({ groups: { ai: Array.from({ length: 5000 }, (_, i) => `词${i}`) } }),
];
const CSV_DICTIONARIES = [
  '',
  'group,term',
  'group,term\nai,人工智能\nbd,大数据',
  'Group,Term\nai,人工智能',
  'term\n人工智能',
  'group,term\nai,\n,大数据',
  'group,term\nai,人工智能\nai,人工智能',
  '\ufeffgroup,term\nai,"人工,智能"',
  'group,term\nai,人工智能,extra,cells',
];

const FRAGMENTS = [
  '人工智能',
  '大数据',
  '云计算',
  '区块链',
  '数字技术运用',
  '没有人工智能',
  '不断推进人工智能',
  '公司未采用区块链',
  '前五名客户中有人工智能企业',
  '第三节 管理层讨论与分析\n',
  '第四节 公司治理\n',
  '管理層討論與分析\n人工智慧與雲端運算',
  '\n\n',
  '— 12 —\n',
  '\u0000\u0007',
  '\ud800',
  '😀',
  '<b>大数据</b>&amp;',
  ' ',
];
const NAMES = [
  '600519_贵州茅台_2021年年度报告.txt',
  '600519_2021年年度报告（修订版）.html',
  '000001_2019_annual.txt',
  'report.txt',
  '2021.txt',
  '６００５１９_２０２１年年度报告.txt',
  '600519_1850年年度报告.txt',
  '600519_2021年半年度报告.htm',
  '../600519_2021年年度报告.txt',
  '600519_2021年年度报告.doc',
];

describe('fuzz: text', () => {
  it('dictionary files of every shape', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...JSON_DICTIONARIES),
        fc.constantFrom(...CSV_DICTIONARIES),
        async (json, csv) => {
          const j = underContract(() => dictionaryFromJsonText(json, 'dict.json'), json.slice(0, 100));
          if (j.ok) expect(j.value.groups.length, json.slice(0, 100)).toBeGreaterThan(0);
          const c = await underContractAsync(
            () => dictionaryFromBytes(new TextEncoder().encode(csv), 'dict.csv'),
            csv.slice(0, 100),
          );
          if (c.ok) expect(c.value.groups.length, csv).toBeGreaterThan(0);
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  }, 60_000);

  it('report texts, file names, sections and counting options', async () => {
    let counted = 0;
    const indexed: Array<{ file: string; firm: string; year: number; index: never }> = [];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }),
        fc.nat({ max: 2000 }),
        fc.constantFrom(...NAMES),
        fc.record({
          section: fc.constantFrom('all', 'mdna', 'nope'),
          rule: fc.constantFrom(undefined, 'longest', 'substring', 'nope'),
          negation: fc.constantFrom(
            undefined,
            true,
            false,
            { window: -1, cues: [], exceptions: [] },
            { window: 1e9, cues: ['没'], exceptions: [] },
          ),
          contexts: fc.constantFrom(undefined, true, { cues: [] }, { cues: [''] }),
          snippet: fc.constantFrom(undefined, 0, 20, -5, Number.NaN, 1e9),
          convert: fc.constantFrom(undefined, 'auto', 't2s', 'none', 'nope'),
          dictionary: fc.constantFrom('wufei', 'tiny'),
        }),
        async (parts, repeat, name, o) => {
          const body = parts.join('').repeat(1 + (repeat % 50));
          const label = `${name} ${JSON.stringify(o)} ${JSON.stringify(parts).slice(0, 200)}×${1 + (repeat % 50)}`;
          const read = await underContractAsync(
            () => readReportBytes(new TextEncoder().encode(body), name, pdfAssets),
            label,
          );
          if (!read.ok) return;
          const named = underContract(() => parseReportName(name), label);
          if (!named.ok) return;
          const dictionary =
            o.dictionary === 'wufei'
              ? WUFEI_2021
              : dictionaryFromJsonText('{"groups": {"ai": ["人工智能"]}}', 'd.json');
          const opts = Object.fromEntries(
            Object.entries({ ...o, dictionary }).filter(([k, v]) => v !== undefined && k !== 'section'),
          );
          const out = underContract(() => indexReport(read.value, o.section as 'all', opts), label);
          if (!out.ok) return;
          if (!out.value.ok) {
            expect(out.value.reason.zh && out.value.reason.en, label).toBeTruthy();
            return;
          }
          const ix = out.value.index;
          counted++;
          expectFinite(
            [ix.chars, ix.total, ix.lnTotal, ...Object.values(ix.counts), ...Object.values(ix.groups)],
            label,
          );
          if (ix.per10k !== null) expectFinite([ix.per10k], label);
          if (named.value.ok && indexed.length < 20)
            indexed.push({ file: name, firm: named.value.name.firm, year: named.value.name.year, index: ix as never });
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    expect(counted).toBeGreaterThan(0);
    // the firm × year panel of whatever was counted (duplicates included)
    underContract(() => textPanel(indexed, WUFEI_2021), 'panel');
  }, 120_000);

  it('PDFs that are corrupt, truncated or not PDFs are errors naming the file', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '',
          '%PDF-1.4\n',
          '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF',
          'not a pdf at all',
          '%PDF-1.4\n1 0 obj << /Encrypt 2 0 R >> endobj\n%%EOF',
        ),
        fc.uint8Array({ maxLength: 200 }),
        async (head, tail) => {
          const bytes = new Uint8Array([...new TextEncoder().encode(head), ...tail]);
          const r = await underContractAsync(
            () => readReportBytes(bytes, '600519_2021年年度报告.pdf', pdfAssets),
            `${head} + ${tail.length} bytes`,
          );
          if (!r.ok) expect(r.error.problems[0].file, head).toBe('600519_2021年年度报告.pdf');
        },
      ),
      { numRuns: Math.max(5, Math.round(RUNS / 4)), seed: SEED },
    );
  }, 120_000);
});
