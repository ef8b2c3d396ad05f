/**
 * Index one report file: read, clean, limit to the section, count. Problems
 * with the file become a skipped entry with the reason, so one bad file never
 * stops a run. Takes only plain data (no functions), so worker threads can
 * run it too (text-worker.ts).
 */
import { XinzhiError } from '../../core/errors.ts';
import type { Bilingual } from '../../core/i18n.ts';
import { dictionaryTerms, type Dictionary } from '../../core/text/dictionary.ts';
import type { CountOptions } from '../../core/text/count.ts';
import type { ReportName } from '../../core/text/filename.ts';
import { indexReport, type ReportIndex } from '../../core/text/report-index.ts';
import type { SectionName } from '../../core/text/sections.ts';
import { simplifiedTerm } from '../../core/text/script.ts';
import { readReport } from './read-report.ts';

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

/** Fill in the segmenter of the tokens rule (jieba's WebAssembly is loaded only then). */
async function countOptions(spec: CountSpec): Promise<CountOptions> {
  if (spec.rule !== 'tokens') return spec;
  const { jiebaSegmenter } = await import('../text/jieba.ts');
  const terms = dictionaryTerms(spec.dictionary).map((e) => e.term);
  // converted reports are matched against the converted terms (the same for a simplified dictionary)
  const words = spec.convert === 'none' ? terms : [...new Set([...terms, ...terms.map(simplifiedTerm)])];
  return { ...spec, segmenter: jiebaSegmenter(words) };
}

/**
 * Read and count one report.
 * @example await indexReportFile(parsedName, 'all', { dictionary: WUFEI_2021, rule: 'longest' })
 */
export async function indexReportFile(name: ReportName, section: SectionName, spec: CountSpec): Promise<FileEntry> {
  try {
    const read = await readReport(name.file);
    const outcome = indexReport(read, section, await countOptions(spec));
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
  } catch (err) {
    if (!(err instanceof XinzhiError)) throw err;
    return { file: name.file, reason: err.problems[0].message };
  }
}
