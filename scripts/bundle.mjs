// Bundle the CLI into dist/bundle/ (one file plus the chunks loaded on first use: the workbook
// writer, the document readers), and its worker
// into a CommonJS file of its own (below): start-up is
// dominated by loading ~70 small modules, which a bundle turns into one read. exceljs stays
// external and lazily imported; commander needs `require`, which the banner provides, and Node's
// built-ins are loaded with it too (builtinsByRequire).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry a hash: without a clean folder, every build would leave the last one's behind.
rmSync('dist/bundle', { recursive: true, force: true });
/**
 * Node's built-ins loaded with require, not import: an ESM import of a built-in makes a module
 * facade that reads every export, which loads what the getters of node:fs (its streams and
 * promises) would otherwise load only on use. That facade was about 8 ms of the 50 the bundle
 * took to load (--cpu-prof).
 */
const builtinsByRequire = {
  name: 'builtins-by-require',
  setup(on) {
    on.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: 'node-builtin' }));
    on.onLoad({ filter: /.*/, namespace: 'node-builtin' }, (args) => ({ contents: `module.exports = __builtin(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

/**
 * What both bundles share. exceljs (writing workbooks), parse5 and entities (reading web pages)
 * and pdf.js (reading PDFs) stay outside, imported from node_modules when first needed: a check of
 * workbooks never loads them.
 */
const common = { outdir: 'dist/bundle', bundle: true, platform: 'node', target: 'node20', external: ['exceljs', 'parse5', 'entities', 'pdfjs-dist'], logLevel: 'warning' };

await build({
  ...common,
  entryPoints: { report: 'src/cli/main.ts' },
  splitting: true,
  format: 'esm',
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url); const __builtin = require;" },
  plugins: [builtinsByRequire],
});

// The worker, in CommonJS: a worker thread that loads an ES module first sets up the ESM loader,
// about 9 ms of each worker's start (68 ms rather than 77, measured). It shares no code at run
// time with the CLI, so it is a bundle of its own.
await build({
  ...common,
  entryPoints: { worker: 'src/batch/worker.ts' },
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  // CommonJS has no import.meta: its URL is the bundle's own (the PDF reader finds pdf.js's data from it).
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
