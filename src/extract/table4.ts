// Table 4 (行政复议、行政诉讼): three header rows over one data row of fifteen numbers.

import { EDITIONS } from '../form/index.js';
import { bestMatch, NAMES_ITEM, normalizeText } from '../form/labels.js';
import type { RowData, TableData } from '../model/report.js';
import { cellAt, cellEnd, locate, valueColumns, type Line } from './lines.js';
import { isValueLike, mayName, readValue } from './values.js';

const { groups: GROUPS, columns: COLUMNS } = EDITIONS['2021'].t4;
const GROUP_ALIASES: Array<[string, string[]]> = [
  ['review', ['行政复议']],
  ['suitDirect', ['未经复议直接起诉', '直接起诉']],
  ['suitAfterReview', ['复议后起诉']],
];
const KEYS = GROUPS.flatMap((g) => COLUMNS.map((c) => `${g.key}.${c.key}`));

/** The group a heading names (行政复议, 直接起诉, 复议后起诉), or null. */
function groupNamed(text: string): string | null {
  for (const [key, aliases] of GROUP_ALIASES) {
    for (const a of aliases) if (text === a || text.startsWith(a)) return key;
  }
  return null;
}

export function extractTable4(lines: Line[]): TableData | null {
  if (lines.length === 0) return null;
  const groupStarts: Array<{ key: string; col: number }> = [];
  const labelCols: Array<{ col: number; key: string }> = [];
  let data: Line | null = null;
  let lastHeader: Line | null = null;
  let labelEnd = 0;
  for (const line of lines) {
    let isHeader = false;
    for (const cell of line.cells) {
      if (!mayName(cell)) continue;
      const text = normalizeText(cell.text);
      const group = groupNamed(text);
      if (group) {
        if (!groupStarts.some((g) => g.key === group)) groupStarts.push({ key: group, col: cell.col });
        isHeader = true;
        continue;
      }
      const column = bestMatch(text, COLUMNS);
      if (column && column.score >= NAMES_ITEM) {
        labelCols.push({ col: cell.col, key: column.item.key });
        isHeader = true;
      }
    }
    if (isHeader) lastHeader = line;
    if (isHeader || !line.cells.some(isValueLike)) continue;
    data = line;
    // Leading text (a caption such as 件数) is a label, not a value.
    for (const cell of line.cells) {
      if (isValueLike(cell)) break;
      labelEnd = cellEnd(line, cell);
    }
    break;
  }
  // Assign each column label to the group whose heading starts at or before it; without group
  // headings, the labels in column order are five per group.
  const header = new Map<string, number>();
  const sorted = [...new Map(labelCols.map((l) => [l.col, l])).values()].sort((a, b) => a.col - b.col);
  const starts = [...groupStarts].sort((a, b) => a.col - b.col);
  sorted.forEach((label, i) => {
    const byStart = starts.filter((s) => s.col <= label.col).pop()?.key;
    const group = starts.length === GROUPS.length ? byStart : GROUPS[Math.floor(i / COLUMNS.length)]?.key;
    const key = `${group}.${label.key}`;
    if (group && !header.has(key)) header.set(key, label.col);
  });
  const first = lines[0]!;
  const anchor = locate(first.sheet, first.row, first.cells[0]?.col ?? 1, first.cells[0]);
  const rows: Record<string, RowData> = {};
  // No data row under a header: the clerk left the row empty; its cells are blanks below the header.
  const line = data ?? (lastHeader && header.size ? { ...lastHeader, row: lastHeader.row + 1, cells: [], merges: new Map() } : null);
  if (line) {
    const cols = data ? valueColumns(line, labelEnd, KEYS, header) : header;
    for (const g of GROUPS) rows[g.key] = { key: g.key, loc: locate(line.sheet, line.row, line.cells[0]?.col ?? 1), cells: {} };
    for (const [key, col] of cols) {
      const [g, c] = key.split('.') as [string, string];
      rows[g]!.cells[c] = readValue(cellAt(line, col), locate(line.sheet, line.row, col, cellAt(line, col)));
    }
  }
  return { id: 't4', loc: anchor, rows };
}
