/**
 * ln TFP by period (core/tfp/firm/summary.ts, FirmResult.byTime) against
 * pandas (test/reference/tfp/firm_tfp_summary.py: OLS ln TFP on
 * data/tfp/firm-panel.csv with statsmodels' coefficients; per year count,
 * mean, std with ddof 1, linear quantiles), 1e-9 relative; degenerate
 * periods; the section in the report and the sheet in the workbook.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readPanelFile } from '../../src/adapters/io/read.ts';
import { tfpReportParts } from '../../src/adapters/report/tfp-html.ts';
import { TFP_SHEETS, tfpWorkbook } from '../../src/adapters/report/tfp-xlsx.ts';
import { checkFirmModel } from '../../src/core/tfp/firm/model.ts';
import { runFirm } from '../../src/core/tfp/firm/run.ts';
import { tfpByTime } from '../../src/core/tfp/firm/summary.ts';

const fx = JSON.parse(
  readFileSync(new URL('../reference/tfp/fixtures/firm-tfp-summary.json', import.meta.url), 'utf8'),
) as { byTime: Array<Record<string, number>> };
const DATA = join(import.meta.dirname, '..', '..', 'data', 'tfp', 'firm-panel.csv');
const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

async function olsRun() {
  const { model } = checkFirmModel(
    { type: 'ols', unit: 'firm', time: 'year', output: 'lny', free: ['lnl'], state: ['lnk'] },
    'm.json',
  );
  const { panel } = await readPanelFile(DATA, { unit: 'firm', time: 'year', columns: ['lny', 'lnl', 'lnk'] });
  return runFirm(panel, model!);
}

describe('ln TFP by period', () => {
  it('matches pandas on the OLS ln TFP of the firm panel', async () => {
    const run = await olsRun();
    expect(run.byTime.map((r) => r.time)).toEqual(fx.byTime.map((r) => r.time));
    run.byTime.forEach((r, i) => {
      const e = fx.byTime[i];
      expect(r.firms).toBe(e.firms);
      for (const k of ['mean', 'sd', 'p10', 'median', 'p90'] as const)
        expect(near(r[k], e[k]), `${r.time} ${k}: ${r[k]} vs ${e[k]}`).toBe(true);
    });
  });

  it('a period with one firm has SD NaN; periods come in ascending order; no rows, no periods', () => {
    const s = tfpByTime([
      { time: 2021, value: 1 },
      { time: 2020, value: 3 },
      { time: 2020, value: 1 },
    ]);
    expect(s.map((r) => r.time)).toEqual([2020, 2021]);
    expect(s[0]).toMatchObject({ firms: 2, mean: 2, median: 2, p10: 1.2, p90: 2.8 });
    expect(s[0].sd).toBeCloseTo(Math.SQRT2, 15);
    expect(s[1]).toMatchObject({ firms: 1, mean: 1, median: 1, p10: 1, p90: 1 });
    expect(s[1].sd).toBeNaN();
    expect(tfpByTime([])).toEqual([]);
  });

  it('the report and the workbook show it', async () => {
    const run = await olsRun();
    const section = tfpReportParts(run, 'en').sections.find((x) => x.id === 'tfp-firm-periods');
    expect(section?.html).toContain(run.byTime[0].mean.toFixed(4));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await tfpWorkbook(run, 'en')) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(TFP_SHEETS.periods)!;
    expect(ws.rowCount).toBe(run.byTime.length + 1);
    expect(ws.getRow(2).getCell(3).value).toBe(run.byTime[0].mean);
  });
});
