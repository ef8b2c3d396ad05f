/** Global Moran's I per year (core moran, randomisation z and p) with the chosen spatial weights. */
import { useState } from 'preact/hooks';
import { ANALYSIS_DEFAULTS } from '../../../../core/analysis/runner.ts';
import type { EvaluationResult } from '../../../../core/measure/result.ts';
import { PALETTE } from '../../../report/charts.ts';
import type { WeightsKind } from '../../session.ts';
import { fmt, useT } from '../../hooks.ts';
import { Chart } from '../Chart.tsx';
import { ThreeLineTable } from '../ThreeLineTable.tsx';
import { AnalysisCard } from './AnalysisCard.tsx';
import { NodePicker } from './NodePicker.tsx';
import { WeightsPicker } from './WeightsPicker.tsx';

export function MoranPanel(props: { result: EvaluationResult }) {
  const { t, lang } = useT();
  const [node, setNode] = useState('index');
  const [w, setW] = useState<WeightsKind>(ANALYSIS_DEFAULTS.spatial.weights as WeightsKind);
  return (
    <AnalysisCard
      kind="moran"
      title={t('moran')}
      req={{ kind: 'moran', node, weights: w }}
      controls={
        <>
          <NodePicker result={props.result} value={node} onChange={setNode} />
          <WeightsPicker value={w} onChange={setW} />
        </>
      }
    >
      {(o) => (
        <>
          <p class="muted small">I = (n/S0) Σ_i Σ_j w_ij z_i z_j / Σ z_i² · {o.weights[lang]}</p>
          {o.unmatched.length > 0 && (
            <p class="muted small" data-testid="not-on-map">
              {t('notOnMap')}: {o.unmatched.join(', ')}
            </p>
          )}
          <Chart
            label={t('moran')}
            file="moran"
            height={260}
            option={{
              color: PALETTE,
              title: { text: "Moran's I", left: 'center', textStyle: { fontSize: 14 } },
              tooltip: { trigger: 'axis' },
              grid: { left: 50, right: 20, top: 40, bottom: 30 },
              xAxis: { type: 'category', data: o.results.map((x) => String(x.time)) },
              yAxis: { type: 'value', scale: true },
              series: [{ name: 'I', type: 'line', data: o.results.map((x) => x.I) }],
            }}
          />
          <ThreeLineTable
            caption={t('moran')}
            rows={o.results}
            maxHeight={260}
            columns={[
              { key: 'time', label: t('year'), value: (x) => String(x.time) },
              { key: 'I', label: 'I', numeric: true, value: (x) => x.I, render: (x) => fmt(x.I) },
              { key: 'z', label: 'z', numeric: true, value: (x) => x.z, render: (x) => fmt(x.z, 3) },
              { key: 'p', label: t('pValue'), numeric: true, value: (x) => x.p, render: (x) => fmt(x.p, 4) },
            ]}
          />
        </>
      )}
    </AnalysisCard>
  );
}
