/**
 * The CSV scan of a large file on two threads (Node): the bytes are cut at a
 * line ending near their middle (rowCuts; only when they hold no double
 * quote, so no quoted field can span the cut), the second half is scanned on
 * a worker thread while this thread scans the first, and the two grids are
 * joined (joinGrids). The grid is the one scanCsv gives for the whole file:
 * the same cells, numbers and offsets. Bytes in a SharedArrayBuffer (as
 * readCsvBytes reads a large file) reach the worker without a copy.
 *
 * @example await parseTable(bytes, 'firms.csv', { scan: csvScanner(bytes.length) })
 */
import { open } from 'node:fs/promises';
import type { CellGrid } from '../../core/panel/raw-table.ts';
import { joinGrids, rowCuts, scanCsv } from '../formats/csv-scan.ts';
import type { CsvScanJob } from './csv-scan-worker.ts';
import { jobWorker, type JobWorker } from './worker-thread.ts';
import type { CsvScanner } from '../formats/table.ts';
import type { FindByte } from '../formats/decode.ts';

/** Below this many bytes one thread scans faster than two (a worker's start-up costs tens of milliseconds). */
export const CSV_THREADS_MIN_BYTES = 8_000_000;

type GridArrays = Omit<CellGrid, 'bytes'>;

/** scanCsv(bytes, delimiter, newline), on two threads from `minBytes` bytes (default CSV_THREADS_MIN_BYTES). */
export async function scanCsvOnThreads(
  bytes: Uint8Array,
  delimiter: string,
  newline: '\n' | '\r\n' | '\r',
  minBytes = CSV_THREADS_MIN_BYTES,
  worker?: JobWorker<GridArrays | null>,
): Promise<CellGrid | null> {
  const cuts = bytes.length >= minBytes ? rowCuts(bytes, newline, 2, nodeFindByte) : null;
  if (!cuts) {
    worker?.cancel();
    return scanCsv(bytes, delimiter, newline);
  }
  const [, mid, end] = cuts;
  const shared = bytes.buffer instanceof SharedArrayBuffer;
  const job: CsvScanJob = shared
    ? { bytes, from: mid, to: end, shift: 0, delimiter, newline }
    : { bytes: bytes.slice(mid, end), from: 0, to: end - mid, shift: mid, delimiter, newline };
  const second = (worker ?? jobWorker<GridArrays | null>(import.meta.url, './csv-scan-worker')).run(job);
  void second.catch(() => undefined); // awaited below, after the first half
  const first = scanCsv(bytes, delimiter, newline, 0, mid, end); // with room for the worker's cells
  const rest = await second;
  if (!first || !rest) return null;
  return joinGrids(bytes, [first, { bytes, ...rest }]);
}

/** Buffer's indexOf (memchr) on any Uint8Array, shared memory included. */
export const nodeFindByte: FindByte = (bytes, byte, from = 0) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(byte, from);

/**
 * A scanner for a CSV file of `size` bytes: scanCsvOnThreads with its worker
 * started now, so that the thread boots while the file is read (for a file
 * too small for two threads, scanCsv). `cancel` ends a worker that was not
 * used (the read failed, or the file went another way).
 * @example let s; bytes = await readCsvBytes(path, (n) => (s = csvScanner(n))); parseTable(bytes, name, { scan: s.scan }); s.cancel()
 */
export function csvScanner(size: number): { scan: CsvScanner; cancel: () => void } {
  if (size < CSV_THREADS_MIN_BYTES) return { scan: scanCsv, cancel: () => undefined };
  const worker = jobWorker<GridArrays | null>(import.meta.url, './csv-scan-worker');
  return {
    scan: (bytes, delimiter, newline) => scanCsvOnThreads(bytes, delimiter, newline, CSV_THREADS_MIN_BYTES, worker),
    cancel: () => worker.cancel(),
  };
}

/**
 * The bytes of a file; from CSV_THREADS_MIN_BYTES on in a SharedArrayBuffer,
 * so that the scan's worker reads them where they are. `sized` hears the
 * file's size before it is read (to start the scan's worker meanwhile).
 */
export async function readCsvBytes(path: string, sized?: (size: number) => void): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    sized?.(size);
    if (size < CSV_THREADS_MIN_BYTES) {
      const buf = await file.readFile();
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    const bytes = new Uint8Array(new SharedArrayBuffer(size));
    let at = 0;
    while (at < size) {
      const { bytesRead } = await file.read(bytes, at, size - at, at);
      if (bytesRead === 0) break; // the file shrank while read
      at += bytesRead;
    }
    return at < size ? bytes.subarray(0, at) : bytes;
  } finally {
    await file.close();
  }
}
