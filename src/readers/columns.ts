// Tables without rules ("stream", as Tabula and Camelot call it): columns found from where text
// stands. One finder serves a PDF's tables drawn without borders and text laid out by position
// (`pdftotext -layout` output, text copied out of a PDF viewer): each line comes as chunks, runs of
// text with their left and right ends, split where a wide gap stands between them.
//
// A report's table is rows of a label and numbers, so the numbers place the columns: a line that
// ends in two or more values (or a label and one value) is a row; consecutive rows are one table,
// whose value columns are where its fullest rows have them (a row with a blank cell puts its values
// in the nearest, in order). Labels take columns by where they start (a group's label, （三）不予公开,
// left of its items', 1.属于国家秘密). A label wraps in its narrow cell onto the lines below its row,
// which hold no values: each such chunk is the rest of the label it stands under (blank lines and a
// page's number between them passed over); a group's label runs on down its column, beside its
// items' rows, until the next group's number (（四）). Every other line is a row of its chunks, in
// order (a header, a heading, prose), as pasted text is read.

import { ITEM, joinLines, PAGE_NUMBER } from './wrap.js';

/** A run of text on a line: where it starts and ends (points, or display columns for text). */
export interface Chunk {
  x0: number;
  x1: number;
  text: string;
}

export interface PlacedLine {
  chunks: Chunk[];
}

/** A line as a row: its cells (1-based columns) and the lines it took (a row and its wrapped label). */
export interface AlignedRow {
  cells: Array<{ col: number; text: string }>;
  /** Index (0-based) of the line it starts on. */
  first: number;
  /** Index of the last line it took. */
  last: number;
  /** How many of its cells are values found in columns (0: a line read as its chunks). */
  values: number;
}

/** A number or a placeholder standing for one: 12, １２, 3.5, 1,234, -, —, /, 无. */
const VALUE = /^(?:[-+]?[\d０-９][\d０-９,，.．]*|[-—–/／]|无)$/;

export const isValue = (chunk: Chunk) => VALUE.test(chunk.text);

/**
 * A line's chunks with numbers one space apart taken apart (`10 2`: narrow columns close
 * together), and a label before an item's number (`（三）不予 1.属于国家秘密`, `三、本年 （一）予以公开`),
 * each placed by its share of the chunk's width.
 */
function apart(chunks: readonly Chunk[]): Chunk[] {
  return chunks.flatMap((c) => {
    const words = c.text.split(' ');
    const parts = words.every((t) => VALUE.test(t)) ? words : c.text.split(/ (?=\d+[.．、]|[(（][一二三四五六七八九十]+[)）])/);
    if (parts.length < 2) return [c];
    const unit = (c.x1 - c.x0) / c.text.length;
    let at = 0;
    return parts.map((text) => {
      const x0 = c.x0 + at * unit;
      at += text.length + 1;
      return { x0, x1: x0 + text.length * unit, text };
    });
  });
}

/** How many chunks at the end of a line are values. */
function trailingValues(line: PlacedLine): number {
  let n = 0;
  while (n < line.chunks.length && isValue(line.chunks[line.chunks.length - 1 - n]!)) n++;
  return n;
}

const middle = (c: Chunk) => (c.x0 + c.x1) / 2;

interface Row {
  labels: Chunk[];
  values: Chunk[];
  first: number;
  last: number;
  /** Lines passed over after it (blank, a page's number), read as rows of their own after it. */
  after: AlignedRow[];
}

/** Label chunks starting this close (points, or display columns) stand in one column. */
const ALIGNED = 2;

/**
 * A run of rows read as one table: where its value columns are, and the column of a label by
 * where it starts (labels start at their cell's left edge: the group's, the item's).
 */
function layout(rows: Row[]): { centers: number[]; labelColumns: number; labelColumn: (label: Chunk) => number } {
  const most = Math.max(...rows.map((r) => r.values.length));
  const full = rows.filter((r) => r.values.length === most);
  const centers = Array.from({ length: most }, (_, j) => full.reduce((sum, r) => sum + middle(r.values[j]!), 0) / full.length);
  const starts = rows.flatMap((r) => r.labels.map((c) => c.x0)).sort((a, b) => a - b);
  const edges: number[] = [];
  // A column starts where a start stands further than ALIGNED from the one before it.
  for (let i = 0; i < starts.length; i++) if (i === 0 || starts[i]! - starts[i - 1]! > ALIGNED) edges.push(starts[i]!);
  const labelColumn = (label: Chunk) => Math.max(1, edges.findLastIndex((edge) => edge <= label.x0 + ALIGNED) + 1);
  return { centers, labelColumns: Math.max(1, edges.length), labelColumn };
}

/**
 * The column of each value, in order: all of them when the row is full; otherwise the columns,
 * still left to right, that stand nearest its values (a row with a blank cell).
 */
function placeValues(values: Chunk[], centers: number[]): number[] {
  const m = values.length;
  const n = centers.length;
  if (m >= n) return values.map((_, i) => Math.min(i, n - 1));
  // cost[i][j]: the least distance placing values i… in columns j… (each to the right of the one before).
  const cost = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  for (let j = 0; j <= n; j++) cost[m]![j] = 0;
  for (let i = m - 1; i >= 0; i--) {
    for (let j = n - 1; j >= 0; j--) cost[i]![j] = Math.min(cost[i]![j + 1]!, Math.abs(centers[j]! - middle(values[i]!)) + cost[i + 1]![j + 1]!);
  }
  const out: number[] = [];
  for (let i = 0, j = 0; i < m; j++) {
    if (cost[i]![j]! === Math.abs(centers[j]! - middle(values[i]!)) + cost[i + 1]![j + 1]!) {
      out.push(j);
      i++;
    }
  }
  return out;
}

