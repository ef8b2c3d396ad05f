/**
 * Event-study plot as a standalone SVG (ECharts, server-side, as charts.ts):
 * the estimate per relative period with its confidence interval as a shaded
 * band, a dashed zero line and a dashed vertical line between the reference
 * period −1 and period 0. Used for `"type": "event-study"` (the `periods` of
 * the result) and for Callaway–Sant'Anna's dynamic aggregation (event time e).
 *
 * @example eventStudyChart(result.periods, { lang: 'zh' })
 */
import type { EstimateResult } from '../../core/estimate/run.ts';
import { bi, type Lang } from '../../core/i18n.ts';
import { renderSvg, type ChartOptions, PALETTE } from './charts.ts';

export interface EventPlotPoint {
  period: number;
  estimate: number;
  ci: [number, number];
}

export function eventStudyChart(
  points: readonly EventPlotPoint[],
  opts: ChartOptions & { caption?: { zh: string; en: string } },
): string {
  const zh = opts.lang === 'zh';
  const pts = [...points].sort((a, b) => a.period - b.period);
  const cats = pts.map((p) => String(p.period));
  const lower = pts.map((p) => p.ci[0]);
  const width = pts.map((p) => p.ci[1] - p.ci[0]);
  const title = opts.caption
    ? opts.caption[opts.lang]
    : zh
      ? '事件研究：相对处理时期的效应'
      : 'Event study: effects by period relative to treatment';
  const zeroAt = cats.indexOf('0');
  const option = {
    ...(opts.title === false
      ? {}
      : { title: { text: title, left: 'center', top: 4, textStyle: { fontSize: 14, fontWeight: 'bold' } } }),
    grid: { left: 60, right: 24, top: opts.title === false ? 16 : 44, bottom: 48 },
    xAxis: {
      type: 'category',
      data: cats,
      name: zh ? '相对处理时期' : 'Period relative to treatment',
      nameLocation: 'middle',
      nameGap: 28,
      boundaryGap: false,
    },
    yAxis: { type: 'value', name: zh ? '估计值与 95% 置信区间' : 'Estimate and 95% CI', nameGap: 12 },
    series: [
      { type: 'line', data: lower, stack: 'ci', lineStyle: { opacity: 0 }, symbol: 'none', silent: true },
      {
        type: 'line',
        data: width,
        stack: 'ci',
        lineStyle: { opacity: 0 },
        symbol: 'none',
        areaStyle: { color: PALETTE[0], opacity: 0.15 },
        silent: true,
      },
      {
        type: 'line',
        data: pts.map((p) => p.estimate),
        color: PALETTE[0],
        symbol: 'circle',
        symbolSize: 7,
        markLine: {
          symbol: 'none',
          silent: true,
          label: { show: false },
          lineStyle: { type: 'dashed', color: '#7f7f7f' },
          data: [{ yAxis: 0 }, ...(zeroAt > 0 ? [{ xAxis: zeroAt - 0.5 }] : [])],
        },
      },
    ],
  };
  return renderSvg(option, opts.width ?? 640, opts.height ?? 380, opts.idPrefix ?? 'event-study');
}

/** The points of a model's plot: an event study's periods, Callaway–Sant'Anna's dynamic aggregation; else null. */
export function eventPlotPoints(m: EstimateResult['models'][number]): EventPlotPoint[] | null {
  if (m.type === 'event-study') return m.periods;
  if (m.type === 'did' && m.estimator === 'cs')
    return m.aggregations.dynamic.byEventTime.map((d) => ({ period: d.e, estimate: d.estimate, ci: d.ci }));
  return null;
}

/**
 * The plot of every model that has one, as `xinzhi estimate --plot` writes it
 * and the web page shows it (the same SVG text): the k-th plot has the ids
 * `event-study-k` and the caption "model: effects by period relative to treatment".
 * @example estimatePlots(result, 'zh')[0].svg.startsWith('<svg') // true
 */
export function estimatePlots(res: EstimateResult, lang: Lang): Array<{ name: string; svg: string }> {
  const plots = res.models.flatMap((m) => {
    const points = eventPlotPoints(m);
    return points ? [{ name: m.name, points }] : [];
  });
  return plots.map((p, k) => {
    const caption = bi(
      `${p.name}：相对处理时期的效应与 95% 置信区间`,
      `${p.name}: effects by period relative to treatment, 95% CI`,
    );
    return { name: p.name, svg: eventStudyChart(p.points, { lang, caption, idPrefix: `event-study-${k + 1}` }) };
  });
}
