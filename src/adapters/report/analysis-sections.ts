/**
 * Analysis sections of an evaluation report: runs the analysis methods of
 * src/core/analysis on an EvaluationResult with stated defaults and returns
 * the ready-made report sections (src/adapters/report/sections), the raw
 * results and the analyses that were skipped with a bilingual reason.
 * Pure (no file system, browser-safe): callers pass the boundaries; the CLI
 * (`xinzhi evaluate --analyses`) passes `loadProvinceGeojson()`.
 *
 * Defaults (each is also stated in its section's text; docs/outputs.md):
 * - coupling: coupling coordination between the child dimensions of the
 *   chosen node (the index's top-level dimensions by default), their node
 *   scores as levels; corrected C (Wang et al. 2021) for D, classes and the
 *   map of the latest period, with the standard C alongside; equal α.
 * - obstacle: obstacle degree of the indicators and top-level dimensions of
 *   the index (obstacleFromEvaluation), top 5 per unit in the latest period.
 * - gini / theil: Dagum Gini and Theil T / L of the node's scores by group per
 *   period; groups are the NBS four regions when every unit is a province,
 *   else `opts.groups`; skipped without a grouping.
 * - kde: Gaussian kernel density per period (Silverman / R bw.nrd0, 512 points).
 * - moran: global Moran's I per period, queen contiguity by default with the
 *   island rule "nearest" (Hainan–Guangdong), row-standardised; Moran scatter
 *   of the latest period.
 * - lisa: local Moran clusters (α = 0.05, conditional variance) of the latest
 *   period on the map.
 * - markov: quartile classes (pooled breaks); classic chain, spatial chain
 *   too when the units are provinces on the boundaries.
 * - convergence: σ-convergence (sd and CV), absolute β-convergence with unit
 *   and time fixed effects, standard errors clustered by unit (CR1).
 * Spatial analyses need boundaries (`geojson`) and units of which at least
 * 80 % match a province; they use the matched units.
 */
import { XinzhiError } from '../../core/errors.ts';
import { bi, t, type Bilingual, type Lang } from '../../core/i18n.ts';
import { findProvince, REGION_NAMES } from '../../core/geo/provinces.ts';
import type { MultiPolygonRings } from '../../core/geo/geometry.ts';
import { INDEX_ID, type EvaluationResult } from '../../core/measure/result.ts';
import type { Time } from '../../core/panel/types.ts';
import {
  couplingCoordination, dagumGini, dimensionsFromNodeWeights, kdeByTime, obstacleFromEvaluation, sortTimes, theil, topObstacles,
  type CouplingResult, type KdeResult, type ObstacleResult, type TheilResult,
} from '../../core/analysis/index-distribution.ts';
import {
  betaConvergence, centroids, contiguityWeights, knnWeights, localMoran, markovChain, moran, moranPermutation, moranScatter,
  sigmaConvergence, spatialMarkov, subset, withStyle,
  type BetaResult, type MarkovResult, type MoranScatter, type SigmaResult, type SpatialMarkovResult, type SpatialWeights,
  type UnitTimeMatrix,
} from '../../core/analysis/index-spatial.ts';
import type { ReportSection } from './html.ts';
import { nodeName } from './hierarchy.ts';
import { unitName } from './labels.ts';
import { paragraph } from './markup.ts';
import { matchProvinces } from '../../core/geo/province-match.ts';
import { threeLineTable, type TableCell } from './tables.ts';
import { convergenceSection } from './sections/convergence.ts';
import { couplingSection } from './sections/coupling.ts';
import { giniSection, timeLinesChart, type GiniSeriesRow } from './sections/gini.ts';
import { kdeSection } from './sections/kde.ts';
import { lisaSection, type LisaUnit } from './sections/lisa.ts';
import { markovSection } from './sections/markov.ts';
import { moranSection, type MoranRow } from './sections/moran.ts';
import { obstacleSection } from './sections/obstacle.ts';
import { chartFigure } from './charts.ts';

export type AnalysisName = 'coupling' | 'obstacle' | 'gini' | 'theil' | 'kde' | 'moran' | 'lisa' | 'markov' | 'convergence';

/** Every analysis, in the order their sections appear. */
export const ALL_ANALYSES: AnalysisName[] = ['coupling', 'obstacle', 'gini', 'theil', 'kde', 'moran', 'lisa', 'markov', 'convergence'];

export type WeightsChoice = 'queen' | 'rook' | `knn:${number}`;

export interface AnalysisSectionsOptions {
  analyses: AnalysisName[];
  lang: Lang;
  /** Province boundaries (data/geo/china_provinces.geojson); spatial analyses and maps need them. */
  geojson?: unknown;
  /** unit → group for Gini / Theil (default: the four NBS regions when every unit is a province). */
  groups?: Record<string, string>;
  /** Spatial weights (default queen contiguity, islands linked to the nearest unit). */
  weights?: WeightsChoice;
  /** Seed of the permutation tests (default 1). */
  seed?: number;
  /** Random permutations for Moran's I and LISA (default 0: analytical p-values only). */
  permutations?: number;
  /** Which node's scores (default the index); coupling uses this node's child dimensions. */
  node?: string;
}

export interface AnalysisSkip {
  analysis: AnalysisName;
  reason: Bilingual;
}

