/**
 * The assessment report as HTML, Word and XLSX: every number shown is the
 * core's (read back from each file and compared with the results objects),
 * every section is there in both languages, peers below the minimum group are
 * hidden, and an incomplete questionnaire gives no level.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { checkAssessmentInput } from '../../src/core/assess/input.ts';
import { BUILTIN_INSTRUMENT } from '../../src/core/assess/instrument.ts';
import { peerComparison } from '../../src/core/assess/peers.ts';
import { assessmentReport, compareAssessments } from '../../src/core/assess/report.ts';
import { AGG, scoreAssessment } from '../../src/core/assess/score.ts';
import { assessmentStructure } from '../../src/core/assess/structure.ts';
import { loadFramework } from '../../src/core/framework/model.ts';
import { rasterizeSvg } from '../../src/adapters/io/rasterize.ts';
import {
  ASSESS_SHEETS,
  type AssessmentDocumentInput,
  assessmentDocx,
  assessmentHtml,
  assessmentWorkbook,
} from '../../src/adapters/report/assess-report.ts';

const structure = assessmentStructure(loadFramework());
const instrument = BUILTIN_INSTRUMENT;
const example = checkAssessmentInput(
  JSON.parse(readFileSync(fileURLToPath(new URL('../../data/assess/firm-example.json', import.meta.url)), 'utf8')),
  'firm-example.json',
);
const scores = scoreAssessment(instrument, example.answers, structure);
const report = assessmentReport(scores, instrument, structure, example);
const before = scoreAssessment(
  instrument,
  { ...example.answers, 's000.trust-basis': { level: 0 }, 's000.user-circles': { level: 1 } },
  structure,
);
const changes = compareAssessments(before, scores);
const peers = {
  industry: peerComparison([40, 50, 60, 70, 80, 55], scores.nodes[AGG.overall].score),
  size: peerComparison([40, 50], scores.nodes[AGG.overall].score),
};
const input = (lang: 'zh' | 'en'): AssessmentDocumentInput => ({
  scores,
  report,
  structure,
  instrument,
  lang,
  firm: { name: '示例企业', industry: 'C39', size: 'medium', region: '江苏' },
  changes,
  peers,
});

describe('assessment report documents', () => {
  it('HTML: every section, the radar over the nine main categories, numbers from the results objects', () => {
    const root = parse(assessmentHtml(input('zh')));
    const ids = root.querySelectorAll('section').map((s) => s.id);
    expect(ids).toEqual(['summary', 'radar', 'gaps', 'bottleneck', 'advice', 'detail', 'changes', 'peers', 'method']);
    expect(root.querySelector('title')?.text).toBe('示例企业：新质生产力自评报告');
    const svg = root.querySelector('#assess-radar svg');
    expect(svg).not.toBeNull();
    for (const g of report.gaps) expect(svg?.toString()).toContain(g.name.zh);
    expect(report.gaps).toHaveLength(9);
    const summary = root
      .querySelectorAll('#summary tbody tr')
      .map((tr) => tr.querySelectorAll('td').map((td) => td.text));
    expect(summary[0][1]).toBe((scores.nodes[AGG.overall].score as number).toFixed(1));
    expect(root.querySelector('#summary p')?.text).toContain('等级');
    // the first gap row is the top priority
    const firstGap =
      root
        .querySelector('#gaps tbody tr')
        ?.querySelectorAll('td')
        .map((td) => td.text) ?? [];
    expect(firstGap[0]).toBe(report.priorities[0].name.zh);
    expect(firstGap[6]).toBe((report.priorities[0].priority as number).toFixed(1));
    // every recommendation is there with its sources
    const advice = root.querySelector('#advice')?.text ?? '';
    for (const r of report.recommendations) {
      expect(advice).toContain(r.name.zh);
      for (const c of r.cite) expect(advice).toContain(c.section);
    }
    // detail: 3 paths + 9 main categories + 28 sub-categories
    expect(root.querySelectorAll('#detail tbody tr')).toHaveLength(40);
  });

  it('HTML: peers shown only for groups of at least five other firms; English headings', () => {
    const root = parse(assessmentHtml(input('en')));
    const rows = root.querySelectorAll('#peers tbody tr').map((tr) => tr.querySelectorAll('td').map((td) => td.text));
    expect(rows[0][0]).toContain('same industry');
    expect(rows[0][1]).toBe('6');
    expect(rows[0][2]).toBe((peers.industry as { mean: number }).mean.toFixed(1));
    expect(rows[1][0]).toContain('same size');
    expect(rows[1][2]).toMatch(/fewer than 5 firms; not shown/);
    expect(rows[1].slice(3).every((c) => c === '—')).toBe(true);
    expect(root.querySelector('#changes caption')?.text).toContain('T0 → T1');
  });

  it('HTML: an incomplete questionnaire gives no level and leaves out what needs scores', () => {
    const empty = scoreAssessment(instrument, {}, structure);
    const r = assessmentReport(empty, instrument, structure);
    const root = parse(assessmentHtml({ scores: empty, report: r, structure, instrument, lang: 'en' }));
    expect(root.querySelector('#summary p')?.text).toMatch(/incomplete \(0\/48 answered\); no level/);
    expect(root.querySelectorAll('section').map((s) => s.id)).toEqual(['summary', 'radar', 'gaps', 'detail', 'method']);
    expect(root.querySelector('#radar .figure-note')?.text).toMatch(/Incomplete, drawn at 0/);
  });

  it('XLSX: every scored node at full precision, gaps, advice, changes and peers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await assessmentWorkbook(input('zh'))) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(ASSESS_SHEETS));
    const ws = wb.getWorksheet(ASSESS_SHEETS.scores);
    const seen = new Map<string, unknown>();
    ws?.eachRow((row, i) => {
      if (i > 1) seen.set(String(row.getCell(1).value), row.getCell(5).value);
    });
    expect(seen.size).toBe(Object.keys(scores.nodes).length);
    for (const [id, n] of Object.entries(scores.nodes)) expect(seen.get(id)).toBe(n.score);
    const gaps = wb.getWorksheet(ASSESS_SHEETS.gaps);
    expect(gaps?.rowCount).toBe(report.gaps.length + 1);
    expect(gaps?.getRow(2).getCell(9).value).toBe(report.gaps[0].priority);
    const peerSheet = wb.getWorksheet(ASSESS_SHEETS.peers);
    expect(peerSheet?.getRow(2).getCell(4).value).toBe((peers.industry as { mean: number }).mean);
    expect(peerSheet?.getRow(3).getCell(4).value).toBeNull();
  });

  it('Word: the same sections and tables as the HTML, the radar as an image', async () => {
    const bytes = await assessmentDocx(input('zh'), rasterizeSvg);
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).some((f) => f.startsWith('word/media/'))).toBe(true);
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    const doc = parse(html);
    const text = doc.text;
    for (const h of ['总体结果', '现状与目标', '差距与优先级', '瓶颈路径', '同行比较', '评分方法'])
      expect(text).toContain(h);
    expect(doc.querySelectorAll('table').length).toBe(5);
    expect(text).toContain((scores.nodes[AGG.overall].score as number).toFixed(1));
  }, 60_000);
});
