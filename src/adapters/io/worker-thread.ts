/**
 * Worker threads on modules of this package: the compiled `.js` file when the
 * caller runs compiled (dist/), else the TypeScript source through tsx (a
 * development dependency), as bin/xinzhi.js does for the CLI; and one-job
 * workers (runJobOnWorker / answerJobs) whose errors reach the caller as the
 * same XinzhiError.
 *
 * @example const w = startWorker(import.meta.url, '../io/text-worker');
 */
import { availableParallelism } from 'node:os';
import { parentPort, Worker, type WorkerOptions } from 'node:worker_threads';
import { XinzhiError, type Problem } from '../../core/errors.ts';
import { threadsFor } from '../../core/threads.ts';

/**
 * Threads to split `draws` independent draws over on this machine
 * (core/threads.ts threadsFor with its CPU cores).
 * @example threadParts(75_000, 500, 1_000_000) // the cores, up to 8
 */
export function threadParts(rows: number, draws: number, minWork: number, jobs?: number): number {
  return threadsFor(rows, draws, minWork, availableParallelism(), jobs);
}

/**
 * A Worker running the module `name` (no extension), relative to the module
 * at `callerUrl` (its import.meta.url), with Worker `options`. Name it from
 * the adapters folder (`'../io/output-worker'`): the same path then holds
 * from the sources, from tsc's output and from the CLI bundle's chunks
 * (scripts/bundle-cli.ts), all one folder below adapters/.
 */
export function startWorker(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  const compiled = callerUrl.endsWith('.js');
  const entry = new URL(`${name}${compiled ? '.js' : '.ts'}`, callerUrl).href;
  const boot = compiled
    ? `await import(${JSON.stringify(entry)});`
    : `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), options);
}

/** What a job worker posts: progress of its own, then the value, or the problems of a XinzhiError, or another error. */
type JobMessage<T> = { done: T } | { problems: Problem[] } | { error: string } | Record<string, unknown>;

/** A worker thread started ahead of its one job: its modules load while this thread goes on. */
export interface JobWorker<T> {
  /** Post the job (`transfer`: buffers of it moved, not copied); resolves to the value, rejects with the same XinzhiError a run in this thread throws; the thread then ends. */
  run(job: unknown, transfer?: ArrayBuffer[]): Promise<T>;
  /** End the thread without a job. */
  cancel(): void;
}

/**
 * Start a worker thread on module `name` (which answers with answerJobs) for
 * one job posted later. Other messages than the answer (progress) go to
 * `onMessage`.
 * @example const w = jobWorker<Grid>(import.meta.url, '../io/csv-scan-worker'); …; await w.run(job)
 */
export function jobWorker<T>(
  callerUrl: string,
  name: string,
  onMessage?: (msg: Record<string, unknown>) => void,
): JobWorker<T> {
  const w = startWorker(callerUrl, name);
  w.unref(); // a thread waiting for its job does not keep the process alive (run() holds it)
  let settle: { resolve: (v: T) => void; reject: (e: unknown) => void } | undefined;
  let failed: Error | undefined;
  // settled once the thread has ended: until then its memory (and any buffer it shared) is still held
  const finish = (fn: () => void): void => {
    void w.terminate().then(fn, fn);
  };
  w.on('message', (msg: JobMessage<T>) => {
    if (!settle) return;
    const { resolve, reject } = settle;
    if ('done' in msg) finish(() => resolve(msg.done as T));
    else if ('problems' in msg) finish(() => reject(new XinzhiError(msg.problems as Problem[])));
    else if ('error' in msg) finish(() => reject(new Error(String(msg.error))));
    else onMessage?.(msg);
  });
  w.on('error', (err: Error) => {
    if (settle) finish(() => settle!.reject(err));
    else failed = err;
  });
  return {
    run: (job, transfer = []) =>
      new Promise<T>((resolve, reject) => {
        if (failed) return reject(failed);
        settle = { resolve, reject };
        w.ref();
        w.postMessage(job, transfer);
      }),
    cancel: () => void w.terminate(),
  };
}

/**
 * Run one job on a new worker thread (jobWorker) and end the thread.
 * @example await runJobOnWorker<Part>(import.meta.url, '../io/uncertainty-worker', job, (m) => tick(m.draws))
 */
export function runJobOnWorker<T>(
  callerUrl: string,
  name: string,
  job: unknown,
  onMessage?: (msg: Record<string, unknown>) => void,
): Promise<T> {
  return jobWorker<T>(callerUrl, name, onMessage).run(job);
}

/**
 * The worker side of runJobOnWorker: answer each job with `run`'s value (its
 * `transfer` buffers moved, not copied), or with the error's problems.
 * `run` may be asynchronous (a promise of the same). `post` sends progress
 * messages.
 */
export function answerJobs<J>(
  run: (job: J, post: (msg: Record<string, unknown>) => void) => JobAnswer | Promise<JobAnswer>,
): void {
  const port = parentPort;
  if (!port) return;
  const answer = ({ value, transfer }: JobAnswer) => port.postMessage({ done: value }, transfer ?? []);
  const fail = (err: unknown) => {
    if (err instanceof XinzhiError) port.postMessage({ problems: err.problems });
    else port.postMessage({ error: (err as Error)?.stack ?? String(err) });
  };
  port.on('message', (job: J) => {
    try {
      const out = run(job, (msg) => port.postMessage(msg));
      if (out instanceof Promise) out.then(answer, fail);
      else answer(out);
    } catch (err) {
      fail(err);
    }
  });
}

/** A job's value and the buffers to move with it. */
export interface JobAnswer {
  value: unknown;
  transfer?: ArrayBuffer[];
}
