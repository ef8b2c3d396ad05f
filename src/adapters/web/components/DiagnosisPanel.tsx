/** A unit's weak dimension → the seeds' problems and the paths they recommend. */
import type { FrameworkModel } from '../../../core/framework/types.ts';
import type { Spec } from '../../../core/measure/spec.ts';
import { RELATION_LABELS, formatCitation } from '../../../core/framework/render.ts';
import { nodeName } from '../../report/hierarchy.ts';
import type { EvaluationResult } from '../../../core/measure/result.ts';
import { diagnose } from '../diagnosis.ts';
import { unitLabel, useT } from '../hooks.ts';

export function DiagnosisPanel(props: {
  model: FrameworkModel;
  spec: Spec;
  result?: EvaluationResult;
  unit: string;
  node: string;
  onSelect: (id: string) => void;
}) {
  const { t, lang } = useT();
  const d = diagnose(props.model, props.spec, props.node);
  const dim = props.result ? nodeName(props.result, props.node)[lang] : props.node;
  return (
    <section class="card diagnosis" aria-labelledby="h-diag" data-testid="diagnosis">
      <h2 id="h-diag">
        {t('diagnosisFor')}: {unitLabel(props.unit, lang)} · {t('weakest')} {dim}
      </h2>
      {d.framework && (
        <p>
          {t('frameworkNode')}:{' '}
          <button type="button" class="link" onClick={() => props.onSelect(d.framework!.id)}>
            {d.framework.name[lang]}
          </button>
        </p>
      )}
      <h3>{t('problemsFor')}</h3>
      <ul>
        {d.problems.map(({ problem, remedies, note, cite }) => (
          <li key={problem.id}>
            <button type="button" class="link strong" onClick={() => props.onSelect(problem.id)}>
              {problem.name[lang]}
            </button>
            <span class="muted small"> — {problem.description[lang]}</span>
            {note && (
              <div class="small">
                {note[lang]}
                {cite.length > 0 && <span class="muted"> ({cite.map(formatCitation).join('; ')})</span>}
              </div>
            )}
            {remedies.length > 0 && (
              <ul class="small">
                {remedies.slice(0, 8).map((r) => (
                  <li key={r.node.id}>
                    <span class="muted">{RELATION_LABELS[r.via][lang]}</span>{' '}
                    <button type="button" class="link" onClick={() => props.onSelect(r.node.id)}>
                      {r.node.name[lang]}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <p class="muted small">{t('diagnosisNote')}</p>
    </section>
  );
}
