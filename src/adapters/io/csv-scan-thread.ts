/**
 * The CSV scan of a large file on two threads (Node): the text is cut at a
 * line ending near its middle (rowCuts; only when it holds no double quote,
 * so no quoted field can span the cut), the second half is scanned on a
 * worker thread while this thread scans the first, and the two grids are
 * joined (joinGrids). The grid is the one scanCsv gives for the whole text:
 * the same cells, numbers and offsets.
 *
 * @example await parseTable(bytes, 'firms.csv', { scan: scanCsvOnThreads })
 */
import type { CellGrid } from '../../core/panel/raw-table.ts';
import { joinGrids, rowCuts, scanCsv } from '../formats/csv-scan.ts';
import type { CsvScanJob } from './csv-scan-worker.ts';
import { runJobOnWorker } from './worker-thread.ts';

/** Below this many characters one thread scans faster than two (a worker's start-up costs tens of milliseconds). */
export const CSV_THREADS_MIN_CHARS = 8_000_000;

/** scanCsv(text, delimiter, newline), on two threads from `minChars` characters (default CSV_THREADS_MIN_CHARS). */
export async function scanCsvOnThreads(
  text: string,
  delimiter: string,
  newline: '\n' | '\r\n' | '\r',
  minChars = CSV_THREADS_MIN_CHARS,
): Promise<CellGrid | null> {
  const cuts = text.length >= minChars ? rowCuts(text, newline, 2) : null;
  if (!cuts) return scanCsv(text, delimiter, newline);
  const second = runJobOnWorker<Omit<CellGrid, 'text'> | null>(import.meta.url, './csv-scan-worker', {
    text: text.slice(cuts[1]),
    shift: cuts[1],
    delimiter,
    newline,
  } satisfies CsvScanJob);
  void second.catch(() => undefined); // awaited below, after the first half
  const first = scanCsv(text, delimiter, newline, 0, cuts[1]);
  const rest = await second;
  if (!first || !rest) return null;
  return joinGrids(text, [first, { text, ...rest }]);
}
