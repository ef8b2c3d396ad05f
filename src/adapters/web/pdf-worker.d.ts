/** pdf.js's worker code, loaded into the app's worker thread by text-env.ts (the package ships no types for it). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
