/**
 * Report section: coupling coordination — mean C, T, D over time (lines),
 * a province map of D in the last time (when units are provinces and the
 * boundaries are given), and the class distribution per time (table).
 */
import { COORDINATION_LABELS, type CouplingResult } from '../../../core/analysis/coupling.ts';
import { sliceByTime } from '../../../core/analysis/distribution-by-time.ts';
import { bi, t, type Lang } from '../../../core/i18n.ts';
import type { Time } from '../../../core/panel/types.ts';
import { MAP_COLORS, NO_DATA_COLOR, OCHA_CREDIT, chartFigure, registerGeo, renderSvg } from '../charts.ts';
import type { ReportSection } from '../html.ts';
import { paragraph } from '../markup.ts';
import { matchProvinces } from '../../../core/geo/province-match.ts';
import { threeLineTable } from '../tables.ts';
import { timeLinesChart } from './gini.ts';

/** Province map of D at one time (null when fewer than 80 % of the units are provinces). */
export function couplingMap(result: CouplingResult, geojson: unknown, time: Time | null, lang: Lang): string | null {
  const rows = result.rows.filter((r) => r.time === time);
  const match = matchProvinces(
    rows.map((r) => r.unit),
    geojson,
  );
  if (!match.isProvinces) return null;
  const mapName = registerGeo(geojson);
  const data: Array<{ name: string; value: number | null }> = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const f = match.byUnit.get(r.unit);
    if (!f || !Number.isFinite(r.D)) continue;
    data.push({ name: f.en, value: r.D });
    seen.add(f.en);
  }
  for (const f of match.features) if (!seen.has(f.en)) data.push({ name: f.en, value: null });
  const option = {
    visualMap: {
      type: 'piecewise',
      orient: 'horizontal',
      left: 16,
      bottom: 40,
      itemWidth: 12,
      itemHeight: 10,
      textStyle: { fontSize: 9 },
      pieces: COORDINATION_LABELS.map((label, k) => ({
        min: k / 10,
        max: k === 9 ? 2 : (k + 1) / 10,
        label: `${k + 1} ${t(label, lang)}`,
        color: k < 5 ? ['#b2182b', '#d6604d', '#f4a582', '#fddbc7', '#f7f7f7'][k] : MAP_COLORS[k - 5],
      })),
    },
    series: [
      {
        type: 'map',
        map: mapName,
        nameProperty: 'ADM1_EN',
        roam: false,
        selectedMode: false,
        top: 8,
        bottom: 110,
        left: 16,
        right: 16,
        itemStyle: { areaColor: NO_DATA_COLOR, borderColor: '#ffffff', borderWidth: 0.6 },
        emphasis: { disabled: true },
        label: { show: false },
        data,
      },
    ],
    graphic: [
      {
        type: 'text',
        left: 12,
        bottom: 8,
        style: { text: t(OCHA_CREDIT, lang).slice(0, 140), fontSize: 9, fill: '#555' },
      },
    ],
  };
  return renderSvg(option, 800, 640, 'coupling-map');
}

/** The coupling coordination section. */
export function couplingSection(
  result: CouplingResult,
  opts: { lang: Lang; geojson?: unknown; id?: string },
): ReportSection {
  const lang = opts.lang;
  const slices = sliceByTime(
    result.rows.length,
    result.rows.some((r) => r.time !== null) ? result.rows.map((r) => r.time as Time) : null,
  );
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const times = slices.map((s) => s.time);
  const at = (k: 'C' | 'T' | 'D') => slices.map((s) => mean(s.rows.map((r) => result.rows[r][k])));
  const lines = timeLinesChart(
    times,
    [
      { name: bi('耦合度 C', 'coupling C'), values: at('C') },
      { name: bi('综合发展指数 T', 'development T'), values: at('T') },
      { name: bi('耦合协调度 D', 'coordination D'), values: at('D') },
    ],
    { lang, idPrefix: 'coupling-lines' },
  );
  const lastTime = times[times.length - 1];
  const map = opts.geojson ? couplingMap(result, opts.geojson, lastTime, lang) : null;
  const table = threeLineTable({
    lang,
    id: 'coupling-classes',
    caption: bi('各协调等级的单位数', 'Units per coordination class'),
    columns: [
      { header: bi('时间', 'Time') },
      ...COORDINATION_LABELS.map((l, k) => ({
        header: bi(`${k + 1} ${l.zh}`, `${k + 1} ${l.en}`),
        kind: 'integer' as const,
      })),
    ],
    rows: slices.map((s) => [
      s.time === null ? '' : String(s.time),
      ...COORDINATION_LABELS.map((_, k) => s.rows.filter((r) => result.rows[r].class.level === k + 1).length),
    ]),
    note: bi('等级区间 [a, b)，最后一级 [0.9, 1]。', 'Class intervals [a, b), the last one [0.9, 1].'),
  });
  const form =
    result.form === 'standard'
      ? bi('标准形式 C = n·[ΠU/(ΣU)^n]^(1/n)', 'standard form C = n·[ΠU/(ΣU)^n]^(1/n)')
      : bi('修正形式（王淑佳等 2021）', 'corrected form (Wang Shujia et al. 2021)');
  return {
    id: opts.id ?? 'coupling',
    title: bi('耦合协调度', 'Coupling coordination'),
    html: [
      paragraph(
        bi(
          `系统：${result.systems.join('、')}；耦合度采用${form.zh}；D = √(C·T)，T = Σ αᵢUᵢ（α = ${result.alpha.map((a) => a.toFixed(3)).join(', ')}）。`,
          `Systems: ${result.systems.join(', ')}; coupling degree in the ${form.en}; D = √(C·T), T = Σ αᵢUᵢ (α = ${result.alpha.map((a) => a.toFixed(3)).join(', ')}).`,
        ),
        lang,
      ),
      chartFigure(lines, {
        lang,
        caption: bi('耦合度、综合发展指数与耦合协调度（均值）的演变', 'Mean C, T and D over time'),
      }),
      map
        ? chartFigure(map, {
            lang,
            caption: bi(
              `耦合协调度的空间分布（${lastTime ?? ''}）`,
              `Coupling coordination by province (${lastTime ?? ''})`,
            ),
            note: OCHA_CREDIT,
          })
        : '',
      table,
    ]
      .filter(Boolean)
      .join('\n'),
  };
}
