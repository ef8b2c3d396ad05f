/**
 * A jieba segmenter for the `tokens` counting rule: jieba-wasm (jieba-rs),
 * which gives the same tokens as Python jieba 0.42 (`jieba.cut(text)`, HMM on)
 * — checked against Debian's python3-jieba in test/reference/text. The
 * dictionary's terms are added as user words with `add_word(term)` and no
 * frequency, as cntext does; both libraries then suggest a frequency that
 * keeps the term whole where the segmentation allows it. One difference is
 * mended here: ASCII runs joined by punctuation are split as Python does.
 */
import { add_word, cut } from 'jieba-wasm';
import type { Segmenter } from '../../core/text/match.ts';

const added = new Set<string>();

/**
 * A segmenter with the given terms added as user words (added once per process).
 * @example jiebaSegmenter(['移动互联网'])('推进移动互联网') // ['推进', '移动互联网']
 */
export function jiebaSegmenter(userWords: readonly string[] = []): Segmenter {
  for (const word of userWords) {
    if (added.has(word)) continue;
    add_word(word);
    added.add(word);
  }
  return (text: string) => cut(text, true).flatMap((token) => (added.has(token) ? [token] : splitLikePython(token)));
}

/** Python jieba's `re_skip` in `finalseg.cut`: runs of letters and digits, a decimal part, a percent sign. */
const PY_SKIP = /([a-zA-Z0-9]+(?:\.\d+)?%?)/;

/**
 * jieba-rs keeps ASCII runs joined by + # & . _ % - as one token ("13-14",
 * "1+1"); Python jieba 0.42 splits them in `finalseg.cut` with `re_skip`
 * ("13", "-", "14"). Split such tokens the Python way so tokens agree.
 * @example splitLikePython('13-14') // ['13', '-', '14']
 */
export function splitLikePython(token: string): string[] {
  if (!/^[a-zA-Z0-9+#&._%-]+$/.test(token) || /^[a-zA-Z0-9]+(?:\.\d+)?%?$/.test(token)) return [token];
  return token.split(PY_SKIP).filter((piece) => piece.length > 0);
}
