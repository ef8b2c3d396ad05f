/** Small hooks and helpers shared by the views. */
import type { Bilingual, Lang } from '../../core/i18n.ts';
import { unitDisplayName } from '../../core/geo/provinces.ts';
import { fixed } from '../report/tables.ts';
import { tr, type Key } from './i18n.ts';
import { useStore } from './store.ts';

/** Translate function for the current language. */
export function useT(): {
  t: (k: Key) => string;
  lang: Lang;
  b: (x: Bilingual | undefined, fallback?: string) => string;
} {
  const { lang } = useStore();
  return { t: (k) => tr(k, lang), lang, b: (x, fallback = '') => (x ? x[lang] : fallback) };
}

/**
 * Display name of a unit (`unitDisplayName`): provinces get their Chinese
 * short name in Chinese and their English name in English; other units as they are.
 */
export function unitLabel(u: string, lang: Lang): string {
  return unitDisplayName(u, lang);
}

/** Fixed decimals, '—' for missing (the report's `fixed`, 4 decimals by default). */
export function fmt(v: number | null | undefined, d = 4): string {
  return fixed(v, d);
}
