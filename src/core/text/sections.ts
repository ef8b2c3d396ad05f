/**
 * The part of an annual report that a count can be limited to: the
 * management discussion and analysis (第X节 管理层讨论与分析, also titled
 * 经营情况讨论与分析; 董事会报告 in reports before about 2016, when the CSRC
 * format put the discussion inside the board's report).
 */

export const SECTIONS = ['all', 'mdna'] as const;
export type SectionName = (typeof SECTIONS)[number];

export interface SectionSpan {
  name: SectionName;
  /** The heading found, e.g. "第四节 管理层讨论与分析" ("" for all). */
  title: string;
  start: number;
  end: number;
}

/** A chapter heading at the start of a line (clean.ts keeps those breaks). */
const CHAPTER = /^第[一二三四五六七八九十]{1,3}[节章]/gm;
const MDNA_TITLES = ['管理层讨论与分析', '经营情况讨论与分析', '董事会报告'];

/**
 * Find a section. Chapter headings (第X节 / 第X章) split the text; among the
 * chapters whose title is one of the MD&A titles the longest is taken, so the
 * table of contents (where each heading is followed by the next at once) is
 * not mistaken for the section. Returns null when no such chapter exists.
 * @example findSection('第一节 释义\n第二节 管理层讨论与分析\n…\n第三节 …', 'mdna')?.title
 */
export function findSection(text: string, name: SectionName): SectionSpan | null {
  if (name === 'all') return { name, title: '', start: 0, end: text.length };
  const heads = [...text.matchAll(CHAPTER)].map((m) => m.index!);
  let best: SectionSpan | null = null;
  heads.forEach((start, k) => {
    const after = text.slice(start, start + 20).replace(/^第[一二三四五六七八九十]{1,3}[节章]\s*/, '');
    const title = MDNA_TITLES.find((t) => after.startsWith(t));
    if (!title) return;
    const end = k + 1 < heads.length ? heads[k + 1] : text.length;
    if (!best || end - start > best.end - best.start) {
      best = {
        name,
        title: text.slice(start, start + 20).match(/^第[一二三四五六七八九十]{1,3}[节章]\s*/)![0] + title,
        start,
        end,
      };
    }
  });
  return best;
}
