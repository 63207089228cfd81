// The official layout as data: where every title, caption, header, label and value of the three
// tables goes on the one stacked sheet the national Word template prints, computed from src/form
// so that a new edition needs no change here. Pure (no exceljs): the xlsx writer, the annotator,
// the template's live checks and the HTML report all place cells by it, so they cannot disagree.

import { EDITIONS, TABLE_NAMES } from '../form/index.js';
import type { ColumnDef, Edition, EditionId, T3Group, T3Row, TableId, ValueKind } from '../form/types.js';
import type { Range } from './grid.js';

export interface Position {
  /** 1-based worksheet row. */
  row: number;
  /** 1-based worksheet column (A = 1). */
  col: number;
}

export type CellRole =
  | 'title' // the report title across the sheet
  | 'meta-label' // 填报单位： / 报告年度：
  | 'hint' // the template's one-line instructions
  | 'section' // 二、主动公开政府信息情况 …
  | 'caption' // 第二十条第（一）项
  | 'header' // column and group headings, the 勾稽 note
  | 'label' // a row label
  | 'check-label'; // the label of a template check row

/** A cell holding fixed text, and the merged area it heads when it spans more than itself. */
export interface TextCell extends Position {
  role: CellRole;
  text: string;
  table: TableId | null;
  merge?: Range;
}

/** Where one value of the report goes. */
export interface ValueCell extends Position {
  table: TableId;
  rowKey: string;
  columnKey: string;
  kind: ValueKind;
  /** Decimals the cell shows: 0 for counts, more for amounts. */
  decimals: number;
  merge?: Range;
}

export type CheckRule = 't3-balance' | 't3-row-total' | 't3-result-total' | 't4-total';

/**
 * One instance of a balancing identity (docs/format.md): SUM(left) = SUM(right), evaluated only when
 * every member is filled in. `target` is the total a failure marks, `at` the cell showing the check.
 */
export interface Check {
  rule: CheckRule;
  table: TableId;
  row: string | null;
  column: string | null;
  left: Position[];
  right: Position[];
  target: Position;
  at: Position;
}

export interface LayoutOptions {
  /** Table-3 row keys in print order (t3RowKeys); the edition's own rows by default. */
  t3Rows?: string[];
  /** Tables to lay out, in print order; all three by default. */
  tables?: TableId[];
  /** Lay out a 填报单位 / 报告年度 area under the title. */
  metadata?: boolean;
  /** Lay out the template's check column and rows, and its hint line. */
  checks?: boolean;
  /** The title text; 政府信息公开工作年度报告 by default. */
  title?: string;
}

export interface OfficialLayout {
  edition: EditionId;
  /** Sheet columns used, the widest table's (and the title's) width. */
  width: number;
  lastRow: number;
  /** Column widths in Excel character units, index 0 = column A. */
  columnWidths: number[];
  texts: TextCell[];
  values: ValueCell[];
  /** Template checks, in the order they are laid out (empty unless `checks`). */
  checks: Check[];
  /** The input cells of the 填报单位 / 报告年度 area and their merged areas, when laid out. */
  meta: { agency: Position; year: Position; merges: Range[] } | null;
  /** Each laid-out table's bordered grid (captions and headers included, checks not). */
  boxes: Partial<Record<TableId, Range>>;
  /** The header rows over the data of table 3 and table 4 (table 2 has one per block), first and last. */
  headerRows: Partial<Record<TableId, { top: number; bottom: number }>>;
  cellOf(table: TableId, row: string, column: string): Position | null;
  /** The label cell of a row (table 4: its group heading). */
  labelOf(table: TableId, row: string): Position | null;
  /** The heading of a column (table 2: in the first block that has it; table 4: in the first group). */
  headerOf(table: TableId, column: string): Position | null;
  /** The section title of a table; the report title for null. */
  titleOf(table: TableId | null): Position | null;
}

