// Bundle the CLI and its worker into dist/bundle/ (one file each plus shared chunks): start-up is
// dominated by loading ~70 small modules, which a bundle turns into one read. exceljs stays
// external and lazily imported; commander needs `require`, which the banner provides.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry a hash: without a clean folder, every build would leave the last one's behind.
rmSync('dist/bundle', { recursive: true, force: true });
await build({
  entryPoints: { report: 'src/cli/main.ts', worker: 'src/batch/worker.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['exceljs'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
