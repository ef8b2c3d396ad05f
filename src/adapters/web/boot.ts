/** Language at start-up (saved choice or browser preference), applied to <html lang>. */
import type { Lang } from '../../core/i18n.ts';
import { initialLang } from './i18n.ts';

export function initLangFromBrowser(): Lang {
  const lang = initialLang();
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  return lang;
}
