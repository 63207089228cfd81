// How rules name places in a report for people: 表三（七）总计·自然人 / Table 3 resultTotal·natural.

import { EDITIONS, TABLE_NAMES } from '../form/index.js';
import type { ColumnDef, Edition, TableId } from '../form/types.js';
import type { CellValue, Location, Report } from '../model/report.js';
import type { Bilingual, DataValue, Finding } from './types.js';

const ROW_LABELS = new Map<string, string>();
const COLUMN_LABELS = new Map<string, string>();
for (const edition of Object.values(EDITIONS)) {
  for (const block of edition.t2.blocks) {
    for (const row of block.rows) ROW_LABELS.set(row.key, row.short);
    // Table-2 columns are named per row: `amount` is the fee amount in 2021, the procurement total in 2019.
    for (const row of block.rows) for (const col of block.columns) COLUMN_LABELS.set(`t2.${row.key}.${col.key}`, col.short);
  }
  for (const row of edition.t3.rows) ROW_LABELS.set(`t3.${row.key}`, row.short);
  for (const col of edition.t3.columns) COLUMN_LABELS.set(`t3.${col.key}`, col.short);
  for (const g of edition.t4.groups) ROW_LABELS.set(`t4.${g.key}`, g.short);
  for (const col of edition.t4.columns) COLUMN_LABELS.set(`t4.${col.key}`, col.short);
}

export function rowLabel(table: TableId, row: string): string {
  return (table === 't2' ? ROW_LABELS.get(row) : ROW_LABELS.get(`${table}.${row}`)) ?? row;
}

export function columnLabel(table: TableId, column: string, row: string | null = null): string {
  return COLUMN_LABELS.get(table === 't2' ? `t2.${row}.${column}` : `${table}.${column}`) ?? column;
}

/** 表三（七）总计·自然人 */
export function place(table: TableId, row: string | null, column: string | null): Bilingual {
  const zh = [rowLabel(table, row ?? ''), column ? columnLabel(table, column, row) : ''].filter(Boolean).join('·');
  const en = [row, column].filter(Boolean).join('.');
  const joiner = zh.startsWith('（') || zh === '' ? '' : '·';
  return { zh: `${TABLE_NAMES[table].zh}${joiner}${zh}`, en: `${TABLE_NAMES[table].en} ${en}`.trim() };
}

/** The cells an identity sums, as a range when they form one line of a sheet: D25:D46. */
export function span(locs: Array<Location | null>): string {
  const list = locs.filter((l): l is Location => l !== null);
  if (list.length === 0) return '';
  const sheet = list[0]!.sheet;
  const sameCol = list.every((l) => l.col === list[0]!.col && l.sheet === sheet);
  const sameRow = list.every((l) => l.row === list[0]!.row && l.sheet === sheet);
  if (!sameCol && !sameRow) return list.map((l) => l.cell).join(',');
  const sorted = [...list].sort((a, b) => a.row - b.row || a.col - b.col);
  return sorted.length === 1 ? sorted[0]!.cell : `${sorted[0]!.cell}:${sorted[sorted.length - 1]!.cell}`;
}

export function cell(report: Report, table: TableId, row: string, column: string): CellValue | undefined {
  return report.tables[table]?.rows[row]?.cells[column];
}

/**
 * The cells of `keys`, through `get`. (Built by push rather than map(): map() makes a different
 * kind of array once V8 has optimised its caller, and code reading these arrays would be thrown
 * away and compiled again.)
 */
export function cellsOf<T>(keys: readonly T[], get: (key: T) => CellValue | undefined): Array<CellValue | undefined> {
  const out: Array<CellValue | undefined> = [];
  for (const key of keys) out.push(get(key));
  return out;
}

/** The numbers of the given cells, or null if any is missing, blank or unreadable. */
export function numbers(values: Array<CellValue | undefined>): number[] | null {
  const out: number[] = [];
  for (const v of values) {
    if (!v || v.status !== 'ok' || v.value === null) return null;
    out.push(v.value);
  }
  return out;
}

