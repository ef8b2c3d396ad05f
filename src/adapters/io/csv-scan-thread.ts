/**
 * The CSV scan of a large file on two threads (Node): the bytes are cut at a
 * line ending where both threads should finish together (fileScanFirstShare;
 * rowCuts; only when they hold no double
 * quote, so no quoted field can span the cut), the second half is scanned on
 * a worker thread while this thread scans the first, and the grids are
 * joined (joinGrids). The grid is the one scanCsv gives for the whole file:
 * the same cells, numbers and offsets.
 *
 * The worker reads its half from the file itself, a few megabytes at a time
 * (csv-scan-worker.ts), so that the file's bytes are held once, by this
 * thread, in an array of its own, which can be freed the moment the panel
 * is built (io/release.ts); shared memory would wait for a full garbage
 * collection (53 MB for 5,000 firms × 15 years × 42 columns). Both threads
 * take the CRC-32 of that half; if they differ, or the worker cannot read
 * the file (it changed or went away after it was read here), the grid is
 * scanned here from the bytes read here. Bytes not read from a file (a
 * transcoded GB18030 file, or Node without zlib.crc32) reach the worker as a
 * copy of its part, moved to it.
 *
 * @example await parseTable(bytes, 'firms.csv', { scan: csvScanner(bytes.length).scan })
 */
import { open } from 'node:fs/promises';
import * as zlib from 'node:zlib';
import { dropBuffers, gridArrays, type CellGrid } from '../../core/panel/raw-table.ts';
import { joinGrids, rowCuts, scanCsv } from '../formats/csv-scan.ts';
import type { CsvScanAnswer, CsvScanJob } from './csv-scan-worker.ts';
import { jobWorker, type JobWorker } from './worker-thread.ts';
import type { CsvScanner } from '../formats/table.ts';
import type { FindByte } from '../formats/decode.ts';

/** Below this many bytes one thread scans faster than two (a worker's start-up costs tens of milliseconds). */
export const CSV_THREADS_MIN_BYTES = 8_000_000;

/** What a byte costs the worker that reads its part from the file, against this thread: reading and checking it, about a fifth more. */
export const FILE_SCAN_WORKER_COST = 1.2;

/** Bytes this thread scans while the worker starts (its modules load: about 0.1 s). */
export const WORKER_START_BYTES = 16 << 20;

/**
 * This thread's share of `bytes` when the worker reads its part from the
 * file, so that both finish together: s·B = WORKER_START_BYTES +
 * FILE_SCAN_WORKER_COST·(1 − s)·B, at most 0.8. 56 MB (5,000 firms × 15
 * years × 40 indicators): 0.68 (0.55 before the worker's start-up was
 * counted: this thread then waited about 0.1 s for the worker, and the read
 * took 0.48–0.64 s against 0.40–0.43 s, best of five, in turn); 224 MB: 0.58.
 * @example fileScanFirstShare(56_000_000) // about 0.68
 */
export function fileScanFirstShare(bytes: number): number {
  return Math.min(0.8, (WORKER_START_BYTES / bytes + FILE_SCAN_WORKER_COST) / (1 + FILE_SCAN_WORKER_COST));
}

/** Where the scanned bytes came from: the file, and the position in it of the bytes' first byte (3 after a BOM). */
export interface CsvSource {
  path: string;
  at: number;
}

/** Bytes of a large file read at a time, the pieces side by side (readCsvBytes). */
export const READ_PIECE = 8 << 20;

/** CRC-32 of bytes (zlib.crc32: Node 20.15 and later; undefined before). */
const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/**
 * scanCsv(bytes, delimiter, newline), on two threads from `minBytes` bytes
 * (default CSV_THREADS_MIN_BYTES); with `source`, the worker reads its half
 * from that file.
 */
