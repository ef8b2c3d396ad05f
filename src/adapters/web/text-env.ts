/**
 * What the text-index page needs in the browser beyond the shared reader:
 * pdf.js's character maps (CMaps) and standard fonts, served with the app
 * from the installed pdfjs-dist package (each file under the bundler's name,
 * so pdf.js asks for them one by one; nothing is fetched from the internet),
 * pdf.js's worker code run in the app's worker thread, and jieba's
 * WebAssembly for the tokens rule.
 */
import type { PdfAssets } from '../text/pdf.ts';
import type { TextEnv } from './text-session.ts';

const CMAPS = import.meta.glob('../../../node_modules/pdfjs-dist/cmaps/*.bcmap', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const FONTS = import.meta.glob('../../../node_modules/pdfjs-dist/standard_fonts/*', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** File name → served URL. */
const byName = (files: Record<string, string>): Map<string, string> =>
  new Map(Object.entries(files).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]));
const ASSETS: Record<string, Map<string, string>> = { cMapUrl: byName(CMAPS), standardFontDataUrl: byName(FONTS) };

async function fetchAsset(kind: string, filename: string): Promise<Uint8Array> {
  const url = ASSETS[kind]?.get(filename);
  if (!url) throw new Error(`pdf.js asset ${kind}/${filename} is not served with the app`);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`pdf.js asset ${filename}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

let pdfReady: Promise<PdfAssets> | undefined;

/** The assets, after pdf.js's worker code is loaded into this thread (pdf.js then runs without a worker of its own). */
function pdfAssets(): Promise<PdfAssets> {
  pdfReady ??= import('pdfjs-dist/legacy/build/pdf.worker.mjs').then((worker) => {
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return { fetchAsset };
  });
  return pdfReady;
}

let jiebaReady: Promise<unknown> | undefined;

/** jieba-wasm's browser build loads its WebAssembly (served with the app) once. */
function loadSegmenter(): Promise<void> {
  jiebaReady ??= import('jieba-wasm').then((m) => (m as unknown as { default: () => Promise<unknown> }).default());
  return jiebaReady.then(() => undefined);
}

/** The browser's environment of the text-index session. */
export const BROWSER_TEXT_ENV: TextEnv = { pdfAssets, loadSegmenter };