/** The printed 勾稽 note of table 3's top-left header cell (docs/format.md). */
export const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const PLAIN_TITLE = '政府信息公开工作年度报告';
/** Printed headings the form does not model as keys: table 3's applicant groups, table 2's label header. */
const APPLICANTS = '申请人情况';
const ORGANISATIONS = { label: '法人或其他组织', columns: ['commercial', 'research', 'nonprofit', 'legal', 'other'] };
const T2_LABEL_HEADER = '信息内容';
const TOTAL = 'total';
const HINT = '说明：白色格子为填报格，没有的填 0。“校验”处出现“不平衡”或“总计不符”时，标红的总计与明细不符，请核对后再报送。';

// Both editions' rows and groups: a report may print （六） the other edition's way (t3RowKeys).
const T3_ROWS = new Map<string, T3Row>([...EDITIONS['2019'].t3.rows, ...EDITIONS['2021'].t3.rows].map((r) => [r.key, r]));
const T3_GROUPS = new Map<string, T3Group>([...EDITIONS['2019'].t3.groups, ...EDITIONS['2021'].t3.groups].map((g) => [g.key, g]));
/** The level-1 heading over every level-2 row: 三、本年度办理结果. */
const RESULTS_GROUP = 'results';

// Widths in Excel character units (a CJK character takes two). A label column is also one of table
// 4's value columns, wide enough for its four-character headings (结果维持) on one line; a value
// column of table 3 for 社会公益组织 as LibreOffice sets it. Not 9: exceljs drops a width of
// exactly 9 as its default.
const WIDTH = { label: 8, value: 9.5 };

/** The label as the template prints it: the numbering of `short` (一、 （一） 1.) before `label`. */
function t3Label(row: T3Row): string {
  const numbering =
    row.level === 1
      ? /^[一二三四五六七八九十]+、/.exec(row.short)?.[0]
      : row.level === 2
        ? /^（[一二三四五六七八九十]+）/.exec(row.short)?.[0]
        : /\d+[.、．]/.exec(row.short)?.[0];
  return `${numbering ?? ''}${row.label}`;
}

/** Numbering of a table-3 row alone, for check labels: 一 / （七）. */
function numberingOf(key: string): string {
  const row = T3_ROWS.get(key);
  return row ? t3Label(row).replace(row.label, '').replace(/、$/, '') : key;
}

/** Split `total` sheet columns among `n` table columns: equal shares, the remainder to the last. */
function spans(n: number, total: number, start: number): Array<{ left: number; right: number }> {
  const share = Math.max(1, Math.floor(total / n));
  return Array.from({ length: n }, (_, i) => {
    const left = start + i * share;
    return { left, right: i === n - 1 ? Math.max(left, start + total - 1) : left + share - 1 };
  });
}

function decimalsFor(column: ColumnDef): number {
  if (column.kind !== 'amount') return 0;
  // Amounts in 万元 are stated to four decimals (local templates print 保留4位小数); yuan to cents.
  return column.decimals ?? (column.label.includes('万元') ? 4 : 2);
}

const key3 = (table: TableId, row: string, column: string) => `${table}\u0000${row}\u0000${column}`;

