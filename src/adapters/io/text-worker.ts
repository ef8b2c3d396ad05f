/**
 * Worker thread of `xinzhi text --jobs N`: indexes the report files it is
 * sent, one at a time, and posts each entry back.
 */
import { parentPort } from 'node:worker_threads';
import type { ReportName } from '../../core/text/filename.ts';
import type { SectionName } from '../../core/text/sections.ts';
import { indexReportFile, type CountSpec } from './index-report-file.ts';

export interface TextJob {
  name: ReportName;
  section: SectionName;
  spec: CountSpec;
}

parentPort?.on('message', async (job: TextJob) => {
  try {
    parentPort!.postMessage({ entry: await indexReportFile(job.name, job.section, job.spec) });
  } catch (err) {
    parentPort!.postMessage({ error: (err as Error)?.stack ?? String(err) });
  }
});
