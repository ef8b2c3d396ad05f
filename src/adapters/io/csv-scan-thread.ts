/**
 * The CSV scan of a large file on two threads (Node): the text is cut at a
 * line ending near its middle (rowCuts; only when it holds no double quote,
 * so no quoted field can span the cut), the second half is scanned on a
 * worker thread while this thread scans the first, and the two grids are
 * joined (joinGrids). The grid is the one scanCsv gives for the whole text:
 * the same cells, numbers and offsets.
 *
 * @example await parseTable(bytes, 'firms.csv', { scan: csvScanner(bytes.length) })
 */
import type { CellGrid } from '../../core/panel/raw-table.ts';
import { joinGrids, rowCuts, scanCsv } from '../formats/csv-scan.ts';
import type { CsvScanJob } from './csv-scan-worker.ts';
import { jobWorker, type JobWorker } from './worker-thread.ts';
import type { CsvScanner } from '../formats/table.ts';

/** Below this many characters one thread scans faster than two (a worker's start-up costs tens of milliseconds). */
export const CSV_THREADS_MIN_CHARS = 8_000_000;

/** scanCsv(text, delimiter, newline), on two threads from `minChars` characters (default CSV_THREADS_MIN_CHARS). */
export async function scanCsvOnThreads(
  text: string,
  delimiter: string,
  newline: '\n' | '\r\n' | '\r',
  minChars = CSV_THREADS_MIN_CHARS,
  worker?: JobWorker<Omit<CellGrid, 'text'> | null>,
): Promise<CellGrid | null> {
  const cuts = text.length >= minChars ? rowCuts(text, newline, 2) : null;
  if (!cuts) {
    worker?.cancel();
    return scanCsv(text, delimiter, newline);
  }
  const job: CsvScanJob = { text: text.slice(cuts[1]), shift: cuts[1], delimiter, newline };
  const second = (worker ?? jobWorker<Omit<CellGrid, 'text'> | null>(import.meta.url, './csv-scan-worker')).run(job);
  void second.catch(() => undefined); // awaited below, after the first half
  const first = scanCsv(text, delimiter, newline, 0, cuts[1]);
  const rest = await second;
  if (!first || !rest) return null;
  return joinGrids(text, [first, { text, ...rest }]);
}

/**
 * A scanner for a CSV file of `bytes` bytes: scanCsvOnThreads with its worker
 * started now, so that it is ready when the text has been decoded (for a
 * file too small for two threads, scanCsv).
 * @example parseTable(bytes, name, { scan: csvScanner(bytes.length) })
 */
export function csvScanner(bytes: number): CsvScanner {
  if (bytes < CSV_THREADS_MIN_CHARS) return scanCsv;
  const worker = jobWorker<Omit<CellGrid, 'text'> | null>(import.meta.url, './csv-scan-worker');
  return (text, delimiter, newline) => scanCsvOnThreads(text, delimiter, newline, CSV_THREADS_MIN_CHARS, worker);
}