export interface AnalysisSectionsResult {
  sections: ReportSection[];
  results: Record<string, unknown>;
  skipped: AnalysisSkip[];
}

/** Id of the section listing the skipped analyses (present only when something was skipped). */
export const SKIPPED_SECTION_ID = 'analyses-skipped';

const TITLES: Record<AnalysisName, Bilingual> = {
  coupling: bi('耦合协调度', 'Coupling coordination'),
  obstacle: bi('障碍度', 'Obstacle degree'),
  gini: bi('Dagum 基尼系数', 'Dagum Gini'),
  theil: bi('泰尔指数', 'Theil index'),
  kde: bi('核密度估计', 'Kernel density'),
  moran: bi('全局 Moran 指数', "Global Moran's I"),
  lisa: bi('局部空间自相关（LISA）', 'LISA'),
  markov: bi('马尔可夫链', 'Markov chain'),
  convergence: bi('收敛分析', 'Convergence'),
};

/** Parse an analysis list ("coupling,gini" or "all"); unknown names are an error naming them. */
export function parseAnalyses(list: string): AnalysisName[] {
  const names = list.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (names.includes('all')) return [...ALL_ANALYSES];
  const bad = names.filter((n) => !(ALL_ANALYSES as string[]).includes(n));
  if (bad.length || !names.length) {
    throw new XinzhiError({
      code: 'bad-option', severity: 'error',
      message: bi(`未知的分析：${bad.join(', ') || '（空）'}`, `unknown analyses: ${bad.join(', ') || '(empty)'}`),
      fix: bi(`可选：${ALL_ANALYSES.join(',')} 或 all`, `choose from ${ALL_ANALYSES.join(',')} or all`),
    });
  }
  return ALL_ANALYSES.filter((a) => names.includes(a));
}

/** A skip reason thrown inside an analysis (turned into a `skipped` entry). */
class Skip extends Error {
  constructor(readonly reason: Bilingual) {
    super(reason.en);
  }
}

/** Reason text of a XinzhiError: its first problem (where, message, fix) and how many more there are. */
function errorReason(err: XinzhiError): Bilingual {
  const p = err.problems[0];
  const more = err.problems.length - 1;
  const where = [p.unit, p.time, p.column].filter((x) => x !== undefined && x !== '').join(' ');
  const one = (lang: Lang) => `${where ? `${where}: ` : ''}${p.message[lang]}${p.fix ? (lang === 'zh' ? `（${p.fix.zh}）` : ` (${p.fix.en})`) : ''}`;
  return {
    zh: `${one('zh')}${more > 0 ? `；至少还有 ${more} 处同类问题` : ''}`,
    en: `${one('en')}${more > 0 ? `; at least ${more} more like it` : ''}`,
  };
}

const listZh = (xs: string[]) => xs.join('、');
const listEn = (xs: string[]) => xs.join(', ');

/** Prepend a paragraph stating the defaults used to a section. */
function withDefaults(section: ReportSection, text: Bilingual, lang: Lang): ReportSection {
  return { ...section, html: `${paragraph(text, lang)}\n${section.html}` };
}

interface Context {
  result: EvaluationResult;
  lang: Lang;
  opts: AnalysisSectionsOptions;
  node: string;
  nodeLabel: Bilingual;
  times: Time[];
  /** The node's scores as units × times (NaN when missing). */
  matrix: UnitTimeMatrix;
  shift: number;
  spatial: () => Spatial;
  grouping: () => Grouping;
}

interface Grouping {
  /** Group of each unit (result.units order). */
  groups: string[];
  /** What the groups are. */
  label: Bilingual;
  /** Bilingual display name of a group. */
  name: (group: string) => Bilingual;
}

interface Spatial {
  /** Units on the map, in result order. */
  ids: string[];
  /** Indices of `ids` in result.units. */
  index: number[];
  unmatched: string[];
  /** Binary (style B) weights over `ids`. */
  raw: SpatialWeights;
  description: Bilingual;
}

/** The node's scores per unit and time from result.nodeScores. */
function scoreMatrix(result: EvaluationResult, node: string, times: Time[]): UnitTimeMatrix {
  const ui = new Map(result.units.map((u, i) => [u, i]));
  const ti = new Map(times.map((x, k) => [String(x), k]));
  const y = times.map(() => new Float64Array(result.units.length).fill(NaN));
  for (const r of result.nodeScores) {
    if (r.node !== node) continue;
    const i = ui.get(r.unit);
    const k = ti.get(String(r.time));
    if (i !== undefined && k !== undefined) y[k][i] = r.score;
  }
  return { units: result.units.slice(), times, y };
}

/** Shapes of the boundary features, by ADM1_EN (Polygon / MultiPolygon only). */
function featureShapes(geojson: unknown): Map<string, MultiPolygonRings> {
  const out = new Map<string, MultiPolygonRings>();
  const features = (geojson as { features?: unknown })?.features;
  if (!Array.isArray(features)) return out;
  for (const f of features as Array<{ properties?: Record<string, unknown>; geometry?: { type?: string; coordinates?: unknown } | null }>) {
    const en = f?.properties?.ADM1_EN;
    const g = f?.geometry;
    if (typeof en !== 'string' || !g) continue;
    if (g.type === 'Polygon') out.set(en, [g.coordinates as MultiPolygonRings[number]]);
    else if (g.type === 'MultiPolygon') out.set(en, g.coordinates as MultiPolygonRings);
  }
  return out;
}