/** The lines as rows of cells. */
export function alignColumns(lines: readonly PlacedLine[]): AlignedRow[] {
  const out: AlignedRow[] = [];
  let table: Row[] = [];
  const flush = () => {
    if (table.length === 0) return;
    const { centers, labelColumns, labelColumn } = layout(table);
    // Labels by column (two chunks of one row in one column are one label).
    const labels = table.map((row) => {
      const byColumn = new Map<number, string>();
      for (const c of row.labels) byColumn.set(labelColumn(c), byColumn.has(labelColumn(c)) ? joinLines([byColumn.get(labelColumn(c))!, c.text]) : c.text);
      return byColumn;
    });
    // A group's label (三、本年度办理结果 down the side of its items) runs on down its column until the next item.
    for (let col = 1; col < labelColumns; col++) {
      let holder: Map<number, string> | null = null;
      for (const row of labels) {
        const text = row.get(col);
        if (text === undefined) continue;
        if (holder && !ITEM.test(text)) {
          holder.set(col, joinLines([holder.get(col)!, text]));
          row.delete(col);
        } else holder = row;
      }
    }
    table.forEach((row, r) => {
      const cells = [...labels[r]!].map(([col, text]) => ({ col, text }));
      placeValues(row.values, centers).forEach((j, i) => cells.push({ col: labelColumns + j + 1, text: row.values[i]!.text }));
      out.push({ cells: cells.sort((a, b) => a.col - b.col), first: row.first, last: row.last, values: row.values.length }, ...row.after);
    });
    table = [];
  };
  lines.forEach((given, index) => {
    const last = table.at(-1);
    // Blank lines and a page's number after a row (a page break in pdftotext's output) are passed
    // over: the rest of its label may follow them.
    if (last && (given.chunks.length === 0 || (given.chunks.length === 1 && PAGE_NUMBER.test(given.chunks[0]!.text)))) {
      last.after.push({ cells: given.chunks.map((c) => ({ col: 1, text: c.text })), first: index, last: index, values: 0 });
      return;
    }
    const line = { chunks: apart(given.chunks) };
    const values = trailingValues(line);
    // A row: two values or more, or a label and a value (table 2's one-column blocks).
    if (values >= 2 || (values === 1 && line.chunks.length > 1)) {
      // Rows of one table: the same columns, near enough (a row with blanks has fewer).
      if (last && Math.abs(last.values.length - values) > 0 && !sameColumns(table, line.chunks.slice(-values))) flush();
      table.push({ labels: line.chunks.slice(0, line.chunks.length - values).map((c) => ({ ...c })), values: line.chunks.slice(-values), first: index, last: index, after: [] });
      return;
    }
    // The rest of a label wrapped under its row: no item of its own, starting where the row's
    // labels stand, its middle before the values (a page break may shift the layout a little; a
    // caption centred over the table stands further right).
    if (last && (last.after.at(-1)?.last ?? last.last) === index - 1 && last.labels.length > 0 && line.chunks.length > 0) {
      const labelEnd = Math.max(...last.labels.map((c) => c.x1));
      if (line.chunks.every((c) => c.x0 <= labelEnd && (c.x0 + c.x1) / 2 < last.values[0]!.x0 && !ITEM.test(c.text))) {
        // As many pieces (two or more) as the row has labels: each continues its own, in order.
        if (line.chunks.length > 1 && line.chunks.length === last.labels.length) line.chunks.forEach((chunk, i) => (last.labels[i]!.text = joinLines([last.labels[i]!.text, chunk.text])));
        else for (const chunk of line.chunks) continueLabel(table, chunk);
        // A page's number passed over inside a row is page furniture, not a row.
        last.after = [];
        last.last = index;
        return;
      }
    }
    flush();
    out.push({ cells: line.chunks.map((c, i) => ({ col: i + 1, text: c.text })), first: index, last: index, values: 0 });
  });
  flush();
  return out;
}

/** How far apart two chunks stand (0 when they overlap), and how much they overlap. */
const gap = (a: Chunk, b: Chunk) => Math.max(0, a.x0 - b.x1, b.x0 - a.x1);
const overlap = (a: Chunk, b: Chunk) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);

/**
 * A wrapped line's chunk added to the label it continues: the last row's label it stands under
 * most; else a label further up that it stands under (三、本 two rows up, whose cell runs down
 * beside the next item's label); else the last row's label nearest it.
 */
function continueLabel(table: Row[], chunk: Chunk): void {
  const labels = table.at(-1)!.labels;
  const under = labels.reduce((a, b) => (overlap(b, chunk) > overlap(a, chunk) ? b : a));
  let host = overlap(under, chunk) > 0 ? under : undefined;
  for (let r = table.length - 2; r >= 0 && !host; r--) host = table[r]!.labels.find((c) => overlap(c, chunk) > 0);
  host ??= labels.reduce((a, b) => (gap(b, chunk) < gap(a, chunk) ? b : a));
  host.text = joinLines([host.text, chunk.text]);
}

/** Whether values stand under a table's columns: each within reach of a value of one of its rows. */
function sameColumns(table: Row[], values: Chunk[]): boolean {
  return values.every((v) => table.some((row) => row.values.some((w) => v.x0 <= w.x1 && w.x0 <= v.x1)));
}
