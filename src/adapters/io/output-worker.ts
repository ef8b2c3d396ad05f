/**
 * Worker thread of io/output-thread.ts: writes the files it is sent, in the
 * order of its messages — text as it comes, JSON leaves and scores.csv
 * formatted here from their arrays (report/json-leaves.ts, report/csv-lines.ts) —
 * in blocks of about 64 kB (below V8's large-object size, as write-json.ts), and says when a leaf is done (so the sender
 * can send more) and when a file is closed or has failed. Files offered
 * rather than sent — scores.parquet with scores.csv, written through DuckDB
 * (io/write-parquet.ts), and the workbook, drawn by exceljs from its plan
 * (report/xlsx.ts renderWorkbook) — are written once the thread's other files
 * are, one at a time, unless the sender has taken them back by then; their
 * writers load then, or before when the sender asks for them ahead.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { scoresCsvBlocks, type ScoresCsvPlan } from '../report/csv-lines.ts';
import { leafBlocks, type LeafJob } from '../report/json-leaves.ts';
import type { ScoresParquetPlan } from './write-parquet.ts';
import type { WorkbookPlan } from '../report/xlsx.ts';
import { BEGUN, OFFERED } from './parquet-claim.ts';

/** What the writing thread is sent. */
export type OutputMessage =
  | { file: number; open: string }
  | { file: number; text: string }
  | { file: number; leaf: LeafJob; bytes: number }
  | {
      file: number;
      csv: ScoresCsvPlan;
      /** scores.parquet offered after scores.csv: `claim` OFFERED until one thread takes it (here BEGUN, the sender TAKEN_BACK: parquet-claim.ts). */
      parquet?: { file: number; path: string; plan: ScoresParquetPlan; claim: Int32Array };
    }
  | { file: number; close: true }
  /** The workbook offered: `claim` as scores.parquet's; drawn here from its plan (report/xlsx.ts renderWorkbook). */
  | { file: number; workbook: WorkbookPlan; path: string; claim: Int32Array }
  /** Load the Parquet writer (DuckDB) or the workbook's (exceljs) now, while the sender is still evaluating. */
  | { preload: Preload };

/** Writers the sender can have loaded ahead. */
export type Preload = 'parquet' | 'workbook';

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
type WorkbookJob = Extract<OutputMessage, { workbook: WorkbookPlan }>;

/** Files offered and not yet claimed, in the order offered: claimed one at a time once no other file is open here (beginIdle). */
const offers: Array<ParquetJob | WorkbookJob> = [];
/** An offered file is being written here. */
let writing = false;

port?.on('message', (m: OutputMessage) => {
  if ('preload' in m) {
    // a failure here shows again, with its message, when the file is written
    const loaded =
      m.preload === 'parquet'
        ? import('./write-parquet.ts').then((w) => w.preloadParquetWriter())
        : import('../report/xlsx.ts');
    void loaded.catch(() => undefined);
    return;
  }
  if ('workbook' in m) offers.push(m);
  else {
    if ('csv' in m && m.parquet) offers.push(m.parquet);
    write(m);
  }
  beginIdle();
});

/**
 * Claim and write the next offered file once this thread has no other file
 * open and writes no other offered one: an offered file begun while
 * results.json is still being formatted here would wait behind its long
 * arrays (DuckDB asks this thread for each chunk of scores.parquet), and the
 * sender, free first on a large panel, could no longer take it back (20,000
 * firms: about 0.3 s at the end of `evaluate --out`). One at a time, so that
 * the sender, once free, takes back those the thread has not reached.
 */
function beginIdle(): void {
  while (files.size === 0 && !writing && offers.length) {
    const job = offers.shift()!;
    if (Atomics.compareExchange(job.claim, 0, OFFERED, BEGUN) !== OFFERED) {
      send({ file: job.file, closed: true }); // taken back: the sender writes it
      continue;
    }
    writing = true;
    const written =
      'workbook' in job
        ? import('../report/xlsx.ts')
            .then(({ renderWorkbook }) => renderWorkbook(job.workbook))
            .then((bytes) => writeFile(job.path, bytes))
        : import('./write-parquet.ts').then(({ writeScoresParquetPlan }) => writeScoresParquetPlan(job.plan, job.path));
    void written
      .then(
        () => send({ file: job.file, closed: true }),
        (e: Error) => send({ file: job.file, error: e?.message ?? String(e) }),
      )
      .finally(() => {
        writing = false;
        beginIdle();
      });
  }
}

function write(m: Exclude<OutputMessage, { preload: Preload } | { workbook: WorkbookPlan }>): void {
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
