/**
 * Integration: evaluate the default province data with the default spec and
 * write every output; check that the files carry the evaluation's numbers.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPanelFile } from '../../src/adapters/io/read.ts';
import { loadProvinceGeojson } from '../../src/adapters/io/geo.ts';
import { OUTPUT_FILES, writeOutputs } from '../../src/adapters/io/write-outputs.ts';
import { SHEETS } from '../../src/adapters/report/xlsx.ts';
import { evaluate } from '../../src/core/measure/evaluate.ts';
import { INDEX_ID, type EvaluationResult } from '../../src/core/measure/result.ts';
import { findProvince } from '../../src/core/geo/provinces.ts';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

describe('outputs of the default evaluation', () => {
  let result: EvaluationResult;
  let dir: string;
  let paths: string[];

  beforeAll(async () => {
    const spec = JSON.parse(await readFile(root('data/specs/examples/nqpf-province-totals.json'), 'utf8'));
    const { panel, problems } = await readPanelFile(root('data/province-panel/nqpf_province_2013_2022.csv'), {
      unit: spec.unit,
      time: spec.time,
      labels: spec.labels,
    });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    result = evaluate(panel, spec, { source: 'nqpf_province_2013_2022.csv' });
    dir = await mkdtemp(join(tmpdir(), 'xinzhi-default-'));
    paths = await writeOutputs(result, dir, { lang: 'zh', geojson: await loadProvinceGeojson(), date: '2024-01-01' });
  }, 120_000); // every output incl. XLSX and the Word report with rasterised figures: seconds, more on a loaded machine
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes every file', () => {
    expect(paths.map((p) => p.slice(dir.length + 1))).toEqual(Object.values(OUTPUT_FILES));
  });

  it('scores.csv holds the index scores of every unit-year exactly', async () => {
    const text = await readFile(join(dir, OUTPUT_FILES.scores), 'utf8');
    const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
    const rows = parsed.data.slice(1);
    expect(parsed.data[0].slice(0, 3)).toEqual(['单位 / Unit', '名称 / Name', '时间 / Time']);
    expect(rows.length).toBe(result.scores.length);
    const byKey = new Map(result.scores.map((s) => [`${s.unit}|${s.time}`, s]));
    for (const r of rows) {
      const s = byKey.get(`${r[0]}|${r[2]}`)!;
      expect(r[1]).toBe(findProvince(r[0])!.shortZh);
      expect(Number(r[3])).toBe(s.score);
      expect(Number(r[4])).toBe(s.rank);
    }
  });

  it('the workbook index sheet equals the result', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, OUTPUT_FILES.workbook));
    const ws = wb.getWorksheet(SHEETS.indexScores)!;
    expect(ws.rowCount).toBe(result.units.length + 1);
    const row = ws.getRow(2).values as unknown[];
    const unit = row[1] as string;
    expect(row[2]).toBe(findProvince(unit)!.shortZh);
    result.times.forEach((t, k) => {
      expect(row[k + 3]).toBe(result.scores.find((s) => s.unit === unit && s.time === t)!.score);
    });
  });

  it('the report shows all 31 provinces on the map, the weights and four charts', async () => {
    const html = await readFile(join(dir, OUTPUT_FILES.report), 'utf8');
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.length).toBe(4);
    for (const s of svgs) expect(s.length).toBeGreaterThan(2000);
    const text = html.replace(/<svg[\s\S]*?<\/svg>/g, '');
    for (const u of result.units) {
      expect(text).toContain(`<td class="text">${findProvince(u)!.shortZh}</td>`);
      expect(text).not.toContain(`<td class="text">${u}</td>`);
    }
    expect(text).toContain('<td class="text">广东</td>');
    expect(text).not.toContain('未匹配到省级边界的单位');
    expect(text).toContain('UN OCHA ROAP');
    for (const id of Object.keys(result.weights)) expect(text).toContain(`<td class="text">${id}</td>`);
    const latest = result.times[result.times.length - 1];
    const top = result.scores
      .filter((s) => s.time === latest)
      .sort((a, b) => a.score - b.score)
      .pop()!;
    expect(text).toContain(`<td class="num">${top.score.toFixed(4)}</td>`);
    expect(result.nodeScores.some((r) => r.node === INDEX_ID)).toBe(true);
  });

  it('spec.json is the spec as used', async () => {
    expect(JSON.parse(await readFile(join(dir, OUTPUT_FILES.spec), 'utf8'))).toEqual(
      JSON.parse(JSON.stringify(result.record.spec)),
    );
  });
});
