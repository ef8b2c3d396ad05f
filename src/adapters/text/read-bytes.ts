/**
 * Read the bytes of an annual report (PDF, TXT, HTML) into cleaned text,
 * in Node or the browser: PDF pages through pdf.js with the character maps
 * the caller locates (`PdfAssets`: the installed package's folders in Node,
 * the files served with the web app in the browser), TXT and HTML decoded as
 * UTF-8 or GB18030 (GBK) by the shared decoder, which says which. The CLI
 * (`io/read-report.ts`) and the web page (`web/text-session.ts`) both read
 * through here, so a report is cleaned the same way everywhere.
 */
import { XinzhiError } from '../../core/errors.ts';
import { bi } from '../../core/i18n.ts';
import { cleanPages, cleanPlainText, type CleanedText } from '../../core/text/clean.ts';
import { decodeText } from '../formats/decode.ts';
import { htmlToText } from './html.ts';
import type { PdfAssets } from './pdf.ts';

export const REPORT_EXTENSIONS = ['.pdf', '.txt', '.html', '.htm'] as const;

export interface ReadReport extends CleanedText {
  file: string;
  format: 'pdf' | 'txt' | 'html';
  pages: number;
  /** Encoding of TXT / HTML files. */
  encoding?: string;
}

/** The extension of a file name, lower case with its dot ("" when none). */
export function reportExtension(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/**
 * Read and clean one report from its bytes. Unsupported extensions,
 * encrypted or damaged PDFs raise a XinzhiError naming the file.
 * @example await readReportBytes(bytes, '600519_2021年年度报告.txt', assets)
 */
export async function readReportBytes(
  bytes: Uint8Array,
  file: string,
  assets: () => PdfAssets | Promise<PdfAssets>,
): Promise<ReadReport> {
  const ext = reportExtension(file);
  if (ext === '.pdf') {
    const { readPdfLines } = await import('./pdf.ts'); // pdf.js is loaded only for PDFs
    const lines = await readPdfLines(bytes, file, await assets());
    return { file, format: 'pdf', pages: lines.length, ...cleanPages(lines) };
  }
  if (ext === '.txt' || ext === '.html' || ext === '.htm') {
    const { text, encoding } = decodeText(bytes, file);
    const plain = ext === '.txt' ? text : htmlToText(text);
    const cleaned = cleanPlainText(plain);
    return { file, format: ext === '.txt' ? 'txt' : 'html', pages: cleaned.pageStarts.length, encoding, ...cleaned };
  }
  throw new XinzhiError({
    code: 'report-format',
    severity: 'error',
    file,
    message: bi(`不支持的文件类型 "${ext}"`, `unsupported file type "${ext}"`),
    fix: bi('使用 PDF、TXT 或 HTML 文件', 'use PDF, TXT or HTML files'),
  });
}
