// What the cross-year checks need from a report, small and plain enough to pass between threads:
// the body (normalised for pairing), the year, and the cells that carry over from year to year.

import type { EditionId } from '../form/types.js';
import type { CellValue, Report } from '../model/report.js';

export interface YearFacts {
  file: string;
  agency: string | null;
  /** The agency name as pairing compares it: NFKC, no spaces or punctuation, 中共/人民政府 variants kept. */
  agencyKey: string | null;
  year: number | null;
  edition: EditionId | null;
  carriedOver: Record<string, CellValue> | null;
  carriedForward: Record<string, CellValue> | null;
  /** Table-2 rows of the 2021 edition's first block (issued, repealed, inForce). */
  stock: Record<string, Record<string, CellValue>>;
}

export function agencyKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s()（）【】\[\]·,，、.。:：;；"'“”‘’-]/g, '')
    .replace(/^关于/, '');
}

/**
 * A value as the cross-year checks need it: the number and its cell, nothing of the file's text.
 * A batch keeps the facts of every file until the end; a cell's text is a slice of the whole sheet
 * or CSV text and would keep all of it alive.
 */
function compact(v: CellValue): CellValue {
  const loc = v.loc && { sheet: `${v.loc.sheet}`.normalize(), cell: v.loc.cell, row: v.loc.row, col: v.loc.col, ...(v.loc.line !== undefined ? { line: v.loc.line } : {}) };
  return { text: '', value: v.value, status: v.status, notes: [], decimals: v.decimals, loc };
}

function compactRow(cells: Record<string, CellValue> | undefined): Record<string, CellValue> | null {
  return cells ? Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, compact(v)])) : null;
}

export function factsOf(report: Report): YearFacts {
  const t3 = report.tables.t3?.rows;
  const t2 = report.tables.t2?.rows ?? {};
  const stock: YearFacts['stock'] = {};
  for (const key of ['regulations', 'normativeDocuments']) if (t2[key]) stock[key] = compactRow(t2[key]!.cells)!;
  return {
    file: report.file,
    agency: report.agency?.value ?? null,
    agencyKey: report.agency ? agencyKey(report.agency.value) : null,
    year: report.year?.value ?? null,
    edition: report.edition,
    carriedOver: compactRow(t3?.carriedOver?.cells),
    carriedForward: compactRow(t3?.carriedForward?.cells),
    stock,
  };
}
