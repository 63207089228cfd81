// What the cross-year rules need of a report: who published it for which year (its heading, which
// pairs reports of one body), and the cells that carry over from one year to the next.

import type { EditionId } from '../form/types.js';
import type { CellValue, Report } from './report.js';

/** Who published a report, for which year: what pairs it with the reports of other years. */
export interface ReportHeading {
  file: string;
  agency: string | null;
  /** The agency name as pairing compares it: NFKC, no spaces or punctuation, 中共/人民政府 variants kept. */
  agencyKey: string | null;
  year: number | null;
  edition: EditionId | null;
}

/** What the history rules see of a report. */
export interface YearFacts extends ReportHeading {
  carriedOver: Record<string, CellValue> | null;
  carriedForward: Record<string, CellValue> | null;
  /** Table-2 rows of the 2021 edition's first block (issued, repealed, inForce). */
  stock: Record<string, Record<string, CellValue>>;
}

/** The table-2 rows whose stock carries from year to year. */
export const STOCK_ROWS = ['regulations', 'normativeDocuments'] as const;

export function agencyKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s()（）【】\[\]·,，、.。:：;；"'“”‘’-]/g, '')
    .replace(/^关于/, '');
}

export function headingOf(report: Report): ReportHeading {
  return {
    file: report.file,
    agency: report.agency?.value ?? null,
    agencyKey: report.agency ? agencyKey(report.agency.value) : null,
    year: report.year?.value ?? null,
    edition: report.edition,
  };
}

export function yearFacts(report: Report): YearFacts {
  const t3 = report.tables.t3?.rows;
  const t2 = report.tables.t2?.rows ?? {};
  const stock: YearFacts['stock'] = {};
  for (const key of STOCK_ROWS) if (t2[key]) stock[key] = t2[key]!.cells;
  return { ...headingOf(report), carriedOver: t3?.carriedOver?.cells ?? null, carriedForward: t3?.carriedForward?.cells ?? null, stock };
}

/** A heading as facts without cells: all a report needs when no report of the year before is at hand to compare cells with. */
export function withoutCells({ file, agency, agencyKey, year, edition }: ReportHeading): YearFacts {
  return { file, agency, agencyKey, year, edition, carriedOver: null, carriedForward: null, stock: {} };
}
