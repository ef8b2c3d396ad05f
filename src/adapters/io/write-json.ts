/**
 * Write a large JSON document to a stream or a file piece by piece
 * (report/json.ts jsonPieces, through write-lines.ts): no single string
 * holds the whole document.
 */
import type { Writable } from 'node:stream';
import { jsonPieces } from '../report/json.ts';
import { writeLinesFile, writePieces } from './write-lines.ts';

/** The document's pieces, newline-terminated. */
function* jsonLines(value: unknown): Generator<string> {
  yield* jsonPieces(value);
  yield '\n';
}

/** Write `value` as JSON, newline-terminated, to `out`. */
export async function writeJsonTo(out: Writable, value: unknown): Promise<void> {
  await writePieces(out, jsonLines(value));
}

/** Write `value` as JSON to the file at `path`. */
export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  await writeLinesFile(path, jsonLines(value));
}
