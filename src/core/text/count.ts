/**
 * The firm digitalisation text index of one report: keyword counts per term
 * and per group, total, ln(1 + total) and per-10,000-character intensity,
 * with every hit kept as evidence (position, page, context snippet).
 * Index as in 吴非 et al. (2021, 管理世界): DT = ln(1 + total count).
 */
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { dictionaryTerms, WUFEI_2021, type Dictionary } from './dictionary.ts';
import { CONVERSIONS, scriptUse, simplifiedTerm, toSimplified, type Conversion, type ScriptUse } from './script.ts';
import {
  contextOf,
  DEFAULT_CONTEXTS,
  DEFAULT_NEGATION,
  negationBefore,
  type ContextRule,
  type NegationRule,
} from './filters.ts';
import {
  COUNT_RULES,
  matchLongest,
  matchSubstring,
  matchTokens,
  type CountRule,
  type Segmenter,
  type TermMatch,
} from './match.ts';

export interface CountOptions {
  dictionary?: Dictionary;
  /** Counting rule; default `longest`. */
  rule?: CountRule;
  /** Required for the `tokens` rule. */
  segmenter?: Segmenter;
  /** Set aside negated mentions (`true` = DEFAULT_NEGATION). */
  negation?: NegationRule | boolean;
  /** Set aside mentions in shareholder / customer / supplier / biography passages. */
  contexts?: ContextRule | boolean;
  /** Characters of context on each side of a hit's snippet; default 20. */
  snippet?: number;
  /** Offsets where each page starts (page 1 at index 0), to give each hit its page. */
  pageStarts?: number[];
  /** Traditional → simplified conversion before matching; default `auto` (script.ts). */
  convert?: Conversion;
}

/** The options as used, recorded in every result. */
export interface CountSettings {
  dictionary: string;
  rule: CountRule;
  negation: NegationRule | null;
  contexts: ContextRule | null;
  snippet: number;
  convert: Conversion;
}

export interface Hit {
  term: string;
  group: string;
  start: number;
  end: number;
  /** 1-based page, when page offsets were given. */
  page?: number;
  /**
   * Text around the hit, as written in the report; the mention sits at
   * [before, before + end - start) (the term itself, or its traditional form
   * when the text was converted).
   */
  snippet: string;
  before: number;
  /** Why the hit was set aside (absent for counted hits). */
  dropped?: { rule: 'negation' | 'context'; cue: string };
}

export interface TextCount {
  settings: CountSettings;
  /** Characters counted: the text without whitespace. */
  chars: number;
  counts: Record<string, number>;
  groups: Record<string, number>;
  total: number;
  /** ln(1 + total). */
  lnTotal: number;
  /** total / chars × 10,000 (null when the text is empty). */
  per10k: number | null;
  /** Counted hits, in text order. */
  hits: Hit[];
  /** Hits set aside by the negation or context rule. */
  dropped: Hit[];
  /** Whether the text was converted from traditional characters, and its traditional share. */
  script: ScriptUse;
}

/** Longest context of a hit's snippet on each side (characters). */
export const MAX_SNIPPET = 1000;

/** Fill the options with their defaults, checking them. */
export function countSettings(opts: CountOptions = {}): CountSettings {
  const rule = opts.rule ?? 'longest';
  if (!COUNT_RULES.includes(rule)) {
    throw new XinzhiError({
      code: 'bad-option',
      severity: 'error',
      column: 'rule',
      message: bi(`未知计数规则 "${rule}"`, `unknown counting rule "${rule}"`),
      fix: bi(`可选：${COUNT_RULES.join(', ')}`, `choose one of ${COUNT_RULES.join(', ')}`),
    });
  }
  const negation = opts.negation === true ? DEFAULT_NEGATION : opts.negation || null;
  if (negation && !(Number.isInteger(negation.window) && negation.window >= 1)) {
    throw new XinzhiError({
      code: 'bad-option',
      severity: 'error',
      column: 'negation',
      message: bi(
        `否定词窗口 ${negation.window} 不是正整数`,
        `negation window ${negation.window} is not a positive integer`,
      ),
      fix: bi('给出 1 以上的整数字符数', 'give a whole number of characters, 1 or more'),
    });
  }
  const convert = opts.convert ?? 'auto';
  if (!CONVERSIONS.includes(convert)) {
    throw new XinzhiError({
      code: 'bad-option',
      severity: 'error',
      column: 'convert',
      message: bi(`未知繁简转换方式 "${convert}"`, `unknown conversion "${convert}"`),
      fix: bi(`可选：${CONVERSIONS.join(', ')}`, `choose one of ${CONVERSIONS.join(', ')}`),
    });
  }
  const contexts = opts.contexts === true ? DEFAULT_CONTEXTS : opts.contexts || null;
  // an empty cue is in every sentence: it would set aside every mention without a word
  for (const [rule, cues] of [
    ['negation', negation?.cues ?? []],
    ['contexts', contexts?.cues ?? []],
  ] as const) {
    const bad = cues.findIndex((c) => typeof c !== 'string' || c.trim() === '');
    if (bad >= 0)
      throw new XinzhiError({
        code: 'bad-option',
        severity: 'error',
        column: `${rule}.cues[${bad}]`,
        message: bi(`${rule} 的第 ${bad + 1} 个提示词为空`, `cue ${bad + 1} of ${rule} is empty`),
        fix: bi('删去空的提示词，每个提示词至少一个字', 'remove the empty cue; every cue needs at least one character'),
      });
  }
  const snippet = opts.snippet ?? 20;
  if (!(Number.isInteger(snippet) && snippet >= 0 && snippet <= MAX_SNIPPET))
    throw new XinzhiError({
      code: 'bad-option',
      severity: 'error',
      column: 'snippet',
      message: bi(`片段长度 ${snippet} 无效`, `snippet length ${snippet} is not valid`),
      fix: bi(
        `给出 0 到 ${MAX_SNIPPET} 之间的整数字符数`,
        `give a whole number of characters from 0 to ${MAX_SNIPPET}`,
      ),
    });
  return {
    dictionary: (opts.dictionary ?? WUFEI_2021).id,
    rule,
    negation,
    contexts,
    snippet,
    convert,
  };
}

