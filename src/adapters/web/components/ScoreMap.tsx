/** China map coloured by a node's score, with a year slider; OCHA credited under the map. */
import { useMemo, useState } from 'preact/hooks';
import { classBreaks, classOf, type ClassStyle } from '../../../core/stats/classify.ts';
import * as echarts from 'echarts';
import type { EvaluationResult } from '../../../core/measure/result.ts';
import type { Time } from '../../../core/panel/types.ts';
import { MAP_COLORS, NO_DATA_COLOR } from '../../report/charts.ts';
import { matchProvinces } from '../../../core/geo/province-match.ts';
import { useStore } from '../store.ts';
import { fmt, unitLabel, useT } from '../hooks.ts';
import { Chart } from './Chart.tsx';
import { Select } from './Select.tsx';

let registered = false;

export function ScoreMap(props: {
  result: EvaluationResult;
  node: string;
  nodeLabel: string;
  time: Time;
  onTime: (t: Time) => void;
  values?: Map<string, number>;
  title?: string;
  categories?: Record<string, { color: string; label: string }>;
  /** Base of the exported file names (default map-<node>-<time>). */
  file?: string;
}) {
  const { geojson } = useStore();
  const { t, lang } = useT();
  const [style, setStyle] = useState<ClassStyle>('quantile');
  const [k, setK] = useState(5);
  const [manual, setManual] = useState('');
  const r = props.result;
  const unitsKey = r.units.join('\u0001');
  const match = useMemo(() => (geojson ? matchProvinces(r.units, geojson) : undefined), [geojson, unitsKey]);
  if (geojson && !registered) {
    echarts.registerMap('china-provinces', geojson as never);
    registered = true;
  }
  const values = useMemo(() => {
    if (props.values) return props.values;
    const m = new Map<string, number>();
    for (const s of r.nodeScores)
      if (s.node === props.node && String(s.time) === String(props.time)) m.set(s.unit, s.score);
    return m;
  }, [r, props.node, props.time, props.values]);
  const option = useMemo(() => {
    if (!match) return null;
    const data = [...values]
      .filter(([u]) => match.byUnit.has(u))
      .map(([u, v]) => ({ name: match.byUnit.get(u)!.en, value: v, unit: u }));
    const nums = data.map((d) => d.value).filter(Number.isFinite);
    const title = props.title ?? `${props.nodeLabel} · ${String(props.time)}`;
    const cats = props.categories;
    // classes with their numbers in the legend (core classBreaks, as R's classInt), and a "no data" class
    const manualBreaks = manual
      .split(/[,，\s]+/)
      .map(Number)
      .filter(Number.isFinite);
    let breaks: number[] = [];
    try {
      breaks = cats || !nums.length ? [] : classBreaks(nums, k, style, manualBreaks);
    } catch {
      breaks = [];
    }
    const colors = (n: number) =>
      Array.from({ length: n }, (_, i) => MAP_COLORS[Math.round((i * (MAP_COLORS.length - 1)) / Math.max(1, n - 1))]);
    const classColors = colors(Math.max(1, breaks.length - 1));
    const dec = (v: number) => fmt(v, 3);
    const seen = new Set(data.map((d) => d.name));
    const noData = ((geojson as { features?: Array<{ properties?: Record<string, string> }> })?.features ?? [])
      .map((f) => f.properties?.ADM1_EN)
      .filter((n): n is string => !!n && !seen.has(n));
    const classed = cats
      ? data
      : [
          ...data.map((d) => ({ ...d, score: d.value, value: classOf(d.value, breaks) })),
          ...noData.map((name) => ({ name, value: 0, score: Number.NaN, unit: '' })),
        ];
    return {
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: {
        trigger: 'item',
        formatter: (p: { data?: { unit: string; value: number; score?: number } }) =>
          p.data
            ? p.data.unit
              ? `${unitLabel(p.data.unit, lang)}: ${cats ? (cats[String(p.data.value)]?.label ?? '') : fmt(p.data.score ?? p.data.value)}`
              : t('noData')
            : '',
      },
      visualMap: cats
        ? {
            type: 'piecewise',
            pieces: Object.entries(cats).map(([v, c]) => ({ value: Number(v), color: c.color, label: c.label })),
            left: 10,
            bottom: 10,
          }
        : {
            type: 'piecewise',
            pieces: [
              ...classColors.map((color, i) => ({
                value: i + 1,
                color,
                label: `${dec(breaks[i])} – ${dec(breaks[i + 1])}`,
              })),
              { value: 0, color: NO_DATA_COLOR, label: t('noData') },
            ],
            // item labels with the class bounds (a `text` option would hide them)
            showLabel: true,
            left: 10,
            bottom: 10,
          },
      series: [
        {
          id: 'map',
          type: 'map',
          map: 'china-provinces',
          nameProperty: 'ADM1_EN',
          roam: true,
          itemStyle: { areaColor: NO_DATA_COLOR, borderColor: '#ffffff', borderWidth: 0.6 },
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#f2c57c' } },
          data: classed,
          label: { show: false },
        },
      ],
    };
  }, [match, values, props.nodeLabel, props.time, lang, props.title, props.categories, style, k, manual, geojson]);
  if (!geojson) return <p class="muted">…</p>;
  if (!match?.isProvinces) return <p class="muted">{t('notProvinces')}</p>;
  const ti = r.times.findIndex((x) => String(x) === String(props.time));
  return (
    <div class="map-block" data-testid="score-map">
      {r.times.length > 1 && (
        <div class="row">
          <label for="year-slider">
            {t('yearSlider')}: <strong>{String(props.time)}</strong>
          </label>
          <input
            id="year-slider"
            type="range"
            min={0}
            max={r.times.length - 1}
            step={1}
            value={ti}
            aria-valuetext={String(props.time)}
            onInput={(e) => props.onTime(r.times[Number((e.currentTarget as HTMLInputElement).value)])}
            data-testid="year-slider"
          />
        </div>
      )}
      {!props.categories && (
        <div class="row wrap" data-testid="map-classes">
          <Select
            label={t('classStyle')}
            value={style}
            options={[
              { value: 'quantile', label: t('classQuantile') },
              { value: 'fisher', label: t('classFisher') },
              { value: 'equal', label: t('classEqual') },
              { value: 'manual', label: t('classManual') },
            ]}
            onChange={setStyle}
            testId="class-style"
          />
          {style !== 'manual' ? (
            <Select
              label={t('classCount')}
              value={String(k)}
              options={[3, 4, 5, 6, 7].map((n) => ({ value: String(n), label: String(n) }))}
              onChange={(v) => setK(Number(v))}
              testId="class-count"
            />
          ) : (
            <span class="field">
              <label for="manual-breaks">{t('classBreaks')}</label>
              <input
                id="manual-breaks"
                value={manual}
                placeholder="0.1, 0.2, 0.3, 0.5"
                onChange={(e) => setManual((e.currentTarget as HTMLInputElement).value)}
                data-testid="manual-breaks"
              />
            </span>
          )}
        </div>
      )}
      {option && (
        <Chart
          option={option}
          height={430}
          label={props.title ?? `${t('mapTitle')}: ${props.nodeLabel} ${String(props.time)}`}
          file={props.file ?? `map-${props.node}-${String(props.time)}`}
        />
      )}
      <p class="credit small">{t('mapCredit')}</p>
    </div>
  );
}
