/**
 * The standalone HTML report of `xinzhi tfp` (one file, inline SVG, no
 * external requests), built from the one result object of a run:
 * - DEA models: the method; mean efficiency per period (chart); the
 *   efficiency table with the share of each variable in the inefficiency and
 *   the main source with its framework node.
 * - Indices: the method; the geometric means of the index, EC and TC per pair
 *   of periods (chart, table); the index of every unit; the cumulative index.
 * - Firm estimators: the method and the coefficients.
 * Above LARGE_PANEL_UNITS units (firm panels) the per-unit tables give way to
 * the distribution by period and the units at both ends of the latest period
 * (core/tfp/summary.ts); every row stays in the CSV, XLSX and JSON outputs.
 */
import { bi, type Bilingual, type Lang } from '../../core/i18n.ts';
import { formatProblem } from '../../core/errors.ts';
import { describeModel } from '../../core/tfp/describe.ts';
import { FIRM_SOURCES } from '../../core/tfp/firm/estimators.ts';
import type { FirmResult } from '../../core/tfp/firm/run.ts';
import type { TfpEfficiencyRow, TfpIndexRow, TfpResult } from '../../core/tfp/run.ts';
import { cumulativeLookup, type Spread, tfpSummary } from '../../core/tfp/summary.ts';
import { matchProvinces } from '../../core/geo/province-match.ts';
import { PALETTE, chartFigure, renderSvg, valueMap } from './charts.ts';
import { type Rasterize, reportDocx } from './docx.ts';
import { reportDocument, type ReportSection } from './html.ts';
import { list, paragraph } from './markup.ts';
import { LARGE_PANEL_UNITS, SHOWN_AT_EACH_END } from './large-panel.ts';
import { threeLineTable, type TableCell, type TableColumn } from './tables.ts';

const num = (header: Bilingual, decimals = 4): TableColumn => ({ header, kind: 'number', decimals });
const text = (header: Bilingual): TableColumn => ({ header });
const plain = (s: string): Bilingual => bi(s, s);
/** Centre (mean), minimum, quartiles and maximum columns of a Spread (core/tfp/summary.ts). */
const SPREAD_COLUMNS: TableColumn[] = [
  num(bi('均值', 'Mean')),
  num(plain('min')),
  num(plain('p25')),
  num(bi('中位数', 'Median')),
  num(plain('p75')),
  num(plain('max')),
];
const spreadCells = (s: Spread): TableCell[] => [s.centre, s.min, s.q25, s.median, s.q75, s.max];

/** One index row as table cells: unit, from, to, index, EC, TC and the status unless optimal (terminal and report). */
export function indexRowCells(r: TfpIndexRow): Array<string | number | null> {
  return [r.unit, String(r.from), String(r.to), r.value, r.ec, r.tc, r.status === 'optimal' ? '' : r.status];
}

function lineChart(labels: string[], series: Array<{ name: string; data: Array<number | null> }>, id: string): string {
  const option = {
    legend: { top: 4, data: series.map((s) => s.name) },
    grid: { left: 56, right: 24, top: 40, bottom: 36 },
    xAxis: { type: 'category', data: labels, boundaryGap: false },
    yAxis: { type: 'value', scale: true, splitLine: { lineStyle: { color: '#eee' } } },
    series: series.map((s, k) => ({
      name: s.name,
      type: 'line',
      data: s.data,
      symbol: 'circle',
      symbolSize: 4,
      lineStyle: { width: 1.8, color: PALETTE[k] },
      itemStyle: { color: PALETTE[k] },
    })),
  };
  return renderSvg(option, 820, 320, id);
}

