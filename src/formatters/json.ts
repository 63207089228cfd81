// JSON: the contract other programs read (`{"version": 1, "results": [...], "summary": {...}, "skipped": [...]}`).

import type { FileResult } from '../engine/index.js';
import { Tally } from './summary.js';
import type { FormatContext, Formatter } from './types.js';

function entry(r: FileResult) {
  return {
    file: r.file,
    edition: r.edition,
    agency: r.agency,
    year: r.year,
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    diagnostics: r.diagnostics.map((d) => ({
      rule: d.rule,
      severity: d.severity,
      messageId: d.messageId,
      message: d.message,
      table: d.table,
      row: d.row,
      column: d.column,
      sheet: d.sheet,
      cell: d.cell,
      line: d.line,
      page: d.page,
      // A finding on the narrative also names its paragraph (new in version 1: absent otherwise).
      ...(d.paragraph !== null ? { paragraph: d.paragraph, excerpt: d.excerpt } : {}),
      expected: d.expected,
      actual: d.actual,
      difference: d.difference,
    })),
    ...(r.sameReport ? { sameReport: r.sameReport } : {}),
  };
}

const indented = (value: unknown, by: string) => JSON.stringify(value, null, 2).replace(/\n/g, `\n${by}`);

/**
 * JSON.stringify(document, null, 2), one result at a time; after the results, the run's summary
 * (summary.ts) and the files a folder run did not check.
 */
function* stream(results: Iterable<FileResult>, context?: FormatContext): Generator<string> {
  const tally = new Tally();
  let first = true;
  for (const r of results) {
    tally.add(r);
    yield `${first ? '{\n  "version": 1,\n  "results": [' : ','}\n    ${indented(entry(r), '    ')}`;
    first = false;
  }
  const skipped = context?.skipped ?? [];
  // With a roster (--expect): what each of its lines matched, which bodies did not submit, which files
  // no line matched. With a baseline: how many findings it accepted, and its stale entries.
  const summary = { ...tally.summary(skipped), ...(context?.roster ? { roster: context.roster } : {}), ...(context?.baseline ? { baseline: context.baseline } : {}) };
  yield `${first ? '{\n  "version": 1,\n  "results": [' : '\n  '}],\n  "summary": ${indented(summary, '  ')},\n  "skipped": ${indented(skipped, '  ')}\n}\n`;
}

export const json: Formatter = {
  id: 'json',
  description: 'machine-readable JSON ({"version": 1, "results": [...], "summary": {...}})',
  format: (results, context) => [...stream(results, context)].join(''),
  stream,
};
