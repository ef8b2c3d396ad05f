/**
 * Small HTML building blocks shared by every report section: escaping,
 * bilingual text (chosen language first, the other language in small text),
 * headings, paragraphs and lists. Pure string functions (browser and Node).
 */
import type { Bilingual, Lang } from '../../core/i18n.ts';

/** Escape text for use in HTML content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The language not chosen. */
export function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

/**
 * Bilingual inline text: the chosen language, then the other language in a
 * small grey span (omitted when both are the same). Escaped.
 */
export function biInline(text: Bilingual, lang: Lang): string {
  const main = escapeHtml(text[lang]);
  const alt = text[otherLang(lang)];
  if (alt === text[lang]) return main;
  return `${main} <span class="alt" lang="${otherLang(lang)}">${escapeHtml(alt)}</span>`;
}

/**
 * Bilingual block text: the chosen language, then the other language on its
 * own line in small grey text. Used for headings, captions and header cells.
 */
export function biBlock(text: Bilingual, lang: Lang): string {
  const main = escapeHtml(text[lang]);
  const alt = text[otherLang(lang)];
  if (alt === text[lang]) return main;
  return `${main}<br><span class="alt" lang="${otherLang(lang)}">${escapeHtml(alt)}</span>`;
}

/** A heading `<hN>` in the chosen language with the other language beneath in small text. */
export function heading(level: 1 | 2 | 3 | 4, text: Bilingual, lang: Lang, id?: string): string {
  const idAttr = id ? ` id="${escapeHtml(id)}"` : '';
  return `<h${level}${idAttr}>${biBlock(text, lang)}</h${level}>`;
}

/** A paragraph of bilingual text: chosen language, then the other language in small text. */
export function paragraph(text: Bilingual, lang: Lang): string {
  return `<p>${biInline(text, lang)}</p>`;
}

/** A `<ul>` of already-escaped HTML items (empty string when there are none). */
export function list(itemsHtml: string[]): string {
  if (itemsHtml.length === 0) return '';
  return `<ul>${itemsHtml.map((h) => `<li>${h}</li>`).join('')}</ul>`;
}

/** A collapsible block with a bilingual summary and preformatted (escaped) text. */
export function collapsiblePre(summary: Bilingual, text: string, lang: Lang): string {
  return `<details><summary>${biInline(summary, lang)}</summary><pre>${escapeHtml(text)}</pre></details>`;
}
