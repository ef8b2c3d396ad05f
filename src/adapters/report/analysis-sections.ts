/**
 * Analysis sections of an evaluation report: the analyses are computed by
 * the core runner (src/core/analysis/runner.ts) with its stated defaults
 * (ANALYSIS_DEFAULTS); this module only turns its results into report
 * sections (src/adapters/report/sections) with a paragraph stating the
 * options each was computed with, plus a section listing the analyses that
 * could not run and why. Pure (no file system, browser-safe): callers pass
 * the boundaries; the CLI (`xinzhi evaluate --analyses`) passes
 * `loadProvinceGeojson()`. The defaults are documented in
 * docs/analysis-distribution.md and docs/analysis-spatial.md.
 */
import { bi, t, type Bilingual, type Lang } from '../../core/i18n.ts';
import { parseNameList } from '../../core/panel/name-list.ts';
import type { EvaluationResult } from '../../core/measure/result.ts';
import type { Time } from '../../core/panel/types.ts';
import type { TheilResult } from '../../core/analysis/theil.ts';
import type { UnitGroups } from '../../core/analysis/inputs.ts';
import {
  ANALYSIS_NAMES,
  obstacleRunRows,
  runAnalyses,
  type AnalysisName,
  type AnalysisOptionsInput,
  type AnalysisRun,
  type AnalysisRunOf,
  type AnalysisSkip,
  type SpatialSummary,
} from '../../core/analysis/runner.ts';
import type { ReportSection } from './html.ts';
import { nodeName } from './hierarchy.ts';
import { unitName } from './labels.ts';
import { heading, paragraph } from './markup.ts';
import { interpretRun } from '../../core/analysis/interpret.ts';
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

export type { AnalysisName, AnalysisSkip };

/** Every analysis, in the order their sections appear. */
export const ALL_ANALYSES: AnalysisName[] = [...ANALYSIS_NAMES];

export interface AnalysisSectionsOptions {
  analyses: AnalysisName[];
  lang: Lang;
  /** Province boundaries (data/geo/china_provinces.geojson); spatial analyses and maps need them. */
  geojson?: unknown;
  /** unit → group for Gini / Theil (default: the spec's region label, else the four NBS regions of province units). */
  groups?: Record<string, string>;
  /** Spatial weights in the grammar of core/analysis/weights-spec.ts (default queen, islands linked to the nearest unit). */
  weights?: string;
  /** Seed of the permutation tests (default 1). */
  seed?: number;
  /** Random permutations for Moran's I and LISA (default 0: analytical p-values only). */
  permutations?: number;
  /** Which node's scores (default the index); coupling uses this node's child dimensions. */
  node?: string;
  /** Any other option of the runner (core/analysis/runner.ts). */
  options?: AnalysisOptionsInput;
}

export interface AnalysisSectionsResult {
  sections: ReportSection[];
  /** The runner's results, by analysis. */
  results: Partial<{ [N in AnalysisName]: AnalysisRunOf<N> }>;
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
  return parseNameList(list, ALL_ANALYSES, { option: '--analyses', what: bi('分析', 'analyses') });
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
  geojson?: unknown;
  nodeLabel: Bilingual;
}

function unmatchedNote(sp: SpatialSummary): Bilingual {
  return sp.unmatched.length
    ? bi(
        `未与边界匹配、未参与空间分析的单位：${listZh(sp.unmatched)}。`,
        `Units not on the boundaries and left out of the spatial analyses: ${listEn(sp.unmatched)}.`,
      )
    : bi('', '');
}

/** Display name of a group in the report language. */
function groupName(g: UnitGroups, group: string, lang: Lang): string {
  return t(g.names[group] ?? bi(group, group), lang);
}

// ---------------------------------------------------------------------------
// The sections

