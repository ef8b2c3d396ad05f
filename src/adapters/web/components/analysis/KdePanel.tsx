/** Kernel density of the scores per year (core kdeByTime), as overlaid curves. */
import { useState } from 'preact/hooks';
import type { EvaluationResult } from '../../../../core/measure/result.ts';
import { PALETTE } from '../../../report/charts.ts';
import { fmt, useT } from '../../hooks.ts';
import { Chart } from '../Chart.tsx';
import { ThreeLineTable } from '../ThreeLineTable.tsx';
import { AnalysisCard } from './AnalysisCard.tsx';
import { Kde3d } from './Kde3d.tsx';
import { NodePicker } from './NodePicker.tsx';

export function KdePanel(props: { result: EvaluationResult }) {
  const { t } = useT();
  const [node, setNode] = useState('index');
  const [view3d, setView3d] = useState(false);
  return (
    <AnalysisCard
      kind="kde"
      title={t('kde')}
      req={{ kind: 'kde', node }}
      controls={
        <>
          <NodePicker result={props.result} value={node} onChange={setNode} />
          <label class="check">
            <input
              type="checkbox"
              checked={view3d}
              onChange={(e) => setView3d((e.currentTarget as HTMLInputElement).checked)}
              data-testid="kde-3d"
            />{' '}
            {t('kde3d')}
          </label>
        </>
      }
    >
      {(o) => {
        const k = o.result;
        return (
          <>
            <p class="muted small">
              f(x) = 1/(n h) Σ K((x − x_i)/h) · {k.kernel} · {k.bandwidthRule}
            </p>
            {view3d && <Kde3d result={k} />}
            <Chart
              label={t('kde')}
              file="kde"
              height={300}
              option={{
                color: PALETTE,
                title: { text: t('kde'), left: 'center', textStyle: { fontSize: 14 } },
                tooltip: { trigger: 'axis' },
                legend: { bottom: 0, type: 'scroll' },
                grid: { left: 50, right: 20, top: 40, bottom: 50 },
                xAxis: { type: 'value', scale: true, name: t('score') },
                yAxis: { type: 'value', name: t('density') },
                series: k.times.map((tm, i) => ({
                  name: String(tm ?? ''),
                  type: 'line',
                  showSymbol: false,
                  data: Array.from(k.grid, (x, g) => [x, k.density[i][g]]),
                })),
              }}
            />
            <ThreeLineTable
              caption={t('kde')}
              rows={k.summaries}
              maxHeight={260}
              columns={[
                { key: 'time', label: t('year'), value: (x) => String(x.time ?? '') },
                { key: 'mean', label: t('meanValue'), numeric: true, value: (x) => x.mean, render: (x) => fmt(x.mean) },
                { key: 'sd', label: t('sd'), numeric: true, value: (x) => x.sd, render: (x) => fmt(x.sd) },
                {
                  key: 'bw',
                  label: t('bandwidth'),
                  numeric: true,
                  value: (x) => x.bandwidth,
                  render: (x) => fmt(x.bandwidth),
                },
                { key: 'peaks', label: t('peaks'), numeric: true, value: (x) => x.peaks.length },
              ]}
            />
          </>
        );
      }}
    </AnalysisCard>
  );
}
