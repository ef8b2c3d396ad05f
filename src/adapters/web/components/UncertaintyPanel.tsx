/** Rank uncertainty (Monte Carlo, spec.uncertainty): intervals per unit and the influence of each choice. */
import { useState } from 'preact/hooks';
import type { EvaluationResult } from '../../../core/measure/result.ts';
import type { Spec } from '../../../core/measure/spec.ts';
import type { Time } from '../../../core/panel/types.ts';
import { WEIGHT_METHODS } from '../../../core/measure/spec-schema.ts';
import { PALETTE } from '../../report/charts.ts';
import { influenceChoice } from '../../report/labels.ts';
import { getStore } from '../store.ts';
import { updateSpec } from '../actions.ts';
import { fmt, unitLabel, useT } from '../hooks.ts';
import { Chart } from './Chart.tsx';

export function UncertaintyPanel(props: { result: EvaluationResult; spec: Spec; time: Time }) {
  const { t, lang } = useT();
  const [draws, setDraws] = useState(200);
  const u = props.result.uncertainty;
  const run = () => {
    const spec = getStore().get().spec;
    const base = spec.weights.method;
    const alt = (['entropy', 'critic', 'equal'] as const).filter((m) =>
      (WEIGHT_METHODS as readonly string[]).includes(m),
    );
    updateSpec(
      {
        ...spec,
        uncertainty: {
          draws,
          seed: 1,
          weightNoise: 0.25,
          weights: [...new Set([base, ...alt])].filter((m) => m !== 'given' && m !== 'ahp' && m !== 'combined'),
          normalize: [spec.normalize.method],
          aggregate: ['arithmetic', 'geometric'],
        },
      },
      0,
    );
  };
  const rows = u
    ? u.ranks.filter((x) => String(x.time) === String(props.time)).sort((a, b) => a.nominalRank - b.nominalRank)
    : [];
  const option = u
    ? {
        title: {
          text: `${t('uncertaintyTitle')} · ${String(props.time)}`,
          left: 'center',
          textStyle: { fontSize: 14 },
        },
        grid: { left: 90, right: 20, top: 40, bottom: 40 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'value', name: t('rank'), inverse: false, min: 1 },
        yAxis: { type: 'category', inverse: true, data: rows.map((x) => unitLabel(x.unit, lang)) },
        series: [
          {
            type: 'bar',
            stack: 'iv',
            itemStyle: { color: 'transparent' },
            data: rows.map((x) => x.q05),
            tooltip: { show: false },
          },
          {
            type: 'bar',
            stack: 'iv',
            name: '5%–95%',
            itemStyle: { color: '#9dc3e6' },
            data: rows.map((x) => x.q95 - x.q05),
          },
          {
            type: 'scatter',
            name: t('nominalRank'),
            itemStyle: { color: PALETTE[1] },
            data: rows.map((x) => x.nominalRank),
          },
        ],
      }
    : null;
  return (
    <section class="card" aria-labelledby="h-unc" data-testid="uncertainty">
      <h2 id="h-unc">{t('uncertaintyTitle')}</h2>
      <div class="row">
        <label for="unc-draws">{t('draws')}</label>
        <input
          id="unc-draws"
          type="number"
          min={20}
          max={5000}
          step={10}
          value={draws}
          onInput={(e) => setDraws(Number((e.currentTarget as HTMLInputElement).value) || 200)}
        />
        <button type="button" onClick={run} data-testid="run-uncertainty">
          {t('runUncertainty')}
        </button>
        {getStore().get().spec.uncertainty && (
          <button
            type="button"
            onClick={() => {
              const { uncertainty: _off, ...rest } = getStore().get().spec;
              updateSpec(rest, 0);
            }}
            data-testid="stop-uncertainty"
          >
            {t('stopUncertainty')}
          </button>
        )}
      </div>
      {u && option && (
        <>
          <Chart
            option={option}
            height={Math.max(320, rows.length * 18 + 80)}
            label={t('uncertaintyTitle')}
            file="rank-uncertainty"
          />
          <p>
            {t('influence')}:{' '}
            {Object.entries(u.influence)
              .map(([k, v]) => `${influenceChoice(k, lang)} ${fmt(v, 3)}`)
              .join(' · ')}
          </p>
        </>
      )}
    </section>
  );
}
