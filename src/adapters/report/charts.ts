/**
 * Charts as standalone SVG strings, rendered by ECharts on the server side
 * (`renderer: 'svg', ssr: true`, no browser or DOM needed) — the same code
 * runs in the browser. Output is deterministic: animation is off, hover
 * styles and ECharts' metadata attributes are removed, and the ids ECharts
 * numbers globally are renumbered per chart under a chosen prefix (so several
 * charts can sit in one HTML page without id clashes).
 *
 * Charts: ranking (bar), trends per unit (small multiples), weights (bar by
 * dimension), province map (choropleth with OCHA credit). `chartFigure`
 * embeds any SVG in a bilingual <figure>.
 */
import * as echarts from '#echarts'; // Node: the one-file ESM build (0.08 s to load, against 0.4 s for the package entry's many modules); browsers: the package entry
import { bi, t, type Bilingual, type Lang } from '../../core/i18n.ts';
import { INDEX_ID, type EvaluationResult } from '../../core/measure/result.ts';
import type { Time } from '../../core/panel/types.ts';
import { hierarchy, nodeName, topAncestor } from './hierarchy.ts';
import { L, unitName } from './labels.ts';
import { ScoreTable, latestTime, timeKey, unitsByRank } from './lookup.ts';
import { biBlock, biInline, escapeHtml } from './markup.ts';
import { matchProvinces } from '../../core/geo/province-match.ts';

/** Options common to every chart. */
export interface ChartOptions {
  lang: Lang;
  /** Pixel width (default depends on the chart). */
  width?: number;
  /** Pixel height (default depends on the chart and the data). */
  height?: number;
  /** Draw the title inside the SVG (default true; reports put it in the caption instead). */
  title?: boolean;
  /** Prefix of the ids inside the SVG (default the chart kind). */
  idPrefix?: string;
}

/** Options of charts showing one node's scores. */
export interface ScoreChartOptions extends ChartOptions {
  /** Node to show (default the index). */
  node?: string;
  /** Time to show (default the latest). */
  time?: Time;
  /** Only these units (default all), in score order. */
  units?: string[];
}

/** Colour palette (colour-blind friendly, prints well in greyscale order). */
export const PALETTE = [
  '#1f4e79',
  '#c55a11',
  '#548235',
  '#7030a0',
  '#bf9000',
  '#2e75b6',
  '#a5a5a5',
  '#843c0c',
  '#385723',
  '#5b9bd5',
];

/** Sequential colours of the choropleth (light → dark blue). */
export const MAP_COLORS = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];

/** Fill of features without data. */
export const NO_DATA_COLOR = '#d9d9d9';

/** Attribution required for the province boundaries (data/geo/SOURCE.md). */
export const OCHA_CREDIT: Bilingual = bi(
  '边界数据：联合国人道主义事务协调厅亚太区域办公室（UN OCHA ROAP），中国行政区划边界（COD-AB），CC BY-IGO 许可。示意图。',
  'Boundaries: UN OCHA Regional Office for Asia and the Pacific (ROAP), China Subnational Administrative Boundaries (COD-AB), CC BY-IGO. Schematic map.',
);

/** Font stack (single quotes only: ECharts writes it into a double-quoted style attribute). */
const FONT =
  "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Helvetica Neue', Arial, sans-serif";

/**
 * Render an ECharts option to an SVG string and normalise it (see module
 * comment). Use this for any further chart so it embeds the same way.
 */
export function renderSvg(option: echarts.EChartsCoreOption, width: number, height: number, idPrefix: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return normalizeSvg(chart.renderToSVGString(), idPrefix);
  } finally {
    chart.dispose();
  }
}

/**
 * Make an ECharts SVG deterministic and embeddable: drop the hover <style>
 * block, class and ecmeta_* attributes; renumber ids "zrN-…" in order of first
 * appearance as "<prefix>-k".
 */
export function normalizeSvg(svg: string, idPrefix: string): string {
  const prefix = idPrefix.replace(/[^A-Za-z0-9_-]/g, '-');
  let out = svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>\s*/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '');
  const ids = new Map<string, string>();
  out = out.replace(/zr\d+-[A-Za-z]+-?\d+/g, (tok) => {
    if (!ids.has(tok)) ids.set(tok, `${prefix}-${ids.size}`);
    return ids.get(tok)!;
  });
  return out;
}

function titleOption(show: boolean | undefined, text: string): Record<string, unknown> {
  return show === false
    ? {}
    : { title: { text, left: 'center', top: 4, textStyle: { fontSize: 14, fontWeight: 'bold' } } };
}

