/**
 * Analysis sections of the report: evaluate the bundled province data with
 * the default spec, run every analysis through `analysisSections`, and check
 * that each section is there with its charts and that the numbers it shows
 * equal those of the analysis functions called directly on the same inputs
 * (weights built by the CLI's path, groups from the province table).
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProvinceGeojson } from '../../src/adapters/io/geo.ts';
import type { XinzhiError } from '../../src/core/errors.ts';
import { loadSpecFile } from '../../src/adapters/io/load-spec.ts';
import { readPanelFile } from '../../src/adapters/io/read.ts';
import { buildWeights } from '../../src/adapters/io/spatial.ts';
import {
  ALL_ANALYSES,
  SKIPPED_SECTION_ID,
  analysisSections,
  parseAnalyses,
  type AnalysisSectionsResult,
} from '../../src/adapters/report/analysis-sections.ts';
import { nodeName } from '../../src/adapters/report/hierarchy.ts';
import { reportHtml } from '../../src/adapters/report/html.ts';
import { couplingCoordination } from '../../src/core/analysis/coupling.ts';
import { betaConvergence, sigmaConvergence } from '../../src/core/analysis/convergence.ts';
import { dagumGini } from '../../src/core/analysis/dagum-gini.ts';
import { kdeByTime } from '../../src/core/analysis/kde.ts';
import { localMoran } from '../../src/core/analysis/lisa.ts';
import { spatialMarkov, unitTimeMatrix } from '../../src/core/analysis/markov.ts';
import { moran } from '../../src/core/analysis/moran.ts';
import { obstacleFromEvaluation, obstacleRows, topObstacles } from '../../src/core/analysis/obstacle.ts';
import { theil } from '../../src/core/analysis/theil.ts';
import { findProvince } from '../../src/core/geo/provinces.ts';
import { evaluate } from '../../src/core/measure/evaluate.ts';
import type { EvaluationResult } from '../../src/core/measure/result.ts';
import type { Panel, Time } from '../../src/core/panel/types.ts';
import type { SpatialWeights } from '../../src/core/analysis/spatial-weights.ts';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Cell texts of the rows of the table with this id (tags inside cells removed). */
function tableRows(html: string, id: string): string[][] {
  const m = new RegExp(`<table[^>]*id="${id}"[\\s\\S]*?</table>`).exec(html);
  if (!m) throw new Error(`no table ${id}`);
  const body = m[0].split('<tbody>')[1];
  return body
    .split('<tr>')
    .slice(1)
    .map((tr) =>
      [...tr.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => unescape(c[1].replace(/<[^>]+>/g, '').trim())),
    );
}

function rowOf(rows: string[][], first: string): string[] {
  const r = rows.find((x) => x[0] === first);
  if (!r) throw new Error(`no row ${first}`);
  return r;
}

const svgs = (html: string) => html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
const text = (html: string) => unescape(html.replace(/<svg[\s\S]*?<\/svg>/g, '').replace(/<[^>]+>/g, ' '));
const f4 = (x: number) => x.toFixed(4);

