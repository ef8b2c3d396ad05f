/**
 * Report section: obstacle degree — bars of the mean obstacle of each
 * dimension and of the ten largest indicators in the last time, and a table
 * of the dimension obstacles over time.
 */
import { obstacleRowCount, type ObstacleResult } from '../../../core/analysis/obstacle.ts';
import { sliceByTime } from '../../../core/analysis/distribution-by-time.ts';
import { bi, type Bilingual, type Lang, t } from '../../../core/i18n.ts';
import { PALETTE, chartFigure, renderSvg } from '../charts.ts';
import type { ReportSection } from '../html.ts';
import { paragraph } from '../markup.ts';
import { threeLineTable } from '../tables.ts';

function bars(items: Array<{ label: string; value: number }>, lang: Lang, idPrefix: string): string {
  const sorted = [...items].sort((a, b) => a.value - b.value);
  const option = {
    color: PALETTE,
    grid: { left: 160, right: 56, top: 16, bottom: 44 },
    xAxis: { type: 'value', name: lang === 'zh' ? '障碍度 %' : 'obstacle %', nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'category', data: sorted.map((s) => s.label), axisLabel: { fontSize: 10 } },
    series: [
      {
        type: 'bar',
        data: sorted.map((s) => s.value),
        label: { show: true, position: 'right', fontSize: 10, formatter: (p: { value: number }) => p.value.toFixed(2) },
      },
    ],
  };
  return renderSvg(option, 720, 60 + 26 * sorted.length, idPrefix);
}

/** The obstacle section; `names` gives display names of indicators / dimensions. */
export function obstacleSection(
  result: ObstacleResult,
  opts: { lang: Lang; names?: Record<string, Bilingual>; id?: string; top?: number },
): ReportSection {
  const lang = opts.lang;
  const name = (id: string) => (opts.names?.[id] ? t(opts.names[id], lang) : id);
  const slices = sliceByTime(obstacleRowCount(result), result.time);
  const avg = (rows: number[], key: 'indicators' | 'dimensions', id: string) => {
    const col =
      key === 'indicators'
        ? result.share[result.indicators.indexOf(id)]
        : result.dimensionShare[result.dimensions.indexOf(id)];
    return (100 * rows.reduce((s, r) => s + col[r], 0)) / rows.length;
  };
  const last = slices[slices.length - 1];
  const dimBars = bars(
    result.dimensions.map((d) => ({ label: name(d), value: avg(last.rows, 'dimensions', d) })),
    lang,
    'obstacle-dims',
  );
  const indTop = result.indicators
    .map((i) => ({ label: name(i), value: avg(last.rows, 'indicators', i) }))
    .sort((a, b) => b.value - a.value)
    .slice(0, opts.top ?? 10);
  const indBars = bars(indTop, lang, 'obstacle-inds');
  const when = last.time === null ? '' : ` ${last.time}`;
  const table = threeLineTable({
    lang,
    id: 'obstacle-table',
    caption: bi('各维度平均障碍度（%）', 'Mean obstacle degree of each dimension (%)'),
    columns: [
      { header: bi('时间', 'Time') },
      ...result.dimensions.map((d) => ({ header: opts.names?.[d] ?? bi(d, d), kind: 'number' as const, decimals: 2 })),
    ],
    rows: slices.map((s) => [
      s.time === null ? '' : String(s.time),
      ...result.dimensions.map((d) => avg(s.rows, 'dimensions', d)),
    ]),
    note: bi(
      `障碍度 O = wⱼ(e − x′) / Σ wⱼ(e − x′)，理想值 e = ${result.ideal}。`,
      `Obstacle O = wⱼ(e − x′) / Σ wⱼ(e − x′), ideal e = ${result.ideal}.`,
    ),
  });
  return {
    id: opts.id ?? 'obstacle',
    title: bi('障碍因子诊断', 'Obstacle diagnosis'),
    html: [
      paragraph(
        bi(
          '障碍度衡量各指标与理想值的差距对综合得分的拖累程度（各单位障碍度之和为 100%），此处为所有单位的平均。',
          'The obstacle degree is the share of the gap to the ideal that each indicator causes in the composite score (100 % per unit); shown as the mean over units.',
        ),
        lang,
      ),
      chartFigure(dimBars, { lang, caption: bi(`各维度平均障碍度${when}`, `Mean obstacle by dimension${when}`) }),
      chartFigure(indBars, {
        lang,
        caption: bi(`障碍度最大的指标${when}`, `Indicators with the largest obstacle${when}`),
      }),
      table,
    ].join('\n'),
  };
}
