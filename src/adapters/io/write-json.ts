/**
 * Write a large JSON document to a stream or a file piece by piece
 * (report/json.ts jsonPieces), in blocks of about 64 kB, waiting for the
 * stream to drain: no single string holds the whole document, and no block
 * is large enough for V8's large-object space (freed only by full
 * collections, so a few hundred megabytes of blocks would pile up first).
 */
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { jsonPieces } from '../report/json.ts';

const BLOCK = 1 << 16;

/**
 * Bytes queued to the file before waiting for it to drain: blocks are made
 * while earlier ones are written on libuv's threads. At the stream's default
 * (16 kB) every block waited for its own write (on 5,000 firms, about 0.2 s
 * of a run spent waiting).
 */
const FILE_QUEUE = 1 << 20;

/** Write `value` as JSON, newline-terminated, to `out`. */
export async function writeJsonTo(out: Writable, value: unknown): Promise<void> {
  let buf = '';
  for (const piece of jsonPieces(value)) {
    buf += piece;
    if (buf.length >= BLOCK) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  buf += '\n';
  if (!out.write(buf)) await once(out, 'drain');
}

/** Write `value` as JSON to the file at `path`. */
export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  const out = createWriteStream(path, { highWaterMark: FILE_QUEUE });
  const closed = once(out, 'close');
  await writeJsonTo(out, value);
  out.end();
  await closed;
}
