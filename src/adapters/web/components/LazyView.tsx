/**
 * A view loaded on first use (its own chunk): the TFP, QCA and self-assessment
 * pages bring the report writers with them, which the other pages and the
 * first paint do not need.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../hooks.ts';

export function LazyView(props: { load: () => Promise<ComponentType> }) {
  const { t } = useT();
  const [View, setView] = useState<ComponentType | null>(null);
  useEffect(() => {
    let live = true;
    void props.load().then((v) => {
      if (live) setView(() => v);
    });
    return () => {
      live = false;
    };
  }, [props.load]);
  return View ? <View /> : <p class="muted">{t('computing')}</p>;
}
