/**
 * The standalone HTML report: one file, inline CSS and inline SVG charts, no
 * external requests. A report is a list of sections `{ id, title, html }`;
 * `measurementSections` builds the sections of an evaluation, further
 * analyses append their own (built with tables.ts / charts.ts / markup.ts),
 * and `reportDocument` wraps any list of sections into a page with a table of
 * contents. Headings show the chosen language with the other beneath in
 * small text; table and figure captions likewise.
 */
import { interpretIndex } from '../../core/analysis/interpret-index.ts';
import { bi, t, type Bilingual, type Lang } from '../../core/i18n.ts';
import { formatProblem } from '../../core/errors.ts';
import { INDEX_ID, type EvaluationResult } from '../../core/measure/result.ts';
import type { Time } from '../../core/panel/types.ts';
import { FIGURE_CSS, OCHA_CREDIT, chartFigure, provinceMap, rankingChart, trendChart, weightsChart } from './charts.ts';
import { byTimeKeys, MCDM_CSV } from './csv.ts';
import { otherDiagnostics, weightDiagnosticTables } from './diagnostics.ts';
import { METHODS } from '../../core/measure/methods.ts';
import type { WeightMethod } from '../../core/measure/spec.ts';
import { hierarchy, indexName, nodeName, scoredLevels } from './hierarchy.ts';
import { weightMethodName } from '../../core/measure/robustness.ts';
import { influenceChoice, L, rankUnder, rankOf, scoreOf, unitName, withTime } from './labels.ts';
import { ScoreTable, latestTime, timeKey, unitsByRank } from './lookup.ts';
import { biInline, collapsiblePre, escapeHtml, heading, list, paragraph } from './markup.ts';
import { methodChoices } from './methods-table.ts';
import { hasMcdmScores, moreScoreTables } from './sections/more-scores.ts';
import { matchProvinces } from '../../core/geo/province-match.ts';
import { THREE_LINE_CSS, fixed, threeLineTable, type TableCell, type TableColumn } from './tables.ts';
import { specJson } from './json.ts';
import {
  chosenColumns,
  chosenRows,
  DISTRIBUTION_COLUMNS,
  distributionRows,
  endsOf,
  groupColumns,
  groupDistributionRows,
  groupLabels,
  isLargePanel,
  mostMoved,
  omittedNote,
  robustnessSentencesShown,
  SHOWN_AT_EACH_END,
} from './large-panel.ts';

/** One section of a report; `html` is a fragment (no <html>/<body>), `title` becomes its <h2>. */
export type ReportSection = { id: string; title: Bilingual; html: string };

export interface ReportOptions {
  lang: Lang;
  /** Province boundaries (data/geo/china_provinces.geojson); the map is drawn when given and units are provinces. */
  geojson?: unknown;
  /** Further sections appended after the measurement sections. */
  sections?: ReportSection[];
  /** Date shown in the run summary (default: now, ISO 8601). */
  date?: string;
  /** Report title (default: the index name). */
  title?: Bilingual;
  /** Units to list by name in the report of a large panel (with their score and rank in every period). */
  units?: string[];
}

