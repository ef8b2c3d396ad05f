/** Coupling coordination of the top-level dimensions (core couplingCoordination). */
import { useState } from 'preact/hooks';
import { ANALYSIS_DEFAULTS } from '../../../../core/analysis/runner.ts';
import type { EvaluationResult } from '../../../../core/measure/result.ts';
import { nodeName } from '../../../report/hierarchy.ts';
import { PALETTE } from '../../../report/charts.ts';
import { fmt, unitLabel, useT } from '../../hooks.ts';
import { Chart } from '../Chart.tsx';
import { Select } from '../Select.tsx';
import { ThreeLineTable } from '../ThreeLineTable.tsx';
import { AnalysisCard } from './AnalysisCard.tsx';

export function CouplingPanel(props: { result: EvaluationResult }) {
  const { t, lang } = useT();
  const [form, setForm] = useState<'standard' | 'corrected'>(ANALYSIS_DEFAULTS.coupling.form);
  const times = props.result.times;
  const [year, setYear] = useState(String(times[times.length - 1]));
  const latest = times.find((x) => String(x) === year) ?? times[times.length - 1];
  return (
    <AnalysisCard
      kind="coupling"
      title={t('coupling')}
      req={{ kind: 'coupling', form }}
      controls={
        <>
          <Select
            label={t('couplingForm')}
            value={form}
            options={[
              { value: 'standard', label: t('standard') },
              { value: 'corrected', label: t('corrected') },
            ]}
            onChange={setForm}
          />
          <Select
            label={t('year')}
            value={year}
            options={times.map((x) => ({ value: String(x), label: String(x) }))}
            onChange={setYear}
            testId="coupling-year"
          />
        </>
      }
    >
      {(o) => (
        <>
          <p class="muted small">
            {o.result.systems.map((id) => nodeName(props.result, id)[lang]).join(' · ')} — C ({o.result.form}), T = Σ α
            U, D = √(C·T)
          </p>
          <Chart
            label={t('coupling')}
            file="coupling"
            height={300}
            option={{
              color: PALETTE,
              title: { text: `${t('coupling')} (${t('meanValue')})`, left: 'center', textStyle: { fontSize: 14 } },
              tooltip: { trigger: 'axis' },
              legend: { bottom: 0 },
              grid: { left: 50, right: 20, top: 40, bottom: 50 },
              xAxis: { type: 'category', data: o.byTime.map((x) => String(x.time)) },
              yAxis: { type: 'value', scale: true },
              series: [
                { name: 'C', type: 'line', data: o.byTime.map((x) => x.meanC) },
                { name: 'T', type: 'line', data: o.byTime.map((x) => x.meanT) },
                { name: 'D', type: 'line', data: o.byTime.map((x) => x.meanD) },
              ],
            }}
          />
          <ThreeLineTable
            caption={`${t('coupling')} · ${String(latest)}`}
            maxHeight={300}
            sort={{ key: 'D', dir: 'desc' }}
            rows={o.result.rows.filter((r) => String(r.time) === String(latest))}
            columns={[
              { key: 'unit', label: t('unit'), value: (r) => unitLabel(r.unit, lang) },
              { key: 'C', label: 'C', numeric: true, value: (r) => r.C, render: (r) => fmt(r.C) },
              { key: 'T', label: 'T', numeric: true, value: (r) => r.T, render: (r) => fmt(r.T) },
              { key: 'D', label: 'D', numeric: true, value: (r) => r.D, render: (r) => fmt(r.D) },
              { key: 'class', label: t('class'), value: (r) => r.class.level, render: (r) => r.class.label[lang] },
            ]}
          />
        </>
      )}
    </AnalysisCard>
  );
}
