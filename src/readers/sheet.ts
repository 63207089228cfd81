// One worksheet part of an .xlsx package -> its cells and merged ranges, in one pass of the
// scanner (xml.ts) over the part.

import type { Cell, Range, Sheet } from '../model/grid.js';
import { ascending, columnNumber, makeCell, parseRange } from '../model/grid.js';
import { dateCell } from './dates.js';
import { ReadError } from './errors.js';
import { StringText } from './string-item.js';
import { END, OPEN, TEXT, XmlScanner } from './xml.js';

/** The largest sheet Excel (and WPS, LibreOffice) can hold: a reference beyond it is damage. */
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** What the package around a sheet gives its cells. */
export interface Workbook {
  strings: string[];
  dateStyles: boolean[];
  date1904: boolean;
}

/** A <c> element as read: its type attribute, style, whether it holds a formula, its value text. */
interface RawCell {
  type: string;
  /** The s attribute: the cell style's index, read only for numbers (which a style may show as dates). */
  style: string | undefined;
  formula: boolean;
  value: string | undefined;
  inline: StringText | undefined;
}

/** The Date exceljs makes of a serial number (whole milliseconds). */
function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

function textCell(row: number, col: number, text: string): Cell | null {
  return text.trim() === '' ? null : makeCell(row, col, 'text', text);
}

function toCell(raw: RawCell, row: number, col: number, book: Workbook): Cell | null {
  if (raw.type === 'inlineStr') return textCell(row, col, raw.inline?.text ?? '');
  const v = raw.value;
  // An empty <v> is no cached result (exceljs reads it so too, even for an empty string result).
  if (raw.formula && !v) return makeCell(row, col, 'formula', '');
  if (v === undefined) return null; // a styled blank or a placeholder inside a merge
  switch (raw.type) {
    case 's': {
      const text = book.strings[parseInt(v, 10)];
      if (text === undefined) throw new ReadError('corrupt-xlsx', { detail: `shared string ${v} is missing` });
      return textCell(row, col, text);
    }
    case 'str':
      return textCell(row, col, v);
    case 'b':
      return makeCell(row, col, 'boolean', parseInt(v, 10) !== 0 ? 'TRUE' : 'FALSE');
    case 'e':
      return makeCell(row, col, 'error', v);
  }
  const trimmed = v.trim();
  if (trimmed === '') return null;
  const number = Number(trimmed);
  if (raw.formula && Number.isNaN(number)) return makeCell(row, col, 'formula', '');
  // A numeric cell whose value is not a number (hand-edited XML): what it says, as text.
  if (Number.isNaN(number)) return textCell(row, col, v);
  // exceljs never applies style 0 (the default style) as a number format.
  const style = raw.style ? parseInt(raw.style, 10) : 0;
  if (style > 0 && book.dateStyles[style]) {
    const date = dateCell(serialDate(number, book.date1904));
    return makeCell(row, col, 'date', date.text, date.number);
  }
  return makeCell(row, col, 'number', String(number), number);
}

function outsideSheet(what: string): ReadError {
  return new ReadError('corrupt-xlsx', { detail: `${what.slice(0, 40)} is outside the sheet (rows 1-${MAX_ROW}, columns A-XFD)` });
}

/**
 * What reading a sheet has found so far, and the limits it keeps. Cells with something in them
 * count against the cell limit; every <c> and merge against ten times it (styled blanks are not
 * content, but a sheet of millions of them is still work).
 */
class SheetCells {
  readonly found = new Map<number, Cell[]>();
  filled = 0;
  elements = 0;
  /** The row and column being read: rows and cells may leave out their address, and then follow the previous one. */
  row = 0;
  col = 0;

  constructor(
    readonly book: Workbook,
    readonly sheetName: string,
    readonly maxCells: number,
  ) {}

  /** The error for a sheet beyond the limits. */
  tooMany(): ReadError {
    return new ReadError('too-many-cells', { sheet: this.sheetName, limit: this.maxCells });
  }

  /** A <c> or a merge: work, counted. */
  element(): void {
    if (++this.elements > 10 * this.maxCells) throw this.tooMany();
  }

  /** A <c> read (at this.row, this.col): its cell, when it holds something. */
  add(raw: RawCell): void {
    const out = toCell(raw, this.row, this.col, this.book);
    if (!out) return;
    if (++this.filled > this.maxCells) throw this.tooMany();
    const inRow = this.found.get(this.row);
    if (inRow) inRow.push(out);
    else this.found.set(this.row, [out]);
  }

}

/** Whether merge `m` hides cell `c` of row `r`: inside it, and not its top-left cell. */
const hiddenBy = (m: Range, r: number, c: Cell) => c.col >= m.left && c.col <= m.right && (r !== m.top || c.col !== m.left);

