/**
 * A pool of worker threads for `xinzhi text --jobs N`: each worker loads the
 * compiled worker module (or, when run from the TypeScript sources, loads
 * them through tsx) and indexes one report at a time; results arrive in the
 * order they finish.
 */
import { Worker } from 'node:worker_threads';
import type { ReportName } from '../../core/text/filename.ts';
import type { SectionName } from '../../core/text/sections.ts';
import type { CountSpec, FileEntry } from './index-report-file.ts';

/**
 * Index the reports on `jobs` threads, calling `onEntry` as each finishes.
 * An unexpected failure in a worker rejects the whole run.
 */
export async function indexInPool(
  names: ReportName[],
  section: SectionName,
  spec: CountSpec,
  jobs: number,
  onEntry: (name: ReportName, entry: FileEntry) => Promise<void>,
): Promise<void> {
  const compiled = import.meta.url.endsWith('.js');
  const worker = new URL(compiled ? './text-worker.js' : './text-worker.ts', import.meta.url).href;
  const boot = compiled
    ? `await import(${JSON.stringify(worker)});`
    : `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(worker)});`;
  const workers = Array.from(
    { length: Math.min(jobs, names.length) },
    () => new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`)),
  );
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const send = (): void => {
              if (next >= names.length) {
                resolve();
                return;
              }
              const id = next++;
              w.postMessage({ id, name: names[id], section, spec });
            };
            w.on('message', (msg: { id: number; entry?: FileEntry; error?: string }) => {
              if (msg.error) return reject(new Error(msg.error));
              onEntry(names[msg.id], msg.entry!).then(send, reject);
            });
            w.on('error', reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
