// Findings that several rules make the same way: a total that is not the sum of its parts, and a
// finding about one cell named by its place.

import type { TableId } from '../form/types.js';
import type { CellValue } from '../model/report.js';
import { addUp, type ExpectedCell } from './cells.js';
import { place, span } from './places.js';
import type { DataValue, Finding } from './types.js';

/**
 * A "total = sum of parts" identity: a `mismatch` finding pointing at the total when it
 * disagrees, nothing when it agrees or any member is blank or unreadable (those have their own
 * findings). Its data: `where`, and `range`, the summed cells ('' when they have none, as in JSON).
 */
export function totalFinding(
  at: { table: TableId; row: string; column: string },
  parts: Array<CellValue | undefined>,
  total: CellValue | undefined,
): Finding<'mismatch'> | null {
  // Most rows add up: checked without building arrays, since this runs for every row and column.
  const expected = addUp(parts);
  if (expected === null || !total || total.status !== 'ok' || total.value === null) return null;
  const actual = total.value;
  if (expected === actual) return null;
  return {
    messageId: 'mismatch',
    ...at,
    loc: total.loc,
    data: { where: place(at.table, at.row, at.column), range: span(parts.map((p) => p!.loc)) },
    expected,
    actual,
    cells: [...parts, total].flatMap((m) => (m?.loc ? [m.loc] : [])),
  };
}

/** A finding about one cell, named for people by its place: `{where}` in the message. */
export function cellFinding<M extends string>(messageId: M, at: ExpectedCell, value: CellValue, data: Record<string, DataValue> = {}): Finding<M> {
  return {
    messageId,
    table: at.table,
    row: at.row,
    column: at.column.key,
    loc: value.loc,
    data: { where: place(at.table, at.row, at.column.key), ...data },
  };
}