/** Spatial weights over the units matched to the boundaries (as `xinzhi analyze --weights` without --geo). */
function buildSpatial(result: EvaluationResult, opts: AnalysisSectionsOptions): Spatial {
  if (opts.geojson === undefined || opts.geojson === null) {
    throw new Skip(bi('未提供省级边界（geojson），无法进行空间分析', 'no province boundaries (geojson) were given, so spatial analyses cannot run'));
  }
  const match = matchProvinces(result.units, opts.geojson);
  if (!match.isProvinces) {
    const share = result.units.length ? (100 * match.byUnit.size) / result.units.length : 0;
    throw new Skip(bi(
      `空间分析需要省级单位：仅 ${match.byUnit.size}/${result.units.length} 个单位（${share.toFixed(0)}%）与省级边界匹配，少于 80%`,
      `spatial analyses need provinces: only ${match.byUnit.size} of ${result.units.length} units (${share.toFixed(0)}%) match the province boundaries, fewer than 80%`,
    ));
  }
  const shapesByName = featureShapes(opts.geojson);
  const ids: string[] = [];
  const index: number[] = [];
  const shapes: MultiPolygonRings[] = [];
  const used = new Map<string, string>();
  const unmatched = [...match.unmatched];
  result.units.forEach((u, i) => {
    const f = match.byUnit.get(u);
    if (!f) return;
    const shape = shapesByName.get(f.en);
    if (!shape) { unmatched.push(u); return; }
    if (used.has(f.en)) {
      throw new Skip(bi(`单位 "${u}" 与 "${used.get(f.en)}" 对应同一省级边界`, `units "${u}" and "${used.get(f.en)}" match the same province boundary`));
    }
    used.set(f.en, u);
    ids.push(u);
    index.push(i);
    shapes.push(shape);
  });
  if (ids.length < 4) throw new Skip(bi(`与边界匹配的单位只有 ${ids.length} 个，空间分析至少需要 4 个`, `only ${ids.length} units match the boundaries; spatial analyses need at least 4`));
  const spec = opts.weights ?? 'queen';
  let raw: SpatialWeights;
  let description: Bilingual;
  if (spec === 'queen' || spec === 'rook') {
    raw = contiguityWeights(ids, shapes, { type: spec, islands: 'nearest', geographic: true });
    const links = raw.islandLinks ?? [];
    const linkText = (lang: Lang) => links.map(([a, b]) => `${unitName(a, lang)}–${unitName(b, lang)}`);
    description = bi(
      `${spec === 'queen' ? '后式（queen）' : '车式（rook）'}邻接，行标准化；无邻接的孤岛与边界最近的单位相连${links.length ? `（${listZh(linkText('zh'))}）` : ''}`,
      `${spec} contiguity, row-standardised; units without a contiguous neighbour (islands) are linked to the unit with the nearest boundary${links.length ? ` (${listEn(linkText('en'))})` : ''}`,
    );
  } else {
    const m = /^knn:(\d+)$/.exec(spec);
    if (!m) {
      throw new Skip(bi(`无法识别的空间权重 "${spec}"（可用 queen、rook、knn:K）`, `unknown spatial weights "${spec}" (use queen, rook or knn:K)`));
    }
    const k = Number(m[1]);
    raw = knnWeights(ids, centroids(shapes), k, 'greatCircle');
    description = bi(`k 近邻（k = ${k}，质心大圆距离），行标准化`, `k nearest neighbours (k = ${k}, great-circle distance between centroids), row-standardised`);
  }
  return { ids, index, unmatched, raw, description };
}

/** One period's values over the spatial units, with the row-standardised weights of those with a value. */
function spatialSlice(sp: Spatial, matrix: UnitTimeMatrix, k: number): { ids: string[]; values: Float64Array; w: SpatialWeights; missing: string[] } {
  const keep: number[] = [];
  const missing: string[] = [];
  sp.index.forEach((i, p) => (Number.isFinite(matrix.y[k][i]) ? keep.push(p) : missing.push(sp.ids[p])));
  const sub = keep.length === sp.ids.length ? sp.raw : subset(sp.raw, keep);
  return { ids: keep.map((p) => sp.ids[p]), values: Float64Array.from(keep, (p) => matrix.y[k][sp.index[p]]), w: withStyle(sub, 'W'), missing };
}

function unmatchedNote(sp: Spatial): Bilingual {
  return sp.unmatched.length
    ? bi(`未与边界匹配、未参与空间分析的单位：${listZh(sp.unmatched)}。`, `Units not on the boundaries and left out of the spatial analyses: ${listEn(sp.unmatched)}.`)
    : bi('', '');
}

