import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { INDEX_ID } from '../../src/core/measure/result.ts';
import { addSheet, SHEETS, workbook, xlsxBytes } from '../../src/adapters/report/xlsx.ts';
import { makeFixture } from './fixture.ts';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

function header(ws: ExcelJS.Worksheet): string[] {
  return (ws.getRow(1).values as unknown[]).slice(1).map(String);
}

/** Data rows as arrays (1-based exceljs values → 0-based). */
function rows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (n > 1) out.push((row.values as unknown[]).slice(1));
  });
  return out;
}

describe('workbook', () => {
  const result = makeFixture({ byTime: true, uncertainty: true });
  const loaded = workbook(result, { lang: 'en' }).then(load);

  it('has the expected sheets, each with a bold, frozen bilingual header', async () => {
    const wb = await loaded;
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual([
      SHEETS.indexScores,
      SHEETS.indexRanks,
      SHEETS.nodeScores,
      SHEETS.weights,
      SHEETS.weightsByTime,
      SHEETS.normalized,
      SHEETS.diagnostics,
      SHEETS.otherDiagnostics,
      SHEETS.correlations,
      SHEETS.coherence,
      SHEETS.reliability,
      SHEETS.uncertainty,
      SHEETS.influence,
      SHEETS.imputations,
      SHEETS.treatments,
      SHEETS.warnings,
      SHEETS.record,
      SHEETS.spec,
    ]);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).font?.bold).toBe(true);
      expect(ws.name.length).toBeLessThanOrEqual(31);
    }
    expect(header(wb.getWorksheet(SHEETS.weights)!)).toContain('全局权重 / Global weight');
    expect(header(wb.getWorksheet(SHEETS.nodeScores)!)).toEqual([
      '节点 / Node',
      '名称 / Name',
      '层级 / Level',
      '单位 / Unit',
      '单位名称 / Unit name',
      '时间 / Time',
      '得分 / Score',
      '排名 / Rank',
    ]);
  });

  it('index scores and ranks: units × times, equal to the result', async () => {
    const wb = await loaded;
    const scores = wb.getWorksheet(SHEETS.indexScores)!;
    const ranks = wb.getWorksheet(SHEETS.indexRanks)!;
    expect(header(scores)).toEqual(['单位 / Unit', '名称 / Name', '2013', '2014', '2015']);
    const s = rows(scores),
      r = rows(ranks);
    result.units.forEach((u, i) => {
      expect(s[i].slice(0, 2)).toEqual([u, u]); // English names of the fixture's provinces are their data spelling
      result.times.forEach((t, k) => {
        const row = result.scores.find((x) => x.unit === u && x.time === t)!;
        expect(s[i][k + 2]).toBe(row.score);
        expect(r[i][k + 2]).toBe(row.rank);
      });
    });
    expect(scores.getColumn(3).numFmt).toBe('0.0000');
  });

  it('node scores (long) hold every node score row', async () => {
    const wb = await loaded;
    const data = rows(wb.getWorksheet(SHEETS.nodeScores)!);
    expect(data.length).toBe(result.nodeScores.length);
    for (const ns of result.nodeScores) {
      const row = data.find((d) => d[0] === ns.node && d[3] === ns.unit && d[5] === ns.time)!;
      expect(row[4]).toBe(ns.unit);
      expect(row[6]).toBe(ns.score);
      expect(row[7]).toBe(ns.rank);
    }
    expect(data[0][0]).toBe(INDEX_ID);
    expect(data[0][2]).toBe(0);
  });

  it('weights, weights by time and normalised data equal the result', async () => {
    const wb = await loaded;
    const w = rows(wb.getWorksheet(SHEETS.weights)!);
    for (const nw of result.nodeWeights) {
      const row = w.find((r) => r[0] === nw.id)!;
      expect(row[9]).toBe(nw.local);
      expect(row[10]).toBe(nw.global);
    }
    const bt = rows(wb.getWorksheet(SHEETS.weightsByTime)!);
    expect(bt.length).toBe(result.nodeWeights.length * result.times.length);
    const x2 = result.nodeWeights.find((n) => n.id === 'x2')!.byTime!['2014'];
    expect(bt.find((r) => r[0] === 'x2' && r[2] === 2014)!.slice(3)).toEqual([x2.local, x2.global]);
    const norm = rows(wb.getWorksheet(SHEETS.normalized)!);
    expect(norm.length).toBe(result.normalized.unit.length);
    norm.forEach((r, i) => {
      expect([r[0], r[2]]).toEqual([result.normalized.unit[i], result.normalized.time[i]]);
      expect(r.slice(4)).toEqual(['x1', 'x2', 'x3', 'x4'].map((id) => result.normalized.values[id][i]));
    });
    expect(header(wb.getWorksheet(SHEETS.normalized)!)[4]).toBe('研发人员 [x1] / R&D personnel [x1]');
  });

  it('diagnostics, coherence, uncertainty and the record', async () => {
    const wb = await loaded;
    const diagWs = wb.getWorksheet(SHEETS.diagnostics)!;
    expect(header(diagWs)).toEqual([
      '时间 / Time',
      '节点 / Node',
      '方法 / Method',
      '编号 / ID',
      '名称 / Name',
      '权重 / Weight',
      'entropy',
      'divergence',
      'k',
    ]);
    const diag = rows(diagWs);
    expect(diag.find((r) => r[3] === 'x3')!.slice(5)).toEqual([result.weights.x3, 0.8800000000000001, 0.12, 0.5]);
    expect(rows(wb.getWorksheet(SHEETS.otherDiagnostics)!).map((r) => r.slice(1))).toEqual([['note', 'k = 1 / ln(n)']]);
    const normWs = wb.getWorksheet(SHEETS.normalized)!;
    expect(header(normWs).slice(0, 4)).toEqual(['单位 / Unit', '名称 / Name', '时间 / Time', 'region']);
    expect(rows(normWs)[3][3]).toBe('West');
    const corr = rows(wb.getWorksheet(SHEETS.correlations)!);
    expect(corr.map((r) => r.slice(1))).toEqual(result.coherence.indicatorCorrelation);
    const alpha = rows(wb.getWorksheet(SHEETS.reliability)!);
    expect(alpha.map((r) => [r[0], r[2]])).toEqual([
      ['labor', 0.72],
      ['tech', -0.31],
    ]);
    const unc = rows(wb.getWorksheet(SHEETS.uncertainty)!);
    expect(unc.length).toBe(result.uncertainty!.ranks.length);
    expect(unc[0].slice(3)).toEqual([
      result.uncertainty!.ranks[0].nominalRank,
      result.uncertainty!.ranks[0].medianRank,
      result.uncertainty!.ranks[0].q05,
      result.uncertainty!.ranks[0].q95,
    ]);
    const imp = rows(wb.getWorksheet(SHEETS.imputations)!);
    expect(imp).toEqual([['Beijing', 'Beijing', 2014, 'R&D Personnel', 1234.5, 'interpolate']]);
    const tr = rows(wb.getWorksheet(SHEETS.treatments)!);
    expect(tr).toEqual([['Shanghai', 'Shanghai', 2013, 'Higher Education Share', 9.75, 3.5, 'winsorised-high']]);
    const warn = rows(wb.getWorksheet(SHEETS.warnings)!);
    expect(warn[0].slice(0, 4)).toEqual([
      'negative-correlation',
      'warning',
      'indicator x4 correlates negatively with its dimension',
      'check the direction of x4',
    ]);
    const rec = rows(wb.getWorksheet(SHEETS.record)!);
    expect(rec.find((r) => String(r[0]).includes('SHA-256'))![1]).toBe(result.record.dataFingerprint);
    const spec = rows(wb.getWorksheet(SHEETS.spec)!);
    expect(spec.find((r) => r[0] === 'weights.method')![1]).toBe('entropy');
    expect(spec.find((r) => r[0] === 'normalize.shift')![1]).toBe(0.0001);
    expect(spec.find((r) => r[0] === 'indicators.3.column')![1]).toBe('Energy, "per GDP"');
  });

  it('TOPSIS, GRA and VIKOR sheets when computed', async () => {
    const r = makeFixture({ mcdm: true });
    const wb = await load(await workbook(r, { lang: 'en' }));
    expect(rows(wb.getWorksheet(SHEETS.topsis)!).map((x) => x.slice(3))).toEqual(
      r.topsis!.map((x) => [x.dPlus, x.dMinus, x.closeness, x.rank]),
    );
    expect(rows(wb.getWorksheet(SHEETS.gra)!).map((x) => x.slice(3))).toEqual(r.gra!.map((x) => [x.grade, x.rank]));
    expect(rows(wb.getWorksheet(SHEETS.vikor)!).map((x) => x.slice(3))).toEqual(
      r.vikor!.map((x) => [x.S, x.R, x.Q, x.rank]),
    );
  });

  it('writes non-finite numbers as empty cells and omits absent optional sheets', async () => {
    const r = makeFixture();
    r.nodeScores[0].score = Number.NaN;
    r.scores[0].score = Number.NaN;
    const wb = await load(await workbook(r, { lang: 'zh' }));
    expect(wb.getWorksheet(SHEETS.uncertainty)).toBeUndefined();
    expect(wb.getWorksheet(SHEETS.weightsByTime)).toBeUndefined();
    const s = rows(wb.getWorksheet(SHEETS.indexScores)!);
    expect(s[0][2] ?? null).toBeNull();
    const w = rows(wb.getWorksheet(SHEETS.weights)!);
    expect(w.find((x) => x[0] === 'x1')![1]).toBe('指标');
  });

  it("adds the units' names in the workbook language next to the unit column, only for province units", async () => {
    const zh = await load(await workbook(makeFixture({ mcdm: true, uncertainty: true }), { lang: 'zh' }));
    const s = rows(zh.getWorksheet(SHEETS.indexScores)!);
    expect(s.map((r) => r.slice(0, 2))).toEqual([
      ['Beijing', '北京'],
      ['Shanghai', '上海'],
      ['Guangdong', '广东'],
      ['Tibet', '西藏'],
    ]);
    for (const sheet of [
      SHEETS.nodeScores,
      SHEETS.normalized,
      SHEETS.topsis,
      SHEETS.gra,
      SHEETS.vikor,
      SHEETS.uncertainty,
      SHEETS.imputations,
      SHEETS.treatments,
    ]) {
      const ws = zh.getWorksheet(sheet)!;
      const h = header(ws);
      const at = h.indexOf('单位 / Unit');
      expect(h[at + 1], sheet).toMatch(/名称 \/ (Unit n|N)ame$/);
      for (const r of rows(ws)) if (r[at] === 'Guangdong') expect(r[at + 1]).toBe('广东');
    }
    const mixed = await load(
      await workbook(makeFixture({ units: ['广东', 'Inner Mongolia', 'Firm A'] }), { lang: 'en' }),
    );
    expect(rows(mixed.getWorksheet(SHEETS.indexRanks)!).map((r) => r.slice(0, 2))).toEqual([
      ['广东', 'Guangdong'],
      ['Inner Mongolia', 'Inner Mongolia'],
      ['Firm A', 'Firm A'],
    ]);
    const firms = await load(await workbook(makeFixture({ units: ['Firm A', 'Firm B', 'Firm C'] }), { lang: 'zh' }));
    for (const ws of firms.worksheets) {
      const h = header(ws);
      const at = h.indexOf('单位 / Unit');
      if (at >= 0) expect(h[at + 1] ?? '', ws.name).not.toMatch(/名称 \/ (Unit n|N)ame$/);
    }
    expect(header(firms.getWorksheet(SHEETS.indexScores)!)).toEqual(['单位 / Unit', '2013', '2014', '2015']);
    expect(header(firms.getWorksheet(SHEETS.nodeScores)!)).toEqual([
      '节点 / Node',
      '名称 / Name',
      '层级 / Level',
      '单位 / Unit',
      '时间 / Time',
      '得分 / Score',
      '排名 / Rank',
    ]);
    expect(rows(firms.getWorksheet(SHEETS.indexScores)!).map((r) => r[0])).toEqual(['Firm A', 'Firm B', 'Firm C']);
  });

  it("keeps each cell's own style when cells of one number format share a style object", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = addSheet(
      wb,
      'S',
      [
        { header: { zh: '甲', en: 'a' }, numFmt: '0.0000' },
        { header: { zh: '乙', en: 'b' } },
        { header: { zh: '丙', en: 'c' }, numFmt: '0' },
      ],
      Array.from({ length: 6 }, (_, i) => [i / 3, `t${i}`, i]),
    );
    ws.getRow(3).getCell(1).font = { italic: true }; // its own style: left alone
    ws.getRow(4).getCell(3).numFmt = '0.00%';
    const back = (await load(await xlsxBytes(wb))).getWorksheet('S')!;
    expect(back.getRow(1).getCell(1).font?.bold).toBe(true);
    for (let r = 2; r <= 7; r++) {
      expect(back.getRow(r).getCell(1).numFmt).toBe('0.0000');
      expect(back.getRow(r).getCell(1).font?.italic ?? false).toBe(r === 3);
      expect(back.getRow(r).getCell(2).numFmt ?? 'General').toBe('General');
      expect(back.getRow(r).getCell(3).numFmt).toBe(r === 4 ? '0.00%' : '0');
    }
  });
});
