/**
 * Bilingual text. Every user-facing label, message and report heading in
 * xinzhi carries a Chinese and an English form.
 */
export type Lang = 'zh' | 'en';

export interface Bilingual {
  zh: string;
  en: string;
}

/** Pick one language of a bilingual text. */
export function t(text: Bilingual, lang: Lang): string {
  return text[lang];
}

/** "中文 / English" on one line, for headers read by both audiences (CSV, XLSX). */
export function both(text: Bilingual): string {
  return text.zh === text.en ? text.zh : `${text.zh} / ${text.en}`;
}

/** Shorthand constructor. */
export function bi(zh: string, en: string): Bilingual {
  return { zh, en };
}
