// Normalized reports -> one tidy CSV: a row per cell (agency, year, edition, table, row, column,
// label, value), UTF-8 with a BOM so that Excel opens it with the right encoding.

import { EDITIONS } from '../form/index.js';
import type { TableId } from '../form/types.js';
import { columnLabel, rowLabel } from '../rules/places.js';
import type { NormalizedReport } from './normalize.js';

export const CSV_HEADER = ['agency', 'year', 'edition', 'table', 'row', 'column', 'label', 'value'];

function field(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRows(report: NormalizedReport): Array<Array<string | number | null>> {
  const rows: Array<Array<string | number | null>> = [];
  const edition = EDITIONS[report.edition ?? '2021'];
  for (const table of ['t2', 't3', 't4'] as TableId[]) {
    for (const [row, cells] of Object.entries(report.tables[table])) {
      for (const [column, value] of Object.entries(cells)) {
        const label = `${rowLabel(table, row)}·${columnLabel(table, column, row)}`;
        rows.push([report.agency, report.year, edition.id, table, row, column, label, value]);
      }
    }
  }
  return rows;
}

export function toCsv(reports: NormalizedReport[]): string {
  const lines = [CSV_HEADER, ...reports.flatMap(csvRows)].map((r) => r.map(field).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
