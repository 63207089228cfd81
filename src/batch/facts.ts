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

export function factsOf(report: Report): YearFacts {
  const t3 = report.tables.t3?.rows;
  const t2 = report.tables.t2?.rows ?? {};
  const stock: YearFacts['stock'] = {};
  for (const key of ['regulations', 'normativeDocuments']) if (t2[key]) stock[key] = t2[key]!.cells;
  return {
    file: report.file,
    agency: report.agency?.value ?? null,
    agencyKey: report.agency ? agencyKey(report.agency.value) : null,
    year: report.year?.value ?? null,
    edition: report.edition,
    carriedOver: t3?.carriedOver?.cells ?? null,
    carriedForward: t3?.carriedForward?.cells ?? null,
    stock,
  };
}
