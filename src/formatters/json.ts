// JSON: the contract other programs read (`{"version": 1, "results": [...]}`).

import type { FileResult } from '../engine/index.js';
import type { Formatter } from './types.js';

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
      expected: d.expected,
      actual: d.actual,
      difference: d.difference,
    })),
  };
}

/** JSON.stringify(document, null, 2), one result at a time. */
function* stream(results: Iterable<FileResult>): Generator<string> {
  let first = true;
  for (const r of results) {
    yield `${first ? '{\n  "version": 1,\n  "results": [' : ','}\n    ${JSON.stringify(entry(r), null, 2).replace(/\n/g, '\n    ')}`;
    first = false;
  }
  yield first ? `${JSON.stringify({ version: 1, results: [] }, null, 2)}\n` : '\n  ]\n}\n';
}

export const json: Formatter = {
  id: 'json',
  description: 'machine-readable JSON ({"version": 1, "results": [...]})',
  format: (results) => [...stream(results)].join(''),
  stream,
};
