// JSON: the contract other programs read (`{"version": 1, "results": [...]}`).

import type { Formatter } from './types.js';

export const json: Formatter = {
  id: 'json',
  description: 'machine-readable JSON ({"version": 1, "results": [...]})',
  format(results) {
    const out = {
      version: 1,
      results: results.map((r) => ({
        file: r.file,
        edition: r.edition,
        agency: r.agency,
        year: r.year,
        errorCount: r.errorCount,
        warningCount: r.warningCount,
        diagnostics: r.diagnostics.map((d) => ({
          rule: d.rule,
          severity: d.severity,
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
      })),
    };
    return `${JSON.stringify(out, null, 2)}\n`;
  },
};
