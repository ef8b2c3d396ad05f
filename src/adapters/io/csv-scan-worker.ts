/**
 * Worker thread of the two-thread CSV scan (io/csv-scan-thread.ts): scans its
 * range of the file's bytes (shared with the caller, or a copy of the range
 * whose offsets are then moved to the whole file's) and sends the grid's
 * arrays back (not the bytes, which the caller holds).
 */
import { scanCsv, shiftGrid } from '../formats/csv-scan.ts';
import { answerJobs } from './worker-thread.ts';

export interface CsvScanJob {
  /** The whole file (a view of a SharedArrayBuffer) or a copy of the range (shift > 0). */
  bytes: Uint8Array;
  from: number;
  to: number;
  /** Where `bytes` starts in the whole file: added to every offset. */
  shift: number;
  delimiter: string;
  newline: '\n' | '\r\n' | '\r';
}

answerJobs<CsvScanJob>((job) => {
  const g = scanCsv(job.bytes, job.delimiter, job.newline, job.from, job.to);
  if (!g) return { value: null };
  const { bytes: _bytes, ...arrays } = job.shift > 0 ? shiftGrid(g, job.shift) : g;
  // the subarrays of scanCsv view larger buffers: the whole buffers move, the views keep their lengths
  return {
    value: arrays,
    transfer: [g.rowStart, g.start, g.size, g.kind, g.value].map((a) => a.buffer as ArrayBuffer),
  };
});
