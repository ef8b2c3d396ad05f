/**
 * Report section: kernel density dynamics. ECharts-GL 3-D surfaces cannot be
 * rendered server-side, so the "3-D kernel density" figure of the literature
 * is drawn as a ridgeline: one line per time, offset vertically by time
 * (each density scaled by the largest density of all times). The JSON output
 * (density[t][g]) remains ready for an interactive 3-D chart in a browser.
 */
import type { KdeResult } from '../../../core/analysis/kde.ts';
import { bi, type Lang } from '../../../core/i18n.ts';
import { PALETTE, chartFigure, renderSvg } from '../charts.ts';
import type { ReportSection } from '../html.ts';
import { paragraph } from '../markup.ts';
import { threeLineTable } from '../tables.ts';

/** Ridgeline SVG of the densities: line t is drawn at height t·step + f_t(x)/max·(1.6·step). */
export function ridgelineChart(r: KdeResult, opts: { lang: Lang; width?: number; idPrefix?: string }): string {
  const step = 1;
  let max = 0;
  for (const row of r.density) for (const v of row) if (v > max) max = v;
  const scale = max > 0 ? (1.6 * step) / max : 0;
  // thin the grid to at most 256 points per line for a light SVG
  const every = Math.max(1, Math.ceil(r.grid.length / 256));
  const idx: number[] = [];
  for (let g = 0; g < r.grid.length; g += every) idx.push(g);
  if (idx[idx.length - 1] !== r.grid.length - 1) idx.push(r.grid.length - 1);
  const labels = r.times.map((x) => (x === null ? '' : String(x)));
  const n = r.density.length;
  const series = r.density.map((row, k) => {
    const base = (n - 1 - k) * step; // earliest time at the top
    return {
      type: 'line',
      name: labels[k],
      showSymbol: false,
      z: k + 2,
      lineStyle: { width: 1.2, color: PALETTE[k % PALETTE.length] },
      areaStyle: { color: '#ffffff', opacity: 0.85, origin: base },
      data: idx.map((g) => [r.grid[g], base + row[g] * scale]),
    };
  });
  const option = {
    grid: { left: 64, right: 24, top: 16, bottom: 40 },
    xAxis: {
      type: 'value',
      min: r.grid[0],
      max: r.grid[r.grid.length - 1],
      axisLabel: { fontSize: 10, showMinLabel: false, showMaxLabel: false },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: (n - 1) * step + 1.8 * step,
      interval: step,
      splitLine: { show: false },
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: {
        fontSize: 10,
        formatter: (v: number) => (Number.isInteger(v) && v >= 0 && v < n ? labels[n - 1 - v] : ''),
      },
    },
    series,
  };
  return renderSvg(option, opts.width ?? 720, Math.max(320, 60 + 36 * n), opts.idPrefix ?? 'kde-ridgeline');
}

/** The kernel density section. */
export function kdeSection(r: KdeResult, opts: { lang: Lang; value?: string; id?: string }): ReportSection {
  const lang = opts.lang;
  const tail = { right: bi('右拖尾', 'right'), left: bi('左拖尾', 'left'), symmetric: bi('对称', 'symmetric') };
  const table = threeLineTable({
    lang,
    id: 'kde-table',
    caption: bi('分布动态特征', 'Features of the distribution dynamics'),
    columns: [
      { header: bi('时间', 'Time') },
      { header: bi('均值', 'Mean'), kind: 'number' },
      { header: bi('中位数', 'Median'), kind: 'number' },
      { header: bi('主峰位置', 'Mode'), kind: 'number' },
      { header: bi('主峰高度', 'Peak height'), kind: 'number', decimals: 3 },
      { header: bi('标准差', 'SD'), kind: 'number' },
      { header: bi('峰数', 'Peaks'), kind: 'integer' },
      { header: bi('拖尾', 'Tail') },
      { header: bi('变化', 'Change') },
    ],
    rows: r.summaries.map((s) => [
      s.time === null ? '' : String(s.time),
      s.mean,
      s.median,
      s.mode,
      s.maxDensity,
      s.sd,
      s.peaks.length,
      tail[s.tail][lang],
      s.change ? s.change.text[lang] : '',
    ]),
    note: bi(
      `${r.kernel === 'gaussian' ? '高斯' : 'Epanechnikov'} 核，带宽规则 ${r.bandwidthRule}（h 为核的标准差，同 R density）；峰为高度 ≥ ${r.peakThreshold * 100}% 最大密度的局部极大值。`,
      `${r.kernel} kernel, bandwidth ${r.bandwidthRule} (h = the kernel's sd, as in R density); peaks are local maxima at least ${r.peakThreshold * 100}% of the maximum density.`,
    ),
  });
  return {
    id: opts.id ?? 'kde',
    title: bi('分布动态：核密度估计', 'Distribution dynamics: kernel density'),
    html: [
      opts.value ? paragraph(bi(`变量：${opts.value}。`, `Variable: ${opts.value}.`), lang) : '',
      chartFigure(ridgelineChart(r, { lang }), {
        lang,
        caption: bi('核密度分布的演变（山脊图）', 'Kernel density over time (ridgeline)'),
        note: bi(
          '三维核密度图无法在服务器端渲染，改以按年份错开的山脊图表示。',
          '3-D surfaces cannot be rendered server-side; shown as a ridgeline offset by time.',
        ),
      }),
      table,
    ]
      .filter(Boolean)
      .join('\n'),
  };
}
