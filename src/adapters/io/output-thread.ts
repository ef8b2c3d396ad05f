/**
 * results.json and scores.csv (and perhaps scores.parquet) written on a
 * worker thread (Node) while this thread goes on with the reports: the
 * document is walked here
 * (report/json.ts jsonParts), its short parts sent as text and its long arrays
 * as columns (report/json-leaves.ts) — at most LEAF_WINDOW bytes of them in
 * flight, so a large panel's arrays are not copied all at once — and the
 * worker (output-worker.ts) formats the numbers and writes the file. The
 * files are byte for byte those of writeJsonFile and writeLinesFile.
 * scores.parquet is offered rather than given: the thread writes it once its
 * other files are written unless this thread has taken it back by then, so
 * whichever of the two is free first writes it (one of them, exactly once: a
 * shared flag set with compare-and-exchange).
 *
 * @example const t = OutputThread.start(); await Promise.all([t.writeJson(p, result), t.writeScores(q, plan).csv]); t.close()
 */
import type { Worker } from 'node:worker_threads';
import type { ScoresCsvPlan } from '../report/csv-lines.ts';
import type { ScoresParquetPlan } from './write-parquet.ts';
import { jsonParts, type JsonLater, type JsonLeaf } from '../report/json.ts';
import { encodeLeaf, leafBytes, type LeafJob } from '../report/json-leaves.ts';
import type { OutputMessage, OutputReply } from './output-worker.ts';
import { startWorker } from './worker-thread.ts';
import { BEGUN, OFFERED, TAKEN_BACK } from './parquet-claim.ts';

/** Arrays shorter than this are written with the text around them. */
const LEAF_MIN_LENGTH = 10_000;

/** Bytes of leaf columns sent ahead of the worker's progress. */
const LEAF_WINDOW = 32 << 20;

const TEXT_BLOCK = 1 << 16;

/**
 * The worker's young generation (V8's default lets it grow to 32 MB and
 * more). Its garbage is short-lived text, so a small one collects as well:
 * on the 5,000-firm `evaluate --out` the process's peak fell by about 30 MB
 * (450 → 421 MB, mean of 6 runs) in the same time (3.37 / 3.41 s).
 */
const OUTPUT_YOUNG_GENERATION_MB = 8;

interface FileState {
  resolve: () => void;
  reject: (e: Error) => void;
  error?: Error;
  inFlight: number;
  /** Called when a leaf is done or the file fails. */
  wake?: () => void;
}

/** scores.parquet offered to the output thread (OutputThread.writeScores). */
export interface ParquetOffer {
  /** Take the file back: true when the thread has not begun it (the caller writes it now), false when it has. */
  take(): boolean;
  /** Settles when the thread has written the file or left it to the caller; rejects when its writing failed. */
  settled: Promise<void>;
}

/** A worker thread that writes output files (see the module comment). */
export class OutputThread {
  private readonly files = new Map<number, FileState>();
  private next = 0;
  /** The scores.parquet offers made: one the thread has begun is finished before the thread is ended. */
  private readonly offers: Array<{ claim: Int32Array; settled: Promise<void> }> = [];

  private constructor(
    private readonly worker: Worker,
    private readonly window: number,
  ) {
    worker.on('message', (m: OutputReply) => this.reply(m));
    worker.on('error', (e: Error) => {
      for (const f of this.files.values()) this.fail(f, e);
    });
    worker.on('exit', () => {
      for (const f of this.files.values())
        this.fail(f, new Error('the output thread stopped before the file was written'));
    });
  }

  /** Start the thread (its modules load while this thread goes on); `window`: bytes of leaf columns in flight (default LEAF_WINDOW). */
  static start(window = LEAF_WINDOW): OutputThread {
    const limits = { maxYoungGenerationSizeMb: OUTPUT_YOUNG_GENERATION_MB };
    return new OutputThread(startWorker(import.meta.url, '../io/output-worker', { resourceLimits: limits }), window);
  }

  /**
   * Have the thread load the Parquet writer (DuckDB) now rather than when it
   * is offered scores.parquet: a thread started before the evaluation loads
   * it on the core the evaluation leaves idle (write-outputs.ts).
   */
  preloadParquet(): void {
    this.worker.postMessage({ preload: 'parquet' } satisfies OutputMessage);
  }

  /**
   * Write `value` as writeJsonFile does (jsonPieces, newline-terminated) to
   * `path`. A member that is a Promise is written where it stands once it
   * settles (what comes before it is formatted meanwhile); a rejected one
   * rejects the file.
   */
  async writeJson(path: string, value: unknown): Promise<void> {
    const { id, state, closed } = this.open(path);
    const out: { text: string; job?: LeafJob } = { text: '' };
    try {
      await this.walk(id, state, out, jsonParts(value, this.deferTo(out)));
    } catch (e) {
      this.fail(state, e as Error);
    }
    if (!state.error) this.post({ file: id, text: `${out.text}\n` });
    this.post({ file: id, close: true });
    return closed;
  }