function couplingReport(ctx: Context, run: AnalysisRunOf<'coupling'>): ReportSection {
  const { result, lang } = ctx;
  const names = run.systems.map((s) => nodeName(result, s));
  const display = (r: typeof run.result) => ({ ...r, systems: names.map((n) => t(n, lang)) });
  const section = couplingSection(display(run.result), { lang, geojson: ctx.geojson });
  const main = run.result.form;
  const forms =
    main === 'standard' ? { standard: run, corrected: run.compare } : { standard: run.compare, corrected: run };
  const meanAt = (byTime: typeof run.byTime, x: Time, key: 'meanC' | 'meanD') =>
    byTime.find((b) => String(b.time) === String(x))?.[key] ?? null;
  const times = run.byTime.map((b) => b.time);
  const table = threeLineTable({
    lang,
    id: 'coupling-forms',
    caption: bi('两种耦合度形式的均值比较', 'Mean coupling under both forms'),
    columns: [
      { header: bi('时间', 'Time') },
      { header: bi('修正 C', 'corrected C'), kind: 'number' },
      { header: bi('标准 C', 'standard C'), kind: 'number' },
      { header: bi('D（修正 C）', 'D (corrected C)'), kind: 'number' },
      { header: bi('D（标准 C）', 'D (standard C)'), kind: 'number' },
    ],
    rows: times.map((x) => [
      x === null ? '' : String(x),
      meanAt(forms.corrected.byTime, x as Time, 'meanC'),
      meanAt(forms.standard.byTime, x as Time, 'meanC'),
      meanAt(forms.corrected.byTime, x as Time, 'meanD'),
      meanAt(forms.standard.byTime, x as Time, 'meanD'),
    ]),
    note: bi(
      '修正形式见王淑佳等（2021，自然资源学报 36(3)）；标准形式 C = n·[ΠU/(ΣU)^n]^(1/n) 多集中在 1 附近。',
      'Corrected form: Wang Shujia et al. (2021, Journal of Natural Resources 36(3)); the standard form C = n·[ΠU/(ΣU)^n]^(1/n) tends to bunch near 1.',
    ),
  });
  const last = times[times.length - 1];
  const formName =
    main === 'standard'
      ? bi('标准耦合度', 'standard coupling degree')
      : bi('修正耦合度（王淑佳等 2021）', 'corrected coupling degree (Wang Shujia et al. 2021)');
  const otherName = main === 'standard' ? bi('修正耦合度', 'corrected one') : bi('标准耦合度', 'standard one');
  const scale =
    run.range.scale !== 1
      ? bi(`（得分除以 score.scale = ${run.range.scale}）`, ` (scores divided by score.scale = ${run.range.scale})`)
      : bi('', '');
  const text = bi(
    `默认设定：系统为${t(ctx.nodeLabel, 'zh')}的 ${run.systems.length} 个下级维度（${listZh(names.map((n) => n.zh))}），以其维度得分为发展水平 U${scale.zh}；主结果（折线、协调等级与 ${last ?? ''} 年地图）采用${formName.zh}，另附${otherName.zh}对照；各系统贡献系数相等；发展水平上限 1 + 平移量 = ${run.result.maxLevel}。`,
    `Defaults: the systems are the ${run.systems.length} child dimensions of ${t(ctx.nodeLabel, 'en')} (${listEn(names.map((n) => n.en))}), their dimension scores are the levels U${scale.en}; the main results (lines, classes and the ${last ?? ''} map) use the ${formName.en}, the ${otherName.en} is shown for comparison; equal contributions α; levels up to 1 + shift = ${run.result.maxLevel}.`,
  );
  return withDefaults({ ...section, html: `${section.html}\n${table}` }, text, lang);
}

function obstacleReport(ctx: Context, run: AnalysisRunOf<'obstacle'>): ReportSection {
  const { result, lang } = ctx;
  const ob = run.result;
  const names: Record<string, Bilingual> = {};
  for (const id of [...ob.indicators, ...ob.dimensions]) names[id] = nodeName(result, id);
  const section = obstacleSection(ob, { lang, names, top: 10 });
  const last = run.latest;
  const K = Math.min(run.options.obstacle.top, ob.indicators.length);
  const pct = (o: number) => `${(100 * o).toFixed(2)}%`;
  const lastRows = obstacleRunRows(run, last);
  const table = threeLineTable({
    lang,
    id: 'obstacle-top',
    caption: bi(
      `各单位障碍度最大的 ${K} 个指标（${last ?? ''}）`,
      `The ${K} largest obstacles of each unit (${last ?? ''})`,
    ),
    columns: [
      { header: bi('单位', 'Unit') },
      ...Array.from({ length: K }, (_, k) => ({ header: bi(`第 ${k + 1}`, `No. ${k + 1}`) })),
      { header: bi('主要障碍维度', 'Main obstacle dimension') },
    ],
    rows: lastRows.map(
      (r) =>
        [
          unitName(r.unit, lang),
          ...r.top.slice(0, K).map((o) => `${t(names[o.id], lang)} ${pct(o.obstacle)}`),
          r.mainDimension ? `${t(names[r.mainDimension.id], lang)} ${pct(r.mainDimension.obstacle)}` : '',
        ] as TableCell[],
    ),
    note: bi(
      '障碍度为占该单位全部障碍的百分比；并列时按指标顺序。',
      "Obstacle degrees are shares of the unit's total obstacle; ties keep the indicator order.",
    ),
  });
  const text = bi(
    `默认设定：综合指数的障碍度，因子贡献度为各指标的全局权重，偏离度为 e − x′（e = 1 + 平移量 = ${ob.ideal}）；维度为指数的 ${ob.dimensions.length} 个一级维度；表中列出 ${last ?? ''} 年每个单位障碍度最大的 ${K} 个指标。`,
    `Defaults: obstacle degree of the composite index, factor contribution = each indicator's global weight, deviation e − x′ (e = 1 + shift = ${ob.ideal}); dimensions are the index's ${ob.dimensions.length} top-level dimensions; the table lists each unit's ${K} largest obstacles in ${last ?? ''}.`,
  );
  return withDefaults({ ...section, html: `${section.html}\n${table}` }, text, lang);
}

