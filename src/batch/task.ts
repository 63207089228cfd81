// The work done for one file, the same in the main thread and in a worker: read, check, and keep
// the facts the cross-year checks need.

import { checkReport, type EngineOptions, type FileResult } from '../engine/index.js';
import type { EditionId } from '../form/types.js';
import { loadReport, unreadableReport } from '../index.js';
import { ReadError } from '../readers/errors.js';
import type { Limits } from '../readers/limits.js';
import { factsOf, type PackedFacts } from './facts.js';

export interface TaskOptions extends EngineOptions {
  edition?: EditionId;
  limits?: Partial<Limits>;
}

export interface TaskOutput {
  result: FileResult;
  facts: PackedFacts;
}

/**
 * Read and check one file. A bug met on this file (an exception that is not a ReadError) gives
 * this file a file-unreadable/internal result instead of sinking the whole batch; the CLI then
 * prints its please-report banner and exits 2.
 */
export async function checkOne(file: string, options: TaskOptions): Promise<TaskOutput> {
  try {
    const report = await loadReport(file, { ...(options.edition ? { edition: options.edition } : {}), ...(options.limits ? { limits: options.limits } : {}) });
    return { result: checkReport(report, options), facts: factsOf(report) };
  } catch (err) {
    const detail = err instanceof Error ? err.message.split('\n')[0]!.slice(0, 200) : String(err).slice(0, 200);
    return failedOutput(file, new ReadError('internal', { detail }), options);
  }
}

/** Whether a result is a bug met while reading or checking its file. */
export function isInternalFailure(result: FileResult): boolean {
  return result.diagnostics.some((d) => d.rule === 'file-unreadable' && d.messageId === 'internal');
}

/** The output of a file given up on (its worker stopped): file-unreadable with the reason. */
export function failedOutput(file: string, error: ReadError, options: TaskOptions): TaskOutput {
  const report = unreadableReport(file, error);
  return { result: checkReport(report, options), facts: factsOf(report) };
}
