// A worksheet row seen as a table line: label cells on the left, value slots after them.
// Value columns come from the table's header where the row lines up with it, and otherwise
// from position (a data row is its label cells followed by N values), as pasted text needs.

import type { Cell, Range, Sheet } from '../model/grid.js';
import { a1, ascending } from '../model/grid.js';
import type { Location, RowData } from '../model/report.js';
import { isValueLike, readValue } from './values.js';

export interface Line {
  sheet: Sheet;
  row: number;
  cells: Cell[];
  /** Merged ranges whose top-left cell is in this row, by column. */
  merges: ReadonlyMap<number, Range>;
}

/** The merges of a line without any, shared (never added to). */
const NO_MERGES: ReadonlyMap<number, Range> = new Map();

export function sheetLines(sheet: Sheet): Line[] {
  const mergesByRow = new Map<number, Map<number, Range>>();
  for (const m of sheet.merges) {
    let byCol = mergesByRow.get(m.top);
    if (!byCol) mergesByRow.set(m.top, (byCol = new Map()));
    byCol.set(m.left, m);
  }
  const lines: Line[] = [];
  for (const [row, cells] of sheet.rows) lines.push({ sheet, row, cells, merges: mergesByRow.get(row) ?? NO_MERGES });
  // Readers give rows in order; a Grid built by hand may not.
  return ascending(lines, (l) => l.row) ? lines : lines.sort((a, b) => a.row - b.row);
}

export function locate(sheet: Sheet, row: number, col: number, cell?: Cell): Location {
  const loc: Location = { sheet: sheet.name, cell: a1(row, col), row, col };
  const line = cell?.line ?? sheet.rows.get(row)?.[0]?.line;
  if (line !== undefined) loc.line = line;
  const page = sheet.rowPages?.[row - 1];
  if (page !== undefined) loc.page = page;
  return loc;
}

/** The last column a cell occupies, counting a merge it starts. */
export function cellEnd(line: Line, cell: Cell): number {
  return line.merges.get(cell.col)?.right ?? cell.col;
}

/**
 * Index of the line's first label cell: 0, or 1 when a 序号 column puts a running number before
 * the label.
 */
export function labelStart(line: Line): number {
  const [first, second] = line.cells;
  const numbered = first && second && first.col < second.col && /^\d{1,2}$/.test(first.text.trim()) && !isValueLike(second);
  return numbered ? 1 : 0;
}

export function cellAt(line: Line, col: number): Cell | undefined {
  for (const c of line.cells) if (c.col === col) return c;
  return undefined;
}

/** A row's values by key, each read from the column found for it (a blank where the row has no cell). */
export function readCells(line: Line, cols: ReadonlyMap<string, number>): RowData['cells'] {
  const cells: RowData['cells'] = {};
  for (const [key, col] of cols) {
    const cell = cellAt(line, col);
    cells[key] = readValue(cell, locate(line.sheet, line.row, col, cell));
  }
  return cells;
}

/**
 * The column of each of `keys` in this line.
 * `header` maps keys to the columns the table's header shows them in (possibly incomplete).
 * `labelEnd` is the last column taken by the line's label cells (0 when none).
 *
 * Two readings compete: by the header's columns, and by position (the last N value cells of the
 * row, as pasted text shifts rows). The header wins unless position captures more of the row's
 * values; extra columns (备注, 校验, 小计) are then ignored rather than shifting the row.
 */
export function valueColumns(line: Line, labelEnd: number, keys: string[], header: Map<string, number>): Map<string, number> {
  const values: number[] = [];
  for (const c of line.cells) if (c.col > labelEnd && isValueLike(c)) values.push(c.col);
  const headerKeys = keys.filter((k) => header.has(k));
  // A header that names only some columns (a column left out of the table) limits the row to those.
  const wanted = headerKeys.length > 0 && headerKeys.length < keys.length && values.length <= headerKeys.length ? headerKeys : keys;
  const positional = byPosition(line, labelEnd, wanted.length, values.at(-1) ?? labelEnd);
  // Built by push, like `positional`: arrays of one elements kind keep V8's optimised code for captured() (map() makes holey ones).
  let byHeader: number[] | null = null;
  if (headerKeys.length > 0 && headerKeys.every((k) => header.get(k)! > labelEnd)) {
    byHeader = [];
    for (const k of headerKeys) byHeader.push(header.get(k)!);
  }
  const [keysUsed, cols] = byHeader && captured(byHeader, values) >= captured(positional, values) ? [headerKeys, byHeader] : [wanted, positional];
  const out = new Map<string, number>();
  for (let i = 0; i < keysUsed.length; i++) out.set(keysUsed[i]!, cols[i]!);
  return out;
}

/** How many of `cols` hold values. */
function captured(cols: number[], values: number[]): number {
  let n = 0;
  for (const c of cols) if (values.includes(c)) n++;
  return n;
}

/** N value slots after the label, ending at the last value when the row has that many; each slot skips the columns its merge covers. */
function byPosition(line: Line, labelEnd: number, n: number, lastValue: number): number[] {
  const slots: number[] = [];
  let col = labelEnd + 1;
  while (col <= Math.max(lastValue, labelEnd + n)) {
    slots.push(col);
    col = (line.merges.get(col)?.right ?? col) + 1;
  }
  const last = slots.findIndex((c) => c >= lastValue);
  const end = last >= n - 1 ? last + 1 : n;
  return slots.slice(Math.max(0, end - n), end);
}
