// YearFacts (src/model/facts.ts) packed: a batch keeps the facts of every file until the end and
// passes them between threads, so the cells are one short string per report, unpacked into values
// with their places only when a rule looks at them.

import { EDITIONS, t2Rows } from '../form/index.js';
import { STOCK_ROWS, type ReportHeading, type YearFacts } from '../model/facts.js';
import { a1 } from '../model/grid.js';
import type { CellValue } from '../model/report.js';

/**
 * YearFacts as kept and passed around: the cells packed into one ASCII string (one byte a
 * character), the sheet names they are on listed once.
 */
export interface PackedFacts extends ReportHeading {
  cells: string;
  sheets: string[];
}

const STATUSES: Array<CellValue['status']> = ['ok', 'blank', 'placeholder', 'not-number', 'date', 'error', 'formula'];

/**
 * The national format's column keys, numbered: a packed cell names its column by its number here
 * (a batch keeps the packed cells of every file until the end, and the names were most of them).
 */
const COLUMN_KEYS = [...new Set(Object.values(EDITIONS).flatMap((e) => [...t2Rows(e).flatMap((r) => r.columns), ...e.t3.columns].map((c) => c.key)))];
const COLUMN_NUMBERS = new Map(COLUMN_KEYS.map((key, i) => [key, i]));

/**
 * A row packed: where it is (sheet index or -1, worksheet row, text line or -1; a row's values
 * come from one line), then four entries for each cell: its column key (by number, or by name if
 * the format has no such key), number, status and column; nothing of its text.
 */
type PackedRow = [sheet: number, row: number, line: number, ...cells: Array<number | string | null>] | null;

function packRow(cells: Record<string, CellValue> | undefined, sheets: string[]): PackedRow {
  if (!cells) return null;
  const values = Object.values(cells);
  const loc = values.find((v) => v.loc)?.loc ?? null;
  let sheet = -1;
  if (loc) {
    sheet = sheets.indexOf(loc.sheet);
    if (sheet < 0) sheet = sheets.push(loc.sheet) - 1;
  }
  const out: NonNullable<PackedRow> = [sheet, loc?.row ?? 0, loc?.line ?? -1];
  for (const [key, v] of Object.entries(cells)) out.push(COLUMN_NUMBERS.get(key) ?? key, v.value, STATUSES.indexOf(v.status), v.loc?.col ?? 0);
  return out;
}

function unpackRow(row: PackedRow, sheets: string[]): Record<string, CellValue> | null {
  if (!row) return null;
  const [sheet, r, line] = row;
  const out: Record<string, CellValue> = {};
  for (let i = 3; i + 3 < row.length; i += 4) {
    const [name, value, status, col] = [row[i]!, row[i + 1] as number | null, row[i + 2] as number, row[i + 3] as number];
    const key = typeof name === 'number' ? COLUMN_KEYS[name]! : name;
    const loc = sheet < 0 || col === 0 ? null : { sheet: sheets[sheet]!, cell: a1(r, col), row: r, col, ...(line >= 0 ? { line } : {}) };
    out[key] = { text: '', value, status: STATUSES[status] ?? 'not-number', notes: [], decimals: 0, loc };
  }
  return out;
}

export function packFacts(facts: YearFacts): PackedFacts {
  const sheets: string[] = [];
  const stock: Record<string, PackedRow> = {};
  for (const key of STOCK_ROWS) if (facts.stock[key]) stock[key] = packRow(facts.stock[key], sheets);
  const rows = [packRow(facts.carriedOver ?? undefined, sheets), packRow(facts.carriedForward ?? undefined, sheets), stock, facts.values, facts.problems];
  const { file, agency, agencyKey, year, edition, kind, digest } = facts;
  return { file, agency, agencyKey, year, edition, kind, digest, cells: JSON.stringify(rows), sheets };
}

export function unpackFacts(packed: PackedFacts): YearFacts {
  const [carriedOver, carriedForward, stock, values, problems] = JSON.parse(packed.cells) as [PackedRow, PackedRow, Record<string, PackedRow>, string | null, YearFacts['problems']];
  const { cells: _, sheets, ...heading } = packed;
  return {
    ...heading,
    carriedOver: unpackRow(carriedOver, sheets),
    carriedForward: unpackRow(carriedForward, sheets),
    stock: Object.fromEntries(Object.entries(stock).map(([k, row]) => [k, unpackRow(row, sheets)!])),
    values,
    problems,
  };
}
