// Real FileResults for the formatter tests, made by the library pipeline from fixtures and temp copies.

import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { checkFile, type Diagnostic, type FileResult } from '../../src/index.js';
import type { FormatContext } from '../../src/formatters/index.js';

export const SEEDED = 'fixtures/seeded-errors-2022.xlsx';
export const CELLS = 'fixtures/cell-errors-2023.csv';
export const CLEAN = 'fixtures/dunfangdian-2021.txt';
export const UNREADABLE = 'fixtures/README.md';

/** The Chinese-named copy, relative to `dir`. */
export const CHINESE = '年报/某某局2022年报告.xlsx';
/** A sheet name that has to be quoted, apostrophe doubled. */
export const APOSTROPHE_SHEET = "O'Brien 年报";

export interface Batch {
  /** The temp folder the copies live in; pass it as `cwd`. */
  dir: string;
  seeded: FileResult;
  cells: FileResult;
  clean: FileResult;
  unreadable: FileResult;
  /** Checked by absolute path, so formatters must make it relative to `dir`. */
  chinese: FileResult;
  apostrophe: FileResult;
  all: FileResult[];
}

let cached: Promise<Batch> | undefined;

async function make(): Promise<Batch> {
  const dir = mkdtempSync(join(tmpdir(), 'report-formatters-'));
  mkdirSync(join(dir, '年报'));
  copyFileSync(SEEDED, join(dir, CHINESE));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SEEDED);
  workbook.worksheets[0]!.name = APOSTROPHE_SHEET;
  await workbook.xlsx.writeFile(join(dir, 'apostrophe.xlsx'));
  const [seeded, cells, clean, unreadable, chinese, apostrophe] = await Promise.all(
    [SEEDED, CELLS, CLEAN, UNREADABLE, join(dir, CHINESE), join(dir, 'apostrophe.xlsx')].map((f) => checkFile(f)),
  );
  return { dir, seeded: seeded!, cells: cells!, clean: clean!, unreadable: unreadable!, chinese: chinese!, apostrophe: apostrophe!, all: [seeded!, cells!, clean!, unreadable!, chinese!, apostrophe!] };
}

/** Made once per test file: reading the fixtures is the slow part. */
export function batch(): Promise<Batch> {
  cached ??= make();
  return cached;
}

export function context(overrides: Partial<FormatContext> = {}): FormatContext {
  return { lang: 'zh', color: false, ...overrides };
}

/** A copy of a result with its diagnostics changed, counts kept right. */
export function withDiagnostics(result: FileResult, diagnostics: Diagnostic[], file = result.file): FileResult {
  return {
    ...result,
    file,
    diagnostics,
    errorCount: diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}

/** `n` copies of the diagnostics of `result`, each with its own fingerprint, for limit tests. */
export function repeated(result: FileResult, severity: 'error' | 'warning', n: number, file = result.file): FileResult {
  const pool = result.diagnostics.filter((d) => d.severity === severity);
  if (pool.length === 0) throw new Error(`${result.file} has no ${severity}`);
  return withDiagnostics(
    result,
    Array.from({ length: n }, (_, i) => ({ ...pool[i % pool.length]!, fingerprint: `${severity}-${i}` })),
    file,
  );
}