/**
 * Only the top-left cell of a merged range keeps its value, as in Excel. Each merge visits only
 * the rows that hold cells (found by binary search), never every row it spans. False when that
 * would look at more than `budget` cells.
 */
function dropMerged(rows: Map<number, Cell[]>, merges: Range[], budget: number): boolean {
  if (merges.length === 0) return true;
  let visits = 0;
  const numbers = [...rows.keys()].sort((a, b) => a - b);
  const firstAtOrAfter = (row: number) => {
    let lo = 0;
    let hi = numbers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (numbers[mid]! < row) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const m of merges) {
    for (let i = firstAtOrAfter(m.top); i < numbers.length && numbers[i]! <= m.bottom; i++) {
      const r = numbers[i]!;
      const cells = rows.get(r)!;
      // The work is the cells looked at, not the rows.
      visits += cells.length;
      if (visits > budget) return false;
      // Most merges hide nothing (a title over blank cells): the row is copied only when one does.
      let hides = false;
      for (const c of cells) hides ||= hiddenBy(m, r, c);
      if (hides) rows.set(r, cells.filter((c) => !hiddenBy(m, r, c)));
    }
  }
  return true;
}

/** A sheet part's cells, in order, and its merges. Throws ReadError or XmlError. */
export function readSheet(xml: string, book: Workbook, sheetName: string, maxCells: number): Pick<Sheet, 'rows' | 'merges'> {
  const cells = new SheetCells(book, sheetName, maxCells);
  const merges: Range[] = [];
  // The <c> being read (one object, reused), and which of its children the text belongs to.
  const cell: RawCell = { type: '', style: undefined, formula: false, value: undefined, inline: undefined };
  let inCell = false;
  let into: 'f' | 'v' | null = null;
  const scan = new XmlScanner(xml);
  for (let event = scan.next(); event !== END; event = scan.next()) {
    if (event === OPEN) {
      if (scan.is('c')) {
        cells.element();
        const r = scan.attr('r');
        cells.col = columnNumber(r ?? '') || cells.col + 1;
        if (cells.col > MAX_COL) throw outsideSheet(`cell ${r ?? cells.col}`);
        // <c r="B2" s="3"/> holds nothing: a styled blank, a form's most common cell.
        inCell = !scan.empty;
        if (!inCell) continue;
        cell.type = scan.attr('t') ?? '';
        cell.style = scan.attr('s');
        cell.formula = false;
        cell.value = undefined;
        cell.inline = undefined;
      } else if (scan.is('row')) {
        const r = scan.attr('r');
        cells.row = parseInt(r ?? '', 10) || cells.row + 1;
        if (cells.row < 1 || cells.row > MAX_ROW) throw outsideSheet(`row ${r ?? cells.row}`);
        cells.col = 0;
      } else if (scan.is('mergeCell')) {
        // Merges count as work like cells: a sheet of a million merges is as much as a million cells.
        cells.element();
        const ref = scan.attr('ref');
        const range = parseRange(ref ?? '');
        if (range && (range.bottom > MAX_ROW || range.right > MAX_COL || range.top < 1 || range.left < 1)) throw outsideSheet(`merged range ${ref}`);
        if (range) merges.push(range);
      } else if (inCell) {
        if (scan.is('v')) into = 'v';
        else if (scan.is('f')) {
          // A shared formula's other cells have <f t="shared" si="0"/> without text.
          cell.formula ||= Boolean(scan.attr('t'));
          into = 'f';
        } else if (scan.is('is')) cell.inline = new StringText();
        else cell.inline?.open(scan);
      }
    } else if (event === TEXT) {
      if (!inCell) continue;
      if (into === 'f') cell.formula = true;
      else if (into === 'v') cell.value = cell.value === undefined ? scan.text : cell.value + scan.text;
      else cell.inline?.add(scan);
    } else {
      if (inCell && scan.is('c')) {
        cells.add(cell);
        inCell = false;
      } else if (scan.is('v') || scan.is('f')) into = null;
      else if (inCell) cell.inline?.close(scan);
    }
  }
  const found = cells.found;
  // Merges that each span thousands of filled rows are hostile, not a report: bounded like cells.
  if (!dropMerged(found, merges, 10 * maxCells)) throw cells.tooMany();
  const rows = new Map<number, Cell[]>();
  // Sheets list rows and cells in order, each once; sorting and de-duplicating only when they do not.
  const numbers = [...found.keys()];
  if (!ascending(numbers, (r) => r)) numbers.sort((a, b) => a - b);
  for (const r of numbers) {
    let inRow = found.get(r)!;
    // Ordered by column; a column given twice keeps its last cell.
    if (!ascending(inRow, (c) => c.col)) inRow = inRow.sort((a, b) => a.col - b.col).filter((c, i, all) => all[i + 1]?.col !== c.col);
    if (inRow.length) rows.set(r, inRow);
  }
  return { rows, merges };
}
