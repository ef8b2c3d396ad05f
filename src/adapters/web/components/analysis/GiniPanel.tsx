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
              ...(['within', 'between', 'transvariation'] as const).map((k) => ({
                key: `share-${k}`,
                label: `${t(k)} %`,
                numeric: true,
                value: (x: (typeof o.results)[number]) => x.shares[k],
                render: (x: (typeof o.results)[number]) => fmt(100 * x.shares[k], 2),
              })),
            ]}
          />
          {(() => {
            const last = o.results[o.results.length - 1];
            if (!last) return null;
            const when = String(last.time ?? '');
            return (
              <>
                <ThreeLineTable
                  caption={`${t('giniGroups')} · ${when}`}
                  testId="gini-groups"
                  rows={last.groups}
                  columns={[
                    { key: 'g', label: t('group'), value: (x) => x.name },
                    { key: 'n', label: 'n', numeric: true, value: (x) => x.n },
                    { key: 'm', label: t('mean'), numeric: true, value: (x) => x.mean, render: (x) => fmt(x.mean) },
                    { key: 'G', label: 'G_jj', numeric: true, value: (x) => x.gini, render: (x) => fmt(x.gini) },
                  ]}
                />
                <ThreeLineTable
                  caption={`${t('giniPairs')} · ${when}`}
                  testId="gini-pairs"
                  rows={last.pairs}
                  columns={[
                    { key: 'p', label: t('pair'), value: (x) => `${x.high} – ${x.low}` },
                    { key: 'G', label: 'G_jh', numeric: true, value: (x) => x.gini, render: (x) => fmt(x.gini) },
                    { key: 'd', label: 'd_jh', numeric: true, value: (x) => x.d, render: (x) => fmt(x.d) },
                    { key: 'pp', label: 'p_jh', numeric: true, value: (x) => x.p, render: (x) => fmt(x.p) },
                  ]}
                />
              </>
            );
          })()}
        </>
      )}
    </AnalysisCard>
  );
}
