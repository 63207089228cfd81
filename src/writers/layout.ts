// The official layout of one report: the tables it has, its title, and the layout as CSV (a
// skeleton to fill in). The layout itself is model/layout.ts.

import { EDITIONS, t3RowKeys } from '../form/index.js';
import type { TableId } from '../form/types.js';
import { officialLayout, PLAIN_TITLE, type OfficialLayout, type Position } from '../model/layout.js';
import type { TableValues } from '../model/values.js';
import type { NormalizedReport } from './normalize.js';

function hasValue(values: TableValues | undefined): boolean {
  return Object.values(values ?? {}).some((row) => Object.values(row).some((v) => v !== null));
}

export interface LayoutForOptions {
  template?: boolean;
  /** Keep every table even when it has no value (to carry annotations, or to be filled in). */
  keepEmpty?: boolean;
}

/** The title a report's workbook carries: the body and year where known. */
export function titleFor(report: NormalizedReport, template = false): string {
  if (template) return PLAIN_TITLE;
  return `${report.agency ?? ''}${report.year !== null ? `${report.year}年` : ''}${PLAIN_TITLE}`;
}

/**
 * The layout the xlsx writer uses for a report. A table with no value at all is left out (reading
 * the file back then says table-missing, as the source did) unless the workbook is a template or
 * carries annotations; the 填报单位 / 报告年度 area is there in a template and whenever the title
 * cannot carry both the body and the year.
 */
export function layoutFor(report: NormalizedReport, options: LayoutForOptions = {}): OfficialLayout {
  const editionId = report.edition ?? '2021';
  const keep = options.template || options.keepEmpty;
  return officialLayout(editionId, {
    t3Rows: t3RowKeys(EDITIONS[editionId], report.tables.t3),
    tables: (['t2', 't3', 't4'] as TableId[]).filter((t) => keep || hasValue(report.tables[t])),
    metadata: Boolean(options.template) || report.agency === null || report.year === null,
    checks: Boolean(options.template),
    title: titleFor(report, options.template),
  });
}

/**
 * The official layout as CSV (UTF-8 with BOM, CRLF, what Excel opens): each text and value at its
 * cell, merged areas left empty beyond their first cell. A skeleton a clerk can fill in any
 * spreadsheet or text editor, which `report check` reads back; every table is kept.
 */
export function layoutCsv(report: NormalizedReport): string {
  const layout = layoutFor(report, { keepEmpty: true });
  const grid: string[][] = Array.from({ length: layout.lastRow }, () => []);
  const put = (p: Position, s: string) => (grid[p.row - 1]![p.col - 1] = s);
  for (const t of layout.texts) put(t, t.text);
  for (const v of layout.values) {
    const n = report.tables[v.table][v.rowKey]?.[v.columnKey];
    if (n !== null && n !== undefined) put(v, String(n));
  }
  if (layout.meta) {
    if (report.agency !== null) put(layout.meta.agency, report.agency);
    if (report.year !== null) put(layout.meta.year, String(report.year));
  }
  const field = (s: string | undefined) => (s === undefined ? '' : /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = grid.map((row) => Array.from(row, field).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
