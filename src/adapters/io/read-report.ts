/**
 * Read an annual report file (PDF, TXT, HTML) into cleaned text, through the
 * reader shared with the web page (`text/read-bytes.ts`). PDF pages come from
 * pdf.js with the character maps and standard fonts of the installed
 * pdfjs-dist package (nothing is downloaded).
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { XinzhiError } from '../../core/errors.ts';
import { bi } from '../../core/i18n.ts';
import { REPORT_EXTENSIONS, readReportBytes, type ReadReport } from '../text/read-bytes.ts';
import type { PdfAssetFolders } from '../text/pdf.ts';

export { REPORT_EXTENSIONS, type ReadReport };

/** pdf.js's CMaps and standard fonts inside the installed pdfjs-dist. */
export function pdfAssets(): PdfAssetFolders {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' };
}

/**
 * Read and clean one report. Unsupported extensions, encrypted or damaged
 * PDFs raise a XinzhiError naming the file.
 * @example await readReport('600519_2021年年度报告.pdf')
 */
export async function readReport(file: string): Promise<ReadReport> {
  return readReportBytes(new Uint8Array(await readFile(file)), file, pdfAssets);
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
