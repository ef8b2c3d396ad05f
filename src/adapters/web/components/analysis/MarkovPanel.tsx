/**
 * Markov chain of the score classes (core markovChain): transition matrix as a heat map and table, steady state.
 * With "spatial" on: the spatial Markov chain (core spatialMarkov) conditioned on the class of the neighbours'
 * spatial lag (the weights chosen as in the Moran / LISA panels), its k conditional matrices and the homogeneity test.
 */
import { useState } from 'preact/hooks';
import { ANALYSIS_DEFAULTS } from '../../../../core/analysis/runner.ts';
import type { EvaluationResult } from '../../../../core/measure/result.ts';
import type { MarkovResult } from '../../../../core/analysis/markov.ts';
import type { WeightsKind } from '../../session.ts';
import { fmt, useT } from '../../hooks.ts';
import { Chart } from '../Chart.tsx';
import { Select } from '../Select.tsx';
import { AnalysisCard } from './AnalysisCard.tsx';
import { NodePicker } from './NodePicker.tsx';
import { WeightsPicker } from './WeightsPicker.tsx';

function MatrixTable(props: { m: MarkovResult; caption: string; names: string[]; testId?: string }) {
  const { t } = useT();
  const { m, names } = props;
  return (
    <table class="three-line small" data-testid={props.testId}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">
            {t('from')} \ {t('to')}
          </th>
          {names.map((n) => (
            <th scope="col" key={n}>
              {n}
            </th>
          ))}
          <th scope="col">n</th>
        </tr>
      </thead>
      <tbody>
        {m.probabilities.map((row, a) => (
          <tr key={a}>
            <th scope="row">{names[a]}</th>
            {row.map((p, b) => (
              <td key={b} class="num">
                {fmt(p, 3)}
              </td>
            ))}
            <td class="num">{m.origins[a]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MarkovPanel(props: { result: EvaluationResult }) {
  const { t, lang } = useT();
  const [node, setNode] = useState('index');
  const [k, setK] = useState(String(ANALYSIS_DEFAULTS.markov.classes));
  const [spatial, setSpatial] = useState<boolean>(ANALYSIS_DEFAULTS.markov.spatial);
  const [w, setW] = useState<WeightsKind>(ANALYSIS_DEFAULTS.spatial.weights as WeightsKind);
  return (
    <AnalysisCard
      kind="markov"
      title={t('markov')}
      req={{ kind: 'markov', node, classes: Number(k), spatial: spatial ? w : false }}
      controls={
        <>
          <NodePicker result={props.result} value={node} onChange={setNode} />
          <Select
            label={t('classes')}
            value={k}
            options={['3', '4', '5'].map((x) => ({ value: x, label: x }))}
            onChange={setK}
          />
          <label class="check">
            <input
              type="checkbox"
              checked={spatial}
              data-testid="markov-spatial"
              onChange={(e) => setSpatial((e.currentTarget as HTMLInputElement).checked)}
            />{' '}
            {t('spatialToggle')}
          </label>
          {spatial && <WeightsPicker value={w} onChange={setW} />}
        </>
      }
    >
      {(o) => {
        const m = o.result;
        const names = Array.from({ length: m.k }, (_, i) => `C${i + 1}`);
        const pi = m.steady.distribution;
        const sp = o.spatial;
        return (
          <>
            {o.spatialSkipped && (
              <p class="muted" data-testid="spatial-markov-skipped">
                {o.spatialSkipped[lang]}
              </p>
            )}
            <p class="muted small">p_ab = n_ab / n_a· · {m.transitions} transitions · quantile classes (pooled)</p>
            <Chart
              label={t('markov')}
              file="markov"
              height={300}
              option={{
                title: { text: sp ? t('classicChain') : t('markov'), left: 'center', textStyle: { fontSize: 14 } },
                tooltip: {},
                grid: { left: 60, right: 30, top: 40, bottom: 60 },
                xAxis: { type: 'category', data: names, name: t('to') },
                yAxis: { type: 'category', data: names, name: t('from'), inverse: true },
                visualMap: {
                  min: 0,
                  max: 1,
                  calculable: false,
                  orient: 'horizontal',
                  left: 'center',
                  bottom: 0,
                  inRange: { color: ['#f7fbff', '#08519c'] },
                },
                series: [
                  {
                    type: 'heatmap',
                    data: m.probabilities.flatMap((row, a) => row.map((p, b) => [b, a, Number(p.toFixed(3))])),
                    label: { show: true, formatter: (p: { value: number[] }) => p.value[2].toFixed(3) },
                  },
                ],
              }}
            />
            <MatrixTable m={m} names={names} caption={sp ? t('classicChain') : t('markov')} />
            {pi && (
              <p>
                {t('steady')}: {pi.map((p, i) => `${names[i]} ${fmt(p, 3)}`).join(' · ')}
              </p>
            )}
            {sp && (
              <section aria-label={t('spatialMarkov')} data-testid="spatial-markov">
                <h3>{t('spatialMarkov')}</h3>
                <p class="muted small">
                  p_ab|l = n_ab|l / n_a·|l · l = {t('neighbourClass')} (Wy, {sp.weights[lang]}) · Rey (2001)
                </p>
                <div class="grid2">
                  {sp.result.conditional.map((c, l) => (
                    <div key={l}>
                      <MatrixTable
                        m={c}
                        names={names}
                        caption={`${t('neighbourClass')} L${l + 1} · ${c.transitions} transitions`}
                        testId={`spatial-markov-${l + 1}`}
                      />
                    </div>
                  ))}
                </div>
                <table class="three-line small" data-testid="homogeneity">
                  <caption>{t('homogeneity')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('statistic')}</th>
                      <th scope="col" class="num">
                        χ²
                      </th>
                      <th scope="col" class="num">
                        {t('dof')}
                      </th>
                      <th scope="col" class="num">
                        {t('pValue')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      <th scope="row">Q</th>
                      <td class="num">{fmt(sp.result.homogeneity.Q, 3)}</td>
                      <td class="num">{sp.result.homogeneity.dof}</td>
                      <td class="num">{fmt(sp.result.homogeneity.QpValue, 4)}</td>
                    </tr>
                    <tr>
                      <th scope="row">LR</th>
                      <td class="num">{fmt(sp.result.homogeneity.LR, 3)}</td>
                      <td class="num">{sp.result.homogeneity.dof}</td>
                      <td class="num">{fmt(sp.result.homogeneity.LRpValue, 4)}</td>
                    </tr>
                  </tbody>
                </table>
                <p class="muted small">{t('homogeneityNote')}</p>
              </section>
            )}
          </>
        );
      }}
    </AnalysisCard>
  );
}
