/**
 * The web page's text index (`web/text-session.ts`) against `xinzhi text`
 * (`runText`, the command's own runner) on the same files: the same reports
 * placed and skipped, the same counts, groups, totals, hits and set-aside
 * mentions under every rule and filter, the same panel and hits CSV. The
 * totals are also held to the Python reference counts
 * (test/reference/text/count_reference.py → fixtures/counts.json).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runText } from '../../src/adapters/cli/text.ts';
import { pdfAssets } from '../../src/adapters/io/read-report.ts';
import { reportJson } from '../../src/adapters/io/text-outputs.ts';
import { textHitRows, textHitsCsv, textPanelCsv } from '../../src/adapters/report/text-csv.ts';
import { toCsv } from '../../src/adapters/report/csv.ts';
import type { IndexedFile } from '../../src/adapters/text/index-entry.ts';
import { textPanel } from '../../src/core/text/panel.ts';
import { DEFAULT_TEXT_SETTINGS, textRequest, type TextRequest } from '../../src/adapters/web/text-session.ts';
import { makeCidPdf, paginate } from '../text/cid-pdf.ts';

const texts = new URL('../reference/text/texts/', import.meta.url);
const ref = JSON.parse(readFileSync(new URL('../reference/text/fixtures/counts.json', import.meta.url), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'xinzhi-web-text-'));
const t1 = readFileSync(new URL('t1-nested.txt', texts), 'utf8').trimEnd();
copyFileSync(new URL('t1-nested.txt', texts), join(dir, '600000_示例银行_2020年年度报告.txt'));
copyFileSync(new URL('t2-negation.txt', texts), join(dir, '000001_示例科技_2021年年度报告（修订版）.txt'));
copyFileSync(new URL('t3-board.txt', texts), join(dir, '000001_示例科技_2021年年度报告.txt'));
copyFileSync(new URL('t4-plain.txt', texts), join(dir, '000002_示例地产_2019年年报.html'));
copyFileSync(
  new URL('../reference/text/texts-traditional/t1-nested.s2tw.txt', import.meta.url),
  join(dir, '600002_示例電子_2021年年度報告.txt'),
);
writeFileSync(
  join(dir, '600001_示例制造_2021年年度报告.pdf'),
  makeCidPdf(paginate(t1, 5, '示例制造股份有限公司 2021 年年度报告')),
);
writeFileSync(join(dir, '300750_示例电池_2021年年度报告摘要.pdf'), makeCidPdf([['公司推进人工智能。']]));
writeFileSync(join(dir, '300750_示例电池_2021年年度报告.pdf'), 'broken');
writeFileSync(join(dir, 'notes.txt'), '人工智能');
const dictCsv = join(dir, 'my-dict.csv');
writeFileSync(dictCsv, 'group,term\nai,人工智能\nai,机器学习\ndata,大数据\ndata,云计算\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FILES = [
  '600000_示例银行_2020年年度报告.txt',
  '000001_示例科技_2021年年度报告（修订版）.txt',
  '000001_示例科技_2021年年度报告.txt',
  '000002_示例地产_2019年年报.html',
  '600002_示例電子_2021年年度報告.txt',
  '600001_示例制造_2021年年度报告.pdf',
  '300750_示例电池_2021年年度报告摘要.pdf',
  '300750_示例电池_2021年年度报告.pdf',
  'notes.txt',
];
const input = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) });
const NODE_ENV = { pdfAssets };

interface Case {
  label: string;
  web: Partial<TextRequest>;
  cli: { rule?: string; section?: string; negation?: string | boolean; excludeContexts?: boolean; dict?: string };
}

const CASES: Case[] = [
  { label: 'defaults (longest, whole report, auto conversion)', web: {}, cli: {} },
  { label: 'substring', web: { rule: 'substring' }, cli: { rule: 'substring' } },
  { label: 'tokens (jieba)', web: { rule: 'tokens' }, cli: { rule: 'tokens' } },
  {
    label: 'longest with negation (window 4) and contexts',
    web: { negation: 4, contexts: true },
    cli: { negation: true, excludeContexts: true },
  },
  {
    label: 'substring with negation window 2',
    web: { rule: 'substring', negation: 2 },
    cli: { rule: 'substring', negation: '2' },
  },
  { label: 'MD&A section only', web: { section: 'mdna' }, cli: { section: 'mdna' } },
  {
    label: 'a custom CSV dictionary',
    web: { dictionary: { name: 'my-dict.csv', bytes: new Uint8Array(readFileSync(dictCsv)) } },
    cli: { dict: dictCsv },
  },
];

/** The reports and skipped files of `xinzhi text` on the folder, file names without the folder. */
async function cliRun(c: Case['cli']): Promise<{ reports: IndexedFile[]; skipped: Array<{ file: string }> }> {
  const reports: IndexedFile[] = [];
  const info = await runText(
    {
      input: FILES.map((f) => join(dir, f)),
      rule: c.rule ?? 'longest',
      convert: 'auto',
      section: c.section ?? 'all',
      ...(c.negation !== undefined ? { negation: c.negation } : {}),
      ...(c.excludeContexts ? { excludeContexts: true } : {}),
      ...(c.dict ? { dict: c.dict } : {}),
    },
    { report: async (r) => void reports.push({ ...r, file: basename(r.file) }) },
  );
  return {
    reports,
    skipped: info.skipped.map((s) => ({ ...s, file: basename(s.file) })),
  };
}

