/** Top bar: name, status (computing / last computation time, progress) and the language toggle. */
import { useStore } from '../store.ts';
import { useState } from 'preact/hooks';
import { cancelWork, redoSpec, setLang, shareLink, undoSpec } from '../actions.ts';
import { useT } from '../hooks.ts';

export function Header() {
  const s = useStore();
  const { t, lang } = useT();
  const [shared, setShared] = useState(false);
  const share = async () => {
    const url = await shareLink();
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      /* no clipboard: the link is still in the address bar */
    }
    history.replaceState(history.state, '', url);
    setShared(true);
    setTimeout(() => setShared(false), 2500);
  };
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
                <button type="button" class="small" onClick={() => void cancelWork()} data-testid="cancel">
                  {t('cancel')}
                </button>{' '}
                <progress max={s.progress.total} value={s.progress.done} aria-label={t('progress')} /> {s.progress.done}
                /{s.progress.total}
              </>
            ) : null}
          </span>
        ) : s.evalMs !== undefined ? (
          <span class="muted">
            {t('lastRun')}: {s.evalMs.toFixed(0)} {t('ms')}
            {s.evalThreads ? (
              <span data-testid="eval-threads">
                {' '}
                ({s.evalThreads} {t('onThreads')})
              </span>
            ) : null}
          </span>
        ) : (
          <span class="muted">{t('ready')}</span>
        )}
      </div>
      <div class="row tools">
        <button
          type="button"
          class="small"
          onClick={undoSpec}
          disabled={!s.canUndo}
          aria-label={t('undoLabel')}
          title={t('undoLabel')}
          data-testid="undo"
        >
          ↶ {t('undo')}
        </button>
        <button
          type="button"
          class="small"
          onClick={redoSpec}
          disabled={!s.canRedo}
          aria-label={t('redoLabel')}
          title={t('redoLabel')}
          data-testid="redo"
        >
          ↷ {t('redo')}
        </button>
        <button
          type="button"
          class="small"
          onClick={() => void share()}
          disabled={!s.result}
          title={t('shareNote')}
          aria-label={`${t('share')} — ${t('shareNote')}`}
          data-testid="share"
        >
          {shared ? t('shareCopied') : t('share')}
        </button>
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