  /** The `defer` of jsonParts: a long array in columns, kept in `out.job` for the walk. */
  private deferTo(out: { job?: LeafJob }): (leaf: JsonLeaf) => boolean {
    return (leaf) => {
      out.job = leaf.value.length >= LEAF_MIN_LENGTH ? encodeLeaf(leaf) : undefined;
      return out.job !== undefined;
    };
  }

  /** Send the parts of a document: text in blocks, leaves as columns (at most `window` bytes in flight), later values when they settle. */
  private async walk(
    id: number,
    state: FileState,
    out: { text: string; job?: LeafJob },
    parts: Iterable<string | JsonLeaf | JsonLater>,
  ): Promise<void> {
    for (const part of parts) {
      if (state.error) return;
      if (typeof part === 'string') {
        out.text += part;
        if (out.text.length >= TEXT_BLOCK) {
          this.post({ file: id, text: out.text });
          out.text = '';
        }
        continue;
      }
      if (out.text) this.post({ file: id, text: out.text });
      out.text = '';
      if ('later' in part) {
        const value = await part.later;
        await this.walk(id, state, out, jsonParts(value, this.deferTo(out), 2, part.depth));
        continue;
      }
      const job = out.job!;
      const bytes = leafBytes(job);
      this.post({ file: id, leaf: job, bytes }, transferOf(job));
      out.job = undefined;
      state.inFlight += bytes;
      while (state.inFlight > this.window && !state.error) await new Promise<void>((r) => (state.wake = r));
    }
  }

  /**
   * Write scores.csv from its plan (report/csv.ts scoresCsvPlan) to `path`;
   * with `parquet`, offer scores.parquet after it (see ParquetOffer). One
   * message, so the arrays the two plans share are copied once.
   */
  writeScores(
    path: string,
    plan: ScoresCsvPlan,
    parquet?: { path: string; plan: ScoresParquetPlan },
  ): { csv: Promise<void>; parquet?: ParquetOffer } {
    const { id, closed } = this.open(path);
    let offer: ParquetOffer | undefined;
    let job: OutputMessage & { csv: ScoresCsvPlan } = { file: id, csv: plan };
    if (parquet) {
      const p = this.track();
      const claim = new Int32Array(new SharedArrayBuffer(4));
      job = { ...job, parquet: { file: p.id, path: parquet.path, plan: parquet.plan, claim } };
      offer = {
        take: () => Atomics.compareExchange(claim, 0, OFFERED, TAKEN_BACK) === OFFERED,
        settled: p.closed,
      };
      this.offers.push({ claim, settled: p.closed });
    }
    this.post(job);
    this.post({ file: id, close: true });
    return { csv: closed, ...(offer ? { parquet: offer } : {}) };
  }

  /** End the thread (after the files' promises have settled, or to abandon them; a scores.parquet it has begun is finished first). */
  async close(): Promise<void> {
    // DuckDB cannot be stopped in the middle of a file (ending its thread then aborts the process): an
    // offer not yet begun is taken back, so the thread will not begin it; one begun is waited for
    for (const o of this.offers) {
      Atomics.compareExchange(o.claim, 0, OFFERED, TAKEN_BACK);
      if (Atomics.load(o.claim, 0) === BEGUN) await o.settled.catch(() => undefined);
    }
    await this.worker.terminate();
  }

  private open(path: string): { id: number; state: FileState; closed: Promise<void> } {
    const file = this.track();
    this.post({ file: file.id, open: path });
    return file;
  }

  /** A file number whose replies settle `closed`. */
  private track(): { id: number; state: FileState; closed: Promise<void> } {
    const id = this.next++;
    let state!: FileState;
    const closed = new Promise<void>((resolve, reject) => {
      state = { resolve, reject, inFlight: 0 };
    });
    this.files.set(id, state);
    return { id, state, closed };
  }

  private post(m: OutputMessage, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(m, transfer);
  }

  private reply(m: OutputReply): void {
    const f = this.files.get(m.file);
    if (!f) return;
    if ('done' in m) {
      f.inFlight -= m.done;
      f.wake?.();
    } else if ('closed' in m) {
      this.files.delete(m.file);
      if (f.error) f.reject(f.error);
      else f.resolve();
    } else this.fail(f, new Error(m.error));
  }

  private fail(f: FileState, e: Error): void {
    if (f.error) return;
    f.error = e;
    f.wake?.();
    f.reject(e);
  }
}

/** The buffers of a leaf's columns (moved to the worker, not copied). */
function transferOf(job: LeafJob): ArrayBuffer[] {
  if (job.leaf === 'numbers') return [job.values.buffer as ArrayBuffer];
  return job.columns.map((c) => ('numbers' in c ? c.numbers.buffer : c.codes.buffer) as ArrayBuffer);
}
