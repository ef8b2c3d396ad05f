/**
 * Where the terms of a dictionary occur in a text, under three named counting
 * rules (docs/text-index.md):
 * - `longest` (default): whole keywords, scanning left to right and taking the
 *   longest term that starts at each position, so 移动互联网 is one hit and not
 *   also 移动互联; Latin terms (B2B, O2O, Fintech) must not touch other Latin
 *   letters or digits. Equals Python `re.finditer` over the terms joined by `|`
 *   in descending length.
 * - `substring`: every term counted on its own as non-overlapping substrings,
 *   Python `text.count(term)`, as most replication scripts do (nested terms are
 *   counted twice).
 * - `tokens`: the text is segmented (jieba with the dictionary as user words,
 *   as cntext does) and tokens equal to a term are counted.
 */

export const COUNT_RULES = ['longest', 'substring', 'tokens'] as const;
export type CountRule = (typeof COUNT_RULES)[number];

/** Splits text into tokens whose concatenation is the text (jieba `cut`). */
export type Segmenter = (text: string) => string[];

export interface TermMatch {
  term: string;
  /** Offsets in the text (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
}

const isLatinWordChar = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9]/.test(ch);

/**
 * Longest-first whole-keyword matches, left to right, non-overlapping.
 * @example matchLongest('移动互联网与移动互联', ['移动互联', '移动互联网']).map((m) => m.term) // ['移动互联网', '移动互联']
 */
export function matchLongest(text: string, terms: readonly string[]): TermMatch[] {
  const byFirst = new Map<string, string[]>();
  for (const term of [...new Set(terms)].sort((a, b) => b.length - a.length)) {
    const list = byFirst.get(term[0]) ?? [];
    list.push(term);
    byFirst.set(term[0], list);
  }
  const out: TermMatch[] = [];
  let i = 0;
  while (i < text.length) {
    const found = (byFirst.get(text[i]) ?? []).find(
      (term) =>
        text.startsWith(term, i) &&
        !(isLatinWordChar(term[0]) && isLatinWordChar(text[i - 1])) &&
        !(isLatinWordChar(term[term.length - 1]) && isLatinWordChar(text[i + term.length])),
    );
    if (found) {
      out.push({ term: found, start: i, end: i + found.length });
      i += found.length;
    } else {
      i += 1;
    }
  }
  return out;
}

/**
 * Each term's non-overlapping occurrences counted independently (Python `str.count`).
 * @example matchSubstring('移动互联网', ['移动互联', '移动互联网']).length // 2
 */
export function matchSubstring(text: string, terms: readonly string[]): TermMatch[] {
  const out: TermMatch[] = [];
  for (const term of new Set(terms)) {
    let at = text.indexOf(term);
    while (at >= 0) {
      out.push({ term, start: at, end: at + term.length });
      at = text.indexOf(term, at + term.length);
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Tokens equal to a term, after segmentation. The segmenter must return tokens
 * that concatenate to the text (jieba's `cut` does); otherwise positions are
 * unknown and this throws.
 * @example matchTokens('发展人工智能', ['人工智能'], (s) => ['发展', '人工智能']).length // 1
 */
export function matchTokens(text: string, terms: readonly string[], segment: Segmenter): TermMatch[] {
  const wanted = new Set(terms);
  const out: TermMatch[] = [];
  let at = 0;
  for (const token of segment(text)) {
    if (text.startsWith(token, at) === false) {
      throw new Error(`segmenter tokens do not concatenate to the text at offset ${at}`);
    }
    if (wanted.has(token)) out.push({ term: token, start: at, end: at + token.length });
    at += token.length;
  }
  return out;
}
