/** Local Moran (LISA) clusters of one year on the map (core localMoran). */
import { useState } from 'preact/hooks';
import { ANALYSIS_DEFAULTS } from '../../../../core/analysis/runner.ts';
import type { EvaluationResult } from '../../../../core/measure/result.ts';
import type { Time } from '../../../../core/panel/types.ts';
import { CLUSTER_LABELS, type Cluster } from '../../../../core/analysis/lisa.ts';
import type { WeightsKind } from '../../session.ts';
import { fmt, unitLabel, useT } from '../../hooks.ts';
import { ScoreMap } from '../ScoreMap.tsx';
import { ThreeLineTable } from '../ThreeLineTable.tsx';
import { AnalysisCard } from './AnalysisCard.tsx';
import { NodePicker } from './NodePicker.tsx';
import { WeightsPicker } from './WeightsPicker.tsx';

const CODE: Record<Cluster, number> = { ns: 0, HH: 1, LL: 2, HL: 3, LH: 4 };
const COLOR: Record<Cluster, string> = { ns: '#eeeeee', HH: '#b2182b', LL: '#2166ac', HL: '#ef8a62', LH: '#67a9cf' };

export function LisaPanel(props: { result: EvaluationResult }) {
  const { t, lang } = useT();
  const r = props.result;
  const [node, setNode] = useState('index');
  const [w, setW] = useState<WeightsKind>(ANALYSIS_DEFAULTS.spatial.weights as WeightsKind);
  const [time, setTime] = useState<Time>(r.times[r.times.length - 1]);
  const cats = Object.fromEntries(
    (Object.keys(CODE) as Cluster[]).map((c) => [String(CODE[c]), { color: COLOR[c], label: CLUSTER_LABELS[c][lang] }]),
  );
  return (
    <AnalysisCard
      kind="lisa"
      title={t('lisa')}
      req={{ kind: 'lisa', node, weights: w, time }}
      controls={
        <>
          <NodePicker result={r} value={node} onChange={setNode} />
          <WeightsPicker value={w} onChange={setW} />
        </>
      }
    >
      {(o) => {
        const values = new Map(o.units.map((u, i) => [u, CODE[o.cluster[i]]]));
        const rows = o.units.map((u, i) => ({ unit: u, Ii: o.Ii[i], p: o.p[i], cluster: o.cluster[i] }));
        return (
          <>
            <p class="muted small">
              I_i = (z_i / m2) Σ_j w_ij z_j · α = {o.options.lisa.alpha} · {o.weights[lang]}
            </p>
            {o.unmatched.length > 0 && (
              <p class="muted small" data-testid="not-on-map">
                {t('notOnMap')}: {o.unmatched.join(', ')}
              </p>
            )}
            <ScoreMap
              result={r}
              node={node}
              nodeLabel={t('lisa')}
              time={o.time}
              onTime={setTime}
              values={values}
              categories={cats}
              title={`${t('lisa')} · ${String(o.time)}`}
              file={`lisa-clusters-${node}-${String(o.time)}`}
            />
            <ThreeLineTable
              caption={`${t('lisa')} · ${String(o.time)}`}
              rows={rows}
              maxHeight={260}
              sort={{ key: 'p', dir: 'asc' }}
              columns={[
                { key: 'unit', label: t('unit'), value: (x) => unitLabel(x.unit, lang) },
                { key: 'Ii', label: 'I_i', numeric: true, value: (x) => x.Ii, render: (x) => fmt(x.Ii) },
                { key: 'p', label: t('pValue'), numeric: true, value: (x) => x.p, render: (x) => fmt(x.p) },
                { key: 'c', label: t('cluster'), value: (x) => CLUSTER_LABELS[x.cluster][lang] },
              ]}
            />
          </>
        );
      }}
    </AnalysisCard>
  );
}
