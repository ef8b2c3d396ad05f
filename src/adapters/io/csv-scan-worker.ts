/**
 * Worker thread of the two-thread CSV scan (io/csv-scan-thread.ts): scans the
 * part of the text it is sent, moves its offsets to the whole text's and the
 * grid's arrays back (not the text, which the caller holds).
 */
import { scanCsv, shiftGrid } from '../formats/csv-scan.ts';
import { answerJobs } from './worker-thread.ts';

export interface CsvScanJob {
  text: string;
  /** Where the text starts in the whole text: added to every offset. */
  shift: number;
  delimiter: string;
  newline: '\n' | '\r\n' | '\r';
}

answerJobs<CsvScanJob>((job) => {
  const g = scanCsv(job.text, job.delimiter, job.newline);
  if (!g) return { value: null };
  const { text: _text, ...arrays } = shiftGrid(g, job.shift);
  // the subarrays of scanCsv view larger buffers: the whole buffers move, the views keep their lengths
  return { value: arrays, transfer: [g.rowStart, g.start, g.end, g.kind, g.value].map((a) => a.buffer as ArrayBuffer) };
});
