// What the cross-year rules need of a report: who published it for which year (its heading, which
// pairs reports of one body), and the cells that carry over from one year to the next.

import { EDITIONS, t2Rows, t3RowKeys } from '../form/index.js';
import { remember } from '../form/labels.js';
import type { EditionId, TableId } from '../form/types.js';
import type { CellValue, Location, Report } from './report.js';
import { paragraphLoc } from './grid.js';
import { comparable, sketchOf } from './sketch.js';

/** Who published a report, for which year: what pairs it with the reports of other years. */
export interface ReportHeading {
  file: string;
  agency: string | null;
  /** The agency name as pairing compares it: NFKC, no spaces or punctuation, 中共/人民政府 variants kept. */
  agencyKey: string | null;
  year: number | null;
  edition: EditionId | null;
  /** What the file was read as (xlsx, docx, html, pdf …): two kinds of one body and year may be one report in two forms. */
  kind: string | null;
  /** The report's values (valueList) as one short key: equal for two forms that agree. */
  digest: string | null;
}

/** What the history rules see of a report. */
export interface YearFacts extends ReportHeading {
  carriedOver: Record<string, CellValue> | null;
  carriedForward: Record<string, CellValue> | null;
  /** Table-2 rows of the 2021 edition's first block (issued, repealed, inForce). */
  stock: Record<string, Record<string, CellValue>>;
  /** Every value of the tables (valueList), to name the cells two published forms of one report differ in; null for other kinds. */
  values: string | null;
  /** Section 五 (problems and improvements), as a fingerprint of its text (model/sketch.ts), when it has enough text to be copied. */
  problems: ProblemsPrint | null;
}

export interface ProblemsPrint {
  sketch: string;
  /** Its comparable text's length, in characters. */
  length: number;
  /** Its heading. */
  loc: Location;
}

/** Section 五 shorter than this (comparable characters) is not text worth comparing: a 无 is not a copy. */
export const PROBLEMS_MIN_LENGTH = 60;

/** The fingerprint of a report's section 五, without its heading's title; null when it has none or it is short. */
function problemsOf(report: Report): ProblemsPrint | null {
  // As the rules about the text: only a report whose tables were found is judged as one.
  const five = report.edition ? report.sections?.find((s) => s.number === 5) : undefined;
  if (!five || !report.paragraphs) return null;
  const within = report.paragraphs.filter((p) => p.index >= five.heading && p.index <= five.end);
  // The heading's title is the same every year; what follows it on its line is the section's text.
  const title = within[0]!.text.search(/[。:：]/);
  const heading = title < 0 ? '' : within[0]!.text.slice(title + 1);
  const text = comparable([heading, ...within.slice(1).map((p) => p.text)].join(''));
  if (text.length < PROBLEMS_MIN_LENGTH) return null;
  return { sketch: sketchOf(text), length: text.length, loc: paragraphLoc(within[0]!, '§5') };
}

const KEYS = new Map<string, ReadonlyArray<[TableId, string, string]>>();

/** Every cell of an edition's three tables, in one order: table, row key, column key (made once an edition). */
export function valueKeys(edition: EditionId): ReadonlyArray<[TableId, string, string]> {
  return remember(KEYS, edition, keysOf);
}

function keysOf(edition: string): Array<[TableId, string, string]> {
  const e = EDITIONS[edition as EditionId];
  return [
    ...t2Rows(e).flatMap(({ row, columns }) => columns.map((c) => ['t2', row.key, c.key] as [TableId, string, string])),
    ...t3RowKeys(e).flatMap((row) => e.t3.columns.map((c) => ['t3', row, c.key] as [TableId, string, string])),
    ...e.t4.groups.flatMap((g) => e.t4.columns.map((c) => ['t4', g.key, c.key] as [TableId, string, string])),
  ];
}

/**
 * A report's values in valueKeys order, comma-separated: the number, '' for a blank, its text for
 * anything else (commas and line ends taken out), '~' for a cell of a table or row not found. A few
 * hundred bytes: every report's heading keeps its digest, a published form's facts the list itself.
 */
export function valueList(report: Report): string | null {
  if (!report.edition || !(report.tables.t2 || report.tables.t3 || report.tables.t4)) return null;
  return valueKeys(report.edition)
    .map(([table, row, column]) => {
      const v = report.tables[table]?.rows[row]?.cells[column];
      if (!v) return '~';
      if (v.status === 'ok') return String(v.value);
      return v.status === 'blank' ? '' : v.text.replace(/[,\r\n]/g, ' ').trim() || '?';
    })
    .join(',');
}

/** A short key of a value list: two 32-bit FNV-1a hashes (different offsets); equal lists give equal keys, unequal ones in practice never. */
function digestOf(values: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < values.length; i++) {
    const c = values.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
  }
  return (a >>> 0).toString(36) + (b >>> 0).toString(36);
}

/** The kinds a report is published in (a Word document, its web page, its PDF): their values are kept to compare them cell by cell. */
export const PUBLISHED_KINDS: ReadonlySet<string> = new Set(['docx', 'html', 'pdf']);

/** The table-2 rows whose stock carries from year to year. */
export const STOCK_ROWS = ['regulations', 'normativeDocuments'] as const;

export function agencyKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s()（）【】\[\]·,，、.。:：;；"'“”‘’-]/g, '')
    .replace(/^关于/, '');
}

/** A report's heading, and the value list its digest is of. */
function headingAndValues(report: Report): { heading: ReportHeading; values: string | null } {
  const values = valueList(report);
  const heading: ReportHeading = {
    file: report.file,
    agency: report.agency?.value ?? null,
    agencyKey: report.agency ? agencyKey(report.agency.value) : null,
    year: report.year?.value ?? null,
    edition: report.edition,
    kind: report.source.kind,
    digest: values === null ? null : digestOf(values),
  };
  return { heading, values };
}

export function headingOf(report: Report): ReportHeading {
  return headingAndValues(report).heading;
}

/** A report's facts; the value list only of a published form (the digest serves every other kind, and a batch keeps the facts of every file). */
export function yearFacts(report: Report): YearFacts {
  const { heading, values } = headingAndValues(report);
  const t3 = report.tables.t3?.rows;
  const t2 = report.tables.t2?.rows ?? {};
  const stock: YearFacts['stock'] = {};
  for (const key of STOCK_ROWS) if (t2[key]) stock[key] = t2[key]!.cells;
  const kept = heading.kind !== null && PUBLISHED_KINDS.has(heading.kind) ? values : null;
  return { ...heading, carriedOver: t3?.carriedOver?.cells ?? null, carriedForward: t3?.carriedForward?.cells ?? null, stock, values: kept, problems: problemsOf(report) };
}

/** A heading as facts without cells: all a report needs when no report of the year before is at hand to compare cells with. */
export function withoutCells({ file, agency, agencyKey, year, edition, kind, digest }: ReportHeading): YearFacts {
  return { file, agency, agencyKey, year, edition, kind, digest, carriedOver: null, carriedForward: null, stock: {}, values: null, problems: null };
}
