/** Theil T and L with the within / between decomposition by region, per year (core theil). */
import { useState } from 'preact/hooks';
import { ANALYSIS_DEFAULTS } from '../../../../core/analysis/runner.ts';
import type { EvaluationResult } from '../../../../core/measure/result.ts';
import type { TheilMeasure } from '../../../../core/analysis/theil.ts';
import { PALETTE } from '../../../report/charts.ts';
import { fmt, useT } from '../../hooks.ts';
import { Chart } from '../Chart.tsx';
import { Select } from '../Select.tsx';
import { ThreeLineTable, type Column } from '../ThreeLineTable.tsx';
import type { TheilOutput } from '../../session.ts';

type Row = TheilOutput['results'][number];
import { AnalysisCard } from './AnalysisCard.tsx';
import { NodePicker } from './NodePicker.tsx';

export function TheilPanel(props: { result: EvaluationResult }) {
  const { t } = useT();
  const [node, setNode] = useState('index');
  const [which, setWhich] = useState<'auto' | 'TL' | 'T'>(ANALYSIS_DEFAULTS.theil.measures === 'auto' ? 'auto' : 'TL');
  const measures: TheilMeasure[] | undefined = which === 'auto' ? undefined : which === 'TL' ? ['T', 'L'] : ['T'];
  return (
    <AnalysisCard
      kind="theil"
      title={t('theil')}
      req={{ kind: 'theil', node, ...(measures ? { measures } : {}) }}
      controls={
        <>
          <NodePicker result={props.result} value={node} onChange={setNode} />
          <Select
            label={t('theilMeasures')}
            value={which}
            options={[
              { value: 'auto', label: t('theilAuto') },
              { value: 'TL', label: t('theilBoth') },
              { value: 'T', label: t('theilTOnly') },
            ]}
            onChange={setWhich}
            testId="theil-measures"
          />
        </>
      }
    >
      {(o) => {
        const ms = o.measures;
        const series = ms.flatMap((m, k) => [
          {
            name: `${m} ${t('total')}`,
            type: 'line',
            data: o.results.map((x) => x[m]?.total ?? null),
            lineStyle: { width: 2.5, type: k ? 'dashed' : 'solid' },
          },
          {
            name: `${m} ${t('within')}`,
            type: 'line',
            data: o.results.map((x) => x[m]?.within ?? null),
            lineStyle: { type: k ? 'dashed' : 'solid' },
          },
          {
            name: `${m} ${t('between')}`,
            type: 'line',
            data: o.results.map((x) => x[m]?.between ?? null),
            lineStyle: { type: k ? 'dashed' : 'solid' },
          },
        ]);
        return (
          <>
            <p class="muted small">
              {t('group')}: {o.groupBy} · T = Σ_g s_g T_g + Σ_g s_g ln(μ_g/μ)
              {ms.includes('L') ? ' · L = Σ_g p_g L_g + Σ_g p_g ln(μ/μ_g)' : ''}
            </p>
            <Chart
              label={t('theil')}
              file="theil"
              height={300}
              option={{
                color: PALETTE,
                title: { text: t('theil'), left: 'center', textStyle: { fontSize: 14 } },
                tooltip: { trigger: 'axis' },
                legend: { bottom: 0, type: 'scroll' },
                grid: { left: 55, right: 20, top: 40, bottom: 50 },
                xAxis: { type: 'category', data: o.results.map((x) => String(x.time)) },
                yAxis: { type: 'value', scale: true },
                series,
              }}
            />
            <ThreeLineTable
              caption={`${t('theil')} · ${t('group')}: ${o.groupBy}`}
              rows={o.results}
              maxHeight={300}
              testId="theil-table"
              columns={[
                { key: 'time', label: t('year'), value: (x: Row) => String(x.time) },
                ...ms.flatMap(
                  (m): Array<Column<Row>> => [
                    { key: m, label: m, numeric: true, value: (x) => x[m]?.total, render: (x) => fmt(x[m]?.total) },
                    {
                      key: `${m}w`,
                      label: `${m} ${t('within')}`,
                      numeric: true,
                      value: (x) => x[m]?.within,
                      render: (x) => fmt(x[m]?.within),
                    },
                    {
                      key: `${m}b`,
                      label: `${m} ${t('between')}`,
                      numeric: true,
                      value: (x) => x[m]?.between,
                      render: (x) => fmt(x[m]?.between),
                    },
                    {
                      key: `${m}s`,
                      label: `${m} ${t('betweenShare')}`,
                      numeric: true,
                      value: (x) => x[m]?.shares.between,
                      render: (x) => (x[m] ? `${fmt(x[m]!.shares.between * 100, 1)}%` : '—'),
                    },
                  ],
                ),
              ]}
            />
          </>
        );
      }}
    </AnalysisCard>
  );
}
