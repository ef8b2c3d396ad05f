/** A framework node: kind, description, citations, facts, relations and the indicators of the current system that measure it. */
import type { FrameworkModel } from '../../../core/framework/types.ts';
import { getNode, indicatorsOf, relationsOf, type IndicatorAttachment } from '../../../core/framework/query.ts';
import {
  KIND_LABELS,
  RELATION_INVERSE_LABELS,
  RELATION_LABELS,
  formatCitation,
} from '../../../core/framework/render.ts';
import { useT } from '../hooks.ts';

export function NodeDetail(props: {
  model: FrameworkModel;
  id: string;
  attachments: IndicatorAttachment[];
  onSelect: (id: string) => void;
}) {
  const { t, lang } = useT();
  const n = getNode(props.model, props.id);
  if (!n) return null;
  let inds: ReturnType<typeof indicatorsOf> = [];
  try {
    inds = indicatorsOf(props.model, n.id, { extra: props.attachments });
  } catch {
    inds = [];
  }
  const rels = relationsOf(props.model, n.id);
  return (
    <article class="card node-detail" aria-labelledby="h-node" data-testid="node-detail">
      <h2 id="h-node">
        {n.name[lang]} <span class="muted small">{n.name[lang === 'zh' ? 'en' : 'zh']}</span>
      </h2>
      <p class="muted small">
        {t('kind')}: {KIND_LABELS[n.kind][lang]} · <code>{n.id}</code>
      </p>
      <p>{n.description[lang]}</p>
      {n.facts && (
        <p class="small">
          {Object.entries(n.facts)
            .map(([k, v]) => `${k}: ${v}`)
            .join(' · ')}
        </p>
      )}
      <h3>{t('citation')}</h3>
      <ul class="small">
        {n.cite.map((c, i) => (
          <li key={i}>{formatCitation(c)}</li>
        ))}
      </ul>
      <h3>{t('measuredBy')}</h3>
      {inds.length ? (
        <ul>
          {inds.map((x, i) => (
            <li key={i}>
              {x.indicator.name[lang]}{' '}
              <span class="muted small">
                ({x.indicator.facts?.indicatorId ?? x.indicator.id}
                {x.measures !== n.id ? ` → ${getNode(props.model, x.measures)?.name[lang] ?? x.measures}` : ''})
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('noIndicators')}</p>
      )}
      <h3>
        {t('relations')} ({rels.length})
      </h3>
      <ul class="small rels">
        {rels.slice(0, 60).map((r, i) => (
          <li key={i}>
            {(r.direction === 'out' ? RELATION_LABELS : RELATION_INVERSE_LABELS)[r.relation.type][lang]}{' '}
            <button type="button" class="link" onClick={() => props.onSelect(r.other.id)}>
              {r.other.name[lang]}
            </button>
          </li>
        ))}
      </ul>
    </article>
  );
}
