/**
 * Traditional → simplified conversion before counting, so a report written
 * in traditional characters (Hong Kong and Taiwan filings, older scans)
 * counts the same as its simplified version. The conversion is OpenCC's
 * (opencc-js, the JavaScript port of Open Chinese Convert): Hong Kong and
 * Taiwan variant forms to OpenCC's standard traditional characters, then
 * standard traditional to simplified, each a longest-match phrase table
 * before single characters (区块链 for 區塊鏈, 分布式 for 分佈式).
 *
 * Characters only: regional vocabulary (Taiwan's 人工智慧, 雲端運算, 資料探勘)
 * is left as written, because OpenCC's vocabulary tables would also turn the
 * dictionary's own term 智慧农业 into 智能农业 (docs/text-index.md).
 *
 * Every converted position keeps the offset it came from, so hits, snippets
 * and pages refer to the report as written.
 */
import { Trie } from 'opencc-js/core';
import { from, to } from 'opencc-js/preset/t2cn';

/**
 * `auto` (default): convert a report whose text is mostly traditional
 * (AUTO_TRADITIONAL_SHARE); `t2s`: always convert; `none`: never.
 */
export const CONVERSIONS = ['auto', 't2s', 'none'] as const;
export type Conversion = (typeof CONVERSIONS)[number];

/** `auto` converts when more than this share of the script-specific characters are traditional. */
export const AUTO_TRADITIONAL_SHARE = 0.5;

export interface ConvertedText {
  text: string;
  /** origin[k]: offset in the original text of converted position k; origin[text.length] = original length. */
  origin: Uint32Array;
}

/** What was decided for one text. */
export interface ScriptUse {
  /** Traditional share of the characters that differ between the scripts (null when there are none). */
  traditionalShare: number | null;
  converted: boolean;
}

let stages: Trie[] | null = null;

/** The two OpenCC stages, built on first use (the tables are large). */
function t2sStages(): Trie[] {
  if (stages) return stages;
  const variants = new Trie();
  variants.loadDictGroup([...from.tw[0], ...from.hk[0]]);
  const simplify = new Trie();
  simplify.loadDictGroup(to.cn[0]);
  stages = [variants, simplify];
  return stages;
}

/** One stage: longest dictionary match at each position, else the character itself. */
function convertStage(trie: Trie, text: string): ConvertedText {
  const pieces: string[] = [];
  const origin: number[] = [];
  let i = 0;
  while (i < text.length) {
    const match = trie.matchPrefix(text, i);
    const end = match ? match.end : i + ((text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);
    const piece = match ? match.value : text.slice(i, end);
    // piece and source differ in length only where a character is outside the BMP
    for (let k = 0; k < piece.length; k++) origin.push(i + Math.floor((k * (end - i)) / piece.length));
    pieces.push(piece);
    i = end;
  }
  origin.push(text.length);
  return { text: pieces.join(''), origin: Uint32Array.from(origin) };
}

/**
 * Convert traditional characters to simplified, keeping for every position
 * the offset it came from.
 * @example toSimplified('區塊鏈').text // '区块链'
 */
export function toSimplified(text: string): ConvertedText {
  let out: ConvertedText = { text, origin: Uint32Array.from({ length: text.length + 1 }, (_, k) => k) };
  for (const trie of t2sStages()) {
    const next = convertStage(trie, out.text);
    const origin = next.origin.map((k) => out.origin[k]);
    out = { text: next.text, origin };
  }
  return out;
}

const plainCache = new Map<string, string>();

/**
 * A short string (a dictionary term) converted, cached.
 * @example simplifiedTerm('雲計算') // '云计算'
 */
export function simplifiedTerm(term: string): string {
  let out = plainCache.get(term);
  if (out === undefined) {
    out = toSimplified(term).text;
    plainCache.set(term, out);
  }
  return out;
}

let scriptSets: { traditional: Set<string>; simplified: Set<string> } | null = null;

/** Characters only written in one script: keys and values of OpenCC's TSCharacters that differ. */
function characterSets(): { traditional: Set<string>; simplified: Set<string> } {
  if (scriptSets) return scriptSets;
  const traditional = new Set<string>();
  const simplified = new Set<string>();
  const table = to.cn[0][1];
  const pairs = typeof table === 'string' ? table.split('|').map((p) => p.split(' ')) : table;
  for (const [t, s] of pairs) {
    if (t === s || [...t].length !== 1) continue;
    traditional.add(t);
    simplified.add([...s][0]);
  }
  for (const t of traditional) simplified.delete(t);
  scriptSets = { traditional, simplified };
  return scriptSets;
}

/**
 * Share of traditional characters among the characters that differ between
 * the scripts (e.g. 數 against 数); null when the text has none of either.
 * @example traditionalShare('區塊鏈與大數據') // 1
 */
export function traditionalShare(text: string): number | null {
  const { traditional, simplified } = characterSets();
  let t = 0;
  let s = 0;
  for (const ch of text) {
    if (traditional.has(ch)) t++;
    else if (simplified.has(ch)) s++;
  }
  return t + s ? t / (t + s) : null;
}

/**
 * Whether to convert a text under a conversion mode; `auto` converts when
 * the traditional share exceeds AUTO_TRADITIONAL_SHARE.
 * @example scriptUse('區塊鏈', 'auto') // { traditionalShare: 1, converted: true }
 */
export function scriptUse(text: string, mode: Conversion): ScriptUse {
  const share = traditionalShare(text);
  const converted = mode === 't2s' || (mode === 'auto' && share !== null && share > AUTO_TRADITIONAL_SHARE);
  return { traditionalShare: share, converted };
}