function methodSection(result: TfpResult, lang: Lang): ReportSection {
  const d = describeModel(result.model);
  const m = result.model;
  const items = [
    paragraph(bi(`模型：${d.zh}。`, `Model: ${d.en}.`), lang),
    paragraph(bi(`来源：${d.source}。`, `Source: ${d.source}.`), lang),
    paragraph(
      bi(
        `投入：${m.inputs.join('、')}；期望产出：${m.outputs.join('、')}。`,
        `Inputs: ${m.inputs.join(', ')}; desirable outputs: ${m.outputs.join(', ')}.`,
      ),
      lang,
    ),
  ];
  if (m.undesirable.length > 0) {
    items.push(
      paragraph(
        bi(`非期望产出：${m.undesirable.join('、')}。`, `Undesirable outputs: ${m.undesirable.join(', ')}.`),
        lang,
      ),
    );
  }
  items.push(paragraph(bi(`线性规划求解器：${result.solver}。`, `LP solver: ${result.solver}.`), lang));
  const warnings = result.warnings.map((w) => formatProblem(w, lang));
  const html =
    items.join('\n') +
    (warnings.length > 0 ? `\n${list(warnings.map((w) => `<span class="warning">${w}</span>`))}` : '');
  return { id: 'tfp-method', title: bi('方法', 'Method'), html };
}

function efficiencySections(result: TfpResult, lang: Lang): ReportSection[] {
  const m = result.model;
  const columns = [...m.inputs, ...m.outputs, ...m.undesirable];
  const times = result.times.map(String);
  // the means by period, and for a firm panel the rest of the summary, computed once (core/tfp/summary.ts)
  const sum = tfpSummary(result, SHOWN_AT_EACH_END);
  const mean = sum.efficiency.map((e) => e.centre);
  const chart = chartFigure(
    lineChart(times, [{ name: lang === 'zh' ? '平均效率' : 'mean efficiency', data: mean }], 'tfp-eff'),
    {
      caption: bi('各期平均效率', 'Mean efficiency by period'),
      lang,
    },
  );
  const rowOf = (r: TfpEfficiencyRow): TableCell[] => [
    r.unit,
    String(r.time),
    r.efficiency,
    ...columns.map((c) => (r.status === 'optimal' ? 100 * (r.shares[c] ?? 0) : null)),
    r.source ? `${r.source.column}${r.source.node ? ` (${r.source.node})` : ''}` : r.superEfficiency ? '—' : '',
  ];
  const rowColumns = [
    text(bi('单位', 'Unit')),
    text(bi('时间', 'Time')),
    num(bi('效率', 'Efficiency')),
    ...columns.map((c) => num(plain(c), 1)),
    text(bi('主要来源（框架节点）', 'Main source (framework node)')),
  ];
  const emptyNote = bi(
    '空的效率表示规划无可行解（例如 VRS 超效率），不作替代；有效单位的占比均为 0。',
    'An empty efficiency means the programme is infeasible (e.g. VRS super-efficiency); nothing is substituted. ' +
      'Efficient units have all shares 0.',
  );
  if (result.units.length > LARGE_PANEL_UNITS) {
    const last = String(result.times[result.times.length - 1]);
    const spread = threeLineTable({
      caption: bi(
        '各期效率的分布与低效单位的平均松弛占比（%）',
        'Efficiency by period, and the mean slack shares of the inefficient units (%)',
      ),
      columns: [
        text(bi('时间', 'Time')),
        { header: plain('n'), kind: 'integer' },
        ...SPREAD_COLUMNS,
        { header: bi('有效单位', 'Efficient'), kind: 'integer' },
        ...columns.map((c) => num(plain(c), 1)),
      ],
      rows: sum.efficiency.map((e) => [
        String(e.time),
        e.n,
        ...spreadCells(e),
        e.efficient,
        ...columns.map((c) => 100 * e.meanShares[c]),
      ]),
      lang,
    });
    const ends = threeLineTable({
      caption: bi(
        `${last} 年效率最高与最低的单位（各 ${SHOWN_AT_EACH_END} 个）`,
        `The most and least efficient units in ${last} (${SHOWN_AT_EACH_END} each)`,
      ),
      columns: rowColumns,
      rows: [...sum.best, ...sum.worst].map(rowOf),
      lang,
      note: bi(
        `${emptyNote.zh}共 ${result.results.length} 个单位-时期，此处为概要；全部行见 --csv、--xlsx 或 --json 的输出。`,
        `${emptyNote.en} ${result.results.length} unit-periods in all; this is a summary. Every row is in the output of --csv, --xlsx or --json.`,
      ),
    });
    return [
      { id: 'tfp-mean', title: bi('平均效率', 'Mean efficiency'), html: chart },
      { id: 'tfp-efficiency', title: bi('效率与松弛', 'Efficiency and slacks'), html: `${spread}\n${ends}` },
    ];
  }
  const table = threeLineTable({
    caption: bi('效率与低效率来源（松弛占比，%）', 'Efficiency and where inefficiency comes from (slack shares, %)'),
    columns: rowColumns,
    rows: result.results.map(rowOf),
    lang,
    note: emptyNote,
  });
  return [
    { id: 'tfp-mean', title: bi('平均效率', 'Mean efficiency'), html: chart },
    { id: 'tfp-efficiency', title: bi('效率与松弛', 'Efficiency and slacks'), html: table },
  ];
}

