/**
 * A jieba segmenter for the `tokens` counting rule: jieba-wasm (jieba-rs),
 * which gives the same tokens as Python jieba 0.42 (`jieba.cut(text)`, HMM on)
 * — checked against Debian's python3-jieba in test/reference/text. The
 * dictionary's terms are added as user words with `add_word(term)` and no
 * frequency, as cntext does; both libraries then suggest a frequency that
 * keeps the term whole where the segmentation allows it.
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
  return (text: string) => cut(text, true);
}
