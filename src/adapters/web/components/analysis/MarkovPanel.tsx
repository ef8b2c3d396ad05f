/** Classic Markov chain of the score classes (core markovChain): transition matrix as a heat map and table, steady state. */
import { useState } from 'preact/hooks';
import type { EvaluationResult } from '../../../../core/measure/result.ts';
import { fmt, useT } from '../../hooks.ts';
import { Chart } from '../Chart.tsx';
import { Select } from '../Select.tsx';
import { AnalysisCard } from './AnalysisCard.tsx';
import { NodePicker } from './NodePicker.tsx';

export function MarkovPanel(props: { result: EvaluationResult }) {
  const { t } = useT();
  const [node, setNode] = useState('index');
  const [k, setK] = useState('4');
  return (
    <AnalysisCard kind="markov" title={t('markov')} req={{ kind: 'markov', node, classes: Number(k) }}
      controls={<><NodePicker result={props.result} value={node} onChange={setNode} /><Select label={t('classes')} value={k} options={['3', '4', '5'].map((x) => ({ value: x, label: x }))} onChange={setK} /></>}>
      {(o) => {
        const m = o.result;
        const names = Array.from({ length: m.k }, (_, i) => `C${i + 1}`);
        const pi = m.steady.distribution;
        return (
          <>
            <p class="muted small">p_ab = n_ab / n_a· · {m.transitions} transitions · quantile classes (pooled)</p>
            <Chart label={t('markov')} file="markov" height={300} option={{
              title: { text: t('markov'), left: 'center', textStyle: { fontSize: 14 } }, tooltip: {},
              grid: { left: 60, right: 30, top: 40, bottom: 60 },
              xAxis: { type: 'category', data: names, name: t('to') }, yAxis: { type: 'category', data: names, name: t('from'), inverse: true },
              visualMap: { min: 0, max: 1, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#f7fbff', '#08519c'] } },
              series: [{ type: 'heatmap', data: m.probabilities.flatMap((row, a) => row.map((p, b) => [b, a, Number(p.toFixed(3))])), label: { show: true, formatter: (p: { value: number[] }) => p.value[2].toFixed(3) } }],
            }} />
            <table class="three-line small">
              <caption>{t('markov')}</caption>
              <thead><tr><th scope="col">{t('from')} \ {t('to')}</th>{names.map((n) => <th scope="col" key={n}>{n}</th>)}<th scope="col">n</th></tr></thead>
              <tbody>{m.probabilities.map((row, a) => <tr key={a}><th scope="row">{names[a]}</th>{row.map((p, b) => <td key={b} class="num">{fmt(p, 3)}</td>)}<td class="num">{m.origins[a]}</td></tr>)}</tbody>
            </table>
            {pi && <p>{t('steady')}: {pi.map((p, i) => `${names[i]} ${fmt(p, 3)}`).join(' · ')}</p>}
          </>
        );
      }}
    </AnalysisCard>
  );
}
