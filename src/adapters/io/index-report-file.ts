/**
 * Index one report file: read, clean, limit to the section, count. Problems
 * with the file become a skipped entry with the reason, so one bad file never
 * stops a run. Takes only plain data (no functions), so worker threads can
 * run it too (text-worker.ts). The counting step is shared with the web page
 * (`text/index-entry.ts`).
 */
import { XinzhiError } from '../../core/errors.ts';
import type { ReportName } from '../../core/text/filename.ts';
import type { SectionName } from '../../core/text/sections.ts';
import { countOptions, indexReadReport, type CountSpec, type FileEntry } from '../text/index-entry.ts';
import { readReport } from './read-report.ts';

export type { CountSpec, FileEntry, IndexedFile } from '../text/index-entry.ts';

/**
 * Read and count one report.
 * @example await indexReportFile(parsedName, 'all', { dictionary: WUFEI_2021, rule: 'longest' })
 */
export async function indexReportFile(name: ReportName, section: SectionName, spec: CountSpec): Promise<FileEntry> {
  try {
    const read = await readReport(name.file);
    return indexReadReport(name, read, section, await countOptions(spec));
  } catch (err) {
    if (!(err instanceof XinzhiError)) throw err;
    return { file: name.file, reason: err.problems[0].message };
  }
}
