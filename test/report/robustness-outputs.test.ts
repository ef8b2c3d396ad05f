/**
 * The ranking robustness in the outputs: a section of report.html, a sheet of
 * the XLSX and the `robustness` field of results.json, each only formatting
 * the core's RobustnessReport.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/measure/evaluate.ts';
import { rankRobustness } from '../../src/core/measure/robustness.ts';
import type { Spec } from '../../src/core/measure/spec.ts';
import { panelFromRows } from '../../src/core/panel/ops.ts';
import { reportHtml } from '../../src/adapters/report/html.ts';
import { resultJson } from '../../src/adapters/report/json.ts';
import { SHEETS, workbook } from '../../src/adapters/report/xlsx.ts';

function robustResult() {
  const rows = [
    { u: 'A', t: 1, x: 1, y: 9 },
    { u: 'B', t: 1, x: 5, y: 5 },
    { u: 'C', t: 1, x: 9, y: 1.5 },
    { u: 'A', t: 2, x: 2, y: 8 },
    { u: 'B', t: 2, x: 6, y: 4 },
    { u: 'C', t: 2, x: 8, y: 1 },
  ];
  const spec = {
    unit: 'u',
    time: 't',
    indicators: [
      { id: 'x', column: 'x', direction: '+' },
      { id: 'y', column: 'y', direction: '+' },
    ],
    normalize: { method: 'minmax', shift: 0.0001 },
    weights: { method: 'entropy' },
    aggregate: { method: 'arithmetic' },
  } as Spec;
  const panel = panelFromRows(rows, 'u', 't');
  const result = evaluate(panel, spec);
  result.robustness = rankRobustness(panel, result, { threshold: 0 });
  return result;
}

describe('robustness in the outputs', () => {
  it('report.html has a robustness section with a rank column per method and the sentences, in both languages', () => {
    const result = robustResult();
    const en = reportHtml(result, { lang: 'en', date: '2026-01-01' });
    expect(en).toContain('Robustness of the ranking');
    expect(en).toContain('Rank (CRITIC)');
    for (const s of result.robustness!.sentences) expect(en).toContain(s.en.replace(/'/g, '&#39;'));
    const zh = reportHtml(result, { lang: 'zh', date: '2026-01-01' });
    expect(zh).toContain('排名的稳健性');
    expect(zh).toContain('熵值法排名');
  });
  it('the XLSX has a robustness sheet with one row per unit and the ranks under each method', async () => {
    const result = robustResult();
    const bytes = await workbook(result, { lang: 'en' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.getWorksheet(SHEETS.robustness)!;
    expect(ws).toBeDefined();
    const head = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    expect(head).toContain('熵值法排名 / Rank (entropy)');
    expect(ws.rowCount).toBe(1 + result.robustness!.rows.length);
  });
  it('results.json carries the robustness field as computed', () => {
    const result = robustResult();
    const back = JSON.parse(resultJson(result));
    expect(back.robustness.options).toEqual({ methods: ['entropy', 'critic', 'equal'], threshold: 0, times: 'latest' });
    expect(back.robustness.rows.map((r: { unit: string }) => r.unit)).toEqual(
      result.robustness!.rows.map((r) => r.unit),
    );
  });
});
