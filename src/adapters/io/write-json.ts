/**
 * Write a large JSON document to a stream or a file piece by piece
 * (report/json.ts jsonPieces), in blocks of about 1 MB, waiting for the
 * stream to drain: no single string holds the whole document.
 */
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { jsonPieces, memberPieces } from '../report/json.ts';

const BLOCK = 1 << 20;

/**
 * Write `value` as JSON, newline-terminated, to `out`. `later` holds members
 * still being computed (a promise of an object): those the value does not
 * have when the call is made are written after its own members once it
 * resolves, so writing starts without them.
 * @example await writeJsonTo(process.stdout, result, robustness.then((r) => ({ robustness: r })))
 */
export async function writeJsonTo(
  out: Writable,
  value: unknown,
  later?: Promise<Record<string, unknown>>,
): Promise<void> {
  let buf = '';
  const put = async (pieces: Iterable<string>): Promise<void> => {
    for (const piece of pieces) {
      buf += piece;
      if (buf.length >= BLOCK) {
        if (!out.write(buf)) await once(out, 'drain');
        buf = '';
      }
    }
  };
  if (later) {
    const members = (o: object) => Object.entries(o).filter(([, x]) => x !== undefined && typeof x !== 'function');
    const own = members(value as object); // taken now: the value may gain members while this writes
    const written = new Set(own.map(([k]) => k));
    await put(['{\n']);
    await put(memberPieces(own, 2, 1, false));
    await put(
      memberPieces(
        members(await later).filter(([k]) => !written.has(k)),
        2,
        1,
        true,
      ),
    );
    await put(['}']);
  } else await put(jsonPieces(value));
  buf += '\n';
  if (!out.write(buf)) await once(out, 'drain');
}

/** Write `value` as JSON to the file at `path` (`later`: members written last, as writeJsonTo). */
export async function writeJsonFile(
  path: string,
  value: unknown,
  later?: Promise<Record<string, unknown>>,
): Promise<void> {
  const out = createWriteStream(path);
  const closed = once(out, 'close');
  await writeJsonTo(out, value, later);
  out.end();
  await closed;
}
