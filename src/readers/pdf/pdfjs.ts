// Mozilla's pdf.js, loaded when the first PDF is read (about 200 ms of module loading a check of
// workbooks never pays). The legacy build is the one that runs on Node 20 (docs/architecture.md
// says why 5.6 is pinned). Its worker runs in this thread, as pdf.js's "fake worker": the batch
// already spreads files over worker threads, and a thread per document would cost more than it
// reads.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJs> | undefined;

/** The folder pdfjs-dist is installed in, for the CMaps and standard fonts it ships. */
export let pdfjsFolder = '';

/**
 * pdf.js with its worker code in place. The legacy build polyfills what Node 20 lacks with core-js,
 * which also replaces three built-ins Node has (Array.prototype.push, JSON.parse, JSON.stringify)
 * over edge cases neither pdf.js nor this tool meets; the replacements are slower, and would slow
 * every push of the whole process after the first PDF (15% of pdf.js's own time, measured). They
 * are put back once both modules have loaded; what Node 20 lacks stays polyfilled.
 */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const { push } = Array.prototype;
    const { parse, stringify } = JSON;
    try {
      // The minified builds: half the source to read and compile (3.4 MB against 1.8 MB), which is
      // most of what loading pdf.js costs a one-PDF check.
      const lib = await import('pdfjs-dist/legacy/build/pdf.min.mjs');
      // Found here, pdf.js need not import its worker by URL ("fake worker" in this thread).
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs');
      pdfjsFolder = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
      return lib;
    } finally {
      Array.prototype.push = push;
      JSON.parse = parse;
      JSON.stringify = stringify;
    }
  })();
  return loading;
}

/** The folder of the CMaps pdf.js reads CID fonts without a ToUnicode map with (a path: Node reads it from disk). */
export const cmapFolder = () => join(pdfjsFolder, 'cmaps') + '/';
/** The folder of the standard 14 fonts' metrics, for PDFs that use them without embedding. */
export const standardFontFolder = () => join(pdfjsFolder, 'standard_fonts') + '/';