/** Rows of a grouped run with the group names in the report language. */
function namedGroups<R extends { groups: Array<{ name: string }> }>(rows: R[], g: UnitGroups, lang: Lang): R[] {
  return rows.map((r) => ({ ...r, groups: r.groups.map((x) => ({ ...x, name: groupName(g, x.name, lang) })) }));
}

function giniReport(ctx: Context, run: AnalysisRunOf<'gini'>): ReportSection {
  const { lang } = ctx;
  const g = run.grouping;
  const value = t(ctx.nodeLabel, lang);
  const rows = namedGroups(run.rows, g, lang).map((r) => ({
    ...r,
    pairs: r.pairs.map((p) => ({ ...p, high: groupName(g, p.high, lang), low: groupName(g, p.low, lang) })),
  })) as GiniSeriesRow[];
  const section = giniSection(rows, { lang, value, group: t(g.label, lang) });
  const text = bi(
    `默认设定：${t(ctx.nodeLabel, 'zh')}得分逐年的 Dagum 基尼系数，按${g.label.zh}分组分解为组内、组间与超变密度三部分。`,
    `Defaults: Dagum Gini of the ${t(ctx.nodeLabel, 'en')} scores per period, decomposed by ${g.label.en} into within, net between and transvariation parts.`,
  );
  return withDefaults(section, text, lang);
}

type TheilRow = { time: Time | null } & TheilResult;

/** Theil section (no ready-made one exists): lines of T and its parts, and a table of T and L by period. */
function theilSection(
  rows: TheilRow[],
  opts: { lang: Lang; value: string; grouping: UnitGroups; hasL: boolean },
): ReportSection {
  const { lang } = opts;
  const times = rows.map((r) => r.time);
  const lines = timeLinesChart(
    times,
    [
      { name: bi('泰尔 T', 'Theil T'), values: rows.map((r) => r.T!.total) },
      { name: bi('组内', 'within'), values: rows.map((r) => r.T!.within) },
      { name: bi('组间', 'between'), values: rows.map((r) => r.T!.between) },
    ],
    { lang, idPrefix: 'theil-lines' },
  );
  const last = rows[rows.length - 1];
  const groups = last.T!.groups.map((g) => g.name);
  const table = threeLineTable({
    lang,
    id: 'theil-table',
    caption: bi('泰尔指数及其分解', 'Theil indices and their decomposition'),
    columns: [
      { header: bi('时间', 'Time') },
      { header: bi('泰尔 T', 'Theil T'), kind: 'number' },
      { header: bi('T 组内', 'T within'), kind: 'number' },
      { header: bi('T 组间', 'T between'), kind: 'number' },
      { header: bi('组间贡献 %', 'between share %'), kind: 'number', decimals: 2 },
      ...(opts.hasL
        ? [
            { header: bi('泰尔 L', 'Theil L'), kind: 'number' as const },
            { header: bi('L 组内', 'L within'), kind: 'number' as const },
            { header: bi('L 组间', 'L between'), kind: 'number' as const },
          ]
        : []),
      ...groups.map((g) => {
        const n = opts.grouping.names[g] ?? bi(g, g);
        return { header: bi(`${n.zh} T`, `${n.en} T`), kind: 'number' as const };
      }),
    ],
    rows: rows.map((r) => [
      String(r.time),
      r.T!.total,
      r.T!.within,
      r.T!.between,
      100 * r.T!.shares.between,
      ...(opts.hasL ? [r.L!.total, r.L!.within, r.L!.between] : []),
      ...groups.map((g) => r.T!.groups.find((x) => x.name === g)?.index ?? null),
    ]),
    note: bi(
      'T = GE(1)（组内按收入份额加权），L = GE(0) 平均对数偏差（组内按人口份额加权）；各组按均值升序。',
      'T = GE(1) (within part weighted by income shares), L = GE(0) mean log deviation (weighted by population shares); groups by ascending mean.',
    ),
  });
  return {
    id: 'theil',
    title: bi('区域差异：泰尔指数', 'Disparities: Theil index'),
    html: [
      paragraph(
        bi(
          `变量：${opts.value}；分组：${opts.grouping.label.zh}。`,
          `Variable: ${opts.value}; groups: ${opts.grouping.label.en}.`,
        ),
        lang,
      ),
      chartFigure(lines, { lang, caption: bi('泰尔 T 及其分解的演变', 'Theil T and its parts over time') }),
      table,
    ].join('\n'),
  };
}

