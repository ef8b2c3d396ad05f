/** σ- and β-convergence of the scores (core sigmaConvergence / betaConvergence). */
import { useState } from 'preact/hooks';
import { ANALYSIS_DEFAULTS } from '../../../../core/analysis/runner.ts';
import type { EvaluationResult } from '../../../../core/measure/result.ts';
import { PALETTE } from '../../../report/charts.ts';
import { fmt, useT } from '../../hooks.ts';
import { Chart } from '../Chart.tsx';
import { Select } from '../Select.tsx';
import { AnalysisCard } from './AnalysisCard.tsx';
import { NodePicker } from './NodePicker.tsx';

export function ConvergencePanel(props: { result: EvaluationResult }) {
  const { t, lang } = useT();
  const [node, setNode] = useState('index');
  const [model, setModel] = useState<'pooled' | 'twoways'>(ANALYSIS_DEFAULTS.convergence.model);
  return (
    <AnalysisCard
      kind="convergence"
      title={t('convergence')}
      req={{ kind: 'convergence', node, model }}
      controls={
        <>
          <NodePicker result={props.result} value={node} onChange={setNode} />
          <Select
            label={t('model')}
            value={model}
            options={[
              { value: 'pooled', label: t('pooledOls') },
              { value: 'twoways', label: t('twoWays') },
            ]}
            onChange={setModel}
          />
        </>
      }
    >
      {(o) => (
        <>
          <Chart
            label={t('sigma')}
            file="sigma-convergence"
            height={260}
            option={{
              color: PALETTE,
              title: { text: t('sigma'), left: 'center', textStyle: { fontSize: 14 } },
              tooltip: { trigger: 'axis' },
              legend: { bottom: 0 },
              grid: { left: 50, right: 50, top: 40, bottom: 50 },
              xAxis: { type: 'category', data: o.sigma.rows.map((x) => String(x.time)) },
              yAxis: [
                { type: 'value', scale: true, name: t('sd') },
                { type: 'value', scale: true, name: t('cv') },
              ],
              series: [
                { name: t('sd'), type: 'line', data: o.sigma.rows.map((x) => x.sd) },
                { name: t('cv'), type: 'line', yAxisIndex: 1, data: o.sigma.rows.map((x) => x.cv) },
              ],
            }}
          />
          <p>
            {t('sigma')}: slope(SD) = {fmt(o.sigma.slopeSd, 5)}, slope(CV) = {fmt(o.sigma.slopeCv, 5)}
          </p>
          {o.betaSkipped && (
            <p class="muted" data-testid="beta-skipped">
              {o.betaSkipped[lang]}
            </p>
          )}
          {o.beta && (
            <p class="muted small">
              g = ln(y_t+1 / y_t) = α + β ln y_t + ε · {o.beta.model} · clustered SE (
              {o.options.convergence.smallSample})
            </p>
          )}
          {o.beta && (
            <p data-testid="beta">
              {t('beta')}: β = {fmt(o.beta.beta)} (SE {fmt(o.beta.se)}, {t('pValue')} {fmt(o.beta.p)}) ·{' '}
              {Number.isFinite(o.beta.se) && Number.isFinite(o.beta.p) ? (
                <>
                  {o.beta.converging ? t('converging') : t('notConverging')} · {t('speed')} {fmt(o.beta.speed)} ·{' '}
                  {t('halfLife')} {fmt(o.beta.halfLife, 1)}
                </>
              ) : (
                <span data-testid="no-verdict">{t('noVerdictSe')}</span>
              )}{' '}
              · N = {o.beta.observations} · R² = {fmt(o.beta.rSquared, 3)}
            </p>
          )}
        </>
      )}
    </AnalysisCard>
  );
}
