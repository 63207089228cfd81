// Table 2 (主动公开政府信息情况): blocks of a caption, a header row and data rows; the header
// names the columns, and the edition supplies them where the header is missing or mangled.

import { EDITIONS, t2Rows } from '../form/index.js';
import { bestMatch, normalizeLabel } from '../form/labels.js';
import type { ColumnDef, Edition } from '../form/types.js';
import type { RowData, TableData } from '../model/report.js';
import { cellAt, cellEnd, labelStart, locate, valueColumns, type Line } from './lines.js';
import { isValueLike, readValue } from './values.js';

const ALL_ROWS = [...t2Rows(EDITIONS['2021']), ...t2Rows(EDITIONS['2019'])].map((r) => r.row);
// Both editions' columns; two share the key `amount` (fees in 2021, procurement in 2019).
const ALL_COLUMNS: ColumnDef[] = [...new Set([...t2Rows(EDITIONS['2021']), ...t2Rows(EDITIONS['2019'])].flatMap((r) => r.columns))];

export function extractTable2(lines: Line[], edition: Edition): TableData | null {
  if (lines.length === 0) return null;
  const editionRows = new Map(t2Rows(edition).map((r) => [r.row.key, r]));
  const rows: Record<string, RowData> = {};
  let header: Array<{ key: string; col: number }> = [];
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
    if (!row || row.score < 2000) {
      // A header row: its cells name this block's columns.
      const found: Array<{ key: string; col: number; text: string }> = [];
      for (const cell of line.cells) {
        const m = bestMatch(normalizeLabel(cell.text).text, ALL_COLUMNS);
        if (m && m.score >= 2000) found.push({ key: m.item.key, col: cell.col, text: cell.text });
      }
      if (found.length) {
        header = found;
        for (const f of found) {
          const decimals = /保留(\d+)位小数/.exec(f.text.normalize('NFKC'));
          if (decimals) {
            amountDecimals = Number(decimals[1]);
            break;
          }
        }
      }
      continue;
    }
    const key = row.item.key;
    if (rows[key]) continue;
    // Arrays here are built by push rather than map(): the same kind of array in every tier keeps
    // V8 from throwing away this function's optimised code (and compiling it again) as it warms up.
    const columns: string[] = [];
    const defs = editionRows.get(key)?.columns;
    if (defs) for (const c of defs) columns.push(c.key);
    const headerKeys: string[] = [];
    const headerCols = new Map<string, number>();
    for (const h of header) {
      headerKeys.push(h.key);
      headerCols.set(h.key, h.col);
    }
    // The block's header speaks for this row when it names this edition's columns for it.
    const keys = headerKeys.length && columns.length && headerKeys.some((k) => columns.includes(k)) ? headerKeys : columns;
    const cols = valueColumns(line, cellEnd(line, first), keys, headerCols);
    const cells: RowData['cells'] = {};
    for (const [k, col] of cols) cells[k] = readValue(cellAt(line, col), locate(line.sheet, line.row, col, cellAt(line, col)));
    rows[key] = { key, loc: locate(line.sheet, line.row, first.col, first), cells };
  }
  const start = lines[0]!;
  return {
    id: 't2',
    loc: locate(start.sheet, start.row, start.cells[0]?.col ?? 1, start.cells[0]),
    rows,
    ...(amountDecimals !== undefined ? { amountDecimals } : {}),
  };
}