const NO_GROUPS: UnitGroups = { by: 'none', groups: [], names: {}, label: bi('不分组', 'no groups') };

function theilReport(ctx: Context, run: AnalysisRunOf<'theil'>): ReportSection {
  const { lang } = ctx;
  const g = run.grouping ?? NO_GROUPS;
  const value = t(ctx.nodeLabel, lang);
  const hasL = run.measures.includes('L');
  const section = theilSection(run.rows, { lang, value, grouping: g, hasL });
  const text = bi(
    `默认设定：${t(ctx.nodeLabel, 'zh')}得分逐年的泰尔 T${hasL ? ' 与泰尔 L' : '（有非正得分，不计算泰尔 L）'}，按${g.label.zh}分解为组内与组间差异。`,
    `Defaults: Theil T${hasL ? ' and Theil L' : ' (some scores are not positive, so no Theil L)'} of the ${t(ctx.nodeLabel, 'en')} scores per period, decomposed by ${g.label.en} into within and between parts.`,
  );
  return withDefaults(section, text, lang);
}

function kdeReport(ctx: Context, run: AnalysisRunOf<'kde'>): ReportSection {
  const { lang } = ctx;
  const o = run.options.kde;
  const section = kdeSection(run.result, { lang, value: t(ctx.nodeLabel, lang) });
  const text = bi(
    `默认设定：${t(ctx.nodeLabel, 'zh')}得分逐年的${o.kernel === 'gaussian' ? '高斯' : ' Epanechnikov '}核密度，带宽按 ${o.bw === 'silverman' ? 'Silverman 规则（R bw.nrd0）' : String(o.bw)}，各年共用 ${o.points} 点网格；三维核密度以山脊图呈现。`,
    `Defaults: ${o.kernel === 'gaussian' ? 'Gaussian' : 'Epanechnikov'} kernel density of the ${t(ctx.nodeLabel, 'en')} scores per period, ${o.bw === 'silverman' ? 'Silverman bandwidth (R bw.nrd0)' : `bandwidth ${String(o.bw)}`}, a shared ${o.points}-point grid; the 3-D kernel density is drawn as a ridgeline.`,
  );
  return withDefaults(section, text, lang);
}

function permutationText(R: number, seed: number | string): Bilingual {
  return R > 0
    ? bi(`；另做 ${R} 次随机置换检验（种子 ${seed}）`, `; plus a test with ${R} random permutations (seed ${seed})`)
    : bi('', '');
}

function moranReport(ctx: Context, run: AnalysisRunOf<'moran'>): ReportSection {
  const { lang } = ctx;
  const sp = run.spatial;
  const rows: MoranRow[] = run.rows.map((r) => ({
    time: r.time,
    I: r.I,
    expected: r.expected,
    z: r.z,
    p: r.p,
    pTwoSided: r.pTwoSided,
    ...(r.permutation ? { permutation: { p: r.permutation.p } } : {}),
  }));
  const last = run.scatter.time;
  const section = moranSection(rows, {
    lang,
    value: t(ctx.nodeLabel, lang),
    weights: sp.description,
    scatter: { time: last, data: run.scatter },
  });
  const o = run.options.spatial;
  const pt = permutationText(o.permutations, o.seed);
  const un = unmatchedNote(sp);
  const text = bi(
    `默认设定：${t(ctx.nodeLabel, 'zh')}得分逐年的全局 Moran 指数；空间权重：${sp.description.zh}；z、p 为随机化假设下的值${pt.zh}；散点图为 ${last} 年。${un.zh}`,
    `Defaults: global Moran's I of the ${t(ctx.nodeLabel, 'en')} scores per period; weights: ${sp.description.en}; z and p under randomisation${pt.en}; the scatter plot shows ${last}. ${un.en}`,
  );
  return withDefaults(section, text, lang);
}

