/**
 * Report section: global Moran's I over time (three-line table and a line of
 * I with its expectation) and the Moran scatter plot of one time
 * (standardised value against its spatial lag; quadrants HH / LH / LL / HL).
 */
import type { MoranScatter } from '../../../core/analysis/moran.ts';
import { bi, t, type Bilingual, type Lang } from '../../../core/i18n.ts';
import type { Time } from '../../../core/panel/types.ts';
import { PALETTE, chartFigure, renderSvg } from '../charts.ts';
import type { ReportSection } from '../html.ts';
import { unitName } from '../labels.ts';
import { paragraph } from '../markup.ts';
import { threeLineTable } from '../tables.ts';

export interface MoranRow {
  time: Time | null;
  I: number;
  expected: number;
  z: number;
  p: number;
  pTwoSided?: number;
  permutation?: { p: number };
}

/** Scatter of z against Wz with the fitted line of slope I. */
export function moranScatterChart(
  s: MoranScatter,
  opts: { lang: Lang; idPrefix?: string; width?: number; height?: number },
): string {
  const pts = Array.from(s.z, (z, i) => [z, s.lag[i], unitName(s.ids[i], opts.lang)]);
  const lo = Math.min(...s.z),
    hi = Math.max(...s.z);
  const option = {
    color: PALETTE,
    grid: { left: 64, right: 24, top: 24, bottom: 48 },
    xAxis: {
      type: 'value',
      name: t(bi('标准化值 z', 'standardised value z'), opts.lang),
      nameLocation: 'middle',
      nameGap: 28,
    },
    yAxis: { type: 'value', name: t(bi('空间滞后 Wz', 'spatial lag Wz'), opts.lang) },
    series: [
      {
        type: 'scatter',
        symbolSize: 7,
        data: pts,
        label: {
          show: pts.length <= 40,
          formatter: (p: { data: unknown[] }) => String(p.data[2]),
          position: 'right',
          fontSize: 9,
        },
      },
      {
        type: 'line',
        symbol: 'none',
        data: [
          [lo, s.slope * lo],
          [hi, s.slope * hi],
        ],
        lineStyle: { color: PALETTE[1] },
      },
    ],
  };
  return renderSvg(option, opts.width ?? 560, opts.height ?? 480, opts.idPrefix ?? 'moran-scatter');
}

/** The Moran section from per-time results and, optionally, the scatter data of one time. */
export function moranSection(
  rows: MoranRow[],
  opts: {
    lang: Lang;
    value?: string;
    weights?: string | Bilingual;
    scatter?: { time: Time | null; data: MoranScatter };
    id?: string;
  },
): ReportSection {
  const lang = opts.lang;
  const perm = rows.some((r) => r.permutation);
  const weights = typeof opts.weights === 'string' ? bi(opts.weights, opts.weights) : opts.weights;
  const table = threeLineTable({
    lang,
    id: 'moran-table',
    caption: bi(
      `全局 Moran 指数${opts.value ? `（${opts.value}）` : ''}`,
      `Global Moran's I${opts.value ? ` (${opts.value})` : ''}`,
    ),
    columns: [
      { header: bi('时间', 'Time') },
      { header: bi('I', 'I'), kind: 'number' },
      { header: bi('E[I]', 'E[I]'), kind: 'number' },
      { header: bi('z', 'z'), kind: 'number', decimals: 3 },
      { header: bi('p（单侧）', 'p (one-sided)'), kind: 'number', decimals: 3 },
      ...(perm ? [{ header: bi('置换 p', 'permutation p'), kind: 'number' as const, decimals: 3 }] : []),
    ],
    rows: rows.map((r) => [
      r.time === null ? '' : String(r.time),
      r.I,
      r.expected,
      r.z,
      r.p,
      ...(perm ? [r.permutation?.p ?? null] : []),
    ]),
    note: bi(
      `z、p 为随机化假设下的值（备择假设：正相关）。${weights ? `空间权重：${weights.zh}。` : ''}`,
      `z and p under the randomisation assumption (alternative: positive autocorrelation).${weights ? ` Weights: ${weights.en}.` : ''}`,
    ),
  });
  const line = renderSvg(
    {
      color: PALETTE,
      legend: { top: 4 },
      grid: { left: 64, right: 24, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: rows.map((r) => (r.time === null ? '' : String(r.time))) },
      yAxis: { type: 'value', scale: true },
      series: [
        { name: "Moran's I", type: 'line', data: rows.map((r) => (Number.isFinite(r.I) ? r.I : null)), symbolSize: 5 },
        {
          name: 'E[I]',
          type: 'line',
          data: rows.map((r) => r.expected),
          symbol: 'none',
          lineStyle: { type: 'dashed' },
        },
      ],
    },
    720,
    320,
    'moran-lines',
  );
  const parts = [
    paragraph(
      bi(
        '全局 Moran 指数衡量相邻单位取值的相似程度：I 显著大于 E[I] 表示空间集聚。',
        "Global Moran's I measures how similar neighbouring units are: I clearly above E[I] means spatial clustering.",
      ),
      lang,
    ),
    table,
    chartFigure(line, { lang, caption: bi('Moran 指数的变化', "Moran's I over time"), id: 'moran-lines-figure' }),
  ];
  if (opts.scatter) {
    parts.push(
      chartFigure(moranScatterChart(opts.scatter.data, { lang }), {
        lang,
        id: 'moran-scatter-figure',
        caption: bi(
          `Moran 散点图${opts.scatter.time !== null ? `（${opts.scatter.time}）` : ''}`,
          `Moran scatter plot${opts.scatter.time !== null ? ` (${opts.scatter.time})` : ''}`,
        ),
        note: bi(
          '第一、三象限为高-高、低-低集聚；直线斜率为 Moran 指数。',
          'Quadrants I and III are High-High and Low-Low; the slope of the line is I.',
        ),
      }),
    );
  }
  return {
    id: opts.id ?? 'moran',
    title: bi('空间自相关：全局 Moran 指数', "Spatial autocorrelation: global Moran's I"),
    html: parts.join('\n'),
  };
}
