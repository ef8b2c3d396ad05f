/** `xinzhi text` end to end on a temporary folder of small reports. */
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { xinzhi } from '../analysis/gini-cli-helpers.ts';
import { makeCidPdf } from './cid-pdf.ts';

const texts = new URL('../reference/text/texts/', import.meta.url);
const ref = JSON.parse(readFileSync(new URL('../reference/text/fixtures/counts.json', import.meta.url), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'xinzhi-text-'));
copyFileSync(new URL('t1-nested.txt', texts), join(dir, '600000_示例银行_2020年年度报告.txt'));
copyFileSync(new URL('t2-negation.txt', texts), join(dir, '000001_示例科技_2021年年度报告（修订版）.txt'));
copyFileSync(new URL('t3-board.txt', texts), join(dir, '000001_示例科技_2021年年度报告.txt'));
writeFileSync(join(dir, '300750_示例电池_2021年年度报告摘要.pdf'), makeCidPdf([['公司推进人工智能。']]));
writeFileSync(join(dir, '300750_示例电池_2021年年度报告.pdf'), 'broken');
writeFileSync(join(dir, 'notes.txt'), '人工智能');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('xinzhi text', () => {
  it('--json: one document with reports and skipped files with reasons', () => {
    const r = xinzhi(['text', '--input', dir, '--json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.reports.map((x: { firm: string; year: number }) => [x.firm, x.year])).toEqual([
      ['000001', 2021],
      ['600000', 2020],
    ]);
    const t1 = doc.reports[1];
    expect(t1.total).toBe(ref.texts['t1-nested.txt'].longest.total);
    expect(t1.lnTotal).toBeCloseTo(ref.texts['t1-nested.txt'].longest.lnTotal, 12);
    expect(t1.groups).toEqual(ref.texts['t1-nested.txt'].longest.groups);
    expect(t1.counts['移动互联网']).toBe(1);
    expect(t1.section).toBe('all');
    expect(doc.settings.rule).toBe('longest');
    expect(doc.skipped.map((s: { file: string }) => s.file.split('/').pop()).sort()).toEqual([
      '000001_示例科技_2021年年度报告.txt',
      '300750_示例电池_2021年年度报告.pdf',
      '300750_示例电池_2021年年度报告摘要.pdf',
      'notes.txt',
    ]);
    expect(doc.skipped.every((s: { reason: { zh: string; en: string } }) => s.reason.zh && s.reason.en)).toBe(true);
  });

  it('--rule substring with negation and contexts matches the Python reference (two worker threads)', () => {
    const doc = JSON.parse(
      xinzhi([
        'text',
        '--input',
        dir,
        '--rule',
        'substring',
        '--negation',
        '--exclude-contexts',
        '--jobs',
        '2',
        '--json',
      ]).stdout,
    );
    expect(doc.reports.map((r: { firm: string }) => r.firm)).toEqual(['000001', '600000']);
    expect(doc.reports[0].total).toBe(ref.texts['t2-negation.txt']['substring+filters'].total);
    expect(doc.reports[0].dropped).toHaveLength(ref.texts['t2-negation.txt']['substring+filters'].dropped);
  });

  it('--section mdna and --out write a firm × year panel and the hits', () => {
    const out = join(dir, 'out');
    const r = xinzhi(['text', '--input', dir, '--section', 'mdna', '--out', out, '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/file\(s\) skipped/);
    const panel = readFileSync(join(out, 'text-panel.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(panel[0].split(',').slice(0, 7)).toEqual(['firm', 'year', 'section', 'chars', 'total', 'lnTotal', 'per10k']);
    expect(panel[2].startsWith('600000,2020,mdna,')).toBe(true);
    expect(readFileSync(join(out, 'text-hits.csv'), 'utf8')).toMatch(/【移动互联网】/);
  });

  it('resumes from text-progress.jsonl: finished reports are not read again', () => {
    const out = join(dir, 'out');
    const progress = join(out, 'text-progress.jsonl');
    const lines = readFileSync(progress, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(4); // settings + 3 chosen reports
    const marked = lines.map((line, i) =>
      i > 0 && line.includes('600000_') ? line.replace(/"total":22/, '"total":999') : line,
    );
    writeFileSync(progress, marked.join('\n') + '\n');
    const doc = JSON.parse(xinzhi(['text', '--input', dir, '--section', 'mdna', '--out', out, '--json']).stdout);
    expect(doc.reports.find((r: { firm: string }) => r.firm === '600000').total).toBe(999);
  });

  it('bad options are bilingual errors with a non-zero exit', () => {
    const r = xinzhi(['text', '--input', dir, '--rule', 'regex', '--json']);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/计数规则|--rule/);
    expect(r.stderr).toMatch(/invalid --rule/);
  });
});
