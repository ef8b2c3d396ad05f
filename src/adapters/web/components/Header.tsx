/** Top bar: name, status (computing / last computation time, progress) and the language toggle. */
import { useStore } from '../store.ts';
import { setLang } from '../actions.ts';
import { useT } from '../hooks.ts';

export function Header() {
  const s = useStore();
  const { t, lang } = useT();
  return (
    <header class="top">
      <div class="brand">
        <span class="logo" aria-hidden="true">
          质
        </span>
        <span>
          <strong>{t('appName')}</strong> <span class="muted tagline">{t('appTagline')}</span>
        </span>
      </div>
      <div class="status" role="status" aria-live="polite" data-testid="status">
        {s.busy ? (
          <span>
            {t('computing')}
            {s.progress ? (
              <>
                {' '}
                <progress max={s.progress.total} value={s.progress.done} aria-label={t('progress')} /> {s.progress.done}
                /{s.progress.total}
              </>
            ) : null}
          </span>
        ) : s.evalMs !== undefined ? (
          <span class="muted">
            {t('lastRun')}: {s.evalMs.toFixed(0)} {t('ms')}
          </span>
        ) : (
          <span class="muted">{t('ready')}</span>
        )}
      </div>
      <button
        type="button"
        class="lang"
        data-testid="lang-toggle"
        aria-label={t('switchLangLabel')}
        onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      >
        {t('switchLang')}
      </button>
    </header>
  );
}
