// Tables a PDF page shows without rules: its lines outside ruled tables, aligned into columns by
// columns.ts; a run of rows of two cells or more that holds rows of values is a table, every other
// line stays text.

import { alignColumns } from '../columns.js';
import type { JoinedTable } from './join.js';
import type { TextLine } from './lattice.js';

/** Rows of values a run must hold to be a table: one row is a sentence with numbers. */
const ROWS = 2;

/** The tables among a page's lines, and the lines left to the text. */
export function streamTables(page: number, lines: readonly TextLine[]): { tables: JoinedTable[]; blocks: Array<{ top: number; bottom: number }>; rest: TextLine[] } {
  const rows = alignColumns(lines);
  const tables: JoinedTable[] = [];
  const blocks: Array<{ top: number; bottom: number }> = [];
  const taken = new Set<number>();
  let run: typeof rows = [];
  const close = () => {
    if (run.filter((r) => r.values > 0).length >= ROWS) {
      const top = lines[run[0]!.first]!;
      blocks.push({ top: top.y + top.size, bottom: lines[run.at(-1)!.last]!.y });
      tables.push({
        page,
        top: top.y + top.size,
        xs: [],
        cells: run.flatMap((r, i) => r.cells.map((c) => ({ row: i + 1, col: c.col, rows: 1, cols: 1, text: c.text }))),
        rowPages: run.map(() => page),
      });
      for (const r of run) for (let i = r.first; i <= r.last; i++) taken.add(i);
    }
    run = [];
  };
  for (const row of rows) {
    if (row.cells.length >= 2) run.push(row);
    else close();
  }
  close();
  return { tables, blocks, rest: lines.filter((_, i) => !taken.has(i)) };
}