function lisaReport(ctx: Context, run: AnalysisRunOf<'lisa'>): ReportSection {
  const { lang } = ctx;
  const sp = run.spatial;
  const { time, result: r } = run.rows[run.rows.length - 1];
  const units: LisaUnit[] = r.ids.map((u, i) => ({
    unit: u,
    Ii: r.Ii[i],
    z: r.z[i],
    p: r.p[i],
    ...(r.pSim ? { pSim: r.pSim[i] } : {}),
    cluster: r.cluster[i],
  }));
  const section = lisaSection(units, {
    lang,
    geojson: ctx.geojson,
    time,
    alpha: run.alpha,
    value: t(ctx.nodeLabel, lang),
  });
  const R = run.options.spatial.permutations;
  const pt = permutationText(R, run.options.spatial.seed);
  const un = unmatchedNote(sp);
  const text = bi(
    `默认设定：${time} 年${t(ctx.nodeLabel, 'zh')}得分的局部 Moran 指数（条件随机化方差，双侧检验${R > 0 ? '，聚类按置换 p 判定' : ''}），显著性水平 α = ${run.alpha}；空间权重：${sp.description.zh}${pt.zh}。${un.zh}`,
    `Defaults: local Moran's I of the ${t(ctx.nodeLabel, 'en')} scores in ${time} (conditional randomisation variance, two-sided${R > 0 ? ', clusters from the permutation p' : ''}), significance α = ${run.alpha}; weights: ${sp.description.en}${pt.en}. ${un.en}`,
  );
  return withDefaults(section, text, lang);
}

function markovReport(ctx: Context, run: AnalysisRunOf<'markov'>): ReportSection {
  const { lang } = ctx;
  const sp = run.spatial;
  const section = markovSection(sp ? sp.result : run.chain, { lang, value: t(ctx.nodeLabel, lang) });
  const o = run.options.markov;
  const un = sp ? unmatchedNote(sp.summary) : bi('', '');
  const breaks =
    o.breaks === 'pooled'
      ? bi('按全部年份合并的', 'with breaks pooled over all periods')
      : bi('按逐年的', 'with breaks per period');
  const notRun = run.spatialSkipped ?? bi('未要求', 'not asked for');
  const text = bi(
    `默认设定：${t(ctx.nodeLabel, 'zh')}得分${breaks.zh}分位数分为 ${o.classes} 类（1 为最低），${o.lag} 期转移；${sp ? `空间马尔可夫链以邻居（${sp.summary.description.zh}）空间滞后的类别为条件。${un.zh}` : `只计算传统马尔可夫链（空间马尔可夫链未运行：${notRun.zh}）。`}`,
    `Defaults: the ${t(ctx.nodeLabel, 'en')} scores in ${o.classes} quantile classes ${breaks.en} (1 = lowest), ${o.lag}-period transitions; ${sp ? `the spatial chain conditions on the class of the neighbours' spatial lag (${sp.summary.description.en}). ${un.en}` : `classic chain only (spatial chain not run: ${notRun.en}).`}`,
  );
  return withDefaults(section, text, lang);
}

function convergenceReport(ctx: Context, run: AnalysisRunOf<'convergence'>): ReportSection {
  const { lang } = ctx;
  const section = convergenceSection({
    lang,
    sigma: run.sigma,
    beta: run.beta ? [run.beta] : [],
    value: t(ctx.nodeLabel, lang),
  });
  const model =
    run.options.convergence.model === 'twoways'
      ? bi('含单位与时间双向固定效应', 'with unit and time fixed effects')
      : bi('混合 OLS', 'pooled OLS');
  const se = run.options.convergence.smallSample;
  const text = bi(
    `默认设定：${t(ctx.nodeLabel, 'zh')}得分的 σ 收敛（逐年标准差与变异系数及其时间趋势斜率）；${run.beta ? `绝对 β 收敛：ln(y_{t+1}/y_t) 对 ln y_t 回归，${model.zh}，按单位聚类的稳健标准误（${se}）。` : `绝对 β 收敛未运行：${run.betaSkipped!.zh}。`}`,
    `Defaults: σ-convergence of the ${t(ctx.nodeLabel, 'en')} scores (sd and coefficient of variation per period and their time slopes); ${run.beta ? `absolute β-convergence: ln(y_{t+1}/y_t) on ln y_t ${model.en}, standard errors clustered by unit (${se}).` : `absolute β-convergence not run: ${run.betaSkipped!.en}.`}`,
  );
  return withDefaults(section, text, lang);
}