function indexSections(result: TfpResult, lang: Lang): ReportSection[] {
  const tcName = result.model.type === 'gml' ? 'BPC' : 'TC';
  const pairs = result.times.slice(1).map((to, k) => ({ from: result.times[k], to }));
  // geometric means by pair of periods, and for a firm panel the rest of the summary (core/tfp/summary.ts)
  const summary = tfpSummary(result, SHOWN_AT_EACH_END);
  const means = summary.index.map((p) => ({ value: p.centre, ec: p.ec, tc: p.tc }));
  const labels = pairs.map((p) => `${String(p.from)}–${String(p.to)}`);
  const chart = chartFigure(
    lineChart(
      labels,
      [
        { name: result.model.type.toUpperCase(), data: means.map((x) => x.value) },
        { name: 'EC', data: means.map((x) => x.ec) },
        { name: tcName, data: means.map((x) => x.tc) },
      ],
      'tfp-index',
    ),
    {
      caption: bi('生产率指数及其分解（几何平均）', 'Productivity index and its decomposition (geometric means)'),
      lang,
    },
  );
  const meanTable = threeLineTable({
    caption: bi('各期几何平均', 'Geometric means by pair of periods'),
    columns: [
      text(bi('时期', 'Periods')),
      num(plain(result.model.type.toUpperCase())),
      num(plain('EC')),
      num(plain(tcName)),
    ],
    rows: labels.map((l, k) => [l, means[k].value, means[k].ec, means[k].tc]),
    lang,
  });
  const large = result.units.length > LARGE_PANEL_UNITS;
  const sum = large ? summary : null;
  const vName = result.model.type.toUpperCase();
  const indexRows = sum ? [...sum.indexBest, ...sum.indexWorst] : result.index;
  const summaryNote = bi(
    `共 ${result.index.length} 行，此处为概要；全部行见 --csv、--xlsx 或 --json 的输出。`,
    `${result.index.length} rows in all; this is a summary. Every row is in the output of --csv, --xlsx or --json.`,
  );
  const unitTable = threeLineTable({
    caption: sum
      ? bi(
          `最后一对时期 ${vName} 最高与最低的单位（各 ${SHOWN_AT_EACH_END} 个）`,
          `The units with the largest and smallest ${vName} in the last pair of periods (${SHOWN_AT_EACH_END} each)`,
        )
      : bi('各单位的指数', 'Index of every unit'),
    columns: [
      text(bi('单位', 'Unit')),
      text(bi('从', 'From')),
      text(bi('到', 'To')),
      num(plain(vName)),
      num(plain('EC')),
      num(plain(tcName)),
      text(bi('状态', 'Status')),
    ],
    rows: indexRows.map(indexRowCells),
    lang,
    ...(sum ? { note: summaryNote } : {}),
  });
  const spreadTable = sum
    ? threeLineTable({
        caption: bi(`各对时期 ${vName} 的分布`, `${vName} by pair of periods: distribution`),
        columns: [
          text(bi('时期', 'Periods')),
          { header: plain('n'), kind: 'integer' },
          num(bi('几何均值', 'Geometric mean')),
          ...SPREAD_COLUMNS.slice(1),
        ],
        rows: sum.index.map((p) => [`${String(p.from)}–${String(p.to)}`, p.n, ...spreadCells(p)]),
        lang,
      })
    : '';
  const cumulative = cumulativeLookup(result);
  const last = String(result.times[result.times.length - 1]);
  const cumTable = threeLineTable({
    caption: sum
      ? bi(
          `累积指数（${String(result.times[0])} = 1），${last} 年最高与最低的单位（各 ${SHOWN_AT_EACH_END} 个）`,
          `Cumulative index (${String(result.times[0])} = 1): the units with the largest and smallest value in ${last} (${SHOWN_AT_EACH_END} each)`,
        )
      : bi(`累积指数（${String(result.times[0])} = 1）`, `Cumulative index (${String(result.times[0])} = 1)`),
    columns: [text(bi('单位', 'Unit')), ...result.times.map((t) => num(plain(String(t))))],
    rows: (sum ? [...sum.cumulativeBest, ...sum.cumulativeWorst].map((c) => c.unit) : result.units).map((u) => [
      u,
      ...result.times.map((t) => cumulative(u, t)),
    ]),
    lang,
  });
  return [
    { id: 'tfp-decomposition', title: bi('指数分解', 'Decomposition'), html: `${chart}\n${meanTable}` },
    {
      id: 'tfp-units',
      title: bi('各单位的指数', 'Index by unit'),
      html: spreadTable ? `${spreadTable}\n${unitTable}` : unitTable,
    },
    { id: 'tfp-cumulative', title: bi('累积指数', 'Cumulative index'), html: cumTable },
  ];
}