function fmt3(x: number): string {
  return Number.isFinite(x) ? x.toFixed(3) : '';
}

/** Title of a score chart: node name and time in the chosen language. */
function scoreTitle(
  result: EvaluationResult,
  node: string,
  time: Time | undefined,
  lang: Lang,
  what: Bilingual,
): string {
  const name = t(nodeName(result, node), lang);
  const when = time === undefined ? '' : ` ${timeKey(time)}`;
  return lang === 'zh' ? `${name}${what.zh}${when}` : `${name} ${what.en}${when}`;
}

/**
 * Ranking: horizontal bars of one node's scores at one time, best at the top,
 * value labels at the bar ends.
 */
export function rankingChart(result: EvaluationResult, opts: ScoreChartOptions): string {
  const node = opts.node ?? INDEX_ID;
  const time = opts.time ?? latestTime(result);
  const table = ScoreTable.of(result);
  const ordered = unitsOrderedByScore(result, table, node, time);
  const only = opts.units ? new Set(opts.units) : null;
  const units = only ? ordered.filter((u) => only.has(u)) : ordered;
  const scores = units.map((u) => (time === undefined ? NaN : table.score(node, u, time)));
  const width = opts.width ?? 720;
  const top = opts.title === false ? 16 : 40;
  const height = opts.height ?? Math.max(240, top + 40 + 20 * units.length);
  const option = {
    ...titleOption(opts.title, scoreTitle(result, node, time, opts.lang, bi('排名', 'ranking'))),
    grid: { left: 12, right: 64, top, bottom: 36, containLabel: true },
    xAxis: {
      type: 'value',
      name: t(L.score, opts.lang),
      nameLocation: 'middle',
      nameGap: 24,
      splitLine: { show: false },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: units.map((u) => unitName(u, opts.lang)),
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        data: scores.map((s) => (Number.isFinite(s) ? s : null)),
        barMaxWidth: 16,
        itemStyle: { color: PALETTE[0] },
        label: { show: true, position: 'right', fontSize: 10, formatter: (p: { value: number }) => fmt3(p.value) },
      },
    ],
  };
  return renderSvg(option, width, height, opts.idPrefix ?? 'ranking');
}

/** Units sorted by a node's score at a time (best first); the index uses its ranks. */
function unitsOrderedByScore(
  result: EvaluationResult,
  table: ScoreTable,
  node: string,
  time: Time | undefined,
): string[] {
  if (node === INDEX_ID || time === undefined) return unitsByRank(result, table, time);
  const pos = new Map(result.units.map((u, i) => [u, i]));
  const val = (u: string) => {
    const s = table.score(node, u, time);
    return Number.isFinite(s) ? s : -Infinity;
  };
  return [...result.units].sort((a, b) => val(b) - val(a) || pos.get(a)! - pos.get(b)!);
}

/**
 * Trends per unit: small multiples, one panel per unit (ordered by the latest
 * rank), all on the same y scale, x = time.
 */
