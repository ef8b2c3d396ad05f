/** A unit's weak dimension → the seeds' problems and the paths they recommend. */
import type { FrameworkModel } from '../../../core/framework/types.ts';
import type { Spec } from '../../../core/measure/spec.ts';
import { RELATION_LABELS } from '../../../core/framework/render.ts';
import { nodeName } from '../../report/hierarchy.ts';
import type { EvaluationResult } from '../../../core/measure/result.ts';
import { type Diagnosis, diagnose } from '../diagnosis.ts';
import { useMemo } from 'preact/hooks';
import { contributionGap } from '../../../core/measure/contribution-gap.ts';
import { citationText } from '../../../core/framework/seed-papers.ts';
import type { Time } from '../../../core/panel/types.ts';
import { fmt } from '../hooks.ts';
import { ThreeLineTable } from './ThreeLineTable.tsx';
import { unitLabel, useT } from '../hooks.ts';

export function DiagnosisPanel(props: {
  model: FrameworkModel;
  spec: Spec;
  result?: EvaluationResult;
  unit: string;
  node: string;
  time?: Time;
  onSelect: (id: string) => void;
}) {
  const { t, lang } = useT();
  const r = props.result;
  // the indicators that separate the unit from the leaders, largest contribution gap first (core contributionGap)
  const gap = useMemo(() => {
    if (!r || props.time === undefined) return undefined;
    try {
      return contributionGap(r, props.unit, props.time);
    } catch {
      return undefined;
    }
  }, [r, props.unit, props.time]);
  const top = (gap?.indicators ?? []).filter((g) => g.gap > 0).slice(0, 5);
  // problems of the framework nodes behind the top indicators (then of the dimension), nearest first, each once
  const sources = [...top.slice(0, 3).map((g) => g.id), props.node];
  const seen = new Set<string>();
  const d = {
    framework: diagnose(props.model, props.spec, props.node).framework,
    problems: [] as Diagnosis['problems'],
  };
  for (const id of sources)
    for (const p of diagnose(props.model, props.spec, id).problems)
      if (!seen.has(p.problem.id)) {
        seen.add(p.problem.id);
        d.problems.push(p);
      }
  const dim = r ? nodeName(r, props.node)[lang] : props.node;
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
      {gap && r && top.length > 0 && (
        <ThreeLineTable
          caption={`${t('gapTable')} · ${t('leaders')}: ${gap.leaders.map((u) => unitLabel(u, lang)).join(', ')} · ${String(gap.time)}`}
          testId="gap-table"
          rows={top}
          columns={[
            { key: 'id', label: t('indicator'), value: (g) => nodeName(r, g.id)[lang] },
            { key: 'w', label: t('weight'), numeric: true, value: (g) => g.weight, render: (g) => fmt(g.weight) },
            {
              key: 'u',
              label: t('unitValue'),
              numeric: true,
              value: (g) => g.unitValue,
              render: (g) => fmt(g.unitValue),
            },
            {
              key: 'l',
              label: t('leadersValue'),
              numeric: true,
              value: (g) => g.leadersValue,
              render: (g) => fmt(g.leadersValue),
            },
            { key: 'g', label: t('gapToLeaders'), numeric: true, value: (g) => g.gap, render: (g) => fmt(g.gap) },
            {
              key: 's',
              label: t('gapShare'),
              numeric: true,
              value: (g) => g.share,
              render: (g) => `${fmt(100 * g.share, 1)}%`,
            },
          ]}
        />
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
                {cite.length > 0 && <span class="muted"> ({cite.map((c) => citationText(c, lang)).join('; ')})</span>}
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
