// The cells rules look at: every cell the report's edition expects (made once per report, for the
// rules' context), a cell by its place, and the numbers of cells an identity adds up.

import { EDITIONS } from '../form/index.js';
import type { ColumnDef, Edition, TableId } from '../form/types.js';
import type { CellValue, Report } from '../model/report.js';

export interface ExpectedCell {
  table: TableId;
  row: string;
  column: ColumnDef;
  /** Absent when the column was not found. */
  value: CellValue | undefined;
}

export function edition(report: Report): Edition | null {
  return report.edition ? EDITIONS[report.edition] : null;
}

/** Every expected (table, row, column definition) of the report's edition, in the tables that were found. */
export function expectedCells(report: Report): ExpectedCell[] {
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

/** Counts are integers; round away float noise from fractional inputs that other rules report. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function sum(values: number[]): number {
  return round6(values.reduce((a, b) => a + b, 0));
}

/** The sum of the cells' numbers (rounded as sum() rounds), or null if any is missing, blank or unreadable. */
export function addUp(values: ReadonlyArray<CellValue | undefined>): number | null {
  let total = 0;
  for (const v of values) {
    if (!v || v.status !== 'ok' || v.value === null) return null;
    total += v.value;
  }
  return round6(total);
}
