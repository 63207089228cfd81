// Tables a PDF shows without rules: the lines outside ruled tables, page furniture left out, read
// in document order by columns.ts (a label wrapped over a page break is still one label). A run of
// rows of values is a table, with the rows just above it on its page that head it (第二十条第（一）项,
// 信息内容 本年制发件数 …), up to a section's heading or a line of prose. Every other line stays text.

import { alignColumns, type AlignedRow } from '../columns.js';
import type { JoinedTable } from './join.js';
import type { TextLine } from './lattice.js';

/** A section's heading (三、收到和处理政府信息公开申请情况): never a table's header. */
const SECTION = /^[一二三四五六七八九十]+、/;
/** Rows above a run that may head it (table 4's header, its labels written down narrow columns, takes ten). */
const HEADER_ROWS = 12;
/** A one-cell row this share of its page's text width is prose, not a header. */
const PROSE = 0.6;

/**
 * A table of rows of values: two rows or more, one row of four values (table 4 has one), or one
 * under a header of columns (a block of table 2: 信息内容 本年收费金额 / 行政事业性收费 0.3).
 */
const isTable = (run: AlignedRow[]) =>
  run.filter((r) => r.values > 0).length >= 2 || run.some((r) => r.values >= 4) || (run.some((r) => r.values > 0) && run.some((r) => r.values === 0 && r.cells.length >= 2));

/** How far down a page a table runs (y up: top > bottom). */
export interface Block {
  page: number;
  top: number;
  bottom: number;
}

/**
 * The tables among the lines (each with the page it is on), the lines they took (by index), and
 * how far down each page each table runs: a table's place is where its first line stands.
 */
export function streamTables(lines: readonly TextLine[], pages: readonly number[]): { tables: JoinedTable[]; taken: Set<number>; blocks: Block[] } {
  const rows = alignColumns(lines);
  const width = new Map<number, { left: number; right: number }>();
  lines.forEach((l, i) => {
    const w = width.get(pages[i]!) ?? { left: Infinity, right: -Infinity };
    width.set(pages[i]!, { left: Math.min(w.left, l.x), right: Math.max(w.right, l.end) });
  });
  const isProse = (row: AlignedRow) => {
    const line = lines[row.first]!;
    const w = width.get(pages[row.first]!)!;
    return row.cells.length === 1 && line.end - line.x >= PROSE * (w.right - w.left);
  };
  const tables: JoinedTable[] = [];
  const taken = new Set<number>();
  const blocks: Block[] = [];
  let used = 0; // rows before this belong to a table already
  for (let start = 0; start < rows.length; ) {
    if (rows[start]!.values === 0) {
      start++;
      continue;
    }
    let end = start;
    while (end + 1 < rows.length && rows[end + 1]!.values > 0) end++;
    // The rows that head it: on its page, after the last table, up to a heading or prose.
    let head = start;
    const page = pages[rows[start]!.first]!;
    while (head > used && start - head < HEADER_ROWS) {
      const above = rows[head - 1]!;
      if (pages[above.first] !== page || SECTION.test(above.cells[0]?.text ?? '') || isProse(above) || above.cells.length === 0) break;
      head--;
    }
    const run = rows.slice(head, end + 1);
    if (isTable(run)) {
      const first = lines[run[0]!.first]!;
      tables.push({
        page,
        top: first.y + first.size,
        cells: run.flatMap((r, i) => r.cells.map((c) => ({ row: i + 1, col: c.col, rows: 1, cols: 1, text: c.text }))),
        rowPages: run.map((r) => pages[r.first]!),
      });
      // The table's block on each page it runs over, grown line by line.
      const own = blocks.length;
      for (let i = run[0]!.first; i <= run.at(-1)!.last; i++) {
        taken.add(i);
        const line = lines[i]!;
        const block = blocks.length > own ? blocks.at(-1) : undefined;
        if (block && block.page === pages[i]) block.bottom = Math.min(block.bottom, line.y);
        else blocks.push({ page: pages[i]!, top: line.y + line.size, bottom: line.y });
      }
      used = end + 1;
    }
    start = end + 1;
  }
  return { tables, taken, blocks };
}
