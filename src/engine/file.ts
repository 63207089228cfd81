// A file to its report and its result: read it (or take its bytes), extract the report, check it.
// A file that cannot be read is a report too, one that says why, so that every file gets a result.

import { extract, type ExtractOptions } from '../extract/index.js';
import { reportFromJson } from '../extract/normalized.js';
import type { Grid } from '../model/grid.js';
import type { Report } from '../model/report.js';
import { listArchive, PackageNotArchive, readMember, splitMember } from '../readers/archive.js';
import { limitsWith } from '../readers/limits.js';
import { ReadError, readBytes, readGridFromBytes, type Limits } from '../readers/index.js';
import { RULES_BY_ID } from '../rules/index.js';
import type { Lang } from '../rules/types.js';
import { checkReport, type EngineOptions, type FileResult } from './index.js';

export interface LoadOptions extends ExtractOptions {
  /** Bounds on what one input may cost (file size, inflated size, cells). */
  limits?: Partial<Limits>;
}

export type CheckOptions = EngineOptions & LoadOptions;

/** The report of a file that could not be read: only file-unreadable applies to it. */
export function unreadableReport(file: string, error: ReadError): Report {
  return {
    file,
    source: { kind: null },
    failure: { reason: error.reason, data: error.data },
    edition: null,
    markedEdition: null,
    editionOverridden: false,
    agency: null,
    year: null,
    tables: { t2: null, t3: null, t4: null },
    missingRows: [],
  };
}

/**
 * A file as read, before extraction: its cells, the text of a normalized JSON report, or why it
 * cannot be read. A batch reads files on some threads and extracts them on others.
 */
export type Source = { grid: Grid } | { json: string } | { failure: ReadError };

/** Read a file (or its bytes already in memory); a file that cannot be read gives the reason. */
export async function readSource(file: string, options: LoadOptions = {}, bytes?: Uint8Array): Promise<Source> {
  try {
    // A member of a zip archive (archive.zip!path/inside.xlsx): its bytes, inflated.
    const inArchive = bytes ? null : splitMember(file);
    const data = bytes ?? (inArchive ? readMember(inArchive, readBytes, options.limits) : readBytes(file, options.limits));
    if (/\.json$/i.test(file)) return { json: new TextDecoder().decode(data) };
    // A zip archive is opened by the walk, its members checked; one checked as a file is one that
    // could not be opened: say why (damaged), or that it holds files to check (the library's checkFile).
    if (/\.zip$/i.test(file) && !isPackage(data, options.limits)) throw new ReadError('archive', { type: 'ZIP', renamed: '' });
    return { grid: await readGridFromBytes(file, data, options.limits) };
  } catch (err) {
    if (err instanceof ReadError) return { failure: err };
    throw err;
  }
}

/** The report a source holds; one that cannot be read (or extracted) becomes a report saying why. */
export function reportFrom(file: string, source: Source, options: ExtractOptions = {}): Report {
  try {
    if ('failure' in source) return unreadableReport(file, source.failure);
    return 'json' in source ? reportFromJson(file, source.json) : extract(source.grid, options);
  } catch (err) {
    if (err instanceof ReadError) return unreadableReport(file, err);
    throw err;
  }
}

/**
 * Whether a .zip is a document renamed (a workbook, a Word document: read as what it is); throws
 * ReadError when it is a damaged archive.
 */
function isPackage(data: Uint8Array, limits?: Partial<Limits>): boolean {
  try {
    listArchive(data, limitsWith(limits), () => null);
    return false;
  } catch (err) {
    if (err instanceof PackageNotArchive) return true;
    throw err;
  }
}

/** Read and extract a file; a file that cannot be read becomes a report saying why. */
export async function loadReport(file: string, options: LoadOptions = {}, bytes?: Uint8Array): Promise<Report> {
  return reportFrom(file, await readSource(file, options, bytes), options);
}

/** Read, extract and check one file. */
export async function checkFile(file: string, options: CheckOptions = {}): Promise<FileResult> {
  return checkReport(await loadReport(file, options), options);
}

/** Why a report's file could not be read, as the file-unreadable rule says it; null for a file that was read. */
export function unreadableMessage(report: Report, lang?: Lang): string | null {
  if (!report.failure) return null;
  const [finding] = checkReport(report, { lang, rules: [RULES_BY_ID.get('file-unreadable')!] }).diagnostics;
  return finding?.message ?? report.failure.reason;
}

/** Whether a result is a bug met while reading or checking its file (not a fault of the file). */
export function isInternalFailure(result: FileResult): boolean {
  return result.diagnostics.some((d) => d.rule === 'file-unreadable' && d.messageId === 'internal');
}
