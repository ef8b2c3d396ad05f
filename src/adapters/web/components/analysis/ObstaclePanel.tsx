/** Obstacle degree (core obstacleFromEvaluation): dimension obstacles over time and the main obstacle indicators per unit. */
import type { EvaluationResult } from '../../../../core/measure/result.ts';
import { nodeName } from '../../../report/hierarchy.ts';
import { PALETTE } from '../../../report/charts.ts';
import { unitLabel, useT } from '../../hooks.ts';
import { Chart } from '../Chart.tsx';
import { ThreeLineTable } from '../ThreeLineTable.tsx';
import { AnalysisCard } from './AnalysisCard.tsx';
import { Select } from '../Select.tsx';
import { useState } from 'preact/hooks';

export function ObstaclePanel(props: { result: EvaluationResult }) {
  const { t, lang } = useT();
  const r = props.result;
  const [year, setYear] = useState(String(r.times[r.times.length - 1]));
  const time = r.times.find((x) => String(x) === year) ?? r.times[r.times.length - 1];
  return (
    <AnalysisCard
      kind="obstacle"
      title={t('obstacle')}
      req={{ kind: 'obstacle', top: 3, time }}
      controls={
        <Select
          label={t('year')}
          value={year}
          options={r.times.map((x) => ({ value: String(x), label: String(x) }))}
          onChange={setYear}
          testId="obstacle-year"
        />
      }
    >
      {(o) => (
        <>
          <p class="muted small">O_ij = w_j (e − x'_ij) / Σ_j w_j (e − x'_ij)</p>
          <Chart
            label={t('obstacle')}
            file="obstacle"
            height={300}
            option={{
              color: PALETTE,
              title: { text: `${t('obstacle')} (%)`, left: 'center', textStyle: { fontSize: 14 } },
              tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v.toFixed(2)}%` },
              legend: { bottom: 0 },
              grid: { left: 50, right: 20, top: 40, bottom: 50 },
              xAxis: { type: 'category', data: o.byTime.map((x) => String(x.time)) },
              yAxis: { type: 'value', max: 100 },
              series: o.dimensions.map((d) => ({
                name: nodeName(r, d)[lang],
                type: 'bar',
                stack: 'o',
                data: o.byTime.map((x) => x.dimensions[d] * 100),
              })),
            }}
          />
          <ThreeLineTable
            caption={`${t('topObstacles')} · ${String(o.latest[0]?.time ?? '')}`}
            maxHeight={300}
            rows={o.latest}
            columns={[
              { key: 'unit', label: t('unit'), value: (x) => unitLabel(x.unit, lang) },
              ...[0, 1, 2].map((k) => ({
                key: `o${k}`,
                label: `#${k + 1}`,
                value: (x: (typeof o.latest)[number]) => x.top[k]?.obstacle ?? NaN,
                render: (x: (typeof o.latest)[number]) =>
                  x.top[k] ? `${nodeName(r, x.top[k].id)[lang]} ${(x.top[k].obstacle * 100).toFixed(1)}%` : '—',
              })),
            ]}
          />
        </>
      )}
    </AnalysisCard>
  );
}
