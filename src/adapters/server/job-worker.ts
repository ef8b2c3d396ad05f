/**
 * The worker thread of the server's jobs (jobs.ts): runs one job per message
 * and posts back `{resultJson}` (the result's JSON text) or `{problems}` (a XinzhiError's problems, or an
 * internal error as one problem).
 */
import { parentPort } from 'node:worker_threads';
import { XinzhiError } from '../../core/errors.ts';
import { bi } from '../../core/i18n.ts';
import { type JobInput, type JobKind, runJob } from './jobs.ts';

parentPort?.on('message', async (msg: { kind: JobKind; input: JobInput; version: string }) => {
  try {
    parentPort?.postMessage({ resultJson: await runJob(msg.kind, msg.input, msg.version) });
  } catch (e) {
    parentPort?.postMessage({
      problems:
        e instanceof XinzhiError
          ? e.problems
          : [
              {
                code: 'internal',
                severity: 'error',
                message: bi(`内部错误：${(e as Error).message}`, `internal error: ${(e as Error).message}`),
              },
            ],
    });
  }
});
