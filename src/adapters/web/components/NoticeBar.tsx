/** One-line notices about how the app was opened (restored project, shared link), with the action that undoes it. */
import { getStore, useStore } from '../store.ts';
import { startOver } from '../actions.ts';
import { useT } from '../hooks.ts';
import type { Key } from '../i18n.ts';

const NOTICES: Key[] = ['sessionRestored', 'linkOpened', 'linkBroken'];

export function NoticeBar() {
  const s = useStore();
  const { t } = useT();
  const key = NOTICES.find((k) => k === s.notice);
  if (!key) return null;
  return (
    <div class="notice" role="status" data-testid={`notice-${key}`}>
      {t(key)}{' '}
      {key === 'sessionRestored' && (
        <button type="button" class="link" onClick={() => void startOver()} data-testid="start-over">
          {t('startOver')}
        </button>
      )}{' '}
      <button type="button" class="link" onClick={() => getStore().set({ notice: undefined })}>
        {t('close')}
      </button>
    </div>
  );
}
