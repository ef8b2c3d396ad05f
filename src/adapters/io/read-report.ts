/**
 * Read an annual report file (PDF, TXT, HTML) into cleaned text. PDF pages
 * come from pdf.js with the character maps and standard fonts of the
 * installed pdfjs-dist package (nothing is downloaded); TXT and HTML are
 * decoded as UTF-8 or GB18030 (GBK) by the shared decoder, which says which.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { XinzhiError } from '../../core/errors.ts';
import { bi } from '../../core/i18n.ts';
import { cleanPages, cleanPlainText, type CleanedText } from '../../core/text/clean.ts';
import { decodeText } from '../formats/decode.ts';
import { htmlToText } from '../text/html.ts';
import type { PdfAssets } from '../text/pdf.ts';

export const REPORT_EXTENSIONS = ['.pdf', '.txt', '.html', '.htm'] as const;

/** pdf.js's CMaps and standard fonts inside the installed pdfjs-dist. */
export function pdfAssets(): PdfAssets {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' };
}

export interface ReadReport extends CleanedText {
  file: string;
  format: 'pdf' | 'txt' | 'html';
  pages: number;
  /** Encoding of TXT / HTML files. */
  encoding?: string;
}

/**
 * Read and clean one report. Unsupported extensions, encrypted or damaged
 * PDFs raise a XinzhiError naming the file.
 * @example await readReport('600519_2021年年度报告.pdf')
 */
export async function readReport(file: string): Promise<ReadReport> {
  const ext = extname(file).toLowerCase();
  const bytes = new Uint8Array(await readFile(file));
  if (ext === '.pdf') {
    const { readPdfLines } = await import('../text/pdf.ts'); // pdf.js is loaded only for PDFs
    const lines = await readPdfLines(bytes, file, pdfAssets());
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

/**
 * The report files named on the command line: files as given, directories
 * searched recursively for PDF / TXT / HTML files, sorted by path.
 */
export async function listReportFiles(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if ((REPORT_EXTENSIONS as readonly string[]).includes(extname(entry.name).toLowerCase())) out.push(path);
    }
  };
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (!info) {
      throw new XinzhiError({
        code: 'no-file',
        severity: 'error',
        file: input,
        message: bi('文件或目录不存在', 'no such file or directory'),
        fix: bi('检查 --input 路径', 'check the --input path'),
      });
    }
    if (info.isDirectory()) await walk(input);
    else out.push(input);
  }
  return [...new Set(out)].sort();
}
