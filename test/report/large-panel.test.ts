/**
 * A report of a large panel (more than LARGE_PANEL_UNITS units) lists the
 * first and last units of the ranking, says how many are left out and where
 * the full tables are, gives the index's distribution by period instead of a
 * units × periods table, and draws only the listed units.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/measure/evaluate.ts';
import { rankRobustness } from '../../src/core/measure/robustness.ts';
import { MCDM_CSV, mcdmCsvLines, robustnessCsvLines } from '../../src/adapters/report/csv.ts';
import { reportHtml } from '../../src/adapters/report/html.ts';
import {
  LARGE_PANEL_UNITS,
  SHOWN_AT_EACH_END,
  chosenRows,
  chosenUnits,
  distributionRows,
  groupDistributionRows,
  groupLabels,
  mostMoved,
  movedCountSentences,
} from '../../src/adapters/report/large-panel.ts';
import type { XinzhiError } from '../../src/core/errors.ts';
import { ScoreTable } from '../../src/adapters/report/lookup.ts';
import { SHEETS, workbook } from '../../src/adapters/report/xlsx.ts';
import ExcelJS from 'exceljs';
import { syntheticPanel, syntheticSpec } from '../sql/fixture.ts';

const bigPanel = syntheticPanel(LARGE_PANEL_UNITS + 50, 3);
const big = evaluate(bigPanel, syntheticSpec());
big.robustness = rankRobustness(bigPanel, big, { threshold: 0 });
const small = evaluate(syntheticPanel(30, 3), syntheticSpec());
const rowsOf = (html: string, id: string) => {
  const sec = html.slice(html.indexOf(`id="${id}"`));
  const table = sec.slice(sec.indexOf('<table'), sec.indexOf('</table>'));
  return (table.match(/<tr/g) ?? []).length;
};

describe('reports of large panels', () => {
  const html = reportHtml(big, { lang: 'en', date: '2026-01-01' });
  it('list the first and last units with a note naming scores.csv', () => {
    expect(rowsOf(html, 'latest')).toBe(2 * SHOWN_AT_EACH_END + 1); // header + units
    expect(html).toContain(`${big.units.length} units: the first and last ${SHOWN_AT_EACH_END}`);
    expect(html).toContain('scores.csv');
  });
  it('give the distribution by period instead of every unit', () => {
    expect(html).toContain('distribution by period');
    expect(rowsOf(html, 'scores')).toBe(big.times.length + 1);
    const rows = distributionRows(big, new ScoreTable(big));
    const last = big.scores.filter((s) => s.time === big.times[big.times.length - 1]).map((s) => s.score);
    const r = rows[rows.length - 1];
    expect(r[1]).toBe(last.length);
    expect(r[3]).toBe(Math.min(...last));
    expect(r[9]).toBe(Math.max(...last));
    // the median of an odd count is the middle score; of an even count the mean of the two middle ones
    const sorted = [...last].sort((a, b) => a - b);
    const m = sorted.length / 2;
    expect(r[6]).toBeCloseTo(sorted.length % 2 ? sorted[Math.floor(m)] : (sorted[m - 1] + sorted[m]) / 2, 14);
  });
  it('list the unit-times whose rank moves most, say how many move, and name robustness.csv', () => {
    const r = big.robustness!;
    const moved = r.rows.filter((row) => row.shift > 0).length;
    expect(moved).toBeGreaterThan(2 * SHOWN_AT_EACH_END);
    expect(rowsOf(html, 'robustness')).toBe(2 * SHOWN_AT_EACH_END + 1);
    expect(html).toContain(`Of ${r.rows.length} unit-times, ${moved} move by more than 0 places`);
    expect(html).toContain('robustness.csv');
    // no per-unit sentence: the table shows them
    expect(html).not.toContain('moves with the weighting method: ranked');
    const shown = mostMoved(r.rows);
    const least = Math.min(...shown.map((x) => x.shift));
    expect(r.rows.filter((x) => x.shift > least).every((x) => shown.includes(x))).toBe(true);
  });
  it('the web table of every row gets the count of unit-times that move, not a sentence each', () => {
    const r = big.robustness!;
    const moved = r.rows.filter((row) => row.shift > 0).length;
    const [first, ...rest] = movedCountSentences(r);
    expect(first.en).toBe(
      `Of ${r.rows.length} unit-times, ${moved} move by more than 0 places with the weighting method (sort by the rank shift to see them).`,
    );
    expect(first.zh).toContain(`${moved} 个的排名`);
    expect(rest).toEqual([]);
  });
  it('robustness.csv has every row with the rank and score under each method', () => {
    const lines = [...robustnessCsvLines(big, 'en')];
    const r = big.robustness!;
    expect(lines.length).toBe(r.rows.length + 1);
    const first = lines[1].trim().split(',');
    const row = r.rows[0];
    expect(first[0]).toBe(row.unit);
    expect(Number(first[2])).toBe(row.nominalRank);
    expect(Number(first[3])).toBe(row.ranks[r.options.methods[0]]);
    expect(Number(first[4])).toBe(row.scores[r.options.methods[0]]);
    expect(Number(first[first.length - 1])).toBe(row.shift);
  });
  it('leave small panels as they are', () => {
    const h = reportHtml(small, { lang: 'en', date: '2026-01-01' });
    expect(rowsOf(h, 'latest')).toBe(small.units.length + 1);
    expect(h).not.toContain('distribution by period');
  });
});

describe('workbooks of large panels', () => {
  const load = async (r: typeof big) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbook(r, { lang: 'en' })) as unknown as ArrayBuffer);
    return wb;
  };
  it('list the first and last units in the unit sheets, add the distribution and say where the rest is', async () => {
    const wb = await load(big);
    const scores = wb.getWorksheet(SHEETS.indexScores)!;
    // header + 2 × 20 units + the note
    expect(scores.rowCount).toBe(2 * SHOWN_AT_EACH_END + 2);
    expect(String(scores.getRow(scores.rowCount).getCell(1).value)).toMatch(/scores\.csv/);
    const listed = new Set<string>();
    for (let r = 2; r <= 2 * SHOWN_AT_EACH_END + 1; r++) listed.add(String(scores.getRow(r).getCell(1).value));
    expect(listed.size).toBe(2 * SHOWN_AT_EACH_END);
    const norm = wb.getWorksheet(SHEETS.normalized)!;
    expect(norm.rowCount).toBe(2 * SHOWN_AT_EACH_END * big.times.length + 2);
    for (let r = 2; r < norm.rowCount; r++) expect(listed.has(String(norm.getRow(r).getCell(1).value))).toBe(true);
    const rob = wb.getWorksheet(SHEETS.robustness)!;
    expect(rob.rowCount).toBe(2 * SHOWN_AT_EACH_END + 2); // header, the rows that move most, the note
    expect(String(rob.getRow(rob.rowCount).getCell(1).value)).toMatch(/robustness\.csv/);
    const dist = wb.getWorksheet(SHEETS.distribution)!;
    expect(dist.rowCount).toBe(big.times.length + 1);
    const rows = distributionRows(big, new ScoreTable(big));
    expect(dist.getRow(2).getCell(3).value).toBe(rows[0][2]);
  });
  it('keep every unit of a small panel and add no distribution sheet', async () => {
    const wb = await load(small);
    expect(wb.getWorksheet(SHEETS.indexScores)!.rowCount).toBe(small.units.length + 1);
    expect(wb.getWorksheet(SHEETS.distribution)).toBeUndefined();
  });
});

describe('other MCDM scores of large panels', () => {
  const spec = syntheticSpec({
    weights: { method: 'entropy', panel: 'by-time' },
    score: { topsis: true, gra: true, vikor: true, promethee: true, copeland: true, rsr: true, fuzzy: true },
  });
  const mcdm = evaluate(bigPanel, spec);
  const methods = ['topsis', 'gra', 'vikor', 'promethee', 'copeland', 'rsr', 'fuzzy'] as const;
  it('the report lists the first and last units of each method and names mcdm-scores.csv', () => {
    const html = reportHtml(mcdm, { lang: 'en', date: '2026-01-01' });
    const sec = html.slice(html.indexOf('id="mcdm"'));
    const body = sec.slice(0, sec.indexOf('</section>'));
    const tables = body.split('<table').slice(1);
    expect(tables).toHaveLength(methods.length);
    for (const table of tables) expect((table.match(/<tr/g) ?? []).length).toBe(2 * SHOWN_AT_EACH_END + 1);
    expect(body).toContain(`${MCDM_CSV} and results.json`);
  });
  it("mcdm-scores.csv has every unit-time with each method's columns, equal to the result", () => {
    const lines = [...mcdmCsvLines(mcdm, 'en')];
    expect(lines).toHaveLength(mcdm.scores.length + 1);
    const header = lines[0].replace('\uFEFF', '').trim().split(',');
    expect(header.slice(0, 2)).toEqual(['单位 / Unit', '时间 / Time']);
    for (const k of [1, 137, lines.length - 1]) {
      const cells = lines[k].trim().split(',');
      const i = k - 1;
      const at = (name: string) => Number(cells[header.indexOf(name)]);
      expect(cells[0]).toBe(mcdm.topsis![i].unit);
      expect(at('TOPSIS 贴近度 / TOPSIS closeness')).toBe(mcdm.topsis![i].closeness);
      expect(at('灰色关联度 / GRA grade')).toBe(mcdm.gra![i].grade);
      expect(at('VIKOR Q')).toBe(mcdm.vikor![i].Q);
      expect(at('PROMETHEE 净流量 φ / PROMETHEE net flow φ')).toBe(mcdm.promethee![i].phi);
      expect(at('Copeland 得分 / Copeland score')).toBe(mcdm.copeland![i].score);
      expect(at('RSR 排名 / RSR rank')).toBe(mcdm.rsr![i].rank);
      expect(at('模糊综合得分 / Fuzzy score')).toBe(mcdm.fuzzy![i].score);
    }
    expect([...mcdmCsvLines(small, 'en')]).toEqual([]);
  });
  it('the workbook lists the units of the index sheets in the TOPSIS, GRA and VIKOR sheets with a note', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbook(mcdm, { lang: 'en' })) as unknown as ArrayBuffer);
    const topsis = wb.getWorksheet(SHEETS.topsis)!;
    expect(topsis.rowCount).toBe(2 * SHOWN_AT_EACH_END * mcdm.times.length + 2);
    expect(String(topsis.getRow(topsis.rowCount).getCell(1).value)).toMatch(/mcdm-scores\.csv/);
  });
});

describe('groups and chosen units in reports of large panels', () => {
  const panel = syntheticPanel(LARGE_PANEL_UNITS + 50, 3);
  panel.labels = { sector: panel.unit.map((u) => (Number(u.slice(1)) % 3 === 0 ? 'A' : 'B')) };
  const res = evaluate(panel, { ...syntheticSpec(), labels: ['sector'] });
  const table = new ScoreTable(res);
  const last = res.times[res.times.length - 1];
  it('give the latest distribution within each group of a label column', () => {
    expect(groupLabels(res)).toEqual(['sector']);
    const rows = groupDistributionRows(res, table, 'sector');
    for (const g of ['A', 'B']) {
      const inA = (u: string) => Number(u.slice(1)) % 3 === 0;
      const v = res.scores
        .filter((s) => s.time === last && inA(s.unit) === (g === 'A'))
        .map((s) => s.score)
        .sort((a, b) => a - b);
      const row = rows.find((r) => r[0] === g)!;
      expect(row[1]).toBe(v.length);
      expect(row[2]).toBeCloseTo(v.reduce((a, b) => a + b, 0) / v.length, 14);
      expect(row[3]).toBe(v[0]);
      expect(row[9]).toBe(v[v.length - 1]);
    }
    const html = reportHtml(res, { lang: 'en', date: '2026-01-01' });
    expect(html).toContain(`by sector (${last})`);
  });
  it('list the units the user chose with their score and rank in every period, and refuse an unknown one', () => {
    const units = chosenUnits(res, ['U0007', 'U0100', 'U0007']);
    expect(units).toEqual(['U0007', 'U0100']);
    const rows = chosenRows(res, table, units);
    const s = res.scores.find((x) => x.unit === 'U0100' && x.time === last)!;
    expect(rows[1].slice(-2)).toEqual([s.score, s.rank]);
    const html = reportHtml(res, { lang: 'en', date: '2026-01-01', units });
    expect(html).toContain('of the chosen units, by period');
    const err = (() => {
      try {
        chosenUnits(res, ['U9999']);
      } catch (e) {
        return e as XinzhiError;
      }
    })();
    expect(err?.problems[0]).toMatchObject({ code: 'unknown-unit', column: '--units' });
  });
  it('the workbook lists the chosen units in its unit sheets and has a groups sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbook(res, { lang: 'en', units: ['U0100'] })) as unknown as ArrayBuffer);
    const scores = wb.getWorksheet(SHEETS.indexScores)!;
    const listed: string[] = [];
    for (let r = 2; r < scores.rowCount; r++) listed.push(String(scores.getRow(r).getCell(1).value));
    expect(listed).toContain('U0100');
    expect(listed.length).toBe(2 * SHOWN_AT_EACH_END + 1);
    const groups = wb.getWorksheet(SHEETS.groups)!;
    expect(groups.rowCount).toBe(3); // header, A, B
    expect(groups.getRow(2).getCell(1).value).toBe('sector');
  });
});
