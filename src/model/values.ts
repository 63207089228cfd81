// A report's values by canonical key (docs/format.md): every row and column of its edition, a cell
// that is blank or holds no number null. What normalized JSON, the workbook writer and the HTML
// report's tables show.

import { EDITIONS, t2Rows, t3RowKeys } from '../form/index.js';
import type { TableId } from '../form/types.js';
import type { Report } from './report.js';

export type TableValues = Record<string, Record<string, number | null>>;

export function tableValues(report: Report): Record<TableId, TableValues> {
  const edition = EDITIONS[report.edition ?? '2021'];
  const value = (table: TableId, row: string, column: string) => {
    const v = report.tables[table]?.rows[row]?.cells[column];
    return v && v.status === 'ok' ? v.value : null;
  };
  const t2: TableValues = {};
  for (const { row, columns } of t2Rows(edition)) {
    t2[row.key] = Object.fromEntries(columns.map((c) => [c.key, value('t2', row.key, c.key)]));
  }
  const t3: TableValues = {};
  for (const row of t3RowKeys(edition, report.tables.t3?.rows)) {
    t3[row] = Object.fromEntries(edition.t3.columns.map((c) => [c.key, value('t3', row, c.key)]));
  }
  const t4: TableValues = {};
  for (const group of edition.t4.groups) {
    t4[group.key] = Object.fromEntries(edition.t4.columns.map((c) => [c.key, value('t4', group.key, c.key)]));
  }
  return { t2, t3, t4 };
}