/** Groups of the units: `opts.groups`, else the NBS regions when every unit is a province. */
function buildGrouping(result: EvaluationResult, opts: AnalysisSectionsOptions): Grouping {
  if (opts.groups) {
    const missing = result.units.filter((u) => opts.groups![u] === undefined || opts.groups![u] === '');
    if (missing.length) {
      throw new Skip(bi(`分组未覆盖这些单位：${listZh(missing.slice(0, 10))}${missing.length > 10 ? ' 等' : ''}`, `the grouping leaves out these units: ${listEn(missing.slice(0, 10))}${missing.length > 10 ? ' …' : ''}`));
    }
    return { groups: result.units.map((u) => String(opts.groups![u])), label: bi('给定的分组', 'the given groups'), name: (g) => bi(g, g) };
  }
  const provinces = result.units.map((u) => findProvince(u));
  const unmatched = result.units.filter((_, i) => !provinces[i]);
  if (unmatched.length) {
    const few = unmatched.slice(0, 10);
    throw new Skip(bi(
      `没有分组：单位不是（全部为）省份，无法按四大地区分组（如 ${listZh(few)}）；请给出 groups（单位 → 组）`,
      `no grouping: the units are not (all) provinces, so the four regions do not apply (e.g. ${listEn(few)}); give groups (unit → group)`,
    ));
  }
  const byName = new Map(Object.values(REGION_NAMES).map((r) => [t(r, opts.lang), r] as const));
  return {
    groups: provinces.map((p) => t(REGION_NAMES[p!.region], opts.lang)),
    label: bi('国家统计局四大地区（东部、中部、西部、东北）', 'the four NBS regions (East, Central, West, Northeast)'),
    name: (g) => byName.get(g) ?? bi(g, g),
  };
}

// ---------------------------------------------------------------------------
// The analyses

function runCoupling(ctx: Context): { section: ReportSection; result: unknown } {
  const { result, lang, node } = ctx;
  const parentOfTop = (p: string | null) => (p === null || p === INDEX_ID ? INDEX_ID : p);
  const dims = result.nodeWeights.filter((n) => n.kind === 'node' && parentOfTop(n.parent) === node).map((n) => n.id);
  const scored = new Set(result.nodeScores.map((r) => r.node));
  const systems = dims.filter((d) => scored.has(d));
  if (systems.length < 2) {
    throw new Skip(bi(
      `耦合协调需要至少 2 个维度，${t(ctx.nodeLabel, 'zh')}下只有 ${systems.length} 个有得分的维度`,
      `coupling coordination needs at least 2 dimensions; ${t(ctx.nodeLabel, 'en')} has ${systems.length} scored dimension(s)`,
    ));
  }
  const names = systems.map((s) => nodeName(result, s));
  const mats = systems.map((s) => scoreMatrix(result, s, ctx.times));
  const unit: string[] = [];
  const time: Time[] = [];
  const levels: number[][] = systems.map(() => []);
  ctx.times.forEach((x, k) => {
    result.units.forEach((u, i) => {
      unit.push(u);
      time.push(x);
      mats.forEach((m, s) => levels[s].push(m.y[k][i]));
    });
  });
  const input = { systems: names.map((n) => t(n, lang)), unit, time, levels };
  const maxLevel = 1 + ctx.shift;
  const corrected = couplingCoordination(input, { form: 'corrected', maxLevel });
  const standard = couplingCoordination(input, { form: 'standard', maxLevel });
  const section = couplingSection(corrected, { lang, geojson: ctx.opts.geojson });
  const meanBy = (r: CouplingResult, key: 'C' | 'D', x: Time) => {
    const rows = r.rows.filter((row) => String(row.time) === String(x));
    return rows.reduce((s, row) => s + row[key], 0) / rows.length;
  };
  const forms = threeLineTable({
    lang, id: 'coupling-forms',
    caption: bi('两种耦合度形式的均值比较', 'Mean coupling under both forms'),
    columns: [
      { header: bi('时间', 'Time') },
      { header: bi('修正 C', 'corrected C'), kind: 'number' }, { header: bi('标准 C', 'standard C'), kind: 'number' },
      { header: bi('D（修正 C）', 'D (corrected C)'), kind: 'number' }, { header: bi('D（标准 C）', 'D (standard C)'), kind: 'number' },
    ],
    rows: ctx.times.map((x) => [String(x), meanBy(corrected, 'C', x), meanBy(standard, 'C', x), meanBy(corrected, 'D', x), meanBy(standard, 'D', x)]),
    note: bi('修正形式见王淑佳等（2021，自然资源学报 36(3)）；标准形式 C = n·[ΠU/(ΣU)^n]^(1/n) 多集中在 1 附近。',
      'Corrected form: Wang Shujia et al. (2021, Journal of Natural Resources 36(3)); the standard form C = n·[ΠU/(ΣU)^n]^(1/n) tends to bunch near 1.'),
  });
  const last = ctx.times[ctx.times.length - 1];
  const text = bi(
    `默认设定：系统为${t(ctx.nodeLabel, 'zh')}的 ${systems.length} 个下级维度（${listZh(names.map((n) => n.zh))}），以其维度得分为发展水平 U；主结果（折线、协调等级与 ${last} 年地图）采用修正耦合度，另附标准耦合度对照；各系统贡献系数相等；得分上限 1 + 平移量 = ${maxLevel}。`,
    `Defaults: the systems are the ${systems.length} child dimensions of ${t(ctx.nodeLabel, 'en')} (${listEn(names.map((n) => n.en))}), their dimension scores are the levels U; the main results (lines, classes and the ${last} map) use the corrected coupling degree, the standard one is shown for comparison; equal contributions α; levels up to 1 + shift = ${maxLevel}.`,
  );
  return {
    section: withDefaults({ ...section, html: `${section.html}\n${forms}` }, text, lang),
    result: { systems, corrected, standard },
  };
}