function firmSections(result: FirmResult, lang: Lang): ReportSection[] {
  const m = result.model;
  const se =
    result.se === 'bootstrap'
      ? bi(`自助法（${m.bootstrap} 次，种子 ${m.seed}）`, `bootstrap (${m.bootstrap} reps, seed ${m.seed})`)
      : bi('经典', 'classical');
  const method = [
    paragraph(
      bi(
        `估计方法：${m.type.toUpperCase()}，${FIRM_SOURCES[m.type]}。`,
        `Estimator: ${m.type.toUpperCase()}, ${FIRM_SOURCES[m.type]}.`,
      ),
      lang,
    ),
    paragraph(
      bi(
        `${result.firms} 家企业，${result.n} 个观测；标准误：${se.zh}。`,
        `${result.firms} firms, ${result.n} observations; standard errors: ${se.en}.`,
      ),
      lang,
    ),
  ];
  const sv = result.survival;
  if (sv) {
    const how = m.exit === 'infer' ? bi('由面板推断', 'read off the panel') : bi(`列 ${m.exit}`, `column ${m.exit}`);
    method.push(
      paragraph(
        bi(
          `退出修正（Olley & Pakes 1996）：${sv.link} 生存模型，退出${how.zh}，${sv.rows} 个观测中 ${sv.exits} 次退出；` +
            '第二阶段 ĝ 为 (ω̂_{t−1}, P̂_{t−1}) 的三次多项式。',
          `Exit correction (Olley & Pakes 1996): ${sv.link} survival model, exits ${how.en}, ` +
            `${sv.exits} exits in ${sv.rows} observations; stage-2 ĝ is the cubic in (ω̂_{t−1}, P̂_{t−1}).`,
        ),
        lang,
      ),
    );
  }
  if (result.bootstrapFailed > 0) {
    method.push(
      paragraph(
        bi(
          `${result.bootstrapFailed} 次自助法重复无法估计，已跳过。`,
          `${result.bootstrapFailed} bootstrap replications could not be estimated and were skipped.`,
        ),
        lang,
      ),
    );
  }
  const table = threeLineTable({
    caption: bi('生产函数系数', 'Production-function coefficients'),
    columns: [text(bi('变量', 'Variable')), num(bi('系数', 'Estimate')), num(bi('标准误', 'SE'))],
    rows: Object.entries(result.coefficients).map(([c, v]) => [c, v.estimate, Number.isFinite(v.se) ? v.se : null]),
    lang,
  });
  const years = threeLineTable({
    caption: bi('各期对数全要素生产率', 'ln TFP by period'),
    columns: [
      text(bi('时期', 'Period')),
      num(bi('企业数', 'Firms'), 0),
      num(bi('均值', 'Mean')),
      num(bi('标准差', 'SD')),
      num(bi('P10', 'P10')),
      num(bi('中位数', 'Median')),
      num(bi('P90', 'P90')),
    ],
    rows: result.byTime.map((r) => [
      String(r.time),
      r.firms,
      r.mean,
      Number.isFinite(r.sd) ? r.sd : null,
      r.p10,
      r.median,
      r.p90,
    ]),
    note: bi(
      '对数全要素生产率 = 对数产出 − Σ 系数 × 对数投入；标准差以 n − 1 为分母，分位数按线性插值（R 第 7 型）。每个企业-年份的数值见 CSV / XLSX。',
      'ln TFP = ln output − Σ coefficient × ln input; SD with n − 1, percentiles by linear interpolation (R type 7). Every firm-year is in the CSV / XLSX.',
    ),
    lang,
  });
  return [
    { id: 'tfp-method', title: bi('方法', 'Method'), html: method.join('\n') },
    { id: 'tfp-coefficients', title: bi('系数', 'Coefficients'), html: table },
    { id: 'tfp-firm-periods', title: bi('各期生产率', 'TFP by period'), html: years },
  ];
}

