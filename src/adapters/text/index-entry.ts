/**
 * Count one report that has been read: limit to the section, count with the
 * settings given as plain data, and turn a report that cannot be counted into
 * a skipped entry with its reason. Shared by the CLI (one file at a time, in
 * worker threads too: `io/index-report-file.ts`) and the web page
 * (`web/text-session.ts`), so both count with the same options and segmenter.
 */
import type { Bilingual } from '../../core/i18n.ts';
import type { CountOptions } from '../../core/text/count.ts';
import { dictionaryTerms, type Dictionary } from '../../core/text/dictionary.ts';
import type { ReportName } from '../../core/text/filename.ts';
import { indexReport, type ReportIndex } from '../../core/text/report-index.ts';
import { simplifiedTerm } from '../../core/text/script.ts';
import type { SectionName } from '../../core/text/sections.ts';
import type { ReadReport } from './read-bytes.ts';

/** Count options as plain data: the segmenter is made where the count runs. */
export type CountSpec = Omit<CountOptions, 'segmenter' | 'pageStarts'> & { dictionary: Dictionary };

export interface IndexedFile {
  file: string;
  firm: string;
  year: number;
  index: ReportIndex;
  format: string;
  pages: number;
  encoding?: string;
}

export type FileEntry = IndexedFile | { file: string; reason: Bilingual };

/**
 * The user words of the tokens rule: the dictionary's terms, and their
 * simplified forms unless conversion is off (converted reports are matched
 * against the converted terms; the same for a simplified dictionary).
 * @example segmenterWords({ dictionary: WUFEI_2021, convert: 'none' }).length // 76
 */
export function segmenterWords(spec: CountSpec): string[] {
  const terms = dictionaryTerms(spec.dictionary).map((e) => e.term);
  return spec.convert === 'none' ? terms : [...new Set([...terms, ...terms.map(simplifiedTerm)])];
}

/** Fill in the segmenter of the tokens rule (jieba's WebAssembly is loaded only then). */
export async function countOptions(spec: CountSpec): Promise<CountOptions> {
  if (spec.rule !== 'tokens') return spec;
  const { jiebaSegmenter } = await import('./jieba.ts');
  return { ...spec, segmenter: jiebaSegmenter(segmenterWords(spec)) };
}

/**
 * Count a report that has been read and cleaned, as the entry of its file.
 * @example indexReadReport(name, read, 'all', { dictionary: WUFEI_2021 }, await countOptions(spec))
 */
export function indexReadReport(
  name: ReportName,
  read: ReadReport,
  section: SectionName,
  opts: CountOptions,
): FileEntry {
  const outcome = indexReport(read, section, opts);
  if (!outcome.ok) return { file: name.file, reason: outcome.reason };
  return {
    file: name.file,
    firm: name.firm,
    year: name.year,
    index: outcome.index,
    format: read.format,
    pages: read.pages,
    ...(read.encoding ? { encoding: read.encoding } : {}),
  };
}