function runObstacle(ctx: Context): { section: ReportSection; result: unknown } {
  const { result, lang } = ctx;
  const ob: ObstacleResult = obstacleFromEvaluation(result);
  const names: Record<string, Bilingual> = {};
  for (const id of [...ob.indicators, ...ob.dimensions]) names[id] = nodeName(result, id);
  const section = obstacleSection(ob, { lang, names, top: 10 });
  const last = sortTimes(ob.rows.map((r) => r.time).filter((x): x is Time => x !== null)).pop() ?? null;
  const lastRows = ob.rows.filter((r) => String(r.time) === String(last));
  const K = Math.min(5, ob.indicators.length);
  const pct = (o: number) => `${(100 * o).toFixed(2)}%`;
  const perUnit = lastRows.map((r) => {
    const top = topObstacles(r, K, 'indicator');
    const dim = topObstacles(r, 1, 'dimension').top[0];
    return { unit: r.unit, top: top.top, tie: top.tieAtK, dim };
  });
  const table = threeLineTable({
    lang, id: 'obstacle-top',
    caption: bi(`各单位障碍度最大的 ${K} 个指标（${last ?? ''}）`, `The ${K} largest obstacles of each unit (${last ?? ''})`),
    columns: [
      { header: bi('单位', 'Unit') },
      ...Array.from({ length: K }, (_, k) => ({ header: bi(`第 ${k + 1}`, `No. ${k + 1}`) })),
      { header: bi('主要障碍维度', 'Main obstacle dimension') },
    ],
    rows: perUnit.map((u) => [
      unitName(u.unit, lang),
      ...u.top.map((o) => `${t(names[o.id], lang)} ${pct(o.obstacle)}`),
      u.dim ? `${t(names[u.dim.id], lang)} ${pct(u.dim.obstacle)}` : '',
    ] as TableCell[]),
    note: bi('障碍度为占该单位全部障碍的百分比；并列时按指标顺序。', 'Obstacle degrees are shares of the unit\'s total obstacle; ties keep the indicator order.'),
  });
  const dims = [...new Set(Object.values(dimensionsFromNodeWeights(result.nodeWeights)))];
  const text = bi(
    `默认设定：综合指数的障碍度，因子贡献度为各指标的全局权重，偏离度为 e − x′（e = 1 + 平移量 = ${ob.ideal}）；维度为指数的 ${dims.length} 个一级维度；表中列出 ${last ?? ''} 年每个单位障碍度最大的 ${K} 个指标。`,
    `Defaults: obstacle degree of the composite index, factor contribution = each indicator's global weight, deviation e − x′ (e = 1 + shift = ${ob.ideal}); dimensions are the index's ${dims.length} top-level dimensions; the table lists each unit's ${K} largest obstacles in ${last ?? ''}.`,
  );
  return { section: withDefaults({ ...section, html: `${section.html}\n${table}` }, text, lang), result: ob };
}

function locateIn(units: string[], time: Time, column: string) {
  return (i: number) => ({ unit: units[i], time, column }) as { unit: string; time: Time };
}

function runGini(ctx: Context): { section: ReportSection; result: unknown } {
  const { lang } = ctx;
  const g = ctx.grouping();
  const value = t(ctx.nodeLabel, lang);
  const rows: GiniSeriesRow[] = ctx.times.map((x, k) => {
    return { time: x, ...dagumGini(ctx.matrix.y[k], g.groups, { locate: locateIn(ctx.result.units, x, value), column: value }) };
  });
  const section = giniSection(rows, { lang, value, group: t(g.label, lang) });
  const text = bi(
    `默认设定：${t(ctx.nodeLabel, 'zh')}得分逐年的 Dagum 基尼系数，按${g.label.zh}分组分解为组内、组间与超变密度三部分。`,
    `Defaults: Dagum Gini of the ${t(ctx.nodeLabel, 'en')} scores per period, decomposed by ${g.label.en} into within, net between and transvariation parts.`,
  );
  return { section: withDefaults(section, text, lang), result: rows };
}

type TheilRow = { time: Time } & TheilResult;

