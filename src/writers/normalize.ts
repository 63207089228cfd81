// Report model -> the normalized report: the tables under their canonical keys (docs/format.md), every
// row and column of the edition present, blank or unreadable cells null.

import { EDITIONS, t2Rows, t3RowKeys } from '../form/index.js';
import type { EditionId, TableId } from '../form/types.js';
import type { Paragraph } from '../model/grid.js';
import type { Report } from '../model/report.js';
import { tableValues, type TableValues } from '../model/values.js';


export interface NormalizedReport {
  version: 1;
  edition: EditionId | null;
  agency: string | null;
  year: number | null;
  tables: Record<TableId, TableValues>;
  source: { file: string; sha256: string | null };
  /** A document's paragraphs outside its tables, in reading order (Word, web pages, PDFs, text with narrative); absent for spreadsheets. */
  paragraphs?: Paragraph[];
}

/**
 * What the report's cells said where they hold no number (text, a placeholder, a date, an error
 * value), keyed `table.row.column`: a converted workbook keeps them, so converting loses nothing.
 */
export function cellTexts(report: Report): Map<string, string> {
  const texts = new Map<string, string>();
  for (const table of ['t2', 't3', 't4'] as TableId[]) {
    for (const [row, data] of Object.entries(report.tables[table]?.rows ?? {})) {
      for (const [column, v] of Object.entries(data.cells)) {
        if (v.status !== 'ok' && v.status !== 'blank' && v.text.trim()) texts.set(`${table}.${row}.${column}`, v.text);
      }
    }
  }
  return texts;
}

export function normalize(report: Report, sha256: string | null = null): NormalizedReport {
  return {
    version: 1,
    edition: report.edition,
    agency: report.agency?.value ?? null,
    year: report.year?.value ?? null,
    tables: tableValues(report),
    source: { file: report.file, sha256 },
    ...(report.paragraphs ? { paragraphs: report.paragraphs } : {}),
  };
}

/** A report of the edition with every cell blank: what a template holds. */
export function blankReport(edition: EditionId): NormalizedReport {
  const ed = EDITIONS[edition];
  const blank = (columns: Array<{ key: string }>) => Object.fromEntries(columns.map((c) => [c.key, null]));
  return {
    version: 1,
    edition,
    agency: null,
    year: null,
    tables: {
      t2: Object.fromEntries(t2Rows(ed).map(({ row, columns }) => [row.key, blank(columns)])),
      t3: Object.fromEntries(t3RowKeys(ed).map((key) => [key, blank(ed.t3.columns)])),
      t4: Object.fromEntries(ed.t4.groups.map((g) => [g.key, blank(ed.t4.columns)])),
    },
    source: { file: '', sha256: null },
  };
}