export function officialLayout(editionId: EditionId, options: LayoutOptions = {}): OfficialLayout {
  const edition: Edition = EDITIONS[editionId];
  const tables = options.tables ?? (['t2', 't3', 't4'] as TableId[]);
  const t3Keys = options.t3Rows ?? edition.t3.rows.map((r) => r.key);
  const t3Rows = t3Keys.map((k) => T3_ROWS.get(k)).filter((r): r is T3Row => r !== undefined);

  // Every table spans the same sheet columns, so that all three print at the same width: table 4's
  // fifteen value columns fix the grid, and table 3 puts its seven value columns at the right and
  // spreads its label levels over the columns left of them (label cells merged across), the last
  // level, which holds the long labels, getting the most. Table 2 uses table 3's label and value
  // columns.
  const levels = Math.max(...edition.t3.rows.map((r) => r.level));
  const t3Columns = edition.t3.columns;
  const t4Width = edition.t4.groups.length * edition.t4.columns.length;
  const gridWidth = Math.max(levels + t3Columns.length, t4Width);
  const labelWidth = gridWidth - t3Columns.length;
  const levelSpans = spans(levels + 1, labelWidth, 1);
  // The last level takes two shares: 1.属于国家秘密 … is the longest label.
  levelSpans.splice(levels - 1, 2, { left: levelSpans[levels - 1]!.left, right: labelWidth });
  const levelLeft = (level: number) => levelSpans[level - 1]!.left;
  const levelRight = (level: number) => levelSpans[level - 1]!.right;
  const firstValueCol = labelWidth + 1;
  const checkCol = gridWidth + 1;
  const width = gridWidth + (options.checks ? 1 : 0);

  const texts: TextCell[] = [];
  const values: ValueCell[] = [];
  const checks: Check[] = [];
  const boxes: Partial<Record<TableId, Range>> = {};
  const headerRows: Partial<Record<TableId, { top: number; bottom: number }>> = {};
  const cells = new Map<string, Position>();
  const labels = new Map<string, Position>();
  const headers = new Map<string, Position>();
  const titles = new Map<TableId | null, Position>();

  const text = (role: CellRole, table: TableId | null, row: number, col: number, value: string, bottom = row, right = col): Position => {
    const cell: TextCell = { role, table, row, col, text: value };
    if (bottom > row || right > col) cell.merge = { top: row, left: col, bottom, right };
    texts.push(cell);
    return { row, col };
  };
  const value = (table: TableId, rowKey: string, column: ColumnDef, row: number, left: number, right = left) => {
    const cell: ValueCell = { table, rowKey, columnKey: column.key, row, col: left, kind: column.kind, decimals: decimalsFor(column) };
    if (right > left) cell.merge = { top: row, left, bottom: row, right };
    values.push(cell);
    cells.set(key3(table, rowKey, column.key), { row, col: left });
  };

  let r = 1;
  titles.set(null, text('title', null, r, 1, options.title ?? PLAIN_TITLE, r, width));
  r++;
  let meta: OfficialLayout['meta'] = null;
  if (options.metadata) {
    // The label with a colon, so the extractor never takes it for a body's name beside the title.
    text('meta-label', null, r, 1, '填报单位：', r, labelWidth);
    text('meta-label', null, r + 1, 1, '报告年度：', r + 1, labelWidth);
    meta = {
      agency: { row: r, col: firstValueCol },
      year: { row: r + 1, col: firstValueCol },
      merges: [
        { top: r, left: firstValueCol, bottom: r, right: gridWidth },
        { top: r + 1, left: firstValueCol, bottom: r + 1, right: firstValueCol + 1 },
      ],
    };
    r += 2;
  }
  if (options.checks) text('hint', null, r++, 1, HINT, r - 1, width);
  r++;

  for (const table of tables) {
    titles.set(table, text('section', table, r, 1, TABLE_NAMES[table].title));
    r++;
    const top = r;
    if (table === 't2') {
      for (const block of edition.t2.blocks) {
        text('caption', 't2', r, 1, block.caption, r, gridWidth);
        r++;
        const slots = spans(block.columns.length, t3Columns.length, firstValueCol);
        text('header', 't2', r, 1, T2_LABEL_HEADER, r, labelWidth);
        block.columns.forEach((c, i) => {
          const pos = text('header', 't2', r, slots[i]!.left, c.label, r, slots[i]!.right);
          if (!headers.has(`t2.${c.key}`)) headers.set(`t2.${c.key}`, pos);
        });
        r++;
        for (const row of block.rows) {
          labels.set(`t2.${row.key}`, text('label', 't2', r, 1, row.label, r, labelWidth));
          block.columns.forEach((c, i) => value('t2', row.key, c, r, slots[i]!.left, slots[i]!.right));
          r++;
        }
      }
      boxes.t2 = { top, left: 1, bottom: r - 1, right: gridWidth };
    } else if (table === 't3') {
      const rows = 3;
      headerRows.t3 = { top: r, bottom: r + rows - 1 };
      text('header', 't3', r, 1, T3_NOTE, r + rows - 1, labelWidth);
      text('header', 't3', r, firstValueCol, APPLICANTS, r, gridWidth);
      const orgCols: number[] = [];
      t3Columns.forEach((c, i) => {
        const col = firstValueCol + i;
        if (ORGANISATIONS.columns.includes(c.key)) {
          orgCols.push(col);
          headers.set(`t3.${c.key}`, text('header', 't3', r + 2, col, c.label));
        } else headers.set(`t3.${c.key}`, text('header', 't3', r + 1, col, c.label, r + 2, col));
      });
      if (orgCols.length) text('header', 't3', r + 1, Math.min(...orgCols), ORGANISATIONS.label, r + 1, Math.max(...orgCols));
      if (options.checks) text('header', 't3', r, checkCol, '校验', r + rows - 1, checkCol);
      r += rows;
      const first = r;
      t3Rows.forEach((row, i) => {
        const at = first + i;
        labels.set(`t3.${row.key}`, text('label', 't3', at, levelLeft(row.level), t3Label(row), at, labelWidth));
        t3Columns.forEach((c, j) => value('t3', row.key, c, at, firstValueCol + j));
      });
      // Ancestor headings merged down their runs: 三、本年度办理结果 over every level-2 and level-3
      // row, （三）不予公开 … over their level-3 rows.
      const runs = (level: number, groupOf: (row: T3Row) => string | null) => {
        let i = 0;
        while (i < t3Rows.length) {
          const group = t3Rows[i]!.level > level ? groupOf(t3Rows[i]!) : null;
          let j = i;
          while (group && j + 1 < t3Rows.length && t3Rows[j + 1]!.level > level && groupOf(t3Rows[j + 1]!) === group) j++;
          if (group) text('label', 't3', first + i, levelLeft(level), T3_GROUPS.get(group)?.short ?? group, first + j, levelRight(level));
          i = j + 1;
        }
      };
      runs(1, () => RESULTS_GROUP);
      runs(2, (row) => row.group ?? null);
      r = first + t3Rows.length;
      boxes.t3 = { top, left: 1, bottom: r - 1, right: gridWidth };
      if (options.checks) r = t3Checks(t3Rows, first, r);
    } else {
      const groups = edition.t4.groups;
      const columns = edition.t4.columns;
      const parentOf = (g: { short: string }) => (g.short.includes('·') ? g.short.split('·')[0]! : null);
      const nested = groups.some((g) => parentOf(g));
      const rows = nested ? 3 : 2;
      headerRows.t4 = { top: r, bottom: r + rows - 1 };
      // One slot of sheet columns per value column: one column each while table 4 fixes the grid.
      const slots = spans(groups.length * columns.length, gridWidth, 1);
      const slot = (gi: number, ci: number) => slots[gi * columns.length + ci]!;
      groups.forEach((g, gi) => {
        const left = slot(gi, 0).left;
        const right = slot(gi, columns.length - 1).right;
        const parent = parentOf(g);
        if (parent) {
          if (gi === 0 || parentOf(groups[gi - 1]!) !== parent) {
            const last = groups.findLastIndex((h) => parentOf(h) === parent);
            text('header', 't4', r, left, parent, r, slot(last, columns.length - 1).right);
          }
          labels.set(`t4.${g.key}`, text('header', 't4', r + 1, left, g.label, r + 1, right));
        } else labels.set(`t4.${g.key}`, text('header', 't4', r, left, g.label, r, right));
        columns.forEach((c, ci) => {
          const { left: col, right: end } = slot(gi, ci);
          const pos = parent ? text('header', 't4', r + rows - 1, col, c.label, r + rows - 1, end) : text('header', 't4', r + 1, col, c.label, r + rows - 1, end);
          if (gi === 0) headers.set(`t4.${c.key}`, pos);
          value('t4', g.key, c, r + rows, col, end);
        });
      });
      r += rows;
      boxes.t4 = { top, left: 1, bottom: r, right: gridWidth };
      r++;
      if (options.checks) {
        groups.forEach((g, gi) => {
          const parts = columns.filter((c) => c.key !== TOTAL);
          text('check-label', 't4', r, slot(gi, 0).left, '校验：总计＝前四项之和', r, slot(gi, parts.length - 1).right);
          const pos = (column: string) => cells.get(key3('t4', g.key, column))!;
          const target = pos(TOTAL);
          checks.push({ rule: 't4-total', table: 't4', row: g.key, column: TOTAL, left: [target], right: parts.map((c) => pos(c.key)), target, at: { row: r, col: target.col } });
        });
        r++;
      }
    }
    r++;
  }

  /** The check column beside table 3 and the two check rows under it; returns the next free row. */
  function t3Checks(rows: T3Row[], first: number, next: number): number {
    const pos = (row: string, column: string) => cells.get(key3('t3', row, column))!;
    const parts = t3Columns.filter((c) => c.key !== TOTAL);
    rows.forEach((row, i) => {
      const target = pos(row.key, TOTAL);
      checks.push({ rule: 't3-row-total', table: 't3', row: row.key, column: TOTAL, left: [target], right: parts.map((c) => pos(row.key, c.key)), target, at: { row: first + i, col: checkCol } });
    });
    const has = (key: string) => rows.some((row) => row.key === key);
    let at = next;
    if (['received', 'carriedOver', 'resultTotal', 'carriedForward'].every(has)) {
      const n = (k: string) => numberingOf(k);
      text('check-label', 't3', at, 1, `校验：${n('received')}＋${n('carriedOver')}＝${n('resultTotal')}＋${n('carriedForward')}`, at, labelWidth);
      for (const c of t3Columns) {
        const target = pos('carriedForward', c.key);
        checks.push({ rule: 't3-balance', table: 't3', row: null, column: c.key, left: [pos('received', c.key), pos('carriedOver', c.key)], right: [pos('resultTotal', c.key), target], target, at: { row: at, col: target.col } });
      }
      at++;
    }
    const leaves = rows.filter((row) => row.result);
    if (has('resultTotal') && leaves.length) {
      text('check-label', 't3', at, 1, `校验：${numberingOf('resultTotal')}＝各项结果之和`, at, labelWidth);
      for (const c of t3Columns) {
        const target = pos('resultTotal', c.key);
        checks.push({ rule: 't3-result-total', table: 't3', row: 'resultTotal', column: c.key, left: [target], right: leaves.map((row) => pos(row.key, c.key)), target, at: { row: at, col: target.col } });
      }
      at++;
    }
    return at;
  }

  const columnWidths = Array.from({ length: width }, (_, i) => (i < labelWidth ? WIDTH.label : WIDTH.value));
  return {
    edition: editionId,
    width,
    lastRow: Math.max(...[...texts, ...values, ...checks.map((c) => c.at)].map((p) => p.row)),
    columnWidths,
    texts,
    values,
    checks,
    meta,
    boxes,
    headerRows,
    cellOf: (table, row, column) => cells.get(key3(table, row, column)) ?? null,
    labelOf: (table, row) => labels.get(`${table}.${row}`) ?? null,
    headerOf: (table, column) => headers.get(`${table}.${column}`) ?? null,
    titleOf: (table) => titles.get(table) ?? null,
  };
}

