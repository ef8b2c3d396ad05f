/** Dagum Gini decomposition by region, per year (core dagumGini). */
import { useState } from 'preact/hooks';
import type { EvaluationResult } from '../../../../core/measure/result.ts';
import { PALETTE } from '../../../report/charts.ts';
import { fmt, useT } from '../../hooks.ts';
import { Chart } from '../Chart.tsx';
import { ThreeLineTable } from '../ThreeLineTable.tsx';
import { AnalysisCard } from './AnalysisCard.tsx';
import { NodePicker } from './NodePicker.tsx';

export function GiniPanel(props: { result: EvaluationResult }) {
  const { t } = useT();
  const [node, setNode] = useState('index');
  return (
    <AnalysisCard
      kind="gini"
      title={t('gini')}
      req={{ kind: 'gini', node }}
      controls={<NodePicker result={props.result} value={node} onChange={setNode} />}
    >
      {(o) => (
        <>
          <p class="muted small">
            {t('group')}: {o.groupBy} · G = Gw + Gnb + Gt
          </p>
          <Chart
            label={t('gini')}
            file="gini"
            height={300}
            option={{
              color: PALETTE,
              title: { text: t('gini'), left: 'center', textStyle: { fontSize: 14 } },
              tooltip: { trigger: 'axis' },
              legend: { bottom: 0 },
              grid: { left: 50, right: 20, top: 40, bottom: 50 },
              xAxis: { type: 'category', data: o.results.map((x) => String(x.time)) },
              yAxis: { type: 'value' },
              series: [
                { name: t('total'), type: 'line', data: o.results.map((x) => x.total) },
                { name: t('within'), type: 'bar', stack: 'g', data: o.results.map((x) => x.within) },
                { name: t('between'), type: 'bar', stack: 'g', data: o.results.map((x) => x.between) },
                { name: t('transvariation'), type: 'bar', stack: 'g', data: o.results.map((x) => x.transvariation) },
              ],
            }}
          />
          <ThreeLineTable
            caption={t('gini')}
            rows={o.results}
            maxHeight={300}
            columns={[
              { key: 'time', label: t('year'), value: (x) => String(x.time) },
              { key: 'G', label: 'G', numeric: true, value: (x) => x.total, render: (x) => fmt(x.total) },
              { key: 'Gw', label: t('within'), numeric: true, value: (x) => x.within, render: (x) => fmt(x.within) },
              {
                key: 'Gnb',
                label: t('between'),
                numeric: true,
                value: (x) => x.between,
                render: (x) => fmt(x.between),
              },
              {
                key: 'Gt',
                label: t('transvariation'),
                numeric: true,
                value: (x) => x.transvariation,
                render: (x) => fmt(x.transvariation),
              },
            ]}
          />
        </>
      )}
    </AnalysisCard>
  );
}
