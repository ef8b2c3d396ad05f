/**
 * Rules that set aside some keyword mentions, each optional and named:
 * - negation: a negation cue (没, 无, 不, 未) within a window of characters
 *   before the term, inside the same clause, unless the cue belongs to an
 *   exception word (不断, 不仅, 无论, ...). The rule as usually summarised from
 *   袁淳, 肖土盛, 耿春晓, 盛誉 (2021, 中国工业经济), who state no window; the
 *   window and the clause limit here are xinzhi's own stated choices.
 * - contexts: mentions inside passages about shareholders, customers,
 *   suppliers or executives' biographies (a sentence holding one of the cue
 *   words), which describe other parties rather than the firm's own business
 *   (the second exclusion attributed to the same paper).
 */
import type { TermMatch } from './match.ts';

export interface NegationRule {
  /** Characters looked at before the term. */
  window: number;
  cues: string[];
  /** Words containing a cue that are not negations (不断 = continuously). */
  exceptions: string[];
}

/** The default negation rule: 没/无/不/未 within 4 characters before the term, same clause. */
export const DEFAULT_NEGATION: NegationRule = {
  window: 4,
  cues: ['没', '无', '不', '未'],
  exceptions: [
    '不断',
    '不仅',
    '不少',
    '不同',
    '无论',
    '未来',
    '无人',
    '不但',
    '不久',
    '毫无疑问',
    '无缝',
    '无线',
    '并未来',
  ],
};

export interface ContextRule {
  /** A mention is set aside when its sentence holds one of these words. */
  cues: string[];
}

/** Passages about shareholders, customers, suppliers and executives' careers. */
export const DEFAULT_CONTEXTS: ContextRule = {
  cues: ['股东', '客户名称', '前五名客户', '主要客户', '供应商', '曾任', '历任', '现任', '任职', '简历'],
};

/** Characters that end a clause: the negation window stops there. */
const CLAUSE_BREAK = /[，。；！？：、,;!?:\n]/;
/** Characters that end a sentence: a context passage is a sentence. */
const SENTENCE_BREAK = /[。！？!?\n]/;

/**
 * The negation cue before a match, or null. Looks back `window` characters but
 * not past a clause break; a cue that is part of an exception word overlapping
 * that position is ignored.
 * @example negationBefore('不发展人工智能', { term: '人工智能', start: 3, end: 7 }, DEFAULT_NEGATION) // '不'
 */
export function negationBefore(text: string, match: TermMatch, rule: NegationRule): string | null {
  for (let i = match.start - 1; i >= Math.max(0, match.start - rule.window); i--) {
    const ch = text[i];
    if (CLAUSE_BREAK.test(ch)) return null;
    if (!rule.cues.includes(ch)) continue;
    const excepted = rule.exceptions.some((word) => {
      for (let k = 0; k < word.length; k++) {
        if (word[k] === ch && text.startsWith(word, i - k)) return true;
      }
      return false;
    });
    if (!excepted) return ch;
  }
  return null;
}

/**
 * The context cue in the sentence holding a match, or null.
 * @example contextOf('公司股东推进人工智能。', { term: '人工智能', start: 6, end: 10 }, DEFAULT_CONTEXTS) // '股东'
 */
export function contextOf(text: string, match: TermMatch, rule: ContextRule): string | null {
  let from = match.start;
  while (from > 0 && !SENTENCE_BREAK.test(text[from - 1])) from--;
  let to = match.end;
  while (to < text.length && !SENTENCE_BREAK.test(text[to])) to++;
  const sentence = text.slice(from, to);
  return rule.cues.find((cue) => sentence.includes(cue)) ?? null;
}
