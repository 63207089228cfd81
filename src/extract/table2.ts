// Table 2 (主动公开政府信息情况): blocks of a caption, a header row and data rows; the header
// names the columns, and the edition supplies them where the header is missing or mangled.

import { EDITIONS, t2Rows } from '../form/index.js';
import { bestMatch, NAMES_ITEM, normalizeLabel } from '../form/labels.js';
import type { ColumnDef, Edition } from '../form/types.js';
import type { RowData, TableData } from '../model/report.js';
import { cellEnd, labelStart, locate, readCells, valueColumns, type Line } from './lines.js';
import { isValueLike } from './values.js';

const ALL_ROWS = [...t2Rows(EDITIONS['2021']), ...t2Rows(EDITIONS['2019'])].map((r) => r.row);
// Both editions' columns; two share the key `amount` (fees in 2021, procurement in 2019).
const ALL_COLUMNS: ColumnDef[] = [...new Set([...t2Rows(EDITIONS['2021']), ...t2Rows(EDITIONS['2019'])].flatMap((r) => r.columns))];

/** Each edition's table 2 rows with the keys of their columns (the 2019 and 2021 blocks differ). */
const ROW_COLUMNS = new Map<Edition, Map<string, string[]>>();
function rowColumns(edition: Edition): Map<string, string[]> {
  let byRow = ROW_COLUMNS.get(edition);
  if (!byRow) {
    byRow = new Map();
    for (const r of t2Rows(edition)) {
      const keys: string[] = [];
      for (const c of r.columns) keys.push(c.key);
      byRow.set(r.row.key, keys);
    }
    ROW_COLUMNS.set(edition, byRow);
  }
  return byRow;
}

/** The columns a header row names, in order, with the text of the cell that names each. */
function headerOf(line: Line): Array<{ key: string; col: number; text: string }> {
  const found: Array<{ key: string; col: number; text: string }> = [];
  for (const cell of line.cells) {
    const m = bestMatch(normalizeLabel(cell.text).text, ALL_COLUMNS);
    if (m && m.score >= NAMES_ITEM) found.push({ key: m.item.key, col: cell.col, text: cell.text });
  }
  return found;
}

/** The decimals a header asks of the amount column (保留2位小数), if it says. */
function decimalsOf(header: Array<{ text: string }>): number | undefined {
  for (const h of header) {
    const decimals = /保留(\d+)位小数/.exec(h.text.normalize('NFKC'));
    if (decimals) return Number(decimals[1]);
  }
  return undefined;
}

// Loops rather than closures, and arrays built by push rather than map(): V8 compiles this
// once-per-file function in every worker, faster without the closures, and a map() result made by
// optimised code can be another kind of array than the interpreter's, which makes V8 throw the
// compiled code away and compile it again.
export function extractTable2(lines: Line[], edition: Edition): TableData | null {
  if (lines.length === 0) return null;
  const columnsOf = rowColumns(edition);
  const rows: Record<string, RowData> = {};
  let header: Array<{ key: string; col: number; text: string }> = [];
  let amountDecimals: number | undefined;

  for (const line of lines) {
    const first = line.cells[labelStart(line)];
    if (!first || isValueLike(first)) continue;
    const label = normalizeLabel(first.text).text;
    if (label.startsWith('第二十条')) {
      header = [];
      continue;
    }
    const row = bestMatch(label, ALL_ROWS);
    if (!row || row.score < NAMES_ITEM) {
      // A header row: its cells name this block's columns.
      const found = headerOf(line);
      if (found.length) {
        header = found;
        amountDecimals = decimalsOf(found) ?? amountDecimals;
      }
      continue;
    }
    const key = row.item.key;
    if (rows[key]) continue;
    const columns = columnsOf.get(key) ?? [];
    const headerKeys: string[] = [];
    const headerCols = new Map<string, number>();
    let named = false;
    for (const h of header) {
      headerKeys.push(h.key);
      headerCols.set(h.key, h.col);
      named ||= columns.includes(h.key);
    }
    // The block's header speaks for this row when it names this edition's columns for it.
    const cols = valueColumns(line, cellEnd(line, first), named ? headerKeys : columns, headerCols);
    rows[key] = { key, loc: locate(line.sheet, line.row, first.col, first), cells: readCells(line, cols) };
  }
  const start = lines[0]!;
  return {
    id: 't2',
    loc: locate(start.sheet, start.row, start.cells[0]?.col ?? 1, start.cells[0]),
    rows,
    ...(amountDecimals !== undefined ? { amountDecimals } : {}),
  };
}