export function trendChart(result: EvaluationResult, opts: ChartOptions & { node?: string; units?: string[] }): string {
  const node = opts.node ?? INDEX_ID;
  const table = ScoreTable.of(result);
  const units = opts.units ?? unitsByRank(result, table, latestTime(result));
  const times = result.times.map(timeKey);
  const n = Math.max(units.length, 1);
  const cols = Math.min(6, Math.max(1, Math.ceil(Math.sqrt(n * 1.5))));
  const rows = Math.ceil(n / cols);
  const width = opts.width ?? 960;
  const top = opts.title === false ? 8 : 36;
  const cellH = 110;
  const height = opts.height ?? top + rows * cellH + 24;
  const left = 44,
    right = 12,
    gapX = 18,
    gapY = 38;
  const cellW = (width - left - right - gapX * (cols - 1)) / cols;
  const plotH = cellH - gapY;
  let lo = Infinity,
    hi = -Infinity;
  for (const u of units)
    for (const tm of result.times) {
      const s = table.score(node, u, tm);
      if (Number.isFinite(s)) {
        lo = Math.min(lo, s);
        hi = Math.max(hi, s);
      }
    }
  if (!Number.isFinite(lo)) {
    lo = 0;
    hi = 1;
  }
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const step = 10 ** Math.floor(Math.log10(hi - lo));
  const yMin = Math.floor(lo / step) * step,
    yMax = Math.ceil(hi / step) * step;
  const yLabel = (v: number) => String(Number(v.toFixed(Math.max(0, -Math.log10(step)) + 1)));
  const grids: unknown[] = [],
    xAxes: unknown[] = [],
    yAxes: unknown[] = [],
    series: unknown[] = [],
    titles: unknown[] = [];
  units.forEach((u, i) => {
    const r = Math.floor(i / cols),
      c = i % cols;
    const gl = left + c * (cellW + gapX),
      gt = top + r * cellH + 18;
    grids.push({ left: gl, top: gt, width: cellW, height: plotH });
    titles.push({
      text: unitName(u, opts.lang),
      left: gl + cellW / 2,
      top: gt - 19,
      textAlign: 'center',
      textStyle: { fontSize: 11, fontWeight: 'normal' },
    });
    const lastRow = r === rows - 1 || i + cols >= units.length;
    xAxes.push({
      gridIndex: i,
      type: 'category',
      data: times,
      boundaryGap: false,
      axisLabel: {
        show: lastRow,
        fontSize: 9,
        alignMinLabel: 'left',
        alignMaxLabel: 'right',
        interval: (k: number) => k === 0 || k === times.length - 1,
      },
      axisTick: { show: false },
    });
    yAxes.push({
      gridIndex: i,
      type: 'value',
      min: yMin,
      max: yMax,
      interval: (yMax - yMin) / 2,
      axisLabel: { show: c === 0, fontSize: 9, formatter: yLabel },
      splitLine: { lineStyle: { color: '#eee' } },
    });
    series.push({
      type: 'line',
      xAxisIndex: i,
      yAxisIndex: i,
      symbol: 'circle',
      symbolSize: 3,
      lineStyle: { width: 1.5, color: PALETTE[0] },
      itemStyle: { color: PALETTE[0] },
      data: result.times.map((tm) => {
        const s = table.score(node, u, tm);
        return Number.isFinite(s) ? s : null;
      }),
    });
  });
  const mainTitle =
    opts.title === false
      ? []
      : [
          {
            text: scoreTitle(result, node, undefined, opts.lang, bi('趋势', 'trends')),
            left: 'center',
            top: 4,
            textStyle: { fontSize: 14 },
          },
        ];
  const option = { title: [...mainTitle, ...titles], grid: grids, xAxis: xAxes, yAxis: yAxes, series };
  return renderSvg(option, width, height, opts.idPrefix ?? 'trends');
}

/**
 * Weights: horizontal bars of every indicator's global weight, in hierarchy
 * order, coloured by its top-level dimension (legend), with value labels.
 */
export function weightsChart(result: EvaluationResult, opts: ChartOptions): string {
  const entries = hierarchy(result).filter((e) => e.kind === 'indicator');
  const top = topAncestor(result);
  const groups: string[] = [];
  for (const e of entries) {
    const g = top.get(e.id) ?? e.id;
    if (!groups.includes(g)) groups.push(g);
  }
  const grouped = groups.length > 1 || (groups.length === 1 && groups[0] !== entries[0]?.id);
  const labels = entries.map((e) => t(e.name, opts.lang));
  const width = opts.width ?? 720;
  const top0 = (opts.title === false ? 12 : 40) + (grouped ? 24 : 0);
  const height = opts.height ?? Math.max(240, top0 + 40 + 20 * entries.length);
  const series = (grouped ? groups : ['all']).map((g, k) => ({
    type: 'bar',
    name: grouped ? t(nodeName(result, g), opts.lang) : t(L.globalWeight, opts.lang),
    stack: 'w',
    barMaxWidth: 16,
    itemStyle: { color: PALETTE[k % PALETTE.length] },
    label: {
      show: true,
      position: 'right',
      fontSize: 10,
      formatter: (p: { value: number | null }) => (p.value === null ? '' : fmt3(p.value)),
    },
    data: entries.map((e) => (!grouped || (top.get(e.id) ?? e.id) === g ? e.weight.global : null)),
  }));
  const option = {
    ...titleOption(opts.title, t(bi('指标全局权重', 'Global weights of indicators'), opts.lang)),
    legend: grouped
      ? {
          top: opts.title === false ? 4 : 28,
          left: 'center',
          itemWidth: 12,
          itemHeight: 10,
          textStyle: { fontSize: 11 },
        }
      : undefined,
    grid: { left: 12, right: 64, top: top0, bottom: 36, containLabel: true },
    xAxis: {
      type: 'value',
      name: t(L.globalWeight, opts.lang),
      nameLocation: 'middle',
      nameGap: 24,
      splitLine: { show: false },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: labels,
      axisTick: { show: false },
      axisLabel: { width: 220, overflow: 'truncate' },
    },
    series,
  };
  return renderSvg(option, width, height, opts.idPrefix ?? 'weights');
}