export interface TfpReportOptions {
  /** Province boundaries: when most units are provinces, the report maps the last period (cumulative index or efficiency). */
  geojson?: unknown;
}

/**
 * Map of the last period: the cumulative index (base period = 1) for
 * productivity indices, the efficiency for DEA models; null unless at least
 * PROVINCE_SHARE of the units are provinces.
 */
function mapSection(result: TfpResult, geojson: unknown, lang: Lang): ReportSection | null {
  if (!matchProvinces(result.units, geojson).isProvinces) return null;
  const last = result.times[result.times.length - 1];
  const dea = result.results.length > 0;
  const values = new Map<string, number>();
  for (const r of dea ? result.results : result.cumulative)
    if (r.time === last) values.set(r.unit, ('efficiency' in r ? r.efficiency : r.value) ?? NaN);
  const what = dea
    ? bi(`${String(last)} 年效率`, `Efficiency, ${String(last)}`)
    : bi(
        `${String(last)} 年累积${result.model.type.toUpperCase()}指数（${String(result.times[0])} = 1）`,
        `Cumulative ${result.model.type.toUpperCase()} index, ${String(last)} (${String(result.times[0])} = 1)`,
      );
  const svg = valueMap(values, geojson, { lang, titleText: what[lang], title: false, idPrefix: 'tfp-map' });
  return {
    id: 'tfp-map',
    title: bi('空间分布', 'Map'),
    html: chartFigure(svg, { caption: what, lang }),
  };
}

/** Title, subtitle and sections of a TFP run's report: the HTML and Word documents show the same. */
export function tfpReportParts(
  result: TfpResult | FirmResult,
  lang: Lang,
  opts: TfpReportOptions = {},
): { title: Bilingual; subtitle?: Bilingual; sections: ReportSection[] } {
  if ('coefficients' in result)
    return { title: bi('企业全要素生产率', 'Firm total factor productivity'), sections: firmSections(result, lang) };
  const map = opts.geojson === undefined ? null : mapSection(result, opts.geojson, lang);
  const sections = [
    methodSection(result, lang),
    ...(result.results.length > 0 ? efficiencySections(result, lang) : indexSections(result, lang)),
    ...(map ? [map] : []),
  ];
  const name = result.model.name;
  const title =
    typeof name === 'object'
      ? name
      : bi(`全要素生产率：${describeModel(result.model).zh}`, `TFP: ${describeModel(result.model).en}`);
  const subtitle = bi(
    `${result.units.length} 个单位 × ${result.times.length} 期`,
    `${result.units.length} units × ${result.times.length} periods`,
  );
  return { title, subtitle, sections };
}

/**
 * The report as one HTML document in `lang` (headings and captions carry the other language beneath).
 * @example writeFileSync('tfp.html', tfpReportHtml(result, 'zh'))
 */
export function tfpReportHtml(result: TfpResult | FirmResult, lang: Lang, opts: TfpReportOptions = {}): string {
  return reportDocument({ lang, ...tfpReportParts(result, lang, opts) });
}

/**
 * The same report as a Word document (tables as Word tables, charts as images).
 * @example writeFileSync('tfp.docx', await tfpReportDocx(result, 'zh', rasterizeSvg))
 */
export function tfpReportDocx(
  result: TfpResult | FirmResult,
  lang: Lang,
  rasterize: Rasterize,
  opts: TfpReportOptions = {},
): Promise<Uint8Array> {
  const parts = tfpReportParts(result, lang, opts);
  return reportDocx(parts.sections, {
    lang,
    title: parts.title,
    ...(parts.subtitle ? { subtitle: parts.subtitle } : {}),
    rasterize,
  });
}
