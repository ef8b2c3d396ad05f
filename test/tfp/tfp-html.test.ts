/**
 * report/tfp-html.ts: the standalone HTML report of a TFP run — sections,
 * bilingual captions, an inline SVG chart, the efficiency table with slack
 * shares, and no external requests.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLpSolver } from '../../src/adapters/io/lp-solver.ts';
import { tfpReportHtml } from '../../src/adapters/report/tfp-html.ts';
import type { LpSolver } from '../../src/core/tfp/lp.ts';
import { runTfp } from '../../src/core/tfp/run.ts';
import { deaModel, deaPanel } from './fixture.ts';

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadLpSolver();
});

describe('tfpReportHtml', () => {
  it('SBM: method, mean-efficiency chart and the slack-share table, in both languages', () => {
    const html = tfpReportHtml(runTfp(solver, deaPanel(), deaModel('sbm')), 'zh');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('效率与低效率来源（松弛占比，%）');
    expect(html).toContain('Efficiency and where inefficiency comes from (slack shares, %)');
    expect(html).toMatch(/<svg[^>]*>/);
    expect(html).toContain('form.green');
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('GML: decomposition chart, unit table and cumulative index', () => {
    const html = tfpReportHtml(runTfp(solver, deaPanel(), deaModel('gml')), 'en');
    expect(html).toContain('Productivity index and its decomposition (geometric means)');
    expect(html).toContain('Cumulative index (2020 = 1)');
    expect(html).toContain('BPC');
  });
});