export function sum(values: number[]): number {
  return round6(values.reduce((a, b) => a + b, 0));
}

/** Counts are integers; round away float noise from fractional inputs that other rules report. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The sum of the cells' numbers (rounded as sum() rounds), or null if any is missing, blank or unreadable. */
function addUp(values: ReadonlyArray<CellValue | undefined>): number | null {
  let total = 0;
  for (const v of values) {
    if (!v || v.status !== 'ok' || v.value === null) return null;
    total += v.value;
  }
  return round6(total);
}

export function edition(report: Report): Edition | null {
  return report.edition ? EDITIONS[report.edition] : null;
}

export interface ExpectedCell {
  table: TableId;
  row: string;
  column: ColumnDef;
  value: CellValue | undefined;
}

/** Every expected (table, row, column definition) of the report's edition that was found. */
export function expectedCells(report: Report): readonly ExpectedCell[] {
  return shared?.report === report ? shared.cells : listExpectedCells(report);
}

/** The list seven rules walk, made once while the engine runs them over one report. */
let shared: { report: Report; cells: readonly ExpectedCell[] } | null = null;

export function withExpectedCells<T>(report: Report, run: () => T): T {
  shared = { report, cells: listExpectedCells(report) };
  try {
    return run();
  } finally {
    shared = null;
  }
}

function listExpectedCells(report: Report): ExpectedCell[] {
  const out: ExpectedCell[] = [];
  const ed = edition(report);
  if (!ed) return out;
  const t2 = report.tables.t2;
  if (t2) {
    for (const block of ed.t2.blocks) {
      for (const row of block.rows) {
        const cells = t2.rows[row.key]?.cells;
        if (cells) for (const column of block.columns) out.push({ table: 't2', row: row.key, column, value: cells[column.key] });
      }
    }
  }
  const t3 = report.tables.t3;
  if (t3) {
    for (const [row, data] of Object.entries(t3.rows)) {
      for (const column of ed.t3.columns) out.push({ table: 't3', row, column, value: data.cells[column.key] });
    }
  }
  const t4 = report.tables.t4;
  if (t4) {
    for (const g of ed.t4.groups) {
      const cells = t4.rows[g.key]?.cells;
      if (cells) for (const column of ed.t4.columns) out.push({ table: 't4', row: g.key, column, value: cells[column.key] });
    }
  }
  return out;
}

/** The summed cells in brackets after a number, or nothing when they have no cells (JSON input). */
function rangeNote(range: string): Bilingual {
  return range ? { zh: `（${range}）`, en: ` (${range})` } : { zh: '', en: '' };
}

/**
 * A "total = sum of parts" identity: a finding pointing at the total when it disagrees,
 * nothing when it agrees or any member is blank or unreadable (those have their own findings).
 */
export function totalFinding(
  at: { table: TableId; row: string; column: string },
  parts: Array<CellValue | undefined>,
  total: CellValue | undefined,
): Finding | null {
  // Most rows add up: checked without building arrays, since this runs for every row and column.
  const expected = addUp(parts);
  if (expected === null || !total || total.status !== 'ok' || total.value === null) return null;
  const actual = total.value;
  if (expected === actual) return null;
  return {
    messageId: 'mismatch',
    ...at,
    loc: total.loc,
    data: { where: place(at.table, at.row, at.column), range: rangeNote(span(parts.map((p) => p!.loc))) },
    expected,
    actual,
    cells: [...parts, total].flatMap((m) => (m?.loc ? [m.loc] : [])),
  };
}

/** A finding about one cell, named for people by its place: `{where}` in the message. */
export function cellFinding(messageId: string, at: ExpectedCell, value: CellValue, data: Record<string, DataValue> = {}): Finding {
  return {
    messageId,
    table: at.table,
    row: at.row,
    column: at.column.key,
    loc: value.loc,
    data: { where: place(at.table, at.row, at.column.key), ...data },
  };
}
