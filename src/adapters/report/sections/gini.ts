/**
 * Report section: Dagum Gini decomposition over time — lines of G, Gw, Gnb
 * and Gt, stacked bars of their contribution shares, and a three-line table
 * with the group and pair Ginis of the last time.
 */
import type { DagumGiniResult } from '../../../core/analysis/dagum-gini.ts';
import { bi, t, type Bilingual, type Lang } from '../../../core/i18n.ts';
import type { Time } from '../../../core/panel/types.ts';
import { PALETTE, chartFigure, renderSvg } from '../charts.ts';
import type { ReportSection } from '../html.ts';
import { paragraph } from '../markup.ts';
import { threeLineTable } from '../tables.ts';

export type GiniSeriesRow = { time: Time | null } & DagumGiniResult;

export interface LineSeries {
  name: Bilingual;
  values: Array<number | null>;
}

/** Lines over time (shared by the distribution sections). */
export function timeLinesChart(
  times: Array<Time | null>,
  series: LineSeries[],
  opts: {
    lang: Lang;
    idPrefix: string;
    yName?: Bilingual;
    width?: number;
    height?: number;
    stackedBars?: boolean;
    percent?: boolean;
  },
): string {
  const lang = opts.lang;
  const option = {
    color: PALETTE,
    legend: { top: 4, data: series.map((s) => t(s.name, lang)) },
    grid: { left: 64, right: 24, top: 40, bottom: 40 },
    tooltip: { show: false },
    xAxis: { type: 'category', data: times.map((x) => (x === null ? '' : String(x))) },
    yAxis: {
      type: 'value',
      name: opts.yName ? t(opts.yName, lang) : '',
      scale: !opts.stackedBars,
      ...(opts.percent ? { max: 100 } : {}),
    },
    series: series.map((s) => ({
      name: t(s.name, lang),
      type: opts.stackedBars ? 'bar' : 'line',
      stack: opts.stackedBars ? 'total' : undefined,
      data: s.values.map((v) => (v === null || !Number.isFinite(v) ? null : v)),
      symbolSize: 5,
    })),
  };
  return renderSvg(option, opts.width ?? 720, opts.height ?? 360, opts.idPrefix);
}

/** The Gini section from the per-time results (`xinzhi analyze gini`). */
export function giniSection(
  rows: GiniSeriesRow[],
  opts: { lang: Lang; value?: string; group?: string; id?: string },
): ReportSection {
  const lang = opts.lang;
  const times = rows.map((r) => r.time);
  const lines = timeLinesChart(
    times,
    [
      { name: bi('总体 G', 'total G'), values: rows.map((r) => r.total) },
      { name: bi('组内 Gw', 'within Gw'), values: rows.map((r) => r.within) },
      { name: bi('组间 Gnb', 'between Gnb'), values: rows.map((r) => r.between) },
      { name: bi('超变密度 Gt', 'transvariation Gt'), values: rows.map((r) => r.transvariation) },
    ],
    { lang, idPrefix: 'gini-lines' },
  );
  const shares = timeLinesChart(
    times,
    [
      { name: bi('组内', 'within'), values: rows.map((r) => 100 * r.shares.within) },
      { name: bi('组间', 'between'), values: rows.map((r) => 100 * r.shares.between) },
      { name: bi('超变密度', 'transvariation'), values: rows.map((r) => 100 * r.shares.transvariation) },
    ],
    { lang, idPrefix: 'gini-shares', stackedBars: true, percent: true, yName: bi('贡献率 %', 'contribution %') },
  );
  const last = rows[rows.length - 1];
  const table = threeLineTable({
    lang,
    id: 'gini-table',
    caption: bi('Dagum 基尼系数及其分解', 'Dagum Gini coefficient and its decomposition'),
    columns: [
      { header: bi('时间', 'Time') },
      { header: bi('总体 G', 'G'), kind: 'number' },
      { header: bi('组内 Gw', 'Gw'), kind: 'number' },
      { header: bi('组间 Gnb', 'Gnb'), kind: 'number' },
      { header: bi('超变密度 Gt', 'Gt'), kind: 'number' },
      ...last.groups.map((g) => ({ header: bi(`${g.name} 组内`, `${g.name} within`), kind: 'number' as const })),
    ],
    rows: rows.map((r) => [
      r.time === null ? '' : String(r.time),
      r.total,
      r.within,
      r.between,
      r.transvariation,
      ...last.groups.map((g) => r.groups.find((x) => x.name === g.name)?.gini ?? null),
    ]),
    note: bi(
      'Dagum (1997) 分解，G = Gw + Gnb + Gt；各组按均值升序排列。',
      'Dagum (1997) decomposition, G = Gw + Gnb + Gt; groups ordered by ascending mean.',
    ),
  });
  const pairTable = last.pairs.length
    ? threeLineTable({
        lang,
        id: 'gini-pairs',
        caption: bi(
          `组间基尼系数与相对经济影响 D（${last.time ?? ''}）`,
          `Between-group Gini and relative affluence D (${last.time ?? ''})`,
        ),
        columns: [
          { header: bi('组对', 'Pair') },
          { header: bi('G_jh', 'G_jh'), kind: 'number' },
          { header: bi('D_jh', 'D_jh'), kind: 'number' },
        ],
        rows: last.pairs.map((p) => [`${p.high} – ${p.low}`, p.gini, p.D]),
      })
    : '';
  const what = opts.value
    ? bi(
        `变量：${opts.value}${opts.group ? `；分组：${opts.group}` : ''}。`,
        `Variable: ${opts.value}${opts.group ? `; groups: ${opts.group}` : ''}.`,
      )
    : bi('', '');
  return {
    id: opts.id ?? 'gini',
    title: bi('区域差异：Dagum 基尼系数', 'Disparities: Dagum Gini coefficient'),
    html: [
      what.en ? paragraph(what, lang) : '',
      chartFigure(lines, { lang, caption: bi('基尼系数及其分解的演变', 'Gini coefficient and its parts over time') }),
      chartFigure(shares, { lang, caption: bi('差异来源的贡献率', 'Contribution shares of the sources') }),
      table,
      pairTable,
    ]
      .filter(Boolean)
      .join('\n'),
  };
}
