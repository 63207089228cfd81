// The work done for one file, the same in the main thread and in a worker: read, check, and keep
// the facts the cross-year checks need. A batch may split it in two, reading on one thread and
// checking on another (pool.ts): readOne and checkRead are those halves, checkOne is both.

import { readSource, reportFrom, unreadableReport, type LoadOptions, type Source } from '../engine/file.js';
import { checkReport, type EngineOptions, type FileResult } from '../engine/index.js';
import type { EditionId } from '../form/types.js';
import { yearFacts } from '../model/facts.js';
import type { ReadFailure, Report } from '../model/report.js';
import { ReadError } from '../readers/errors.js';
import type { Limits } from '../readers/limits.js';
import { packFacts, type PackedFacts } from './packed-facts.js';
import { packGrid, transferables, unpackGrid, type PackedGrid } from './packed-grid.js';

/** What the work for a file needs: plain data, sent to every worker (so no rules of one's own). */
export interface TaskOptions extends Omit<EngineOptions, 'rules'> {
  edition?: EditionId;
  limits?: Partial<Limits>;
  /** Keep each file's report with its result (for --annotate). */
  keepReports?: boolean;
}

export interface TaskOutput {
  result: FileResult;
  facts: PackedFacts;
  report?: Report;
}

/** A file as read, passed from a reading thread to a checking one (a Source that survives the trip). */
export type ReadOutput = { grid: PackedGrid } | { json: string } | { failure: ReadFailure };

/**
 * Most of what read files one message between threads carries, in bytes (one file may carry more):
 * a message is unpacked whole, and a few large report JSONs at once could exceed a worker's heap.
 */
export const MESSAGE_BYTES = 8 << 20;

/** About what a file as read takes in a message, in bytes. */
export function bytesOf(read: ReadOutput | undefined): number {
  if (!read) return 0;
  if ('grid' in read) return transferables(read.grid).reduce((sum, buffer) => sum + buffer.byteLength, 0);
  return 'json' in read ? 2 * read.json.length : 0;
}

function loadOptions(options: TaskOptions): LoadOptions {
  return { ...(options.edition ? { edition: options.edition } : {}), ...(options.limits ? { limits: options.limits } : {}) };
}

function outputOf(report: Report, options: TaskOptions): TaskOutput {
  return { result: checkReport(report, options), facts: packFacts(yearFacts(report)), ...(options.keepReports ? { report } : {}) };
}

/** A bug met on a file: file-unreadable/internal with the first line of what was thrown. */
function internal(err: unknown): ReadError {
  const detail = err instanceof Error ? err.message.split('\n')[0]!.slice(0, 200) : String(err).slice(0, 200);
  return new ReadError('internal', { detail });
}

/**
 * Read and check one file (or its bytes, already read). A bug met on this file (an exception that
 * is not a ReadError) gives this file a file-unreadable/internal result instead of sinking the
 * whole batch; the CLI then prints its please-report banner and exits 2.
 */
export async function checkOne(file: string, options: TaskOptions, bytes?: Uint8Array, onRead?: () => void): Promise<TaskOutput> {
  try {
    const load = loadOptions(options);
    const source = await readSource(file, load, bytes);
    // A worker's time limit holds for reading and for checking, each on its own.
    onRead?.();
    return outputOf(reportFrom(file, source, load), options);
  } catch (err) {
    return failedOutput(file, internal(err), options);
  }
}

/** The first half of checkOne: read the file (a bug met reading it is its failure). */
export async function readOne(file: string, options: TaskOptions): Promise<ReadOutput> {
  let source: Source;
  try {
    source = await readSource(file, loadOptions(options));
    if ('grid' in source) return { grid: packGrid(source.grid) };
  } catch (err) {
    source = { failure: internal(err) };
  }
  if ('json' in source) return source;
  return { failure: { reason: source.failure.reason, data: source.failure.data } };
}

/** The second half of checkOne: extract and check what readOne gave. */
export function checkRead(file: string, read: ReadOutput, options: TaskOptions): TaskOutput {
  try {
    const source: Source = 'grid' in read ? { grid: unpackGrid(read.grid) } : 'json' in read ? read : { failure: new ReadError(read.failure.reason, read.failure.data) };
    return outputOf(reportFrom(file, source, loadOptions(options)), options);
  } catch (err) {
    return failedOutput(file, internal(err), options);
  }
}

/** The output of a file given up on (its worker stopped): file-unreadable with the reason. */
export function failedOutput(file: string, error: ReadError, options: TaskOptions): TaskOutput {
  return outputOf(unreadableReport(file, error), options);
}