/** Theil section (no ready-made one exists): lines of T and its parts, and a table of T and L by period. */
function theilSection(rows: TheilRow[], opts: { lang: Lang; value: string; grouping: Grouping; hasL: boolean }): ReportSection {
  const { lang } = opts;
  const times = rows.map((r) => r.time);
  const lines = timeLinesChart(times, [
    { name: bi('泰尔 T', 'Theil T'), values: rows.map((r) => r.T!.total) },
    { name: bi('组内', 'within'), values: rows.map((r) => r.T!.within) },
    { name: bi('组间', 'between'), values: rows.map((r) => r.T!.between) },
  ], { lang, idPrefix: 'theil-lines' });
  const last = rows[rows.length - 1];
  const groups = last.T!.groups.map((g) => g.name);
  const table = threeLineTable({
    lang, id: 'theil-table',
    caption: bi('泰尔指数及其分解', 'Theil indices and their decomposition'),
    columns: [
      { header: bi('时间', 'Time') },
      { header: bi('泰尔 T', 'Theil T'), kind: 'number' }, { header: bi('T 组内', 'T within'), kind: 'number' },
      { header: bi('T 组间', 'T between'), kind: 'number' }, { header: bi('组间贡献 %', 'between share %'), kind: 'number', decimals: 2 },
      ...(opts.hasL ? [
        { header: bi('泰尔 L', 'Theil L'), kind: 'number' as const }, { header: bi('L 组内', 'L within'), kind: 'number' as const },
        { header: bi('L 组间', 'L between'), kind: 'number' as const },
      ] : []),
      ...groups.map((g) => { const n = opts.grouping.name(g); return { header: bi(`${n.zh} T`, `${n.en} T`), kind: 'number' as const }; }),
    ],
    rows: rows.map((r) => [
      String(r.time), r.T!.total, r.T!.within, r.T!.between, 100 * r.T!.shares.between,
      ...(opts.hasL ? [r.L!.total, r.L!.within, r.L!.between] : []),
      ...groups.map((g) => r.T!.groups.find((x) => x.name === g)?.index ?? null),
    ]),
    note: bi('T = GE(1)（组内按收入份额加权），L = GE(0) 平均对数偏差（组内按人口份额加权）；各组按均值升序。',
      'T = GE(1) (within part weighted by income shares), L = GE(0) mean log deviation (weighted by population shares); groups by ascending mean.'),
  });
  return {
    id: 'theil',
    title: bi('区域差异：泰尔指数', 'Disparities: Theil index'),
    html: [
      paragraph(bi(`变量：${opts.value}；分组：${opts.grouping.label.zh}。`, `Variable: ${opts.value}; groups: ${opts.grouping.label.en}.`), lang),
      chartFigure(lines, { lang, caption: bi('泰尔 T 及其分解的演变', 'Theil T and its parts over time') }),
      table,
    ].join('\n'),
  };
}

function runTheil(ctx: Context): { section: ReportSection; result: unknown } {
  const { lang } = ctx;
  const g = ctx.grouping();
  const value = t(ctx.nodeLabel, lang);
  const allPositive = ctx.matrix.y.every((row) => row.every((v) => v > 0));
  const measures: Array<'T' | 'L'> = allPositive ? ['T', 'L'] : ['T'];
  const rows: TheilRow[] = ctx.times.map((x, k) => {
    return { time: x, ...theil(ctx.matrix.y[k], g.groups, { measures, locate: locateIn(ctx.result.units, x, value), column: value }) };
  });
  const section = theilSection(rows, { lang, value, grouping: g, hasL: allPositive });
  const text = bi(
    `默认设定：${t(ctx.nodeLabel, 'zh')}得分逐年的泰尔 T${allPositive ? ' 与泰尔 L' : '（有非正得分，不计算泰尔 L）'}，按${g.label.zh}分解为组内与组间差异。`,
    `Defaults: Theil T${allPositive ? ' and Theil L' : ' (some scores are not positive, so no Theil L)'} of the ${t(ctx.nodeLabel, 'en')} scores per period, decomposed by ${g.label.en} into within and between parts.`,
  );
  return { section: withDefaults(section, text, lang), result: rows };
}

function runKde(ctx: Context): { section: ReportSection; result: unknown } {
  const { lang } = ctx;
  const values: number[] = [];
  const times: Time[] = [];
  ctx.times.forEach((x, k) => ctx.matrix.y[k].forEach((v) => { values.push(v); times.push(x); }));
  const value = t(ctx.nodeLabel, lang);
  const r: KdeResult = kdeByTime(values, times, { column: value });
  const section = kdeSection(r, { lang, value });
  const text = bi(
    `默认设定：${t(ctx.nodeLabel, 'zh')}得分逐年的高斯核密度，带宽按 Silverman 规则（R bw.nrd0），各年共用 512 点网格；三维核密度以山脊图呈现。`,
    `Defaults: Gaussian kernel density of the ${t(ctx.nodeLabel, 'en')} scores per period, Silverman bandwidth (R bw.nrd0), a shared 512-point grid; the 3-D kernel density is drawn as a ridgeline.`,
  );
  return { section: withDefaults(section, text, lang), result: r };
}

function permutationText(R: number, seed: number): Bilingual {
  return R > 0 ? bi(`；另做 ${R} 次随机置换检验（种子 ${seed}）`, `; plus a test with ${R} random permutations (seed ${seed})`) : bi('', '');
}

function runMoran(ctx: Context): { section: ReportSection; result: unknown } {
  const { lang } = ctx;
  const sp = ctx.spatial();
  const R = ctx.opts.permutations ?? 0;
  const seed = ctx.opts.seed ?? 1;
  const rows: Array<MoranRow & { n: number; missing: string[]; warnings: string[] }> = ctx.times.map((x, k) => {
    const s = spatialSlice(sp, ctx.matrix, k);
    const m = moran(s.values, s.w);
    const perm = R > 0 && Number.isFinite(m.I) ? moranPermutation(s.values, s.w, { permutations: R, seed }) : null;
    return {
      time: x, I: m.I, expected: m.expected, z: m.z, p: m.p, pTwoSided: m.pTwoSided, n: m.n, missing: s.missing, warnings: m.warnings,
      ...(perm ? { permutation: { p: perm.p } } : {}),
    };
  });
  const lastK = ctx.times.length - 1;
  const s = spatialSlice(sp, ctx.matrix, lastK);
  const scatter: MoranScatter = moranScatter(s.values, s.w);
  const value = t(ctx.nodeLabel, lang);
  const section = moranSection(rows, { lang, value, weights: sp.description, scatter: { time: ctx.times[lastK], data: scatter } });
  const pt = permutationText(R, seed);
  const un = unmatchedNote(sp);
  const text = bi(
    `默认设定：${t(ctx.nodeLabel, 'zh')}得分逐年的全局 Moran 指数；空间权重：${sp.description.zh}；z、p 为随机化假设下的值${pt.zh}；散点图为 ${ctx.times[lastK]} 年。${un.zh}`,
    `Defaults: global Moran's I of the ${t(ctx.nodeLabel, 'en')} scores per period; weights: ${sp.description.en}; z and p under randomisation${pt.en}; the scatter plot shows ${ctx.times[lastK]}. ${un.en}`,
  );
  return {
    section: withDefaults(section, text, lang),
    result: { weights: { description: sp.description, islandLinks: sp.raw.islandLinks ?? [], units: sp.ids, unmatched: sp.unmatched }, rows, scatter: { time: ctx.times[lastK], ...scatter } },
  };
}

