/** The formula, source and degenerate-case note of a method from the METHODS registry. */
import type { MethodInfo } from '../../../core/measure/methods.ts';
import { useT } from '../hooks.ts';

export function Formula(props: { info: MethodInfo | undefined }) {
  const { t, lang } = useT();
  const m = props.info;
  if (!m) return null;
  return (
    <div class="formula">
      <div>
        <strong>{m.name[lang]}</strong>
      </div>
      <div>
        <span class="muted">{t('formula')}:</span> <code>{m.formula}</code>
      </div>
      {m.defaults ? <div class="muted small">{m.defaults}</div> : null}
      {m.degenerate ? <div class="muted small">{m.degenerate[lang]}</div> : null}
      <div class="muted small">
        {t('source')}: {m.source}
      </div>
    </div>
  );
}
