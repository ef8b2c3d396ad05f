/**
 * XY plot of a QCA expression against the outcome as an SVG string
 * (Ragin 2008, ch. 3): one labelled point per case, the diagonal y = x
 * (points on or above it are consistent with sufficiency), inclS and covS in
 * the title. Rendered by ECharts like the other charts; the numbers come from
 * core/qca/xy.ts.
 */
import type { Lang } from '../../core/i18n.ts';
import type { XYPlot } from '../../core/qca/xy.ts';
import { PALETTE, renderSvg } from './charts.ts';

/**
 * SVG of an XY plot.
 * @example xyChart(xyPlot(data, implicants), { lang: 'zh' })
 */
export function xyChart(xy: XYPlot, opts: { lang: Lang; width?: number; height?: number; idPrefix?: string }): string {
  const zh = opts.lang === 'zh';
  const fit = `inclS = ${xy.inclS.toFixed(3)}, PRI = ${xy.PRI.toFixed(3)}, covS = ${xy.covS.toFixed(3)}`;
  const option = {
    title: {
      text: zh ? `XY 图：${xy.x} → ${xy.y}` : `XY plot: ${xy.x} → ${xy.y}`,
      subtext: fit,
      left: 'center',
      textStyle: { fontSize: 13 },
    },
    grid: { left: 56, right: 24, top: 64, bottom: 48 },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      name: zh ? `${xy.x} 隶属度` : `membership in ${xy.x}`,
      nameLocation: 'middle',
      nameGap: 28,
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 1,
      name: zh ? `${xy.y} 隶属度` : `membership in ${xy.y}`,
      nameLocation: 'middle',
      nameGap: 36,
    },
    series: [
      {
        type: 'line',
        data: [
          [0, 0],
          [1, 1],
        ],
        symbol: 'none',
        lineStyle: { color: '#a5a5a5', type: 'dashed' },
        silent: true,
      },
      {
        type: 'scatter',
        data: xy.points.map((p) => [p.x, p.y, p.case]),
        symbolSize: 7,
        itemStyle: { color: PALETTE[0] },
        label: {
          show: true,
          position: 'right',
          fontSize: 9,
          formatter: (p: { value: [number, number, string] }) => p.value[2],
        },
      },
    ],
  };
  return renderSvg(option, opts.width ?? 520, opts.height ?? 480, opts.idPrefix ?? 'qca-xy');
}
