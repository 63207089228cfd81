// Table 3 (收到和处理政府信息公开申请情况): three label levels, seven columns, header rows that
// pasted text mangles. Rows of both editions are recognised; the edition decides what is missing.

import { EDITIONS } from '../form/index.js';
import { bestMatch, normalizeLabel, type NormalizedLabel } from '../form/labels.js';
import type { T3Group, T3Row } from '../form/types.js';
import type { Cell } from '../model/grid.js';
import type { RowData, TableData } from '../model/report.js';
import { cellEnd, labelStart, locate, readCells, valueColumns, type Line } from './lines.js';
import { isValueLike, mayName } from './values.js';

const ROWS: T3Row[] = [...new Map([...EDITIONS['2021'].t3.rows, ...EDITIONS['2019'].t3.rows].map((r) => [r.key, r])).values()];
/** 3.其他 is a row only under （六）其他处理. */
const ROWS_OUTSIDE_OTHER_HANDLING = ROWS.filter((r) => r.key !== 'otherHandling.other');
const GROUPS: T3Group[] = EDITIONS['2021'].t3.groups;
const COLUMNS = EDITIONS['2021'].t3.columns;
const COLUMN_KEYS = COLUMNS.map((c) => c.key);
/** Header words that only a header row holds (总计 and 其他 also label data rows). */
const HEADER_ONLY = ['自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '申请人情况', '勾稽关系'];

/** What a label cell names: a group heading, a row, or both (三、本年度办理结果（一）予以公开 in one cell). */
interface Classified {
  group?: T3Group;
  row?: T3Row;
}

function classify(label: NormalizedLabel, group: string | null): Classified | null {
  const { text, numbering } = label;
  if (!text) return null;
  // （六）其他 is 其他处理 shortened; 3.其他 is its last row.
  if (text === '其他' && numbering?.level === 2) return { group: GROUPS.find((g) => g.key === 'otherHandling')! };
  const g = bestMatch(text, GROUPS);
  const r = bestMatch(text, group === 'otherHandling' ? ROWS : ROWS_OUTSIDE_OTHER_HANDLING);
  if (g && (!r || g.score >= r.score)) {
    const rest = text.startsWith(g.alias) ? normalizeLabel(text.slice(g.alias.length)) : null;
    const inner = rest?.text ? classify(rest, g.item.key === 'results' ? null : g.item.key) : null;
    return { group: g.item, ...(inner?.row ? { row: inner.row } : {}) };
  }
  return r ? { row: r.item } : null;
}

/** What a cell that is not text reads as among a line's labels. */
const NOT_A_LABEL: NormalizedLabel = { text: '', numbering: null };

const OTHER_HANDLING = ROWS.find((r) => r.key === 'otherHandling')!;

function readRow(key: string, line: Line, labelEnd: number, labelCell: Cell | undefined, header: Map<string, number>): RowData {
  const cells = readCells(line, valueColumns(line, labelEnd, COLUMN_KEYS, header));
  return { key, loc: labelCell ? locate(line.sheet, line.row, labelCell.col, labelCell) : null, cells };
}

/** Whether a line holds words only the header has (申请人情况, 自然人, …). */
function isHeaderRow(texts: NormalizedLabel[]): boolean {
  for (const t of texts) for (const h of HEADER_ONLY) if (t.text.includes(h)) return true;
  return false;
}

export function extractTable3(lines: Line[]): TableData | null {
  if (lines.length === 0) return null;
  const header = new Map<string, number>();
  const rows: Record<string, RowData> = {};
  let group: string | null = null;
  let dataSeen = false;
  let sixHeading: { line: Line; labelEnd: number; cell: Cell | undefined } | null = null;

  for (const line of lines) {
    // Plain loops, and arrays built by push: see extractTable2.
    const texts: NormalizedLabel[] = [];
    for (const c of line.cells) texts.push(mayName(c) ? normalizeLabel(c.text) : NOT_A_LABEL);
    if (!dataSeen && isHeaderRow(texts)) {
      for (let i = 0; i < line.cells.length; i++) {
        const match = bestMatch(texts[i]!.text, COLUMNS);
        if (match && match.score >= 2000 && !header.has(match.item.key)) header.set(match.item.key, line.cells[i]!.col);
      }
      continue;
    }
    let labelEnd = 0;
    let row: T3Row | null = null;
    let rowCell = line.cells[0];
    let groupHere: string | null = null;
    for (let i = labelStart(line); i < line.cells.length; i++) {
      const cell = line.cells[i]!;
      if (isValueLike(cell)) break;
      const found = classify(texts[i]!, group);
      if (!found) break;
      labelEnd = cellEnd(line, cell);
      if (found.group) {
        group = found.group.key === 'results' ? null : found.group.key;
        groupHere = group;
      }
      if (found.row) {
        row = found.row;
        rowCell = cell;
        if (row.group) group = row.group;
        else if (row.level < 3) group = null;
      }
    }
    if (!row && groupHere === 'otherHandling') {
      // （六）其他处理 with figures is the 2019 edition's single row; without figures it may be
      // the heading of the three 2021 rows, or that single row left blank: the rows below decide.
      let figures = false;
      for (const c of line.cells) figures ||= c.col > labelEnd;
      if (figures) row = OTHER_HANDLING;
      else sixHeading = { line, labelEnd, cell: line.cells[labelStart(line)] };
    }
    if (!row || rows[row.key]) continue;
    dataSeen = true;
    rows[row.key] = readRow(row.key, line, labelEnd, rowCell, header);
  }
  if (sixHeading && !Object.keys(rows).some((k) => k.startsWith('otherHandling'))) {
    rows.otherHandling = readRow('otherHandling', sixHeading.line, sixHeading.labelEnd, sixHeading.cell, header);
  }
  const first = lines[0]!;
  return { id: 't3', loc: locate(first.sheet, first.row, first.cells[0]?.col ?? 1, first.cells[0]), rows };
}