const registered = new WeakMap<object, string>();
let mapCounter = 0;

/** Register a GeoJSON with ECharts once per object; returns its map name (shared by every map of the report). */
export function registerGeo(geojson: unknown): string {
  const key = geojson as object;
  let name = registered.get(key);
  if (!name) {
    name = `xinzhi-provinces-${mapCounter++}`;
    echarts.registerMap(name, geojson as Parameters<typeof echarts.registerMap>[1]);
    registered.set(key, name);
  }
  return name;
}

/** Options of the province map. */
export interface MapOptions extends ScoreChartOptions {
  /**
   * Colour scale: "quantile" (default) — five classes at the quintiles of the
   * mapped values, legend of ranges; "continuous" — a gradient from min to max.
   */
  scale?: 'quantile' | 'continuous';
}

/**
 * Class breaks at the quantiles k/n (type-7 interpolation, as R's default) of
 * the values; duplicate breaks are merged. Returns n+1 (or fewer) ascending breaks.
 */
export function quantileBreaks(values: number[], classes: number): number[] {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return [];
  const q = (p: number) => {
    const h = (v.length - 1) * p;
    const lo = Math.floor(h);
    return lo + 1 < v.length ? v[lo] + (h - lo) * (v[lo + 1] - v[lo]) : v[lo];
  };
  const breaks: number[] = [];
  for (let k = 0; k <= classes; k++) {
    const b = q(k / classes);
    if (breaks.length === 0 || b > breaks[breaks.length - 1]) breaks.push(b);
  }
  return breaks;
}

/** ECharts piecewise pieces for the breaks: [b0, b1], (b1, b2], ... labelled with 3 decimals. */
function quantilePieces(
  breaks: number[],
): Array<{ gte?: number; gt?: number; lte: number; label: string; color: string }> {
  if (breaks.length === 1) return [{ gte: breaks[0], lte: breaks[0], label: fmt3(breaks[0]), color: MAP_COLORS[2] }];
  const n = breaks.length - 1;
  return Array.from({ length: n }, (_, k) => {
    const color = MAP_COLORS[Math.round((k * (MAP_COLORS.length - 1)) / Math.max(1, n - 1))];
    const label = `${fmt3(breaks[k])} – ${fmt3(breaks[k + 1])}`;
    return k === 0
      ? { gte: breaks[k], lte: breaks[k + 1], label, color }
      : { gt: breaks[k], lte: breaks[k + 1], label, color };
  });
}

/**
 * Province choropleth of one node's scores at one time. Units are matched to
 * features by `matchProvinces`; features without data (e.g. Hong Kong, Macao,
 * Taiwan, or unmatched provinces) are grey and labelled "no data" in the
 * legend. The OCHA credit line is drawn under the map.
 */
export function provinceMap(result: EvaluationResult, geojson: unknown, opts: MapOptions): string {
  const node = opts.node ?? INDEX_ID;
  const time = opts.time ?? latestTime(result);
  const table = ScoreTable.of(result);
  const values = new Map<string, number>();
  for (const unit of result.units) values.set(unit, time === undefined ? NaN : table.score(node, unit, time));
  return valueMap(values, geojson, {
    ...opts,
    titleText: scoreTitle(result, node, time, opts.lang, bi('空间分布', 'by province')),
  });
}

/**
 * Province choropleth of any value per unit (e.g. a TFP index): the same map,
 * classes, no-data class and credit as `provinceMap`. Units are matched to
 * features by `matchProvinces`; non-finite values count as no data.
 *
 * @example valueMap(new Map([['北京', 1.08], ['上海', 1.05]]), geojson, { lang: 'zh', titleText: 'GML 2022' })
 */