export async function scanCsvOnThreads(
  bytes: Uint8Array,
  delimiter: string,
  newline: '\n' | '\r\n' | '\r',
  minBytes = CSV_THREADS_MIN_BYTES,
  worker?: JobWorker<CsvScanAnswer>,
  source?: CsvSource,
): Promise<CellGrid | null> {
  const fromFile = source !== undefined && crc32 !== undefined;
  // a worker reading its part from the file is given less of it, less still of a small file (its start-up)
  const share = fromFile ? fileScanFirstShare(bytes.length) : 0.5;
  const cuts = bytes.length >= minBytes ? rowCuts(bytes, newline, 2, nodeFindByte, share) : null;
  if (!cuts) {
    worker?.cancel();
    return scanCsv(bytes, delimiter, newline);
  }
  const [, mid, end] = cuts;
  // the worker reads its part from the file, or gets a copy of it (moved, not cloned)
  const part = fromFile ? undefined : bytes.slice(mid, end);
  const job: CsvScanJob = part
    ? { bytes: part, shift: mid, delimiter, newline }
    : { path: source!.path, start: source!.at + mid, end: source!.at + end, shift: mid, delimiter, newline };
  const second = (worker ?? jobWorker<CsvScanAnswer>(import.meta.url, '../io/csv-scan-worker')).run(
    job,
    part ? [part.buffer] : [],
  );
  void second.catch(() => undefined); // awaited below, after the first half
  const first = scanCsv(bytes, delimiter, newline, 0, mid, end); // with room for the worker's cells
  let rest: CsvScanAnswer;
  try {
    rest = await second;
  } catch (e) {
    if (!fromFile) throw e;
    rest = null; // the file could not be read again: scanned here below
  }
  // the worker's half as read from the file must be the half read here
  if (fromFile && (!rest || rest.crc !== crc32(bytes.subarray(mid, end)))) return scanCsv(bytes, delimiter, newline);
  if (!first || !rest) return null;
  const joined = joinGrids(bytes, [first, ...rest.grids.map((g) => ({ bytes, ...g }))]);
  // the worker's arrays, copied into the joined grid, are freed at the next young collection rather than
  // at a full one: about 75 MB of a 99 MB long-data file's cells
  const kept = new Set(gridArrays(joined).map((a) => a.buffer));
  dropBuffers(rest.grids.flatMap((g) => gridArrays(g).map((a) => a.buffer)).filter((b) => !kept.has(b)));
  return joined;
}

/** Buffer's indexOf (memchr) on any Uint8Array, shared memory included. */
export const nodeFindByte: FindByte = (bytes, byte, from = 0) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(byte, from);

/** A CSV scanner made before its file is read (csvScanner). */
export interface FileCsvScanner {
  scan: CsvScanner;
  /** End a worker that was not used (the read failed, or the file went another way). */
  cancel: () => void;
  /** The file's bytes once read: text scanned from a view of them has its worker read the file (CsvSource). */
  read?: Uint8Array;
}

/**
 * A scanner for the CSV file at `path` of `size` bytes: scanCsvOnThreads
 * with its worker started now, so that the thread boots while the file is
 * read (for a file too small for two threads, scanCsv).
 * @example let s; bytes = await readCsvBytes(path, (n) => (s = csvScanner(n, path))); s.read = bytes; parseTable(bytes, name, { scan: s.scan }); s.cancel()
 */
export function csvScanner(size: number, path?: string): FileCsvScanner {
  if (size < CSV_THREADS_MIN_BYTES) return { scan: scanCsv, cancel: () => undefined };
  const worker = jobWorker<CsvScanAnswer>(import.meta.url, '../io/csv-scan-worker');
  const scanner: FileCsvScanner = {
    scan: (bytes, delimiter, newline) => {
      // the text is the file's bytes as read (or after a BOM): the worker can read its half from the file
      const file = scanner.read;
      const at = file && file.buffer === bytes.buffer ? bytes.byteOffset - file.byteOffset : -1;
      const source = path !== undefined && at >= 0 ? { path, at } : undefined;
      return scanCsvOnThreads(bytes, delimiter, newline, CSV_THREADS_MIN_BYTES, worker, source);
    },
    cancel: () => worker.cancel(),
  };
  return scanner;
}

/**
 * The bytes of a file; from CSV_THREADS_MIN_BYTES on in an array of their
 * own (which io/release.ts can free at once). `sized` hears the file's size
 * before it is read (to start the scan's worker meanwhile).
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
    // read in pieces at once, on libuv's thread pool: the new array's pages are faulted in on several
    // threads (56 MB: about 100 ms against 170 ms in one read on a 2-core machine)
    const bytes = new Uint8Array(size);
    const ends = await Promise.all(
      Array.from({ length: Math.ceil(size / READ_PIECE) }, async (_, k) => {
        const end = Math.min(size, (k + 1) * READ_PIECE);
        let at = k * READ_PIECE;
        while (at < end) {
          const { bytesRead } = await file.read(bytes, at, end - at, at);
          if (bytesRead === 0) break; // the file shrank while read
          at += bytesRead;
        }
        return at;
      }),
    );
    // the bytes up to the first piece that came up short
    const short = ends.findIndex((at, k) => at < Math.min(size, (k + 1) * READ_PIECE));
    return short < 0 ? bytes : bytes.subarray(0, ends[short]);
  } finally {
    await file.close();
  }
}