/** CSS of the report page (three-line tables and figures included). */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { font-family: 'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', SimSun, 'Times New Roman', serif; margin: 0 auto; max-width: 1080px; padding: 1.5em 2em 4em; color: #111; line-height: 1.5; }
h1, h2, h3, h4 { font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', Arial, sans-serif; line-height: 1.3; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; }
h2 { border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 2.2em; }
.alt { color: #666; font-size: 0.72em; font-weight: normal; }
p .alt, li .alt, td .alt, summary .alt, .figure-note .alt { font-size: 0.85em; }
nav.toc ol { columns: 2; }
section { overflow-x: auto; }
pre { background: #f6f6f6; padding: 0.8em; overflow-x: auto; font-size: 0.85em; }
code { font-size: 0.9em; }
dl.record { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1.2em; }
dl.record dt { font-weight: 600; }
dl.record dd { margin: 0; word-break: break-all; }
.warning { color: #8a4b00; }
.muted { color: #666; }
${THREE_LINE_CSS}${FIGURE_CSS}`;

/** Wrap sections into a standalone page with a title, a subtitle line and a table of contents. */
export function reportDocument(opts: {
  title: Bilingual;
  lang: Lang;
  sections: ReportSection[];
  subtitle?: Bilingual;
}): string {
  const { lang } = opts;
  const toc = opts.sections
    .map((s) => `<li><a href="#${escapeHtml(s.id)}">${biInline(s.title, lang)}</a></li>`)
    .join('');
  const body = opts.sections
    .map((s) => `<section id="${escapeHtml(s.id)}">\n${heading(2, s.title, lang)}\n${s.html}\n</section>`)
    .join('\n\n');
  const subtitle = opts.subtitle ? `<p class="muted">${biInline(opts.subtitle, lang)}</p>` : '';
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title[lang])}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
${heading(1, opts.title, lang)}
${subtitle}
<nav class="toc"><h4>${biInline(bi('目录', 'Contents'), lang)}</h4><ol>${toc}</ol></nav>
</header>
<main>
${body}
</main>
</body>
</html>
`;
}

/** Title, subtitle and sections of an evaluation's report (measurement sections, then `opts.sections`): the HTML and Word reports show the same. */
export function reportParts(
  result: EvaluationResult,
  opts: ReportOptions,
): { title: Bilingual; subtitle: Bilingual; sections: ReportSection[] } {
  const title = opts.title ?? bi(`${indexName(result).zh}测度报告`, `${indexName(result).en}: measurement report`);
  const sections = [...measurementSections(result, opts), ...(opts.sections ?? [])];
  const rec = result.record;
  const subtitle = bi(
    `xinzhi ${rec.software.version} · ${rec.data.units} 个单位 × ${rec.data.times} 期`,
    `xinzhi ${rec.software.version} · ${rec.data.units} units × ${rec.data.times} periods`,
  );
  return { title, subtitle, sections };
}

/** The full report of an evaluation: measurement sections, then `opts.sections`. */
export function reportHtml(result: EvaluationResult, opts: ReportOptions): string {
  return reportDocument({ lang: opts.lang, ...reportParts(result, opts) });
}

/** The sections describing an evaluation, in reading order (sections without content are left out). */
export function measurementSections(result: EvaluationResult, opts: ReportOptions): ReportSection[] {
  const table = ScoreTable.of(result);
  const out: ReportSection[] = [
    runSection(result, opts),
    methodsSection(result, opts.lang),
    weightsSection(result, opts.lang),
    latestSection(result, table, opts.lang),
    fullScoresSection(result, table, opts.lang, opts.units ?? []),
    chartsSection(result, opts),
  ];
  const mcdm = mcdmSection(result, opts.lang);
  if (mcdm) out.push(mcdm);
  out.push(coherenceSection(result, opts.lang), dataTreatmentSection(result, opts.lang));
  const rob = robustnessSection(result, opts.lang);
  if (rob) out.push(rob);
  const unc = uncertaintySection(result, opts.lang);
  if (unc) out.push(unc);
  const diag = diagnosticsSection(result, opts.lang);
  if (diag) out.push(diag);
  return out;
}

/** Run record: software, data fingerprint, date, data shape, source, columns. */
function runSection(result: EvaluationResult, opts: ReportOptions): ReportSection {
  const { lang } = opts;
  const rec = result.record;
  const items: Array<[Bilingual, string]> = [
    [bi('软件版本', 'Software version'), `${rec.software.name} ${rec.software.version}`],
    ...(rec.software.engine
      ? [[bi('运行环境（JavaScript 引擎）', 'Run on (JavaScript engine)'), rec.software.engine] as [Bilingual, string]]
      : []),
    [bi('生成时间', 'Generated'), opts.date ?? new Date().toISOString()],
    [bi('数据指纹（SHA-256）', 'Data fingerprint (SHA-256)'), rec.dataFingerprint],
    [bi('数据来源', 'Data source'), rec.data.source ?? '—'],
    [
      bi('数据规模', 'Data shape'),
      lang === 'zh'
        ? `${rec.data.rows} 行，${rec.data.units} 个单位 × ${rec.data.times} 期，${rec.data.columns.length} 列`
        : `${rec.data.rows} rows, ${rec.data.units} units × ${rec.data.times} periods, ${rec.data.columns.length} columns`,
    ],
    [
      bi('时间范围', 'Periods'),
      result.times.length ? `${timeKey(result.times[0])} – ${timeKey(result.times[result.times.length - 1])}` : '—',
    ],
    [bi('使用的列', 'Columns used'), rec.data.columns.join(', ')],
  ];
  const dl = `<dl class="record">${items.map(([k, v]) => `<dt>${biInline(k, lang)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
  const note = paragraph(
    bi(
      '本次运行由下方设定与上述数据指纹完全确定；设定文件 spec.json 与全部输出一同保存。',
      'This run is fully determined by the spec below and the data fingerprint above; spec.json is saved next to every output.',
    ),
    lang,
  );
  return { id: 'run', title: bi('运行记录', 'Run record'), html: dl + '\n' + note };
}

/** Method choices with formulas, the pipeline steps and the spec as used. */
function methodsSection(result: EvaluationResult, lang: Lang): ReportSection {
  const choices = methodChoices(result.record.spec);
  const tbl = threeLineTable({
    lang,
    caption: bi('方法选择与公式', 'Method choices and formulas'),
    columns: [
      { header: bi('步骤', 'Step') },
      { header: bi('方法', 'Method') },
      { header: bi('参数', 'Options') },
      { header: bi('公式', 'Formula') },
      { header: bi('来源', 'Source') },
    ],
    rows: choices.map((c) => [
      { html: biInline(c.step, lang) },
      { html: biInline(c.method, lang) },
      c.options,
      { html: c.formula ? `<code>${escapeHtml(c.formula)}</code>` : '' },
      c.source,
    ]),
  });
  const steps = list(
    result.record.steps.map(
      (s) =>
        `${biInline(s.label, lang)} <code>${escapeHtml(s.step)}</code>: <code>${escapeHtml(JSON.stringify(s.details))}</code>`,
    ),
  );
  const stepsHtml = steps ? `${heading(3, bi('计算步骤', 'Steps of the run'), lang)}\n${steps}` : '';
  const spec = collapsiblePre(bi('所用设定（spec.json）', 'Spec as used (spec.json)'), specJson(result), lang);
  return { id: 'methods', title: bi('方法', 'Methods'), html: [tbl, stepsHtml, spec].filter(Boolean).join('\n') };
}

/** Indicator system with local and global weights (and weights by time when present), plus the weights chart. */
function weightsSection(result: EvaluationResult, lang: Lang): ReportSection {
  const entries = hierarchy(result);
  const tbl = threeLineTable({
    lang,
    caption: bi('指标体系与权重', 'Indicator system and weights'),
    columns: [
      { header: L.name },
      { header: L.id },
      { header: L.kind },
      { header: L.column },
      { header: L.direction },
      { header: L.localWeight, kind: 'number', decimals: 4 },
      { header: L.globalWeight, kind: 'number', decimals: 4 },
    ],
    rows: entries.map((e) => [
      { html: biInline(e.name, lang) },
      e.id,
      t(e.kind === 'node' ? L.kindNode : L.kindIndicator, lang),
      e.column ?? '',
      e.direction ?? '',
      e.weight.local,
      e.weight.global,
    ]),
    indent: entries.map((e) => e.level - 1),
    note: bi(
      '局部权重：在上级中的权重（同级之和为 1）；全局权重：在综合指数中的有效权重。',
      'Local weight: weight within the parent (siblings sum to 1); global weight: effective weight in the composite index.',
    ),
  });
  const parts = [tbl];
  const times = byTimeKeys(result);
  if (times.length) {
    parts.push(
      threeLineTable({
        lang,
        caption: bi('分期全局权重', 'Global weights by period'),
        columns: [
          { header: L.name },
          ...times.map((tk) => ({ header: withTime(L.globalWeight, tk), kind: 'number' as const, decimals: 4 })),
        ],
        rows: entries.map((e) => [
          { html: biInline(e.name, lang) },
          ...times.map((tk) => e.weight.byTime?.[tk]?.global),
        ]),
        indent: entries.map((e) => e.level - 1),
      }),
    );
  }
  if (entries.some((e) => e.kind === 'indicator')) {
    parts.push(
      chartFigure(weightsChart(result, { lang, title: false, idPrefix: 'fig-weights' }), {
        lang,
        caption: bi('指标全局权重', 'Global weights of indicators'),
        id: 'fig-weights',
      }),
    );
  }
  return { id: 'weights', title: bi('指标体系与权重', 'Indicator system and weights'), html: parts.join('\n') };
}

/** "2022 年" before a Chinese caption ('' without a time). */
function zhWhen(when: string): string {
  return when ? `${when} 年` : '';
}

/** ", 2022" after an English caption ('' without a time). */
function enWhen(when: string): string {
  return when ? `, ${when}` : '';
}

/** "（2022）" after a Chinese caption ('' without a time). */
function zhParen(when: string): string {
  return when ? `（${when}）` : '';
}

/** " (2022)" after an English caption ('' without a time). */
function enParen(when: string): string {
  return when ? ` (${when})` : '';
}

/** Level names: 0 = index, 1 = dimensions, 2 = sub-dimensions, deeper = "level k". */
function levelName(level: number): Bilingual {
  if (level === 0) return bi('综合指数', 'Composite index');
  if (level === 1) return bi('一级维度', 'Dimensions (level 1)');
  if (level === 2) return bi('二级维度', 'Sub-dimensions (level 2)');
  return bi(`第 ${level} 级维度`, `Level ${level} dimensions`);
}

/** Latest-period scores and ranks, one table per level, units ordered by index rank. */
function latestSection(result: EvaluationResult, table: ScoreTable, lang: Lang): ReportSection {
  const time = latestTime(result);
  const ranked = unitsByRank(result, table, time);
  // large panels: the first and last units only (the full table is in scores.csv)
  const units = isLargePanel(result) ? endsOf(ranked) : ranked;
  const levels = scoredLevels(result);
  const levelOf = new Map(hierarchy(result).map((e) => [e.id, e.level]));
  const when = time === undefined ? '' : timeKey(time);
  const tables = levels.map((ids) => {
    const level = ids[0] === INDEX_ID ? 0 : (levelOf.get(ids[0]) ?? 1);
    const columns: TableColumn[] = [{ header: L.unit }];
    for (const id of ids)
      columns.push(
        { header: scoreOf(nodeName(result, id)), kind: 'number', decimals: 4 },
        { header: rankOf(nodeName(result, id)), kind: 'integer' },
      );
    const rows: TableCell[][] = units.map((u) => [
      unitName(u, lang),
      ...ids.flatMap((id) => (time === undefined ? [null, null] : [table.score(id, u, time), table.rank(id, u, time)])),
    ]);
    const name = levelName(level);
    return threeLineTable({
      lang,
      columns,
      rows,
      caption: bi(`${zhWhen(when)}${name.zh}得分与排名`, `${name.en}: scores and ranks${enWhen(when)}`),
    });
  });
  const text = interpretIndex(result, (u) => bi(unitName(u, 'zh'), unitName(u, 'en')));
  const interpretation = text.length
    ? `<div class="interpretation">${heading(3, bi('解读', 'Interpretation'), lang)}${text.map((x) => paragraph(x, lang)).join('')}</div>`
    : '';
  return {
    id: 'latest',
    title: bi(`最新一期得分与排名${when ? `（${when}）` : ''}`, `Latest scores and ranks${when ? ` (${when})` : ''}`),
    html: `${interpretation}\n${tables.join('\n')}${units.length < ranked.length ? paragraph(omittedNote(ranked.length, units.length), lang) : ''}`,
  };
}

/** Index scores and ranks for every period (units × periods), units ordered by the latest rank. */
function fullScoresSection(
  result: EvaluationResult,
  table: ScoreTable,
  lang: Lang,
  chosen: readonly string[],
): ReportSection {
  if (isLargePanel(result)) return distributionSection(result, table, lang, chosen);
  const units = unitsByRank(result, table, latestTime(result));
  const timeCols = (kind: 'number' | 'integer'): TableColumn[] =>
    result.times.map((tm) => ({ header: bi(timeKey(tm), timeKey(tm)), kind, decimals: 4 }));
  const name = indexName(result);
  const scores = threeLineTable({
    lang,
    caption: bi(`${name.zh}得分（各期）`, `${name.en}: scores by period`),
    columns: [{ header: L.unit }, ...timeCols('number')],
    rows: units.map((u) => [unitName(u, lang), ...result.times.map((tm) => table.score(INDEX_ID, u, tm))]),
  });
  const ranks = threeLineTable({
    lang,
    caption: bi(`${name.zh}排名（各期）`, `${name.en}: ranks by period`),
    columns: [{ header: L.unit }, ...timeCols('integer')],
    rows: units.map((u) => [unitName(u, lang), ...result.times.map((tm) => table.rank(INDEX_ID, u, tm))]),
  });
  return {
    id: 'scores',
    title: bi('综合指数（全部时期）', 'Composite index, all periods'),
    html: scores + '\n' + ranks,
  };
}

/**
 * Large panels: the index's distribution by period instead of a units ×
 * periods table, its distribution within the groups of each label column in
 * the latest period, and the units the user chose.
 */
function distributionSection(
  result: EvaluationResult,
  table: ScoreTable,
  lang: Lang,
  units: readonly string[],
): ReportSection {
  const name = indexName(result);
  const when = timeKey(latestTime(result) ?? '');
  const tables = [
    threeLineTable({
      lang,
      caption: bi(`${name.zh}的分布（各期）`, `${name.en}: distribution by period`),
      columns: DISTRIBUTION_COLUMNS,
      rows: distributionRows(result, table),
    }),
    ...groupLabels(result).map((label) =>
      threeLineTable({
        lang,
        caption: bi(`${name.zh}按“${label}”分组的分布（${when}）`, `${name.en} by ${label} (${when})`),
        columns: groupColumns(bi(label, label)),
        rows: groupDistributionRows(result, table, label),
      }),
    ),
    ...(units.length
      ? [
          threeLineTable({
            lang,
            caption: bi(`选定单位的${name.zh}得分与排名（各期）`, `${name.en} of the chosen units, by period`),
            columns: chosenColumns(result),
            rows: chosenRows(result, table, units).map((r) => [unitName(String(r[0]), lang), ...r.slice(1)]),
          }),
        ]
      : []),
  ];
  const dist = tables.join('\n');
  const note = paragraph(
    bi(
      `共 ${result.units.length} 个单位，不逐一列出；分位数按 R 第 7 类（线性插值）计算。全部单位各期的得分与排名见 scores.csv 与 results.json。`,
      `${result.units.length} units are not listed one by one; quantiles are R's type 7 (linear interpolation). Every unit's scores and ranks by period are in scores.csv and results.json.`,
    ),
    lang,
  );
  return { id: 'scores', title: bi('综合指数（全部时期）', 'Composite index, all periods'), html: dist + '\n' + note };
}

/** Ranking chart, trends per unit (panels only) and the province map (when units are provinces). */
function chartsSection(result: EvaluationResult, opts: ReportOptions): ReportSection {
  const { lang } = opts;
  const time = latestTime(result);
  const when = time === undefined ? '' : timeKey(time);
  const name = indexName(result);
  const parts: string[] = [];
  const large = isLargePanel(result);
  const ranked = large ? unitsByRank(result, ScoreTable.of(result), time) : [];
  parts.push(
    chartFigure(
      rankingChart(result, {
        lang,
        title: false,
        idPrefix: 'fig-ranking',
        ...(large ? { units: endsOf(ranked) } : {}),
      }),
      {
        lang,
        id: 'fig-ranking',
        caption: bi(`${zhWhen(when)}${name.zh}排名`, `${name.en}: ranking${enWhen(when)}`),
      },
    ),
  );
  if (result.times.length > 1) {
    parts.push(
      chartFigure(
        trendChart(result, {
          lang,
          title: false,
          idPrefix: 'fig-trends',
          ...(large ? { units: endsOf(ranked, 6) } : {}),
        }),
        {
          lang,
          id: 'fig-trends',
          caption: bi(`${name.zh}的变化趋势（按单位）`, `${name.en}: trends by unit`),
        },
      ),
    );
  }
  if (opts.geojson !== undefined) parts.push(mapPart(result, opts.geojson, lang, time));
  return { id: 'charts', title: bi('图表', 'Charts'), html: parts.join('\n') };
}

/** The province map with its credit, or a note why it is not drawn; unmatched units listed. */
function mapPart(result: EvaluationResult, geojson: unknown, lang: Lang, time: Time | undefined): string {
  const match = matchProvinces(result.units, geojson);
  const unmatched = match.unmatched.length
    ? paragraph(
        bi(
          `未匹配到省级边界的单位：${match.unmatched.join('、')}`,
          `Units not matched to a province: ${match.unmatched.join(', ')}`,
        ),
        lang,
      )
    : '';
  if (!match.isProvinces) {
    return (
      paragraph(
        bi(
          `单位不是省份（${match.byUnit.size}/${result.units.length} 个匹配，不足 80%），未绘制地图。`,
          `Units are not provinces (${match.byUnit.size} of ${result.units.length} matched, below 80%); no map drawn.`,
        ),
        lang,
      ) + unmatched
    );
  }
  const when = time === undefined ? '' : timeKey(time);
  const name = indexName(result);
  const table = ScoreTable.of(result);
  const withData = new Set<string>();
  for (const [unit, f] of match.byUnit)
    if (time !== undefined && Number.isFinite(table.score(INDEX_ID, unit, time))) withData.add(f.pcode);
  const empty = match.features.filter((f) => !withData.has(f.pcode));
  const fig = chartFigure(provinceMap(result, geojson, { lang, title: false, time, idPrefix: 'fig-map' }), {
    lang,
    id: 'fig-map',
    caption: bi(`${zhWhen(when)}${name.zh}的省际分布`, `${name.en} by province${enWhen(when)}`),
    note: bi(
      `颜色按五分位数分为五级。灰色：无数据（${empty.map((f) => f.zh).join('、')}）。${OCHA_CREDIT.zh}`,
      `Colours: five classes at the quintiles. Grey: no data (${empty.map((f) => f.en).join(', ')}). ${OCHA_CREDIT.en}`,
    ),
  });
  return fig + unmatched;
}

/** TOPSIS / GRA / VIKOR in the latest period, when computed. */
function mcdmSection(result: EvaluationResult, lang: Lang): ReportSection | undefined {
  const time = latestTime(result);
  if (time === undefined || !hasMcdmScores(result)) return undefined;
  const tk = timeKey(time);
  // a large panel lists the first and last units by each method's rank (every row in mcdm-scores.csv)
  const large = isLargePanel(result);
  const at = <T extends { time: Time; rank: number }>(rows: T[]) => {
    const ranked = rows.filter((r) => timeKey(r.time) === tk).sort((a, b) => a.rank - b.rank);
    return large ? endsOf(ranked) : ranked;
  };
  const parts: string[] = [];
  if (result.topsis)
    parts.push(
      threeLineTable({
        lang,
        caption: bi(`TOPSIS 结果${zhParen(tk)}`, `TOPSIS${enParen(tk)}`),
        columns: [
          { header: L.unit },
          { header: L.dPlus, kind: 'number' },
          { header: L.dMinus, kind: 'number' },
          { header: L.closeness, kind: 'number' },
          { header: L.rank, kind: 'integer' },
        ],
        rows: at(result.topsis).map((r) => [unitName(r.unit, lang), r.dPlus, r.dMinus, r.closeness, r.rank]),
      }),
    );
  if (result.gra)
    parts.push(
      threeLineTable({
        lang,
        caption: bi(`灰色关联分析结果${zhParen(tk)}`, `Grey relational analysis${enParen(tk)}`),
        columns: [{ header: L.unit }, { header: L.grade, kind: 'number' }, { header: L.rank, kind: 'integer' }],
        rows: at(result.gra).map((r) => [unitName(r.unit, lang), r.grade, r.rank]),
      }),
    );
  if (result.vikor)
    parts.push(
      threeLineTable({
        lang,
        caption: bi(`VIKOR 结果${zhParen(tk)}`, `VIKOR${enParen(tk)}`),
        columns: [
          { header: L.unit },
          { header: bi('S', 'S'), kind: 'number' },
          { header: bi('R', 'R'), kind: 'number' },
          { header: bi('Q', 'Q'), kind: 'number' },
          { header: L.rank, kind: 'integer' },
        ],
        rows: at(result.vikor).map((r) => [unitName(r.unit, lang), r.S, r.R, r.Q, r.rank]),
      }),
    );
  parts.push(...moreScoreTables(result, lang, tk, large));
  if (large) {
    const n = result.units.length;
    parts.push(
      paragraph(
        bi(
          `共 ${n} 个单位，各表列出该方法排名前 ${SHOWN_AT_EACH_END} 位与后 ${SHOWN_AT_EACH_END} 位；全部单位与时期的得分见 ${MCDM_CSV} 与 results.json。`,
          `${n} units: each table lists the first and last ${SHOWN_AT_EACH_END} by that method's rank; every unit's and period's scores are in ${MCDM_CSV} and results.json.`,
        ),
        lang,
      ),
    );
  }
  return { id: 'mcdm', title: bi('其他综合评价得分', 'Other MCDM scores'), html: parts.join('\n') };
}

/** Coherence: warnings (negative correlations, low alpha), correlations with parent / index, Cronbach's alpha. */
function coherenceSection(result: EvaluationResult, lang: Lang): ReportSection {
  const coh = result.coherence;
  const warnings: string[] = coh.negativeWithParent.map(
    (id) =>
      `<span class="warning">${biInline(bi(`指标 ${t(nodeName(result, id), 'zh')}（${id}）与其所属维度负相关，请检查方向或归属。`, `Indicator ${t(nodeName(result, id), 'en')} (${id}) correlates negatively with its own dimension; check its direction or placement.`), lang)}</span>`,
  );
  for (const [id, a] of Object.entries(coh.cronbachAlpha)) {
    if (Number.isFinite(a) && a < 0.6)
      warnings.push(
        `<span class="warning">${biInline(
          bi(
            `维度 ${t(nodeName(result, id), 'zh')} 的克朗巴哈 α = ${a.toFixed(3)}，低于 0.6。`,
            `Dimension ${t(nodeName(result, id), 'en')} has Cronbach's alpha = ${a.toFixed(3)}, below 0.6.`,
          ),
          lang,
        )}</span>`,
      );
  }
  const warnHtml = warnings.length
    ? list(warnings)
    : paragraph(bi('未发现一致性问题。', 'No coherence problems found.'), lang);
  const corr = threeLineTable({
    lang,
    caption: bi(
      '指标与上级维度、综合指数的相关系数',
      'Correlation of each indicator with its dimension and with the index',
    ),
    columns: [
      { header: L.name },
      { header: L.id },
      { header: L.withParent, kind: 'number', decimals: 3 },
      { header: L.withIndex, kind: 'number', decimals: 3 },
    ],
    rows: coh.indicators.map((id) => [
      { html: biInline(nodeName(result, id), lang) },
      id,
      coh.withParent[id],
      coh.withIndex[id],
    ]),
  });
  const alphaRows = Object.entries(coh.cronbachAlpha);
  const alpha = alphaRows.length
    ? threeLineTable({
        lang,
        caption: bi('各维度克朗巴哈 α 系数', "Cronbach's alpha of each dimension"),
        columns: [{ header: L.name }, { header: L.node }, { header: L.cronbachAlpha, kind: 'number', decimals: 3 }],
        rows: alphaRows.map(([id, a]) => [{ html: biInline(nodeName(result, id), lang) }, id, a]),
      })
    : '';
  const matrix = coh.indicators.length
    ? threeLineTable({
        lang,
        caption: bi('指标相关系数矩阵（皮尔逊）', 'Correlation matrix of indicators (Pearson)'),
        columns: [
          { header: L.id },
          ...coh.indicators.map((id) => ({ header: bi(id, id), kind: 'number' as const, decimals: 3 })),
        ],
        rows: coh.indicators.map((id, i) => [id, ...coh.indicators.map((_, j) => coh.indicatorCorrelation[i]?.[j])]),
      })
    : '';
  return {
    id: 'coherence',
    title: bi('一致性检验', 'Coherence checks'),
    html: [warnHtml, corr, alpha, matrix].filter(Boolean).join('\n'),
  };
}

/** Warnings of the run, imputed cells and treated (winsorised / logged) cells. */
function dataTreatmentSection(result: EvaluationResult, lang: Lang): ReportSection {
  const rec = result.record;
  const parts: string[] = [];
  parts.push(heading(3, bi('警告', 'Warnings'), lang));
  parts.push(
    rec.warnings.length
      ? list(rec.warnings.map((w) => `<span class="warning">${escapeHtml(formatProblem(w, lang))}</span>`))
      : paragraph(bi('无警告。', 'No warnings.'), lang),
  );
  parts.push(heading(3, bi('缺失值插补', 'Imputed values'), lang));
  parts.push(
    rec.imputations.length
      ? threeLineTable({
          lang,
          caption: bi('插补的单元格', 'Imputed cells'),
          columns: [
            { header: L.unit },
            { header: L.time },
            { header: L.column },
            { header: L.value, kind: 'number', decimals: 4 },
            { header: L.method },
          ],
          rows: rec.imputations.map((c) => [unitName(c.unit, lang), timeKey(c.time), c.column, c.value, c.method]),
        })
      : paragraph(bi('没有插补任何单元格。', 'No cell was imputed.'), lang),
  );
  parts.push(heading(3, bi('异常值处理', 'Outlier treatment'), lang));
  parts.push(
    rec.treatments.length
      ? threeLineTable({
          lang,
          caption: bi('处理的单元格', 'Treated cells'),
          columns: [
            { header: L.unit },
            { header: L.time },
            { header: L.column },
            { header: L.from, kind: 'number', decimals: 4 },
            { header: L.to, kind: 'number', decimals: 4 },
            { header: L.treatment },
          ],
          rows: rec.treatments.map((c) => [
            unitName(c.unit, lang),
            timeKey(c.time),
            c.column,
            c.from,
            c.to,
            c.treatment,
          ]),
        })
      : paragraph(bi('没有处理任何单元格。', 'No cell was treated.'), lang),
  );
  return { id: 'data', title: bi('数据处理与警告', 'Data treatment and warnings'), html: parts.join('\n') };
}

/** Ranks under entropy, CRITIC and equal weights side by side, and the sentences about units that move. */
function robustnessSection(result: EvaluationResult, lang: Lang): ReportSection | undefined {
  const r = result.robustness;
  if (!r) return undefined;
  const mc = r.rows.some((row) => row.monteCarlo);
  // a large panel lists the unit-times that move most (all rows in robustness.csv)
  const rows = isLargePanel(result) ? mostMoved(r.rows) : r.rows;
  const table = threeLineTable({
    lang,
    caption: bi(
      `不同赋权方法下的排名（变动超过 ${r.options.threshold} 位者另行说明）`,
      `Ranks under different weighting methods (units moving more than ${r.options.threshold} places are named below)`,
    ),
    columns: [
      { header: L.unit },
      { header: L.time },
      { header: L.nominalRank, kind: 'integer' },
      ...r.options.methods.map((m) => ({ header: rankUnder(weightMethodName(m)), kind: 'integer' as const })),
      { header: L.rankShift, kind: 'integer' },
      ...(mc
        ? [
            { header: L.q05, kind: 'number' as const, decimals: 1 },
            { header: L.q95, kind: 'number' as const, decimals: 1 },
          ]
        : []),
    ],
    rows: rows.map((row) => [
      unitName(row.unit, lang),
      timeKey(row.time),
      row.nominalRank,
      ...r.options.methods.map((m) => row.ranks[m]),
      row.shift,
      ...(mc ? [row.monteCarlo?.q05 ?? NaN, row.monteCarlo?.q95 ?? NaN] : []),
    ]),
  });
  const sentences = robustnessSentencesShown(result, r, rows.length)
    .map((s) => paragraph(s, lang))
    .join('\n');
  return { id: 'robustness', title: bi('排名的稳健性', 'Robustness of the ranking'), html: table + '\n' + sentences };
}

/** Rank uncertainty intervals in the latest period and the influence of each choice. */
function uncertaintySection(result: EvaluationResult, lang: Lang): ReportSection | undefined {
  const u = result.uncertainty;
  if (!u) return undefined;
  const time = latestTime(result);
  const tk = time === undefined ? '' : timeKey(time);
  const rows = u.ranks.filter((r) => timeKey(r.time) === tk).sort((a, b) => a.nominalRank - b.nominalRank);
  const ranks = threeLineTable({
    lang,
    caption: bi(
      `排名的不确定性区间（${tk ? `${tk}，` : ''}${u.draws} 次抽样，种子 ${u.seed}）`,
      `Rank uncertainty intervals (${tk ? `${tk}, ` : ''}${u.draws} draws, seed ${u.seed})`,
    ),
    columns: [
      { header: L.unit },
      { header: L.nominalRank, kind: 'integer' },
      { header: L.medianRank, kind: 'number', decimals: 1 },
      { header: L.q05, kind: 'number', decimals: 1 },
      { header: L.q95, kind: 'number', decimals: 1 },
    ],
    rows: rows.map((r) => [unitName(r.unit, lang), r.nominalRank, r.medianRank, r.q05, r.q95]),
  });
  const inf = Object.entries(u.influence);
  const influence = inf.length
    ? threeLineTable({
        lang,
        caption: bi(
          '各设定对排名方差的贡献（一阶敏感性）',
          'Share of rank variance by choice (first-order sensitivity)',
        ),
        columns: [{ header: L.choice }, { header: L.influence, kind: 'number', decimals: 3 }],
        rows: inf.map(([k, v]) => [influenceChoice(k, lang), v]),
      })
    : '';
  return { id: 'uncertainty', title: bi('不确定性分析', 'Uncertainty analysis'), html: ranks + '\n' + influence };
}

/** Bilingual labels of common per-indicator diagnostics (others show their key). */
const DETAIL_LABELS: Record<string, Bilingual> = {
  entropy: bi('信息熵 e_j', 'Entropy e_j'),
  divergence: bi('差异系数 d_j = 1 − e_j', 'Divergence d_j = 1 − e_j'),
  sd: bi('标准差 σ_j', 'Std. deviation σ_j'),
  conflict: bi('冲突性', 'Conflict'),
  information: bi('信息量 C_j', 'Information C_j'),
  cv: bi('变异系数 v_j', 'Coef. of variation v_j'),
  mean: bi('均值', 'Mean'),
};

/**
 * Method diagnostics: one table per weighting run (pooled runs, or the latest
 * period's runs under by-time weights; all runs are in the workbook), other
 * diagnostics as a list.
 */
function diagnosticsSection(result: EvaluationResult, lang: Lang): ReportSection | undefined {
  const all = weightDiagnosticTables(result);
  const latest = latestTime(result);
  const shown = all.filter((d) => d.time === null || (latest !== undefined && timeKey(d.time) === timeKey(latest)));
  const parts: string[] = [];
  for (const d of shown) {
    const method = METHODS.weights[d.method as WeightMethod]?.name ?? bi(d.method, d.method);
    const node = nodeName(result, d.node);
    const when = d.time === null ? '' : `, ${timeKey(d.time)}`;
    const scalars = Object.entries(d.scalars)
      .map(([k, v]) => `${k} = ${typeof v === 'number' ? fixed(v, 4) : JSON.stringify(v)}`)
      .join('; ');
    parts.push(
      threeLineTable({
        lang,
        caption: bi(`${method.zh}诊断量：${node.zh}${when}`, `${method.en} diagnostics: ${node.en}${when}`),
        columns: [
          { header: L.name },
          { header: L.id },
          { header: L.weight, kind: 'number', decimals: 4 },
          ...d.columns.map((c) => ({
            header: DETAIL_LABELS[c.key] ?? bi(c.key, c.key),
            kind: 'number' as const,
            decimals: 4,
          })),
        ],
        rows: d.ids.map((id, i) => [
          { html: biInline(nodeName(result, id), lang) },
          id,
          d.weights[i],
          ...d.columns.map((c) => c.values[i]),
        ]),
        ...(scalars ? { note: bi(scalars, scalars) } : {}),
      }),
    );
  }
  if (shown.length < all.length) {
    parts.push(
      paragraph(
        bi(
          '其他时期的诊断量见工作簿“赋权诊断”表。',
          'Diagnostics of the other periods are in the workbook sheet "Weight diagnostics".',
        ),
        lang,
      ),
    );
  }
  const rest = otherDiagnostics(result);
  if (rest.length)
    parts.push(
      list(
        rest.map(
          (r) => `<code>${escapeHtml(r.path ? `${r.path}.${r.item}` : r.item)}</code> = ${escapeHtml(String(r.value))}`,
        ),
      ),
    );
  if (parts.length === 0) return undefined;
  return { id: 'diagnostics', title: bi('方法诊断', 'Method diagnostics'), html: parts.join('\n') };
}