function runLisa(ctx: Context): { section: ReportSection; result: unknown } {
  const { lang } = ctx;
  const sp = ctx.spatial();
  const R = ctx.opts.permutations ?? 0;
  const seed = ctx.opts.seed ?? 1;
  const alpha = 0.05;
  const k = ctx.times.length - 1;
  const time = ctx.times[k];
  const s = spatialSlice(sp, ctx.matrix, k);
  const r = localMoran(s.values, s.w, { alpha, ...(R > 0 ? { permutations: R, seed } : {}) });
  const units: LisaUnit[] = r.ids.map((u, i) => ({
    unit: u, Ii: r.Ii[i], z: r.z[i], p: r.p[i], ...(r.pSim ? { pSim: r.pSim[i] } : {}), cluster: r.cluster[i],
  }));
  const section = lisaSection(units, { lang, geojson: ctx.opts.geojson, time, alpha, value: t(ctx.nodeLabel, lang) });
  const pt = permutationText(R, seed);
  const un = unmatchedNote(sp);
  const text = bi(
    `默认设定：${time} 年${t(ctx.nodeLabel, 'zh')}得分的局部 Moran 指数（条件随机化方差，双侧检验${R > 0 ? '，聚类按置换 p 判定' : ''}），显著性水平 α = ${alpha}；空间权重：${sp.description.zh}${pt.zh}。${un.zh}`,
    `Defaults: local Moran's I of the ${t(ctx.nodeLabel, 'en')} scores in ${time} (conditional randomisation variance, two-sided${R > 0 ? ', clusters from the permutation p' : ''}), significance α = ${alpha}; weights: ${sp.description.en}${pt.en}. ${un.en}`,
  );
  return { section: withDefaults(section, text, lang), result: { time, alpha, units } };
}

function runMarkov(ctx: Context): { section: ReportSection; result: unknown } {
  const { lang } = ctx;
  if (ctx.times.length < 2) {
    throw new Skip(bi(`马尔可夫链需要至少 2 期数据（现有 ${ctx.times.length} 期）`, `a Markov chain needs at least 2 periods (got ${ctx.times.length})`));
  }
  const mo = { classes: 4, breaks: 'pooled' as const, lag: 1 };
  let spatialReason: Bilingual | null = null;
  let sp: Spatial | null = null;
  try {
    sp = ctx.spatial();
  } catch (err) {
    if (err instanceof Skip) spatialReason = err.reason;
    else if (err instanceof XinzhiError) spatialReason = errorReason(err);
    else throw err;
  }
  let chain: MarkovResult | SpatialMarkovResult;
  if (sp) {
    const data: UnitTimeMatrix = { units: sp.ids, times: ctx.times, y: ctx.matrix.y.map((row) => Float64Array.from(sp!.index, (i) => row[i])) };
    chain = spatialMarkov(data, withStyle(sp.raw, 'W'), mo);
  } else {
    chain = markovChain(ctx.matrix, mo);
  }
  const classic = 'classic' in chain ? chain.classic : chain;
  if (classic.transitions === 0) throw new Skip(bi('没有可计数的转移（缺失值过多）', 'no transitions could be counted (too many missing values)'));
  const section = markovSection(chain, { lang, value: t(ctx.nodeLabel, lang) });
  const un = sp ? unmatchedNote(sp) : bi('', '');
  const text = bi(
    `默认设定：${t(ctx.nodeLabel, 'zh')}得分按全部年份合并的四分位数分为 4 类（1 为最低），一期转移；${sp ? `空间马尔可夫链以邻居（${sp.description.zh}）空间滞后的类别为条件。${un.zh}` : `只计算传统马尔可夫链（空间马尔可夫链未运行：${spatialReason!.zh}）。`}`,
    `Defaults: the ${t(ctx.nodeLabel, 'en')} scores in 4 quartile classes with breaks pooled over all periods (1 = lowest), one-period transitions; ${sp ? `the spatial chain conditions on the class of the neighbours' spatial lag (${sp.description.en}). ${un.en}` : `classic chain only (spatial chain not run: ${spatialReason!.en}).`}`,
  );
  return { section: withDefaults(section, text, lang), result: chain };
}

