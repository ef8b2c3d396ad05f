/**
 * The case names of a truth-table row or a solution term as one table cell,
 * shortened for firm samples: up to `limit` names, then how many there are in
 * all (a term of a 5,000-firm fsQCA can cover thousands of firms; the JSON
 * output keeps every name).
 *
 * @example caseList(['a', 'b', 'c'], 'en', 2) // 'a, b, … (3 in all)'
 */
import type { Bilingual, Lang } from '../../core/i18n.ts';
import { bi } from '../../core/i18n.ts';

export function caseList(cases: readonly string[], lang: Lang, limit: number, sep = ', '): string {
  if (cases.length <= limit) return cases.join(sep);
  const n = cases.length.toLocaleString('en');
  return `${cases.slice(0, limit).join(sep)}${sep}${lang === 'zh' ? `…（共 ${n} 个）` : `… (${n} in all)`}`;
}

/** Whether any list is longer than `limit` (and so shortened by caseList). */
export function listsShortened(lists: ReadonlyArray<readonly string[]>, limit: number): boolean {
  return lists.some((c) => c.length > limit);
}

/** The note under a table whose case lists were shortened. */
export const SHORTENED_NOTE: Bilingual = bi(
  '案例较多的行只列出前几个案例及总数；JSON 输出（xinzhi qca --json）列出全部案例。',
  'Rows with many cases list the first few and the count; the JSON output (xinzhi qca --json) lists every case.',
);
