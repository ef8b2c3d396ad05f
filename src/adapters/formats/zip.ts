/**
 * The parts of a zip archive (an XLSX workbook) for a reader that takes
 * them one by one: the central directory read by hand (names, offsets,
 * STORE or DEFLATE), small parts inflated whole and large ones in pieces by
 * an injected inflater — the engine's DecompressionStream ("deflate-raw":
 * browsers and Node), fflate where that is missing, zlib on Node's thread
 * pool from io/read.ts. ZIP64, encrypted entries and other compressions are
 * refused (the caller then uses a full reader).
 *
 * @example for await (const piece of defaultInflateRaw(raw)) scan(piece)
 */
import { Inflate, inflateSync } from 'fflate';

/** Compressed bytes handed to an inflater at a time. */
const STEP = 1 << 20;

const fail = (why: string): never => {
  throw new Error(`zip: ${why}`);
};

export interface ZipEntry {
  method: number;
  /** Offset of the compressed data. */
  data: number;
  size: number;
}

/** Entries of a zip by name, from its central directory (throws for ZIP64, encryption, other compressions or a damaged directory). */
export function zipEntries(b: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let eocd = -1;
  for (let p = b.length - 22; p >= Math.max(0, b.length - 22 - 65535); p--)
    if (view.getUint32(p, true) === 0x06054b50) {
      eocd = p;
      break;
    }
  if (eocd < 0) fail('no end of central directory');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  if (count === 0xffff || p === 0xffffffff) fail('ZIP64');
  const latin = new TextDecoder('latin1');
  const utf8 = new TextDecoder('utf-8');
  const out = new Map<string, ZipEntry>();
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || view.getUint32(p, true) !== 0x02014b50) fail('central directory');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const size = view.getUint32(p + 20, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const nameBytes = b.subarray(p + 46, p + 46 + nameLen);
    let name = (flags & 0x800 ? utf8 : latin).decode(nameBytes);
    if (name[0] === '/') name = name.slice(1);
    if (flags & 1) fail('encrypted entry');
    if (method !== 0 && method !== 8) fail('compression method');
    if (size === 0xffffffff || local === 0xffffffff) fail('ZIP64');
    if (local + 30 > b.length || view.getUint32(local, true) !== 0x04034b50) fail('local header');
    const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (data + size > b.length) fail('truncated entry');
    out.set(name, { method, data, size });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** An entry's bytes, whole. */
export function entryBytes(b: Uint8Array, e: ZipEntry): Uint8Array {
  const raw = b.subarray(e.data, e.data + e.size);
  return e.method === 0 ? raw : inflateSync(raw);
}

/**
 * Inflates raw DEFLATE data in pieces, each piece used before the next is
 * asked for. Default: the engine's DecompressionStream where it inflates
 * "deflate-raw", else fflate; the Node reader passes zlib's, which inflates
 * on the thread pool while the pieces are scanned.
 */
export type InflateRaw = (raw: Uint8Array) => Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/**
 * The engine's own inflater (DecompressionStream "deflate-raw": browsers and
 * Node), fed a megabyte of compressed data at a time; the pieces come as it
 * makes them.
 */
export async function* streamInflateRaw(raw: Uint8Array): AsyncGenerator<Uint8Array> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const fed = (async () => {
    for (let a = 0; a < raw.length; a += STEP)
      await writer.write(raw.subarray(a, Math.min(raw.length, a + STEP)) as Uint8Array<ArrayBuffer>);
    await writer.close();
  })();
  fed.catch(() => undefined); // a damaged stream is reported by the reader below
  const reader = stream.readable.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    yield value;
  }
  await fed;
}

/** DecompressionStream where the engine has it with "deflate-raw", else fflate. */
export const defaultInflateRaw: InflateRaw = (() => {
  try {
    new DecompressionStream('deflate-raw');
    return streamInflateRaw;
  } catch {
    return fflateInflateRaw;
  }
})();

/** fflate's streaming inflate, fed a megabyte of compressed data at a time. */
export function* fflateInflateRaw(raw: Uint8Array): Generator<Uint8Array> {
  const out: Uint8Array[] = [];
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    out.push(chunk);
    if (final) ended = true;
  });
  if (raw.length === 0) inflate.push(raw, true);
  for (let a = 0; a < raw.length; a += STEP) {
    inflate.push(raw.subarray(a, Math.min(raw.length, a + STEP)), a + STEP >= raw.length);
    yield* out.splice(0);
  }
  yield* out.splice(0);
  if (!ended) fail('deflate stream did not end');
}
