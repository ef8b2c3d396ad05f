/**
 * The resume record of `xinzhi text --out DIR`: `text-progress.jsonl`, one
 * JSON line per finished report after a first line holding the settings and
 * dictionary. Only where each finished report's line lies is kept in memory;
 * a finished report is read back from the file when its turn comes, so
 * resuming a run of tens of thousands of reports does not hold their hits.
 */
import { createReadStream } from 'node:fs';
import { mkdir, open, truncate, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileEntry } from './index-report-file.ts';

export const PROGRESS_FILE = 'text-progress.jsonl';

export interface ProgressFile {
  /** True when the report with this key (path, size, mtime) finished in an earlier run. */
  has: (key: string) => boolean;
  /** The finished report's entry, read from the file. */
  read: (key: string) => Promise<FileEntry>;
  /** Record a report as finished. */
  append: (key: string, entry: FileEntry) => Promise<void>;
  close: () => Promise<void>;
}

/** Byte span of each complete line, and where the first incomplete or unreadable line starts. */
async function scanLines(
  path: string,
  onLine: (line: Buffer, at: number) => boolean,
): Promise<{ cutAt: number | null; exists: boolean }> {
  let parts: Buffer[] = [];
  let lineStart = 0;
  let offset = 0;
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      let from = 0;
      let nl = chunk.indexOf(10, from);
      while (nl >= 0) {
        parts.push(chunk.subarray(from, nl));
        const line = parts.length === 1 ? parts[0] : Buffer.concat(parts);
        parts = [];
        if (!onLine(line, lineStart)) return { cutAt: lineStart, exists: true };
        lineStart = offset + nl + 1;
        from = nl + 1;
        nl = chunk.indexOf(10, from);
      }
      if (from < chunk.length) parts.push(chunk.subarray(from));
      offset += chunk.length;
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { cutAt: null, exists: false };
    throw err;
  }
  return { cutAt: parts.length ? lineStart : null, exists: true };
}

/**
 * Open (or start) the resume record in `dir`. A record written with other
 * settings (`head` differs) is started afresh; a last line cut short by an
 * interruption is removed, and that report is read again.
 * @example const progress = await openProgress('out', JSON.stringify({ settings, dictionary }));
 */
export async function openProgress(dir: string, head: string): Promise<ProgressFile> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, PROGRESS_FILE);
  const done = new Map<string, { at: number; length: number }>();
  let sameHead = false;
  const scan = await scanLines(path, (line, at) => {
    if (at === 0) {
      sameHead = line.toString('utf8') === head;
      return sameHead;
    }
    try {
      const { key } = JSON.parse(line.toString('utf8')) as { key: string };
      done.set(key, { at, length: line.length });
      return true;
    } catch {
      return false; // a line cut short by an interruption: it and what follows are read again
    }
  });
  if (!scan.exists || !sameHead) {
    done.clear();
    await writeFile(path, head + '\n');
  } else if (scan.cutAt !== null) {
    await truncate(path, scan.cutAt);
  }
  const reader: FileHandle | null = done.size ? await open(path, 'r') : null;
  const writer = await open(path, 'a');
  return {
    has: (key) => done.has(key),
    read: async (key) => {
      const span = done.get(key)!;
      const buf = Buffer.alloc(span.length);
      await reader!.read(buf, 0, span.length, span.at);
      return (JSON.parse(buf.toString('utf8')) as { entry: FileEntry }).entry;
    },
    append: async (key, entry) => {
      await writer.appendFile(JSON.stringify({ key, entry }) + '\n');
    },
    close: async () => {
      await reader?.close();
      await writer.close();
    },
  };
}
