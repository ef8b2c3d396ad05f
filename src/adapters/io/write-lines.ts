/**
 * Write a text made piece by piece (a generator of lines, such as
 * report/csv.ts scoresCsvLines, or of JSON, report/json.ts jsonPieces) to a
 * stream or a file in blocks of about 64 kB, waiting for the stream to
 * drain: the text is written as it is produced, and no string holds more
 * than one block (nor is large enough for V8's large-object space, freed
 * only by full collections).
 *
 * @example await writeLinesFile('out/scores.csv', scoresCsvLines(result, 'zh'))
 */
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { once } from 'node:events';

const BLOCK = 1 << 16;

/**
 * Bytes queued to a file before waiting for it to drain: blocks are made
 * while earlier ones are written on libuv's threads. At the stream's default
 * (16 kB) every block waited for its own write (on 5,000 firms, about 0.2 s
 * of a run spent waiting).
 */
const FILE_QUEUE = 1 << 20;

/** Write every piece of `pieces`, in order, to `out` (left open). */
export async function writePieces(out: Writable, pieces: Iterable<string>): Promise<void> {
  let buf = '';
  for (const piece of pieces) {
    buf += piece;
    if (buf.length >= BLOCK) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  if (buf && !out.write(buf)) await once(out, 'drain');
}

/** Write every piece of `pieces`, in order, to the file at `path` (UTF-8). */
export async function writeLinesFile(path: string, pieces: Iterable<string>): Promise<void> {
  const out = createWriteStream(path, { highWaterMark: FILE_QUEUE });
  const closed = once(out, 'close');
  await writePieces(out, pieces);
  out.end();
  await closed;
}
