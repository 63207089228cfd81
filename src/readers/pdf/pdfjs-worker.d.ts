// pdf.js's worker module, imported only to run in this thread (src/readers/pdf/pdfjs.ts); pdfjs-dist ships no types for it.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
