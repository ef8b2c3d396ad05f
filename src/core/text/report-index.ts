/**
 * One report's text index from its cleaned text: limit to a section, count,
 * and keep the section used. The one runner that the CLI and other front ends
 * call, so they all count the same way.
 */
import { countSettings, countTerms, type CountOptions, type TextCount } from './count.ts';
import { findSection, type SectionName, type SectionSpan } from './sections.ts';
import { scriptUse, toSimplified } from './script.ts';
import type { CleanedText } from './clean.ts';
import { bi, type Bilingual } from '../i18n.ts';

export interface ReportIndex extends TextCount {
  section: SectionSpan;
}

export type ReportIndexOutcome = { ok: true; index: ReportIndex } | { ok: false; reason: Bilingual };

/**
 * Count the terms in a cleaned report, limited to `section`. A report with no
 * text, or without the section asked for, is not counted (its reason says why)
 * rather than given a count of zero. Hit offsets refer to the whole text.
 * Whether to convert traditional characters (`convert: 'auto'`) is decided
 * once for the whole report, and the section is found in the converted text
 * (管理層討論與分析 is 管理层讨论与分析).
 * @example indexReport(cleanPlainText('第三节 管理层讨论与分析\n推进人工智能。'), 'mdna').ok // true
 */
export function indexReport(cleaned: CleanedText, section: SectionName, opts: CountOptions = {}): ReportIndexOutcome {
  if (!cleaned.text.replace(/\s+/g, '')) {
    return {
      ok: false,
      reason: bi(
        '没有可读取的文字（扫描件，或缺少字体映射）',
        'no text could be read (a scanned image, or character maps missing)',
      ),
    };
  }
  const mode = countSettings(opts).convert;
  const script = scriptUse(cleaned.text, mode);
  const span = findSpan(cleaned.text, section, script.converted);
  if (!span) {
    return {
      ok: false,
      reason: bi(
        '未找到管理层讨论与分析（或经营情况讨论与分析、董事会报告）一节；可用 --section all',
        'no management discussion and analysis (or board report) chapter found; ' +
          'use --section all to count the whole report',
      ),
    };
  }
  const part = cleaned.text.slice(span.start, span.end);
  const pageStarts = cleaned.pageStarts.map((s) => s - span.start);
  const count = countTerms(part, { ...opts, pageStarts, convert: script.converted ? 't2s' : 'none' });
  const shift = <T extends { start: number; end: number }>(h: T): T => ({
    ...h,
    start: h.start + span.start,
    end: h.end + span.start,
  });
  const index = {
    ...count,
    settings: { ...count.settings, convert: mode },
    script,
    hits: count.hits.map(shift),
    dropped: count.dropped.map(shift),
    section: span,
  };
  return { ok: true, index };
}

/** The section's span in the text as written, found in the converted text when converting. */
function findSpan(text: string, section: SectionName, converted: boolean): SectionSpan | null {
  if (!converted || section === 'all') return findSection(text, section);
  const view = toSimplified(text);
  const span = findSection(view.text, section);
  return span && { ...span, start: view.origin[span.start], end: view.origin[span.end] };
}
