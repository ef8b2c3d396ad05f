/** Score trends of selected units over time (line chart). */
import { useMemo } from 'preact/hooks';
import type { EvaluationResult } from '../../../core/measure/result.ts';
import { PALETTE } from '../../report/charts.ts';
import { unitLabel, useT } from '../hooks.ts';
import { Chart } from './Chart.tsx';

export function TrendChart(props: { result: EvaluationResult; node: string; nodeLabel: string; units: string[] }) {
  const { t, lang } = useT();
  const r = props.result;
  const option = useMemo(() => {
    const byUnit = new Map<string, Map<string, number>>();
    for (const s of r.nodeScores)
      if (s.node === props.node && props.units.includes(s.unit)) {
        if (!byUnit.has(s.unit)) byUnit.set(s.unit, new Map());
        byUnit.get(s.unit)!.set(String(s.time), s.score);
      }
    return {
      color: PALETTE,
      title: { text: `${t('trendTitle')} · ${props.nodeLabel}`, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => (typeof v === 'number' ? v.toFixed(4) : String(v)) },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 50, right: 20, top: 40, bottom: 50 },
      xAxis: { type: 'category', data: r.times.map(String), name: t('year') },
      yAxis: { type: 'value', name: t('score'), scale: true },
      series: props.units.map((u) => ({
        id: u,
        type: 'line',
        name: unitLabel(u, lang),
        symbolSize: 5,
        data: r.times.map((tm) => byUnit.get(u)?.get(String(tm)) ?? null),
      })),
    };
  }, [r, props.node, props.units, lang]);
  return (
    <Chart
      option={option}
      height={340}
      label={`${t('trendTitle')}: ${props.nodeLabel}`}
      file={`trend-${props.node}`}
      testId="trend-chart"
    />
  );
}
