// pdf.js's minified modules, as src/readers/pdf/pdfjs.ts imports them: the library has the types of
// its unminified build; the worker, imported only to run in this thread, none.
declare module 'pdfjs-dist/legacy/build/pdf.min.mjs' {
  export * from 'pdfjs-dist/legacy/build/pdf.mjs';
}
declare module 'pdfjs-dist/legacy/build/pdf.worker.min.mjs' {
  export const WorkerMessageHandler: unknown;
}