/** What places a finding on the layout (a Diagnostic has it). */
export interface PlacedFinding {
  rule: string;
  messageId: string;
  table: TableId | null;
  row: string | null;
  column: string | null;
}

/**
 * The cell a diagnostic belongs to: its own cell; for t3-balance (no row) the column's 结转下年度
 * cell, which the rule points at; for another column-wide finding the column's heading; for a
 * row-wide one the row's label; for a table-wide one the table's title; for metadata the
 * 填报单位 / 报告年度 input where there is one; otherwise the report title.
 */
export function diagnosticCell(layout: OfficialLayout, d: PlacedFinding): Position {
  const title = layout.titleOf(null)!;
  if (!d.table) {
    if (d.rule === 'metadata-missing' && layout.meta) return d.messageId === 'year' ? layout.meta.year : layout.meta.agency;
    return title;
  }
  const table = layout.titleOf(d.table) ?? title;
  if (d.row && d.column) return layout.cellOf(d.table, d.row, d.column) ?? layout.labelOf(d.table, d.row) ?? table;
  if (d.column) {
    const carried = d.rule === 't3-balance' ? layout.cellOf(d.table, 'carriedForward', d.column) : null;
    return carried ?? layout.headerOf(d.table, d.column) ?? table;
  }
  if (d.row) return layout.labelOf(d.table, d.row) ?? table;
  return table;
}
