/**
 * Worker thread of the two-thread CSV scan (io/csv-scan-thread.ts): scans
 * its half of the file and sends the grids' arrays back (not the bytes,
 * which the caller holds). The half is read from the file itself, a few
 * megabytes at a time, each piece cut after its last line ending and scanned
 * into a grid of its own (so this thread never holds the half at once), with
 * the CRC-32 of the bytes it read; or it comes with the job as a copy of
 * the range, whose offsets are then moved.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import * as zlib from 'node:zlib';
import { type CellGrid, gridArrays } from '../../core/panel/raw-table.ts';
import { scanCsv, shiftGrid } from '../formats/csv-scan.ts';
import { answerJobs } from './worker-thread.ts';

type Newline = '\n' | '\r\n' | '\r';

export type CsvScanJob =
  | {
      /** A copy of the range (starting a row). */
      bytes: Uint8Array;
      /** Where `bytes` starts in the scanned text: added to every offset. */
      shift: number;
      delimiter: string;
      newline: Newline;
    }
  | {
      /** The file, and the range [start, end) of it to read and scan (starting a row). */
      path: string;
      start: number;
      end: number;
      /** Where `start` is in the scanned text: offsets are moved there. */
      shift: number;
      delimiter: string;
      newline: Newline;
    };

type GridArrays = Omit<CellGrid, 'bytes'>;

/** The grids of the range, in order (null: irregular quoting), and the CRC-32 of the bytes read from the file. */
export type CsvScanAnswer = { grids: GridArrays[]; crc?: number } | null;

/** Bytes read from the file at a time (a row longer than this grows the buffer). */
export const PIECE_BYTES = 4 << 20;

/** The grids of [start, end) of the file at `path`, read PIECE_BYTES (or `piece`) at a time, and their bytes' CRC-32. */
export function scanFileRange(
  path: string,
  start: number,
  end: number,
  delimiter: string,
  newline: Newline,
  piece = PIECE_BYTES,
): { grids: CellGrid[]; crc: number } | null {
  const crc32 = (zlib as { crc32: (data: Uint8Array, value?: number) => number }).crc32;
  const last = newline === '\r' ? 13 : 10; // a cut after "\n" also ends a "\r\n"
  const fd = openSync(path, 'r');
  try {
    let buf = Buffer.allocUnsafe(Math.max(1, Math.min(piece, end - start)));
    let pos = start; // file position of buf[0]
    let held = 0; // bytes in buf[0, held) not yet scanned
    let crc = 0;
    let scanned = 0; // bytes and cells of the pieces so far: the next piece's room
    let cells = 0;
    const grids: CellGrid[] = [];
    for (;;) {
      if (held === buf.length) {
        const wider = Buffer.allocUnsafe(buf.length * 2); // a row longer than the piece
        buf.copy(wider, 0, 0, held);
        buf = wider;
      }
      const want = Math.min(buf.length - held, end - pos - held);
      const got = want > 0 ? readSync(fd, buf, held, want, pos + held) : 0;
      crc = crc32(buf.subarray(held, held + got), crc);
      held += got;
      const done = pos + held >= end || got === 0; // got 0 before the end: the file shrank (the CRC tells)
      if (done && held === 0) return { grids, crc };
      const cut = done ? held : buf.lastIndexOf(last, held - 1) + 1;
      if (cut === 0) continue; // no line ending yet: read on
      const expected = scanned > 0 ? (cells / scanned) * cut * 1.05 + 16 : undefined; // cells, at the pieces' rate so far
      const g = scanCsv(buf, delimiter, newline, 0, cut, cut, expected);
      if (!g) return null;
      scanned += cut;
      cells += g.start.length;
      grids.push(shiftGrid(g, pos - start));
      buf.copyWithin(0, cut, held);
      pos += cut;
      held -= cut;
      if (done) return { grids, crc };
    }
  } finally {
    closeSync(fd);
  }
}

answerJobs<CsvScanJob>((job) => {
  if ('path' in job) {
    const r = scanFileRange(job.path, job.start, job.end, job.delimiter, job.newline);
    if (!r) return { value: null };
    const grids = r.grids.map(({ bytes: _bytes, ...arrays }) => shiftGrid(arrays, job.shift));
    return { value: { grids, crc: r.crc }, transfer: grids.flatMap(buffersOf) };
  }
  const g = scanCsv(job.bytes, job.delimiter, job.newline);
  if (!g) return { value: null };
  const { bytes: _bytes, ...arrays } = shiftGrid(g, job.shift);
  return { value: { grids: [arrays] }, transfer: buffersOf(arrays) };
});

/** The buffers of a grid's arrays (subarrays of larger ones: the whole buffers move, the views keep their lengths). */
function buffersOf(g: GridArrays): ArrayBuffer[] {
  return gridArrays(g).map((a) => a.buffer as ArrayBuffer);
}