const webRun = (patch: Partial<TextRequest>) =>
  textRequest({ ...DEFAULT_TEXT_SETTINGS, files: FILES.map(input), ...patch }, NODE_ENV);

describe('web text session = xinzhi text', () => {
  for (const c of CASES) {
    it(`${c.label}: same reports, counts, hits and skipped files`, async () => {
      const [cli, web] = await Promise.all([cliRun(c.cli), webRun(c.web)]);
      expect(web.reports.length).toBeGreaterThan(0);
      expect(web.reports.map(reportJson)).toEqual(cli.reports.map(reportJson));
      expect(web.skipped).toEqual(cli.skipped);
      expect(textHitsCsv(web.reports)).toBe(textHitsCsv(cli.reports));
    }, 60_000);
  }

  it('the counts equal the Python reference for the TXT and the PDF with a non-embedded CID font', async () => {
    for (const rule of ['longest', 'substring', 'tokens'] as const) {
      const web = await webRun({ rule });
      for (const firm of ['600000', '600001']) {
        const r = web.reports.find((x) => x.firm === firm)!;
        expect(r.index.total, `${rule} ${firm}`).toBe(ref.texts['t1-nested.txt'][rule].total);
        expect(r.index.lnTotal).toBeCloseTo(ref.texts['t1-nested.txt'][rule].lnTotal, 12);
        expect(r.index.groups).toEqual(ref.texts['t1-nested.txt'][rule].groups);
      }
      // a report in traditional characters is converted and counts as the simplified text
      const tw = web.reports.find((x) => x.firm === '600002')!;
      expect(tw.index.script.converted).toBe(true);
      expect(tw.index.total, `${rule} traditional`).toBe(ref.texts['t1-nested.txt'][rule].total);
      const html = web.reports.find((x) => x.firm === '000002')!;
      expect(html.format).toBe('html');
      expect(html.index.total).toBe(ref.texts['t4-plain.txt'][rule].total);
    }
    // hits keep the report as written: the mention in the snippet is in traditional characters
    const tw = (await webRun({})).reports.find((x) => x.firm === '600002')!;
    const bigData = tw.index.hits.find((h) => h.term === '大数据')!;
    expect(bigData.snippet.slice(bigData.before, bigData.before + bigData.end - bigData.start)).toBe('大數據');
    const filtered = await webRun({ rule: 'longest', negation: 4, contexts: true });
    const t2 = filtered.reports.find((x) => x.firm === '000001')!;
    expect(t2.index.total).toBe(ref.texts['t2-negation.txt']['longest+filters'].total);
    expect(t2.index.dropped.length).toBe(ref.texts['t2-negation.txt']['longest+filters'].dropped);
    expect(t2.index.dropped.every((h) => !!h.dropped?.cue)).toBe(true);
  }, 60_000);

  it('the panel CSV is the CLI’s text-panel.csv of the same reports', async () => {
    const web = await webRun({});
    const panel = textPanel(web.reports, web.dictionary);
    expect(textPanelCsv(web.reports, web.dictionary)).toBe(toCsv(panel.columns, panel.rows));
    expect(panel.rows.map((r) => [r[0], r[1]])).toEqual([
      ['000001', 2021],
      ['000002', 2019],
      ['600000', 2020],
      ['600001', 2021],
      ['600002', 2021],
    ]);
    expect(textHitsCsv(web.reports).split('\r\n').length - 2).toBe(web.reports.flatMap(textHitRows).length);
  });

  it('places files by name and says why the others are skipped (summary, damaged PDF, no code, replaced)', async () => {
    const web = await webRun({});
    expect(web.skipped.map((s) => s.file)).toEqual([
      '000001_示例科技_2021年年度报告.txt',
      '300750_示例电池_2021年年度报告.pdf',
      '300750_示例电池_2021年年度报告摘要.pdf',
      'notes.txt',
    ]);
    for (const s of web.skipped) expect(s.reason.zh && s.reason.en).toBeTruthy();
    expect(web.skipped[1].reason.en).toMatch(/cannot read the PDF/);
    expect(web.reports.find((r) => r.firm === '600001')!.pages).toBeGreaterThan(3);
    expect(web.dictionary.id).toBe('wufei2021');
    expect(web.settings).toMatchObject({ rule: 'longest', section: 'all', convert: 'auto', negation: null });
  });

  it('a file-name pattern places files the built-in reading cannot', async () => {
    const web = await textRequest(
      {
        ...DEFAULT_TEXT_SETTINGS,
        namePattern: '^(?<firm>[a-z]+)-(?<year>\\d{4})',
        files: [{ name: 'acme-2022.txt', bytes: new TextEncoder().encode('推进人工智能与大数据。') }],
      },
      NODE_ENV,
    );
    expect(web.reports.map((r) => [r.firm, r.year, r.index.total])).toEqual([['acme', 2022, 2]]);
  });

  it('bad settings and a bad dictionary stop the count with bilingual problems naming the field or file', async () => {
    await expect(webRun({ namePattern: '(?<firm>' })).rejects.toMatchObject({
      problems: [{ column: 'namePattern', message: { zh: expect.stringContaining('正则'), en: expect.any(String) } }],
    });
    await expect(webRun({ negation: 0 })).rejects.toMatchObject({ problems: [{ column: 'negation' }] });
    await expect(
      webRun({ dictionary: { name: 'bad.csv', bytes: new TextEncoder().encode('group,word\nai,人工智能\n') } }),
    ).rejects.toMatchObject({ problems: [{ file: 'bad.csv', column: 'term' }] });
    await expect(
      webRun({
        dictionary: { name: 'dup.json', bytes: new TextEncoder().encode('{"groups":{"a":["云计算","云计算"]}}') },
      }),
    ).rejects.toMatchObject({ problems: [{ file: 'dup.json', code: 'dictionary-duplicate' }] });
  });

  it('no files: the dictionary and settings, nothing counted', async () => {
    const web = await textRequest({ ...DEFAULT_TEXT_SETTINGS, files: [] }, NODE_ENV);
    expect(web.reports).toEqual([]);
    expect(web.skipped).toEqual([]);
    expect(web.dictionary.groups.map((g) => g.terms.length)).toEqual([15, 9, 13, 5, 34]);
  });
});