/** The section listing skipped analyses and why. */
function skippedSection(skipped: AnalysisSkip[], lang: Lang): ReportSection {
  return {
    id: SKIPPED_SECTION_ID,
    title: bi('未运行的分析', 'Analyses not run'),
    html: threeLineTable({
      lang,
      id: 'analyses-skipped-table',
      caption: bi('未运行的分析及原因', 'Analyses not run and why'),
      columns: [{ header: bi('分析', 'Analysis') }, { header: bi('原因', 'Reason') }],
      rows: skipped.map((s) => [t(TITLES[s.analysis], lang), t(s.reason, lang)]),
    }),
  };
}

/** The runner's options of a report: the given ones, with the report's own shorthands. */
export function reportAnalysisOptions(opts: Omit<AnalysisSectionsOptions, 'analyses' | 'lang'>): AnalysisOptionsInput {
  const o = opts.options ?? {};
  return {
    ...o,
    ...(opts.node !== undefined ? { node: opts.node } : {}),
    ...(opts.groups ? { grouping: { ...o.grouping, groups: opts.groups } } : {}),
    spatial: {
      ...o.spatial,
      ...(opts.weights !== undefined ? { weights: opts.weights } : {}),
      ...(opts.permutations !== undefined ? { permutations: opts.permutations } : {}),
      ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    },
  };
}

/** A section with the run's interpretation sentences appended under a heading "解读 / Interpretation". */
function withInterpretation(section: ReportSection, run: AnalysisRun | undefined, lang: Lang): ReportSection {
  const text = run ? interpretRun(run) : [];
  if (!text.length) return section;
  const html = `<div class="interpretation">${heading(3, bi('解读', 'Interpretation'), lang)}${text.map((x) => paragraph(x, lang)).join('')}</div>`;
  return { ...section, html: `${section.html}\n${html}` };
}

/**
 * Run the asked analyses on an evaluation through the core runner and build
 * their report sections (in the order of ALL_ANALYSES), plus a final section
 * listing those that could not run (out-of-range levels, too few periods, no
 * grouping, units that are not provinces, …) with the reason.
 */
export function analysisSections(result: EvaluationResult, opts: AnalysisSectionsOptions): AnalysisSectionsResult {
  const { lang } = opts;
  const outcome = runAnalyses(
    result,
    opts.analyses,
    reportAnalysisOptions(opts),
    opts.geojson !== undefined ? { geojson: opts.geojson } : {},
  );
  const node = opts.node ?? outcome.runs[opts.analyses[0]]?.node ?? 'index';
  const ctx: Context = { result, lang, geojson: opts.geojson, nodeLabel: nodeName(result, node) };
  const r = outcome.runs;
  const sections: ReportSection[] = [];
  const before = sections.length;
  for (const a of ALL_ANALYSES) {
    if (a === 'coupling' && r.coupling) sections.push(couplingReport(ctx, r.coupling));
    if (a === 'obstacle' && r.obstacle) sections.push(obstacleReport(ctx, r.obstacle));
    if (a === 'gini' && r.gini) sections.push(giniReport(ctx, r.gini));
    if (a === 'theil' && r.theil) sections.push(theilReport(ctx, r.theil));
    if (a === 'kde' && r.kde) sections.push(kdeReport(ctx, r.kde));
    if (a === 'moran' && r.moran) sections.push(moranReport(ctx, r.moran));
    if (a === 'lisa' && r.lisa) sections.push(lisaReport(ctx, r.lisa));
    if (a === 'markov' && r.markov) sections.push(markovReport(ctx, r.markov));
    if (a === 'convergence' && r.convergence) sections.push(convergenceReport(ctx, r.convergence));
  }
  // the interpretation sentences of each run (core/analysis/interpret.ts) close its section
  const ran = ALL_ANALYSES.map((a) => r[a]).filter((x): x is NonNullable<typeof x> => !!x);
  for (let i = before; i < sections.length; i++) sections[i] = withInterpretation(sections[i], ran[i - before], lang);
  if (outcome.skipped.length) sections.push(skippedSection(outcome.skipped, lang));
  return { sections, results: outcome.runs, skipped: outcome.skipped };
}
