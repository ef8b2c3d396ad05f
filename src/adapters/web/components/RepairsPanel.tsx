/**
 * Every cell the evaluation filled (imputation) or changed (outlier
 * treatment), listed where the results are, from the run record — with a
 * switch that makes missing cells an error instead (spec `missing.method =
 * "error"`), so nothing is filled without the user seeing it.
 */
import type { EvaluationResult } from '../../../core/measure/result.ts';
import type { Spec } from '../../../core/measure/spec.ts';
import { updateSpec } from '../actions.ts';
import { fmt, unitLabel, useT } from '../hooks.ts';
import { ThreeLineTable } from './ThreeLineTable.tsx';

export function RepairsPanel(props: { result?: EvaluationResult; spec: Spec }) {
  const { t, lang } = useT();
  const imputations = props.result?.record.imputations ?? [];
  const treatments = props.result?.record.treatments ?? [];
  const strict = props.spec.missing?.method === 'error';
  return (
    <section class="card" aria-labelledby="h-repairs" data-testid="repairs">
      <h2 id="h-repairs">{t('repairsTitle')}</h2>
      {props.result && (
        <p data-testid="repairs-summary">
          {t('imputedCells')}: <strong>{imputations.length}</strong> · {t('treatedCells')}:{' '}
          <strong>{treatments.length}</strong>
        </p>
      )}
      <label class="check">
        <input
          type="checkbox"
          data-testid="missing-as-error"
          checked={strict}
          onChange={(e) =>
            updateSpec({
              ...props.spec,
              missing: {
                ...(props.spec.missing ?? {}),
                method: (e.currentTarget as HTMLInputElement).checked ? 'error' : 'interpolate',
              },
            } as Spec)
          }
        />{' '}
        {t('missingAsError')}
      </label>
      {imputations.length > 0 && (
        <ThreeLineTable
          caption={t('imputedCells')}
          testId="imputed-table"
          maxHeight={240}
          rows={imputations}
          columns={[
            { key: 'unit', label: t('unit'), value: (x) => unitLabel(x.unit, lang) },
            { key: 'time', label: t('year'), value: (x) => String(x.time) },
            { key: 'column', label: t('column'), value: (x) => x.column },
            {
              key: 'value',
              label: t('filledValue'),
              numeric: true,
              value: (x) => x.value,
              render: (x) => fmt(x.value),
            },
            { key: 'method', label: t('method'), value: (x) => x.method },
          ]}
        />
      )}
      {treatments.length > 0 && (
        <ThreeLineTable
          caption={t('treatedCells')}
          testId="treated-table"
          maxHeight={240}
          rows={treatments}
          columns={[
            { key: 'unit', label: t('unit'), value: (x) => unitLabel(x.unit, lang) },
            { key: 'time', label: t('year'), value: (x) => String(x.time) },
            { key: 'column', label: t('column'), value: (x) => x.column },
            { key: 'from', label: t('fromValue'), numeric: true, value: (x) => x.from, render: (x) => fmt(x.from) },
            { key: 'to', label: t('toValue'), numeric: true, value: (x) => x.to, render: (x) => fmt(x.to) },
            { key: 'treatment', label: t('method'), value: (x) => x.treatment },
          ]}
        />
      )}
    </section>
  );
}