describe('analysis sections of the default province evaluation', () => {
  let panel: Panel;
  let spec: unknown;
  let result: EvaluationResult;
  let geojson: unknown;
  let out: AnalysisSectionsResult;
  let queen: SpatialWeights;
  const section = (id: string) => {
    const s = out.sections.find((x) => x.id === id);
    if (!s) throw new Error(`no section ${id}`);
    return s.html;
  };
  /** Index scores of one year, in result.units order (from the contract `scores`). */
  const indexAt = (time: Time) =>
    result.units.map((u) => result.scores.find((s) => s.unit === u && s.time === time)!.score);
  const regions = () => result.units.map((u) => findProvince(u)!.region);

  beforeAll(async () => {
    spec = await loadSpecFile(root('data/specs/examples/nqpf-province-totals.json'));
    const s = spec as { unit: string; time: string; labels?: string[] };
    const read = await readPanelFile(root('data/province-panel/nqpf_province_2013_2022.csv'), {
      unit: s.unit,
      time: s.time,
      labels: s.labels,
    });
    expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
    panel = read.panel;
    result = evaluate(panel, spec, { source: 'nqpf_province_2013_2022.csv' });
    geojson = await loadProvinceGeojson();
    out = analysisSections(result, { analyses: ALL_ANALYSES, lang: 'en', geojson });
    queen = await buildWeights({ spec: 'queen', units: result.units });
  });

  it('makes every section, in order, with the promised charts and nothing skipped', () => {
    expect(out.skipped).toEqual([]);
    expect(out.sections.map((s) => s.id)).toEqual(ALL_ANALYSES);
    const charts: Record<string, number> = {
      coupling: 2,
      obstacle: 2,
      gini: 2,
      theil: 1,
      kde: 1,
      moran: 2,
      lisa: 1,
      markov: 0,
      convergence: 1,
    };
    for (const [id, n] of Object.entries(charts)) expect(svgs(section(id)).length, id).toBe(n);
    for (const s of out.sections) {
      expect(s.title.zh.length).toBeGreaterThan(0);
      expect(s.title.en.length).toBeGreaterThan(0);
      expect(text(s.html)).toMatch(/Defaults: /);
    }
    // maps: coupling coordination and LISA clusters, with the boundary credit
    expect(section('coupling')).toMatch(/Coupling coordination by province \(2022\)/);
    expect(section('lisa')).toMatch(/LISA cluster map \(2022\)/);
    for (const id of ['coupling', 'lisa']) expect(section(id)).toContain('UN OCHA');
    expect(Object.keys(out.results)).toEqual(ALL_ANALYSES);
  });

  it('Gini: the decomposition of each year equals dagumGini on the index by region', () => {
    const rows = tableRows(section('gini'), 'gini-table');
    expect(rows.length).toBe(result.times.length);
    for (const time of result.times) {
      const g = dagumGini(indexAt(time), regions());
      const r = rowOf(rows, String(time));
      expect(r.slice(1, 5)).toEqual([g.total, g.within, g.between, g.transvariation].map(f4));
    }
    const g22 = dagumGini(indexAt(2022), regions());
    expect(rowOf(rows, '2022')[1]).toBe(f4(g22.total));
    expect(g22.groups.map((g) => g.name).sort()).toEqual(['Central', 'East', 'Northeast', 'West']);
  });

  it('Theil: T and L of each year equal theil() on the index by region', () => {
    const rows = tableRows(section('theil'), 'theil-table');
    for (const time of result.times) {
      const th = theil(indexAt(time), regions());
      const r = rowOf(rows, String(time));
      expect(r.slice(1, 4)).toEqual([th.T!.total, th.T!.within, th.T!.between].map(f4));
      expect(r[4]).toBe((100 * th.T!.shares.between).toFixed(2));
      expect(r.slice(5, 8)).toEqual([th.L!.total, th.L!.within, th.L!.between].map(f4));
    }
  });

  it('Coupling: means of C and D under both forms equal couplingCoordination on the dimension scores; classes of the standard form', () => {
    const dims = ['laborer', 'means', 'object'];
    const unit: string[] = [];
    const time: Time[] = [];
    const levels: number[][] = dims.map(() => []);
    for (const r of result.nodeScores) {
      if (r.node !== dims[0]) continue;
      unit.push(r.unit);
      time.push(r.time);
      dims.forEach((d, k) =>
        levels[k].push(result.nodeScores.find((x) => x.node === d && x.unit === r.unit && x.time === r.time)!.score),
      );
    }
    const input = { systems: dims, unit, time, levels };
    const corrected = couplingCoordination(input, { form: 'corrected', maxLevel: 1.0001 });
    const standard = couplingCoordination(input, { form: 'standard', maxLevel: 1.0001 });
    const mean = (rows: typeof corrected.rows, k: 'C' | 'D') => rows.reduce((s, r) => s + r[k], 0) / rows.length;
    const rows = tableRows(section('coupling'), 'coupling-forms');
    for (const t of result.times) {
      const c = corrected.rows.filter((r) => r.time === t);
      const s = standard.rows.filter((r) => r.time === t);
      expect(rowOf(rows, String(t)).slice(1)).toEqual([mean(c, 'C'), mean(s, 'C'), mean(c, 'D'), mean(s, 'D')].map(f4));
    }
    // the main results use the default form (standard, ANALYSIS_DEFAULTS)
    const classes = rowOf(tableRows(section('coupling'), 'coupling-classes'), '2022')
      .slice(1)
      .map(Number);
    const last = standard.rows.filter((r) => r.time === 2022);
    expect(classes).toEqual(Array.from({ length: 10 }, (_, k) => last.filter((r) => r.class.level === k + 1).length));
    expect(text(section('coupling'))).toMatch(
      /New-type labourers, New-type means of labour, New-type objects of labour/,
    );
  });

  it('Obstacle: the top 5 of each unit in 2022 equal topObstacles of obstacleFromEvaluation', () => {
    const ob = obstacleFromEvaluation(result);
    const rows = tableRows(section('obstacle'), 'obstacle-top');
    const last = obstacleRows(ob).filter((r) => r.time === 2022);
    expect(rows.length).toBe(last.length);
    for (const r of last) {
      const expected = topObstacles(r, 5).top.map(
        (o) => `${nodeName(result, o.id).en} ${(100 * o.obstacle).toFixed(2)}%`,
      );
      expect(rowOf(rows, r.unit).slice(1, 6)).toEqual(expected);
    }
    const dimRows = tableRows(section('obstacle'), 'obstacle-table');
    const mean = (d: string) => (100 * last.reduce((s, r) => s + r.dimensions[d], 0)) / last.length;
    expect(rowOf(dimRows, '2022').slice(1)).toEqual(ob.dimensions.map((d) => mean(d).toFixed(2)));
  });

  it('Kernel density: the summaries equal kdeByTime on the index scores', () => {
    const values = result.times.flatMap((t) => indexAt(t));
    const times = result.times.flatMap((t) => result.units.map(() => t));
    const k = kdeByTime(values, times);
    const rows = tableRows(section('kde'), 'kde-table');
    k.summaries.forEach((s) => {
      expect(rowOf(rows, String(s.time)).slice(1, 6)).toEqual([
        f4(s.mean),
        f4(s.median),
        f4(s.mode),
        s.maxDensity.toFixed(3),
        f4(s.sd),
      ]);
    });
  });

  it('Moran: I, z and p of each year equal moran() with queen weights; Hainan is linked to Guangdong', () => {
    const rows = tableRows(section('moran'), 'moran-table');
    for (const t of result.times) {
      const m = moran(indexAt(t), queen);
      expect(rowOf(rows, String(t)).slice(1, 5)).toEqual([f4(m.I), f4(m.expected), m.z.toFixed(3), m.p.toFixed(3)]);
    }
    expect(queen.islandLinks).toEqual([['Hainan', 'Guangdong']]);
    expect(text(section('moran'))).toContain('Hainan–Guangdong');
    expect(section('moran')).toMatch(/Moran scatter plot \(2022\)/);
  });

  it('LISA: the significant units of 2022 equal localMoran with queen weights', () => {
    const l = localMoran(indexAt(2022), queen, { alpha: 0.05 });
    const sig = l.ids.map((u, i) => ({ u, i })).filter(({ i }) => l.cluster[i] !== 'ns');
    expect(sig.length).toBeGreaterThan(0);
    const rows = tableRows(section('lisa'), 'lisa-table');
    expect(rows.map((r) => r[0])).toEqual(sig.map((s) => s.u));
    for (const { u, i } of sig)
      expect(rowOf(rows, u).slice(2)).toEqual([f4(l.Ii[i]), l.z[i].toFixed(3), l.p[i].toFixed(3)]);
  });

  it('Markov: the spatial chain equals spatialMarkov of index quartile classes', () => {
    const p: Panel = {
      unitKey: 'unit',
      timeKey: 'time',
      unit: result.scores.map((s) => s.unit),
      time: result.scores.map((s) => s.time),
      columns: { index: Float64Array.from(result.scores, (s) => s.score) },
    };
    const data = unitTimeMatrix(p, 'index', result.units);
    const s = spatialMarkov(data, queen, { classes: 4 });
    const rows = tableRows(section('markov'), 'markov-classic');
    s.classic.probabilities.forEach((row, i) => {
      expect(rowOf(rows, String(i + 1)).slice(1)).toEqual([String(s.classic.origins[i]), ...row.map(f4)]);
    });
    const lag2 = tableRows(section('markov'), 'markov-lag-2');
    s.conditional[1].probabilities.forEach((row, i) =>
      expect(rowOf(lag2, String(i + 1)).slice(2)).toEqual(row.map(f4)),
    );
    expect(text(section('markov'))).toContain(`Q = ${s.homogeneity.Q.toFixed(3)}`);
  });

  it('Convergence: σ slopes and the two-way FE β equal sigmaConvergence / betaConvergence', () => {
    const p: Panel = {
      unitKey: 'unit',
      timeKey: 'time',
      unit: result.scores.map((s) => s.unit),
      time: result.scores.map((s) => s.time),
      columns: { index: Float64Array.from(result.scores, (s) => s.score) },
    };
    const data = unitTimeMatrix(p, 'index', result.units);
    const sigma = sigmaConvergence(data);
    const beta = betaConvergence(data, { model: 'twoways' });
    const html = text(section('convergence'));
    expect(html).toContain(`Slope of sd ${sigma.slopeSd.toPrecision(3)}, of CV ${sigma.slopeCv.toPrecision(3)}`);
    const rows = tableRows(section('convergence'), 'beta-table');
    const lnY = beta.regression.coefficients.find((c) => c.name === 'ln_y')!;
    expect(rowOf(rows, 'ln_y')[1].replace(/\*+$/, '')).toBe(f4(lnY.estimate));
    expect(rows[1][1]).toBe(`(${f4(lnY.se)})`);
    expect(rowOf(rows, 'speed λ')[1]).toBe(f4(beta.speed));
    expect(rowOf(rows, 'N')[1]).toBe(String(beta.regression.n));
  });

  it('the node option: Gini of a dimension; coupling skipped for a node without two sub-dimensions', () => {
    const o = analysisSections(result, { analyses: ['coupling', 'gini'], lang: 'en', geojson, node: 'laborer' });
    const lab = result.units.map(
      (u) => result.nodeScores.find((r) => r.node === 'laborer' && r.unit === u && r.time === 2022)!.score,
    );
    const g = dagumGini(lab, regions());
    expect(rowOf(tableRows(o.sections.find((s) => s.id === 'gini')!.html, 'gini-table'), '2022')[1]).toBe(f4(g.total));
    // laborer has two sub-dimensions: coupling runs on them
    expect(o.skipped).toEqual([]);
    const leaf = analysisSections(result, { analyses: ['coupling'], lang: 'en', node: 'laborer.tech' });
    expect(leaf.skipped.map((s) => s.analysis)).toEqual(['coupling']);
    expect(leaf.skipped[0].reason.en).toMatch(/at least 2 dimensions/);
    expect(leaf.skipped[0].reason.zh).toMatch(/至少 2 个维度/);
  });

  it('knn weights are used when asked; an impossible k is skipped with the reason', () => {
    const o = analysisSections(result, { analyses: ['moran'], lang: 'en', geojson, weights: 'knn:4' });
    expect(o.skipped).toEqual([]);
    expect(text(o.sections[0].html)).toMatch(/k nearest neighbours \(k = 4/);
    const bad = analysisSections(result, { analyses: ['moran', 'lisa'], lang: 'en', geojson, weights: 'knn:40' });
    expect(bad.skipped.map((s) => s.analysis)).toEqual(['moran', 'lisa']);
    expect(bad.skipped[0].reason.en).toMatch(/k = 40 nearest neighbours is invalid/);
  });

  it('a Chinese report names provinces in Chinese in the analysis tables, texts and charts; English keeps English names', () => {
    const zh = analysisSections(result, { analyses: ['obstacle', 'moran', 'lisa'], lang: 'zh', geojson });
    expect(zh.skipped).toEqual([]);
    const html = (id: string) => zh.sections.find((x) => x.id === id)!.html;
    const short = (u: string) => findProvince(u)!.shortZh;
    const last = obstacleRows(obstacleFromEvaluation(result))
      .filter((r) => r.time === 2022)
      .map((r) => r.unit);
    expect(tableRows(html('obstacle'), 'obstacle-top').map((r) => r[0])).toEqual(last.map(short));
    expect(tableRows(section('obstacle'), 'obstacle-top').map((r) => r[0])).toEqual(last);
    expect(text(html('moran'))).toContain('海南–广东');
    expect(text(html('moran'))).toContain('Hainan–Guangdong'); // the English text beneath keeps English names
    const scatterZh = svgs(html('moran'))[1];
    expect(scatterZh).toContain('>广东<');
    expect(scatterZh).not.toContain('>Guangdong<');
    expect(svgs(section('moran'))[1]).toContain('>Guangdong<');
    const l = localMoran(indexAt(2022), queen, { alpha: 0.05 });
    const sig = l.ids.filter((_, i) => l.cluster[i] !== 'ns');
    expect(tableRows(html('lisa'), 'lisa-table').map((r) => r[0])).toEqual(sig.map(short));
    // results keep the units as in the data
    expect(zh.results.lisa!.rows[0].result.ids).toEqual(l.ids);
  });

  it('parses analysis lists', () => {
    expect(parseAnalyses('all')).toEqual(ALL_ANALYSES);
    expect(parseAnalyses('moran, gini')).toEqual(['gini', 'moran']);
    expect(() => parseAnalyses('gini,wavelet')).toThrow(/unknown analyses in --analyses: wavelet/);
    // read as --formats is (core/panel/name-list.ts): the option named, the closest analysis offered, an empty list refused
    try {
      parseAnalyses('GINI, morna');
      expect.unreachable();
    } catch (e) {
      const p = (e as XinzhiError).problems[0];
      expect(p.column).toBe('--analyses');
      expect(p.message.en).toBe('unknown analyses in --analyses: morna (did you mean moran?)');
      expect(p.message.zh).toBe('--analyses 中有未知的分析：morna（是否想用 moran？）');
      expect(p.fix?.en).toBe(`separate with commas, from ${ALL_ANALYSES.join(',')} or all`);
    }
    expect(() => parseAnalyses(' , ')).toThrow(/unknown analyses in --analyses: \(empty\)/);
  });

  it('the whole report with every analysis is standalone: no scripts, no external URLs, unique ids', () => {
    const zh = analysisSections(result, { analyses: ALL_ANALYSES, lang: 'zh', geojson });
    const html = reportHtml(result, { lang: 'zh', geojson, sections: zh.sections, date: '2024-01-01' });
    for (const s of ALL_ANALYSES) expect(html).toContain(`<section id="${s}">`);
    expect(html).not.toMatch(/<script|<link|<iframe|<img/i);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*['"]?(https?:)?\/\//i);
    const urls = new Set([...html.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]));
    for (const u of urls) expect(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink']).toContain(u);
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(50);
    expect(ids.filter((x, i) => ids.indexOf(x) !== i)).toEqual([]);
  });
});

describe('skipped analyses', () => {
  let result: EvaluationResult;
  let panel: Panel;
  let spec: unknown;
  let geojson: unknown;

  beforeAll(async () => {
    spec = await loadSpecFile(root('data/specs/examples/nqpf-province-totals.json'));
    const s = spec as { unit: string; time: string; labels?: string[] };
    panel = (
      await readPanelFile(root('data/province-panel/nqpf_province_2013_2022.csv'), {
        unit: s.unit,
        time: s.time,
        labels: s.labels,
      })
    ).panel;
    result = evaluate(panel, spec);
    geojson = await loadProvinceGeojson();
  });

  /** The same result with units renamed so they are no longer provinces, and without the data's region column. */
  function renamed(): EvaluationResult {
    const f = (u: string) => `Firm ${u}`;
    return {
      ...result,
      diagnostics: { ...result.diagnostics, labels: {} },
      units: result.units.map(f),
      scores: result.scores.map((s) => ({ ...s, unit: f(s.unit) })),
      nodeScores: result.nodeScores.map((s) => ({ ...s, unit: f(s.unit) })),
      normalized: { ...result.normalized, unit: result.normalized.unit.map(f) },
    };
  }

  it('a non-province result skips grouping and spatial analyses with bilingual reasons', () => {
    const r = renamed();
    const o = analysisSections(r, { analyses: ALL_ANALYSES, lang: 'en', geojson });
    expect(o.skipped.map((s) => s.analysis)).toEqual(['gini', 'theil', 'moran', 'lisa']);
    for (const s of o.skipped) {
      expect(s.reason.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(s.reason.en).toMatch(/[a-z]/);
    }
    expect(o.skipped[0].reason.en).toMatch(/not \(all\) provinces.*give groups/);
    expect(o.skipped[2].reason.en).toMatch(/only 0 of 30 units \(0%\) match the province boundaries, fewer than 80%/);
    expect(o.skipped[2].reason.zh).toMatch(/少于 80%/);
    expect(o.sections.map((s) => s.id)).toEqual([
      'coupling',
      'obstacle',
      'kde',
      'markov',
      'convergence',
      SKIPPED_SECTION_ID,
    ]);
    // no map for non-provinces; the Markov chain is the classic one, saying why
    expect(svgs(o.sections[0].html).length).toBe(1);
    const markov = o.sections.find((s) => s.id === 'markov')!.html;
    expect(markov).not.toContain('markov-lag-1');
    expect(text(markov)).toMatch(/classic chain only \(spatial chain not run: spatial analyses need provinces/);
    const skippedText = text(o.sections[o.sections.length - 1].html);
    expect(skippedText).toContain('Dagum Gini');
    expect(skippedText).toContain('fewer than 80%');
  });

  it('a grouping map makes Gini run for non-provinces, equal to dagumGini with those groups', () => {
    const r = renamed();
    const groups = Object.fromEntries(r.units.map((u, i) => [u, i % 3 === 0 ? 'A' : 'B']));
    const o = analysisSections(r, { analyses: ['gini'], lang: 'zh', groups });
    expect(o.skipped).toEqual([]);
    const v = r.units.map((u) => r.scores.find((s) => s.unit === u && s.time === 2022)!.score);
    const g = dagumGini(
      v,
      r.units.map((u) => groups[u]),
    );
    expect(rowOf(tableRows(o.sections[0].html, 'gini-table'), '2022').slice(1, 5)).toEqual(
      [g.total, g.within, g.between, g.transvariation].map(f4),
    );
    const partial = analysisSections(r, { analyses: ['gini'], lang: 'en', groups: { [r.units[0]]: 'A' } });
    expect(partial.skipped[0].reason.en).toMatch(/the grouping leaves out these units/);
  });

  it('without boundaries the spatial analyses are skipped', () => {
    const o = analysisSections(result, { analyses: ['moran', 'lisa', 'markov'], lang: 'en' });
    expect(o.skipped.map((s) => s.analysis)).toEqual(['moran', 'lisa']);
    expect(o.skipped[0].reason.en).toMatch(/no province boundaries/);
    expect(o.sections.map((s) => s.id)).toEqual(['markov', SKIPPED_SECTION_ID]);
  });

  it('one period: Markov and convergence are skipped with reasons, the rest runs', () => {
    const keep = panel.time.map((t, r) => (t === 2022 ? r : -1)).filter((r) => r >= 0);
    const one: Panel = {
      ...panel,
      unit: keep.map((r) => panel.unit[r]),
      time: keep.map((r) => panel.time[r]),
      columns: Object.fromEntries(
        Object.entries(panel.columns).map(([k, v]) => [k, Float64Array.from(keep, (r) => v[r])]),
      ),
      labels: panel.labels
        ? Object.fromEntries(Object.entries(panel.labels).map(([k, v]) => [k, keep.map((r) => v[r])]))
        : undefined,
      sourceRow: panel.sourceRow ? keep.map((r) => panel.sourceRow![r]) : undefined,
    };
    const r1 = evaluate(one, spec);
    expect(r1.times).toEqual([2022]);
    const o = analysisSections(r1, { analyses: ALL_ANALYSES, lang: 'en', geojson });
    expect(o.skipped.map((s) => s.analysis)).toEqual(['markov', 'convergence']);
    expect(o.skipped[0].reason.en).toMatch(/at least 2 periods \(got 1\)/);
    expect(o.skipped[1].reason.zh).toMatch(/至少 2 期/);
    expect(o.sections.map((s) => s.id)).toEqual([
      'coupling',
      'obstacle',
      'gini',
      'theil',
      'kde',
      'moran',
      'lisa',
      SKIPPED_SECTION_ID,
    ]);
  });
});
