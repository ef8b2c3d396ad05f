/**
 * Worker thread that makes report.docx from the report's sections
 * (report/docx.ts reportDocx, figures drawn by sharp: rasterize.ts), so a
 * large panel's Word report is built beside the workbook and the other
 * files (write-outputs.ts). The document is the one reportDocx makes in the
 * caller's thread (test/report/output-thread.test.ts).
 * @example jobWorker<Uint8Array>(import.meta.url, '../io/docx-worker').run(job)
 */
import { reportDocx } from '../report/docx.ts';
import type { ReportSection } from '../report/html.ts';
import type { Bilingual, Lang } from '../../core/i18n.ts';
import { rasterizeSvg } from './rasterize.ts';
import { answerJobs } from './worker-thread.ts';

/** What the thread is sent: reportDocx's sections and options without the rasterizer. */
export interface DocxJob {
  sections: ReportSection[];
  title: Bilingual;
  subtitle?: Bilingual;
  lang: Lang;
}

answerJobs<DocxJob>(async ({ sections, ...opts }) => {
  const bytes = await reportDocx(sections, { ...opts, rasterize: rasterizeSvg });
  return { value: bytes, transfer: [bytes.buffer as ArrayBuffer] };
});