export function valueMap(
  values: Map<string, number>,
  geojson: unknown,
  opts: ChartOptions & { titleText: string; scale?: MapOptions['scale'] },
): string {
  const match = matchProvinces([...values.keys()], geojson);
  const mapName = registerGeo(geojson);
  const data: Array<{ name: string; value: number | null }> = [];
  const withData = new Set<string>();
  let lo = Infinity,
    hi = -Infinity;
  for (const [unit, f] of match.byUnit) {
    const s = values.get(unit) ?? NaN;
    if (!Number.isFinite(s)) continue;
    data.push({ name: f.en, value: s });
    withData.add(f.en);
    lo = Math.min(lo, s);
    hi = Math.max(hi, s);
  }
  for (const f of match.features) if (!withData.has(f.en)) data.push({ name: f.en, value: null });
  if (!Number.isFinite(lo)) {
    lo = 0;
    hi = 1;
  }
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const width = opts.width ?? 800;
  const height = opts.height ?? 640;
  const titleH = opts.title === false ? 8 : 36;
  const creditLines = wrap(t(OCHA_CREDIT, opts.lang), Math.floor((width - 24) / (opts.lang === 'zh' ? 11 : 5.6)));
  const quantile = (opts.scale ?? 'quantile') === 'quantile';
  const bottom = 24 + 14 * creditLines.length + (quantile ? 24 : 64);
  const noDataLeft = quantile ? 150 : 300;
  const option = {
    ...titleOption(opts.title, opts.titleText),
    visualMap:
      (opts.scale ?? 'quantile') === 'quantile'
        ? {
            type: 'piecewise',
            pieces: quantilePieces(
              quantileBreaks(
                data.map((d) => d.value ?? NaN),
                5,
              ),
            ),
            orient: 'vertical',
            left: 24,
            bottom: 24 + 14 * creditLines.length + 8,
            itemWidth: 14,
            itemHeight: 10,
            itemGap: 4,
            textStyle: { fontSize: 10 },
          }
        : {
            type: 'continuous',
            min: lo,
            max: hi,
            precision: 3,
            calculable: false,
            orient: 'horizontal',
            left: 24,
            bottom: 24 + 14 * creditLines.length + 8,
            itemWidth: 12,
            itemHeight: 160,
            text: [fmt3(hi), fmt3(lo)],
            inRange: { color: MAP_COLORS },
            textStyle: { fontSize: 10 },
          },
    series: [
      {
        type: 'map',
        map: mapName,
        nameProperty: 'ADM1_EN',
        roam: false,
        selectedMode: false,
        top: titleH,
        bottom,
        left: 16,
        right: 16,
        itemStyle: { areaColor: NO_DATA_COLOR, borderColor: '#8c8c8c', borderWidth: 0.5 },
        emphasis: { disabled: true },
        label: { show: false },
        data,
      },
    ],
    graphic: [
      {
        type: 'rect',
        left: noDataLeft,
        bottom: 24 + 14 * creditLines.length + 9,
        shape: { width: 14, height: 10 },
        style: { fill: NO_DATA_COLOR },
      },
      {
        type: 'text',
        left: noDataLeft + 20,
        bottom: 24 + 14 * creditLines.length + 8,
        style: { text: t(L.noData, opts.lang), fontSize: 10, fill: '#333', fontFamily: FONT },
      },
      ...creditLines.map((line, i) => ({
        type: 'text',
        left: 12,
        bottom: 8 + 14 * (creditLines.length - 1 - i),
        style: { text: line, fontSize: 10, fill: '#555', fontFamily: FONT },
      })),
    ],
  };
  return renderSvg(option, width, height, opts.idPrefix ?? 'map');
}

/** Break text into lines of at most `max` characters at spaces (or anywhere for CJK text). */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(' ', max);
    if (cut <= 0) cut = max;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) lines.push(rest);
  return lines;
}

/** Options of `chartFigure`. */
export interface FigureOptions {
  caption: Bilingual;
  lang: Lang;
  /** Note under the caption (e.g. a data credit). */
  note?: Bilingual;
  id?: string;
}

/** CSS for chart figures (class "chart"). */
export const FIGURE_CSS = `
figure.chart { margin: 1em 0 2em; text-align: center; }
figure.chart svg { max-width: 100%; height: auto; }
figure.chart figcaption { font-weight: 600; margin-top: 0.4em; }
figure.chart .figure-note { font-weight: normal; font-size: 0.8em; color: #555; margin-top: 0.2em; }
`;

/** Embed an SVG string in a <figure> with a bilingual caption (and optional note). */
export function chartFigure(svg: string, opts: FigureOptions): string {
  const idAttr = opts.id ? ` id="${escapeHtml(opts.id)}"` : '';
  const note = opts.note ? `<div class="figure-note">${biInline(opts.note, opts.lang)}</div>` : '';
  return `<figure class="chart"${idAttr}>\n${svg}\n<figcaption>${biBlock(opts.caption, opts.lang)}${note}</figcaption>\n</figure>`;
}