/** 1-based page of an offset, by binary search over page start offsets. */
function pageOf(offset: number, pageStarts: number[]): number {
  let lo = 0;
  let hi = pageStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pageStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function findMatches(text: string, terms: string[], settings: CountSettings, segmenter?: Segmenter): TermMatch[] {
  if (settings.rule === 'substring') return matchSubstring(text, terms);
  if (settings.rule === 'longest') return matchLongest(text, terms);
  if (!segmenter) {
    throw new XinzhiError({
      code: 'no-segmenter',
      severity: 'error',
      column: 'rule',
      message: bi('tokens 规则需要分词器', 'the tokens rule needs a segmenter'),
      fix: bi(
        '传入 segmenter（如 jieba-wasm），或改用 longest / substring',
        'pass a segmenter (e.g. jieba-wasm) or use longest / substring',
      ),
    });
  }
  return matchTokens(text, terms, segmenter);
}

/**
 * The terms as matched in converted text: each term converted too (so a
 * dictionary in traditional characters still matches), mapped back to the
 * term. Two terms that become one are an error naming both.
 */
function matchedTerms(dictionary: Dictionary, converted: boolean): Map<string, string> {
  const out = new Map<string, string>();
  for (const { term } of dictionaryTerms(dictionary)) {
    const as = converted ? simplifiedTerm(term) : term;
    const other = out.get(as);
    if (other !== undefined && other !== term) {
      throw new XinzhiError({
        code: 'convert-collision',
        severity: 'error',
        column: 'convert',
        message: bi(
          `词条 "${other}" 与 "${term}" 繁简转换后都是 "${as}"`,
          `terms "${other}" and "${term}" both become "${as}" after traditional → simplified conversion`,
        ),
        fix: bi('删去其中一个词条，或使用 --convert none', 'drop one of the terms, or use --convert none'),
      });
    }
    out.set(as, term);
  }
  return out;
}

/**
 * Count the dictionary's terms in a text under a named rule, optionally
 * setting aside negated mentions and mentions about other parties. A text
 * in traditional characters is first converted (`convert`, default `auto`);
 * hits keep the positions and characters of the text as given.
 * total = Σ counts; lnTotal = ln(1 + total); per10k = 10⁴ · total / chars.
 * @example countTerms('公司推进人工智能与大数据。').total // 2
 */
export function countTerms(text: string, opts: CountOptions = {}): TextCount {
  const settings = countSettings(opts);
  const dictionary = opts.dictionary ?? WUFEI_2021;
  const entries = dictionaryTerms(dictionary);
  const groupOf = new Map(entries.map((e) => [e.term, e.group]));
  const counts: Record<string, number> = Object.fromEntries(entries.map((e) => [e.term, 0]));
  const groups: Record<string, number> = Object.fromEntries(dictionary.groups.map((g) => [g.id, 0]));
  const hits: Hit[] = [];
  const dropped: Hit[] = [];
  const script = scriptUse(text, settings.convert);
  const view = script.converted ? toSimplified(text) : null;
  const counted = view ? view.text : text;
  const termOf = matchedTerms(dictionary, script.converted);
  for (const m of findMatches(counted, [...termOf.keys()], settings, opts.segmenter)) {
    const term = termOf.get(m.term)!;
    const start = view ? view.origin[m.start] : m.start;
    const end = view ? Math.max(view.origin[m.end], start + 1) : m.end;
    const from = Math.max(0, start - settings.snippet);
    const hit: Hit = {
      term,
      group: groupOf.get(term)!,
      start,
      end,
      snippet: text.slice(from, end + settings.snippet),
      before: start - from,
    };
    if (opts.pageStarts?.length) hit.page = pageOf(start, opts.pageStarts);
    const negCue = settings.negation ? negationBefore(counted, m, settings.negation) : null;
    const ctxCue = !negCue && settings.contexts ? contextOf(counted, m, settings.contexts) : null;
    if (negCue) hit.dropped = { rule: 'negation', cue: negCue };
    else if (ctxCue) hit.dropped = { rule: 'context', cue: ctxCue };
    if (hit.dropped) {
      dropped.push(hit);
      continue;
    }
    counts[term] += 1;
    groups[hit.group] += 1;
    hits.push(hit);
  }
  const chars = counted.replace(/\s+/g, '').length;
  const total = hits.length;
  const per10k = chars ? (total / chars) * 1e4 : null;
  return { settings, chars, counts, groups, total, lnTotal: Math.log1p(total), per10k, hits, dropped, script };
}