function runConvergence(ctx: Context): { section: ReportSection; result: unknown } {
  const { lang } = ctx;
  if (ctx.times.length < 2) {
    throw new Skip(bi(`收敛分析需要至少 2 期数据（现有 ${ctx.times.length} 期）`, `convergence needs at least 2 periods (got ${ctx.times.length})`));
  }
  const value = t(ctx.nodeLabel, lang);
  const sigma: SigmaResult = sigmaConvergence(ctx.matrix, { column: value });
  let beta: BetaResult | undefined;
  let betaReason: Bilingual | null = null;
  if (ctx.times.length < 3) {
    betaReason = bi('双向固定效应 β 收敛需要至少 3 期（2 个增长期）', 'two-way fixed-effects β-convergence needs at least 3 periods (2 growth steps)');
  } else {
    try {
      beta = betaConvergence(ctx.matrix, { model: 'twoways', column: value });
    } catch (err) {
      if (!(err instanceof XinzhiError)) throw err;
      betaReason = errorReason(err);
    }
  }
  const section = convergenceSection({ lang, sigma, beta: beta ? [beta] : [], value });
  const text = bi(
    `默认设定：${t(ctx.nodeLabel, 'zh')}得分的 σ 收敛（逐年标准差与变异系数及其时间趋势斜率）；${beta ? '绝对 β 收敛：ln(y_{t+1}/y_t) 对 ln y_t 回归，含单位与时间双向固定效应，按单位聚类的稳健标准误（CR1）。' : `绝对 β 收敛未运行：${betaReason!.zh}。`}`,
    `Defaults: σ-convergence of the ${t(ctx.nodeLabel, 'en')} scores (sd and coefficient of variation per period and their time slopes); ${beta ? 'absolute β-convergence: ln(y_{t+1}/y_t) on ln y_t with unit and time fixed effects, standard errors clustered by unit (CR1).' : `absolute β-convergence not run: ${betaReason!.en}.`}`,
  );
  return { section: withDefaults(section, text, lang), result: { sigma, ...(beta ? { beta } : {}) } };
}

const RUNNERS: Record<AnalysisName, (ctx: Context) => { section: ReportSection; result: unknown }> = {
  coupling: runCoupling, obstacle: runObstacle, gini: runGini, theil: runTheil, kde: runKde,
  moran: runMoran, lisa: runLisa, markov: runMarkov, convergence: runConvergence,
};

/** Run memoised (a thrown Skip is remembered too). */
function once<T>(f: () => T): () => T {
  let done = false;
  let value: T;
  let error: unknown;
  return () => {
    if (!done) {
      done = true;
      try { value = f(); } catch (err) { error = err; }
    }
    if (error !== undefined) throw error;
    return value!;
  };
}

/** The section listing skipped analyses and why. */
function skippedSection(skipped: AnalysisSkip[], lang: Lang): ReportSection {
  return {
    id: SKIPPED_SECTION_ID,
    title: bi('未运行的分析', 'Analyses not run'),
    html: threeLineTable({
      lang, id: 'analyses-skipped-table',
      caption: bi('未运行的分析及原因', 'Analyses not run and why'),
      columns: [{ header: bi('分析', 'Analysis') }, { header: bi('原因', 'Reason') }],
      rows: skipped.map((s) => [t(TITLES[s.analysis], lang), t(s.reason, lang)]),
    }),
  };
}

/**
 * Run the asked analyses on an evaluation and build their report sections
 * (in the order of ALL_ANALYSES), plus a final section listing skipped ones.
 * Inputs the methods cannot use (out-of-range levels, too few periods, no
 * grouping, units that are not provinces, …) skip that analysis with a reason.
 */
export function analysisSections(result: EvaluationResult, opts: AnalysisSectionsOptions): AnalysisSectionsResult {
  const lang = opts.lang;
  const node = opts.node ?? INDEX_ID;
  const times = sortTimes([...result.times]);
  const normalize = result.record?.spec?.normalize as { method?: string; shift?: number } | undefined;
  const shift = normalize?.method === 'minmax' || normalize?.method === undefined ? normalize?.shift ?? 0 : 0;
  const sections: ReportSection[] = [];
  const results: Record<string, unknown> = {};
  const skipped: AnalysisSkip[] = [];
  const asked = ALL_ANALYSES.filter((a) => opts.analyses.includes(a));
  const hasNode = result.nodeScores.some((r) => r.node === node);
  if (!hasNode) {
    for (const a of asked) skipped.push({ analysis: a, reason: bi(`结果中没有节点 "${node}" 的得分`, `the result has no scores of node "${node}"`) });
  } else {
    const ctx: Context = {
      result, lang, opts, node, nodeLabel: nodeName(result, node), times,
      matrix: scoreMatrix(result, node, times), shift,
      spatial: once(() => buildSpatial(result, opts)),
      grouping: once(() => buildGrouping(result, opts)),
    };
    for (const a of asked) {
      try {
        const out = RUNNERS[a](ctx);
        sections.push(out.section);
        results[a] = out.result;
      } catch (err) {
        if (err instanceof Skip) skipped.push({ analysis: a, reason: err.reason });
        else if (err instanceof XinzhiError) skipped.push({ analysis: a, reason: errorReason(err) });
        else throw err;
      }
    }
  }
  if (skipped.length) sections.push(skippedSection(skipped, lang));
  return { sections, results, skipped };
}
