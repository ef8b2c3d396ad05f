/**
 * Worker threads on modules of this package: the compiled `.js` file when the
 * caller runs compiled (dist/), else the TypeScript source through tsx (a
 * development dependency), as bin/xinzhi.js does for the CLI; and one-job
 * workers (runJobOnWorker / answerJobs) whose errors reach the caller as the
 * same XinzhiError.
 *
 * @example const w = startWorker(import.meta.url, './text-worker');
 */
import { parentPort, Worker } from 'node:worker_threads';
import { XinzhiError, type Problem } from '../../core/errors.ts';

/** A Worker running the module `name` (no extension) next to the module at `callerUrl` (its import.meta.url). */
export function startWorker(callerUrl: string, name: string): Worker {
  const compiled = callerUrl.endsWith('.js');
  const entry = new URL(`${name}${compiled ? '.js' : '.ts'}`, callerUrl).href;
  const boot = compiled
    ? `await import(${JSON.stringify(entry)});`
    : `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
}

/** What a job worker posts: progress of its own, then the value, or the problems of a XinzhiError, or another error. */
type JobMessage<T> = { done: T } | { problems: Problem[] } | { error: string } | Record<string, unknown>;

/**
 * Run one job on a new worker thread (module `name`, which answers with
 * answerJobs) and end the thread: resolves to the value, rejects with the same
 * XinzhiError a run in this thread throws. Other messages (progress) go to
 * `onMessage`.
 * @example await runJobOnWorker<Part>(import.meta.url, './uncertainty-worker', job, (m) => tick(m.draws))
 */
export function runJobOnWorker<T>(
  callerUrl: string,
  name: string,
  job: unknown,
  onMessage?: (msg: Record<string, unknown>) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const w = startWorker(callerUrl, name);
    const finish = (fn: () => void): void => {
      fn();
      void w.terminate();
    };
    w.on('message', (msg: JobMessage<T>) => {
      if ('done' in msg) finish(() => resolve(msg.done as T));
      else if ('problems' in msg) finish(() => reject(new XinzhiError(msg.problems as Problem[])));
      else if ('error' in msg) finish(() => reject(new Error(String(msg.error))));
      else onMessage?.(msg);
    });
    w.on('error', (err: Error) => finish(() => reject(err)));
    w.postMessage(job);
  });
}

/**
 * The worker side of runJobOnWorker: answer each job with `run`'s value (its
 * `transfer` buffers moved, not copied), or with the error's problems.
 * `post` sends progress messages.
 */
export function answerJobs<J>(
  run: (job: J, post: (msg: Record<string, unknown>) => void) => { value: unknown; transfer?: ArrayBuffer[] },
): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', (job: J) => {
    try {
      const { value, transfer } = run(job, (msg) => port.postMessage(msg));
      port.postMessage({ done: value }, transfer ?? []);
    } catch (err) {
      if (err instanceof XinzhiError) port.postMessage({ problems: err.problems });
      else port.postMessage({ error: (err as Error)?.stack ?? String(err) });
    }
  });
}
