/** Left navigation: one button per view, arrow keys move between them. */
import { VIEWS, useStore, type ViewId } from '../store.ts';
import { setView } from '../actions.ts';
import { useT } from '../hooks.ts';
import type { Key } from '../i18n.ts';

const KEYS: Record<ViewId, Key> = {
  data: 'navData',
  spec: 'navSpec',
  results: 'navResults',
  analysis: 'navAnalysis',
  estimate: 'navEstimate',
  tfp: 'navTfp',
  qca: 'navQca',
  simulate: 'navSimulate',
  text: 'navText',
  assess: 'navAssess',
  framework: 'navFramework',
  export: 'navExport',
};

export function Nav() {
  const { view } = useStore();
  const { t } = useT();
  const onKey = (e: KeyboardEvent, i: number) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const j = (i + (e.key === 'ArrowDown' ? 1 : VIEWS.length - 1)) % VIEWS.length;
    (document.querySelector(`[data-nav="${VIEWS[j]}"]`) as HTMLElement | null)?.focus();
  };
  return (
    <nav class="nav" aria-label={t('navLabel')}>
      <ul>
        {VIEWS.map((v, i) => (
          <li key={v}>
            <button
              type="button"
              data-nav={v}
              aria-current={view === v ? 'page' : undefined}
              class={view === v ? 'active' : ''}
              onClick={() => setView(v)}
              onKeyDown={(e) => onKey(e, i)}
            >
              {t(KEYS[v])}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
