/**
 * report/tfp-html.ts: the standalone HTML report of a TFP run — sections,
 * bilingual captions, an inline SVG chart, the efficiency table with slack
 * shares, and no external requests.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLpSolver } from '../../src/adapters/io/lp-solver.ts';
import { tfpReportHtml } from '../../src/adapters/report/tfp-html.ts';
import type { LpSolver } from '../../src/core/tfp/lp.ts';
import { checkTfpModel, type TfpModel } from '../../src/core/tfp/model.ts';
import { runTfp } from '../../src/core/tfp/run.ts';
import type { Panel } from '../../src/core/panel/types.ts';

const fx = JSON.parse(readFileSync(new URL('../reference/tfp/fixtures/dea.json', import.meta.url), 'utf8'));

function panel(): Panel {
  const p: Panel = {
    unitKey: 'unit',
    timeKey: 'year',
    unit: [],
    time: [],
    columns: {},
    source: 't.csv',
    sourceRow: [],
  };
  const cols: Record<string, number[]> = { L: [], K: [], GDP: [], CO2: [] };
  fx.panel.x.forEach((xs: number[][], t: number) =>
    xs.forEach((x, j) => {
      p.unit.push(`u${j + 1}`);
      p.time.push(2020 + t);
      cols.L.push(x[0]);
      cols.K.push(x[1]);
      cols.GDP.push(fx.panel.y[t][j][0]);
      cols.CO2.push(fx.panel.b[t][j][0]);
    }),
  );
  for (const [k, v] of Object.entries(cols)) p.columns[k] = Float64Array.from(v);
  return p;
}

function model(type: string): TfpModel {
  const fields = { type, unit: 'unit', time: 'year', inputs: ['L', 'K'], outputs: ['GDP'], undesirable: ['CO2'] };
  return checkTfpModel(fields, 'm.json').model as TfpModel;
}

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadLpSolver();
});

describe('tfpReportHtml', () => {
  it('SBM: method, mean-efficiency chart and the slack-share table, in both languages', () => {
    const html = tfpReportHtml(runTfp(solver, panel(), model('sbm')), 'zh');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('效率与低效率来源（松弛占比，%）');
    expect(html).toContain('Efficiency and where inefficiency comes from (slack shares, %)');
    expect(html).toMatch(/<svg[^>]*>/);
    expect(html).toContain('form.green');
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('GML: decomposition chart, unit table and cumulative index', () => {
    const html = tfpReportHtml(runTfp(solver, panel(), model('gml')), 'en');
    expect(html).toContain('Productivity index and its decomposition (geometric means)');
    expect(html).toContain('Cumulative index (2020 = 1)');
    expect(html).toContain('BPC');
  });
});
