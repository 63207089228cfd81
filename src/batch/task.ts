// The work done for one file, the same in the main thread and in a worker: read, check, and keep
// the facts the cross-year checks need.

import { checkReport, type EngineOptions, type FileResult } from '../engine/index.js';
import type { EditionId } from '../form/types.js';
import { loadReport, unreadableReport } from '../index.js';
import type { ReadError } from '../readers/errors.js';
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

export async function checkOne(file: string, options: TaskOptions): Promise<TaskOutput> {
  const report = await loadReport(file, { ...(options.edition ? { edition: options.edition } : {}), ...(options.limits ? { limits: options.limits } : {}) });
  return { result: checkReport(report, options), facts: factsOf(report) };
}

/** The output of a file given up on (its worker stopped): file-unreadable with the reason. */
export function failedOutput(file: string, error: ReadError, options: TaskOptions): TaskOutput {
  const report = unreadableReport(file, error);
  return { result: checkReport(report, options), facts: factsOf(report) };
}
