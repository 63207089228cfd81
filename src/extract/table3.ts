// Table 3 (收到和处理政府信息公开申请情况): three label levels, seven columns, header rows that
// pasted text mangles. Rows of both editions are recognised; the edition decides what is missing.

import { EDITIONS, NAMES_ITEM, sixShape } from '../form/index.js';
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
const OTHER_HANDLING_GROUP = GROUPS.find((g) => g.key === 'otherHandling')!;
/** （六）其他处理 as the 2019 edition's one row. */
const OTHER_HANDLING_ROW = ROWS.find((r) => r.key === 'otherHandling')!;
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
  if (text === '其他' && numbering?.level === 2) return { group: OTHER_HANDLING_GROUP };
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

/** Each cell of a line as a label (plain loops, and arrays built by push: see extractTable2). */
function labelsOf(line: Line): NormalizedLabel[] {
  const texts: NormalizedLabel[] = [];
  for (const c of line.cells) texts.push(mayName(c) ? normalizeLabel(c.text) : NOT_A_LABEL);
  return texts;
}

/** Whether a line holds words only the header has (申请人情况, 自然人, …). */
function isHeaderRow(texts: NormalizedLabel[]): boolean {
  for (const t of texts) for (const h of HEADER_ONLY) if (t.text.includes(h)) return true;
  return false;
}

/** The columns a header line names, into `header` (a column named twice keeps its first place). */
function readHeader(line: Line, texts: NormalizedLabel[], header: Map<string, number>): void {
  for (let i = 0; i < line.cells.length; i++) {
    const match = bestMatch(texts[i]!.text, COLUMNS);
    if (match && match.score >= NAMES_ITEM && !header.has(match.item.key)) header.set(match.item.key, line.cells[i]!.col);
  }
}

/** What the label cells at the start of a line say, read in the group in force before it. */
interface LineLabels {
  /** The row they name, and the cell that names it. */
  row: T3Row | null;
  rowCell: Cell | undefined;
  /** The last column the labels take: figures come after it. */
  labelEnd: number;
  /** The group in force after the line (null outside the groups of 三、). */
  group: string | null;
  /** The group a heading on this line opened. */
  opened: string | null;
}

function readLabels(line: Line, texts: NormalizedLabel[], groupBefore: string | null): LineLabels {
  const out: LineLabels = { row: null, rowCell: line.cells[0], labelEnd: 0, group: groupBefore, opened: null };
  for (let i = labelStart(line); i < line.cells.length; i++) {
    const cell = line.cells[i]!;
    if (isValueLike(cell)) break;
    const found = classify(texts[i]!, out.group);
    if (!found) break;
    out.labelEnd = cellEnd(line, cell);
    if (found.group) out.group = out.opened = found.group.key === 'results' ? null : found.group.key;
    if (found.row) {
      out.row = found.row;
      out.rowCell = cell;
      if (found.row.group) out.group = found.row.group;
      else if (found.row.level < 3) out.group = null;
    }
  }
  return out;
}

function readRow(key: string, line: Line, labels: Pick<LineLabels, 'labelEnd' | 'rowCell'>, header: Map<string, number>): RowData {
  const cells = readCells(line, valueColumns(line, labels.labelEnd, COLUMN_KEYS, header));
  return { key, loc: labels.rowCell ? locate(line.sheet, line.row, labels.rowCell.col, labels.rowCell) : null, cells };
}

export function extractTable3(lines: Line[]): TableData | null {
  if (lines.length === 0) return null;
  const header = new Map<string, number>();
  const rows: Record<string, RowData> = {};
  let group: string | null = null;
  let rowsRead = false;
  /** The last （六）其他处理 line without figures: the heading of the three 2021 rows, or the one 2019 row left blank. */
  let sixHeading: { line: Line; labels: LineLabels } | null = null;
  for (const line of lines) {
    const texts = labelsOf(line);
    // Header lines come before the first row read.
    if (!rowsRead && isHeaderRow(texts)) {
      readHeader(line, texts, header);
      continue;
    }
    const labels = readLabels(line, texts, group);
    group = labels.group;
    let row = labels.row;
    if (!row && labels.opened === 'otherHandling') {
      // With figures, （六）其他处理 is the 2019 edition's one row; without, the rows below decide.
      if (line.cells.some((c) => c.col > labels.labelEnd)) row = OTHER_HANDLING_ROW;
      else sixHeading = { line, labels: { ...labels, rowCell: line.cells[labelStart(line)] } };
    }
    if (!row || rows[row.key]) continue;
    rows[row.key] = readRow(row.key, line, labels, header);
    rowsRead = true;
  }
  // No row of （六） below its heading: it is the one row, left blank.
  if (sixHeading && sixShape(rows) === null) rows.otherHandling = readRow('otherHandling', sixHeading.line, sixHeading.labels, header);
  const first = lines[0]!;
  return { id: 't3', loc: locate(first.sheet, first.row, first.cells[0]?.col ?? 1, first.cells[0]), rows };
}
