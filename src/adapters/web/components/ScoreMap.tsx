/** China map coloured by a node's score, with a year slider; OCHA credited under the map. */
import { useMemo } from 'preact/hooks';
import * as echarts from 'echarts';
import type { EvaluationResult } from '../../../core/measure/result.ts';
import type { Time } from '../../../core/panel/types.ts';
import { MAP_COLORS, NO_DATA_COLOR } from '../../report/charts.ts';
import { matchProvinces } from '../../../core/geo/province-match.ts';
import { useStore } from '../store.ts';
import { fmt, unitLabel, useT } from '../hooks.ts';
import { Chart } from './Chart.tsx';

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
}) {
  const { geojson } = useStore();
  const { t, lang } = useT();
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
    return {
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: {
        trigger: 'item',
        formatter: (p: { data?: { unit: string; value: number } }) =>
          p.data
            ? `${unitLabel(p.data.unit, lang)}: ${cats ? (cats[String(p.data.value)]?.label ?? '') : fmt(p.data.value)}`
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
            type: 'continuous',
            min: Math.min(...nums),
            max: Math.max(...nums),
            inRange: { color: MAP_COLORS },
            calculable: false,
            left: 10,
            bottom: 10,
            text: [t('score'), ''],
            formatter: (v: number) => v.toFixed(3),
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
          data,
          label: { show: false },
        },
      ],
    };
  }, [match, values, props.nodeLabel, props.time, lang, props.title, props.categories]);
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
      {option && (
        <Chart
          option={option}
          height={430}
          label={props.title ?? `${t('mapTitle')}: ${props.nodeLabel} ${String(props.time)}`}
          file={`map-${props.node}-${String(props.time)}`}
        />
      )}
      <p class="credit small">{t('mapCredit')}</p>
    </div>
  );
}
