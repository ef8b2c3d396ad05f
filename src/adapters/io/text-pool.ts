/**
 * A pool of worker threads for `xinzhi text --jobs N`: each worker loads the
 * compiled worker module (or, when run from the TypeScript sources, loads
 * them through tsx) and indexes one report at a time. `index` queues a report
 * and resolves when a worker has counted it.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from './worker-thread.ts';
import type { ReportName } from '../../core/text/filename.ts';
import type { SectionName } from '../../core/text/sections.ts';
import type { CountSpec, FileEntry } from './index-report-file.ts';

interface Job {
  name: ReportName;
  resolve: (entry: FileEntry) => void;
  reject: (err: Error) => void;
}

export interface TextPool {
  /** Count one report on the next free worker. An unexpected failure in a worker rejects. */
  index: (name: ReportName) => Promise<FileEntry>;
  close: () => Promise<void>;
}

/**
 * Start `jobs` worker threads that count with the given section and settings.
 * @example const pool = openTextPool(4, 'all', spec); await pool.index(name); await pool.close();
 */
export function openTextPool(jobs: number, section: SectionName, spec: CountSpec): TextPool {
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const running = new Map<Worker, Job>();
  const dispatch = (): void => {
    while (idle.length && queue.length) {
      const w = idle.pop()!;
      const job = queue.shift()!;
      running.set(w, job);
      w.postMessage({ name: job.name, section, spec });
    }
  };
  const workers = Array.from({ length: jobs }, () => {
    const w = startWorker(import.meta.url, '../io/text-worker');
    w.on('message', (msg: { entry?: FileEntry; error?: string }) => {
      const job = running.get(w)!;
      running.delete(w);
      idle.push(w);
      if (msg.error) job.reject(new Error(msg.error));
      else job.resolve(msg.entry!);
      dispatch();
    });
    w.on('error', (err: Error) => {
      running.get(w)?.reject(err);
      running.delete(w);
    });
    idle.push(w);
    return w;
  });
  return {
    index: (name) =>
      new Promise<FileEntry>((resolve, reject) => {
        queue.push({ name, resolve, reject });
        dispatch();
      }),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
