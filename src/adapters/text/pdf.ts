/**
 * Lines of text of each page of a PDF, with pdf.js (pdfjs-dist 5.7, works in
 * Node 20 and the browser). Chinese annual reports often use CID fonts that
 * are not embedded; pdf.js needs its character maps (CMaps) to turn their
 * codes into characters and returns empty text without them, so the asset
 * locations are required arguments here, never optional: two folders (Node)
 * or a function giving each file's bytes (the browser, where the web app
 * serves the package's files).
 */
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { XinzhiError } from '../../core/errors.ts';
import { bi } from '../../core/i18n.ts';

export type PdfAssets = PdfAssetFolders | PdfAssetFiles;

/** The assets as two folders (Node: the installed package's). */
export interface PdfAssetFolders {
  /** Directory (ending in "/") holding pdf.js's bcmap files. */
  cMapUrl: string;
  /** Directory (ending in "/") holding pdf.js's standard font data. */
  standardFontDataUrl: string;
}

/**
 * The assets file by file, where they do not sit in one folder under their
 * own names (the web app: the bundler serves each file under a hashed name).
 */
export interface PdfAssetFiles {
  /** The bytes of a bcmap file (`kind` "cMapUrl") or a standard font file ("standardFontDataUrl"). */
  fetchAsset: (kind: string, filename: string) => Promise<Uint8Array>;
}

/** How getDocument finds the assets: folders, or a factory pdf.js asks for each file. */
function assetParams(assets: PdfAssets): Record<string, unknown> {
  if (!('fetchAsset' in assets)) {
    return { cMapUrl: assets.cMapUrl, standardFontDataUrl: assets.standardFontDataUrl };
  }
  const { fetchAsset } = assets;
  return {
    useWorkerFetch: false,
    BinaryDataFactory: class {
      fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
        return fetchAsset(kind, filename);
      }
    },
  };
}

interface TextItemLike {
  str: string;
  hasEOL?: boolean;
  transform?: number[];
  height?: number;
}

/** Group a page's text items into lines: a new line at an end-of-line mark or a vertical jump. */
function itemsToLines(items: TextItemLike[]): string[] {
  const lines: string[] = [];
  let line = '';
  let lastY: number | null = null;
  for (const item of items) {
    const y = item.transform?.[5] ?? null;
    const jump = y !== null && lastY !== null && Math.abs(y - lastY) > Math.max(1, (item.height ?? 0) / 2);
    if (jump && line) {
      lines.push(line);
      line = '';
    }
    line += item.str;
    if (y !== null && item.str) lastY = y;
    if (item.hasEOL) {
      lines.push(line);
      line = '';
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Read the lines of every page. An encrypted or damaged file raises a
 * XinzhiError naming the file.
 * @example await readPdfLines(bytes, 'a.pdf', assets) // [['第一节 …', …], …]
 */
export async function readPdfLines(bytes: Uint8Array, file: string, assets: PdfAssets): Promise<string[][]> {
  let doc: PDFDocumentProxy;
  try {
    doc = await getDocument({
      data: bytes.slice(),
      cMapPacked: true,
      ...assetParams(assets),
      verbosity: 0,
    } as Parameters<typeof getDocument>[0]).promise;
  } catch (err) {
    const name = (err as { name?: string })?.name;
    const message =
      name === 'PasswordException'
        ? bi('PDF 已加密，需要密码', 'the PDF is encrypted and needs a password')
        : bi(
            `无法读取 PDF：${(err as Error)?.message ?? err}`,
            `cannot read the PDF: ${(err as Error)?.message ?? err}`,
          );
    throw new XinzhiError({
      code: name === 'PasswordException' ? 'pdf-encrypted' : 'pdf-unreadable',
      severity: 'error',
      file,
      message,
      fix: bi('换一个未加密、完整的文件', 'use an unencrypted, complete copy of the report'),
    });
  }
  try {
    const pages: string[][] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      pages.push(itemsToLines(content.items as TextItemLike[]));
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
