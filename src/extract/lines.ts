// A worksheet row seen as a table line: label cells on the left, value slots after them.
// Value columns come from the table's header where the row lines up with it, and otherwise
// from position (a data row is its label cells followed by N values), as pasted text needs.

import type { Cell, Range, Sheet } from '../model/grid.js';
import { a1 } from '../model/grid.js';
import type { Location } from '../model/report.js';

export interface Line {
  sheet: Sheet;
  row: number;
  cells: Cell[];
  /** Merged ranges whose top-left cell is in this row, by column. */
  merges: Map<number, Range>;
}

export function sheetLines(sheet: Sheet): Line[] {
  const mergesByRow = new Map<number, Map<number, Range>>();
  for (const m of sheet.merges) {
    let byCol = mergesByRow.get(m.top);
    if (!byCol) mergesByRow.set(m.top, (byCol = new Map()));
    byCol.set(m.left, m);
  }
  return [...sheet.rows.keys()]
    .sort((a, b) => a - b)
    .map((row) => ({ sheet: sheet, row, cells: sheet.rows.get(row)!, merges: mergesByRow.get(row) ?? new Map() }));
}

export function locate(sheet: Sheet, row: number, col: number, cell?: Cell): Location {
  const loc: Location = { sheet: sheet.name, cell: a1(row, col), row, col };
  const line = cell?.line ?? sheet.rows.get(row)?.[0]?.line;
  if (line !== undefined) loc.line = line;
  return loc;
}

/** The last column a cell occupies, counting a merge it starts. */
export function cellEnd(line: Line, cell: Cell): number {
  return line.merges.get(cell.col)?.right ?? cell.col;
}

export function cellAt(line: Line, col: number): Cell | undefined {
  return line.cells.find((c) => c.col === col);
}

/**
 * The column of each of `keys` in this line.
 * `header` maps keys to the columns the table's header shows them in (possibly incomplete).
 * `labelEnd` is the last column taken by the line's label cells (0 when none).
 */
export function valueColumns(line: Line, labelEnd: number, keys: string[], header: Map<string, number>): Map<string, number> {
  const valueCells = line.cells.filter((c) => c.col > labelEnd);
  const lastCol = valueCells.length ? valueCells[valueCells.length - 1]!.col : labelEnd;
  const headerCols = keys.map((k) => header.get(k)).filter((c): c is number => c !== undefined);
  if (headerCols.length > 0) {
    const min = Math.min(...headerCols);
    const max = Math.max(...headerCols);
    const complete = headerCols.length === keys.length;
    const aligned = labelEnd < min && lastCol <= max && valueCells.every((c) => headerCols.includes(c.col) || c.col > max);
    if (aligned && (complete || valueCells.length <= headerCols.length)) {
      return new Map(keys.flatMap((k) => (header.has(k) ? [[k, header.get(k)!] as [string, number]] : [])));
    }
  }
  // By position: value slots after the label, each slot skipping the columns its merge covers.
  const slots: number[] = [];
  let col = labelEnd + 1;
  const limit = Math.max(lastCol, labelEnd + keys.length);
  while (col <= limit) {
    slots.push(col);
    col = (line.merges.get(col)?.right ?? col) + 1;
  }
  const lastSlot = slots.findIndex((c) => c >= lastCol);
  const end = lastSlot >= keys.length - 1 ? lastSlot + 1 : keys.length;
  const chosen = slots.slice(Math.max(0, end - keys.length), end);
  return new Map(keys.map((k, i) => [k, chosen[i] ?? labelEnd + 1 + i]));
}
