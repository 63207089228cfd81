// The work done for one file, the same in the main thread and in a worker: read, check, and keep
// the facts the cross-year checks need.

import { checkReport, type EngineOptions, type FileResult } from '../engine/index.js';
import type { EditionId } from '../form/types.js';
import { loadReport } from '../index.js';
import { factsOf, type YearFacts } from './facts.js';

export interface TaskOptions extends EngineOptions {
  edition?: EditionId;
}

export interface TaskOutput {
  result: FileResult;
  facts: YearFacts;
}

export async function checkOne(file: string, options: TaskOptions): Promise<TaskOutput> {
  const report = await loadReport(file, options.edition ? { edition: options.edition } : {});
  return { result: checkReport(report, options), facts: factsOf(report) };
}
