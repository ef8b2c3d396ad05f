/**
 * Worker thread of io/output-thread.ts: writes the files it is sent, in the
 * order of its messages — text as it comes, JSON leaves and scores.csv
 * formatted here from their arrays (report/json-leaves.ts, report/csv-lines.ts) —
 * in blocks of about 64 kB (below V8's large-object size, as write-json.ts), and says when a leaf is done (so the sender
 * can send more) and when a file is closed or has failed. scores.parquet,
 * when offered with scores.csv, is written through DuckDB (io/write-parquet.ts,
 * loaded then, or before when the sender asks for it ahead) once the thread's
 * other files are written, unless the sender has taken it back by then.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { scoresCsvBlocks, type ScoresCsvPlan } from '../report/csv-lines.ts';
import { leafBlocks, type LeafJob } from '../report/json-leaves.ts';
import type { ScoresParquetPlan } from './write-parquet.ts';
import { BEGUN, OFFERED } from './parquet-claim.ts';

/** What the writing thread is sent. */
export type OutputMessage =
  | { file: number; open: string }
  | { file: number; text: string }
  | { file: number; leaf: LeafJob; bytes: number }
  | {
      file: number;
      csv: ScoresCsvPlan;
      /** scores.parquet offered with scores.csv, claimed here once no file is open: `claim` OFFERED until one thread takes it (here BEGUN, the sender TAKEN_BACK: parquet-claim.ts). */
      parquet?: { file: number; path: string; plan: ScoresParquetPlan; claim: Int32Array };
    }
  | { file: number; close: true }
  /** Load the Parquet writer (DuckDB) now, while the sender is still evaluating. */
  | { preload: 'parquet' };

/** What it answers. */
export type OutputReply =
  | { file: number; done: number }
  | { file: number; closed: true }
  | { file: number; error: string };

const BLOCK = 1 << 16;

interface OpenFile {
  fd: number;
  buf: string;
  failed: boolean;
}

const files = new Map<number, OpenFile>();
const port = parentPort;

function send(r: OutputReply): void {
  port?.postMessage(r);
}

function put(f: OpenFile, text: string): void {
  f.buf += text;
  if (f.buf.length >= BLOCK) {
    writeSync(f.fd, f.buf);
    f.buf = '';
  }
}

type ParquetJob = NonNullable<Extract<OutputMessage, { csv: ScoresCsvPlan }>['parquet']>;

/** scores.parquet offered and not yet claimed: claimed once no other file is open here (beginIdle). */
const offers: ParquetJob[] = [];

port?.on('message', (m: OutputMessage) => {
  if ('preload' in m) {
    // a failure here shows again, with its message, when the file is written
    void import('./write-parquet.ts').then((w) => w.preloadParquetWriter()).catch(() => undefined);
    return;
  }
  if ('csv' in m && m.parquet) offers.push(m.parquet);
  write(m);
  beginIdle();
});

/**
 * Claim and write the offered scores.parquet once this thread has no other
 * file open: begun while results.json is still being formatted here, its
 * rows would wait behind the long arrays (DuckDB asks this thread for each
 * chunk), and the sender, free first on a large panel, could no longer take
 * it back (20,000 firms: about 0.3 s at the end of `evaluate --out`).
 */
function beginIdle(): void {
  if (files.size === 0) for (const job of offers.splice(0)) offered(job);
}

/** Write scores.parquet unless the sender has taken it back; either way the file's number is closed. */
function offered({ file, path, plan, claim }: ParquetJob): void {
  if (Atomics.compareExchange(claim, 0, OFFERED, BEGUN) !== OFFERED) {
    send({ file, closed: true });
    return;
  }
  import('./write-parquet.ts')
    .then(({ writeScoresParquetPlan }) => writeScoresParquetPlan(plan, path))
    .then(
      () => send({ file, closed: true }),
      (e: Error) => send({ file, error: e?.message ?? String(e) }),
    );
}

function write(m: Exclude<OutputMessage, { preload: 'parquet' }>): void {
  const f = files.get(m.file);
  if ('open' in m) {
    try {
      files.set(m.file, { fd: openSync(m.open, 'w'), buf: '', failed: false });
    } catch (e) {
      files.set(m.file, { fd: -1, buf: '', failed: true });
      send({ file: m.file, error: (e as Error).message });
    }
    return;
  }
  if (!f) return;
  try {
    if ('leaf' in m) {
      if (!f.failed) for (const block of leafBlocks(m.leaf)) put(f, block);
      send({ file: m.file, done: m.bytes });
      return;
    }
    if (f.failed) {
      if ('close' in m) files.delete(m.file);
      return;
    }
    if ('text' in m) put(f, m.text);
    else if ('csv' in m) for (const block of scoresCsvBlocks(m.csv)) put(f, block);
    else {
      if (f.buf) writeSync(f.fd, f.buf);
      closeSync(f.fd);
      files.delete(m.file);
      beginIdle(); // before the reply: a sender told the file is written finds scores.parquet claimed
      send({ file: m.file, closed: true });
    }
  } catch (e) {
    f.failed = true;
    try {
      closeSync(f.fd);
    } catch {
      // already closed
    }
    send({ file: m.file, error: (e as Error).message });
    if ('close' in m) files.delete(m.file);
  }
}
