// The common shape every reader produces: sheets of cells with their spreadsheet addresses.
// Readers differ in where cells come from; everything downstream sees only this.

import type { Location } from './report.js';

/** What kind of value a cell holds, as the source file stored it. */
export type CellKind =
  | 'number' // stored as a number (xlsx numeric cell, or a formula's cached numeric result)
  | 'text' // stored as text (every CSV/text cell, or an xlsx string cell)
  | 'date' // a date or time (xlsx date-formatted number)
  | 'boolean'
  | 'error' // a spreadsheet error value such as #REF!
  | 'formula' // a formula without a cached result
  | 'empty';

export interface Cell {
  /** 1-based worksheet row (for CSV/text: the record number, as a spreadsheet shows it). */
  row: number;
  /** 1-based column (A = 1). */
  col: number;
  kind: CellKind;
  /** The number stored: the value of a 'number' cell, the serial of a 'date' cell; otherwise absent. */
  number?: number;
  /** The text as a person sees it in the cell (numbers rendered plainly, dates ISO). */
  text: string;
  /** 1-based physical line in the file, for CSV/text inputs. */
  line?: number;
}

/**
 * A cell with every field present, always in this order: code that reads cells then sees one
 * object shape from every reader, and V8 keeps it fast (mixed shapes cost it deoptimisations).
 */
export function makeCell(row: number, col: number, kind: CellKind, text: string, number?: number, line?: number): Cell {
  return { row, col, kind, number, text, line };
}

/** Whether the items' keys strictly increase (readers give rows and cells in order; sorting can then be skipped). */
export function ascending<T>(items: readonly T[], key: (item: T) => number): boolean {
  for (let i = 1; i < items.length; i++) if (key(items[i]!) <= key(items[i - 1]!)) return false;
  return true;
}

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Sheet {
  name: string;
  /** Sparse rows: rows[r] holds the non-empty cells of worksheet row r, ordered by column. */
  rows: Map<number, Cell[]>;
  /** Merged ranges; only the top-left cell of a range holds a value. */
  merges: Range[];
  /** A hidden sheet (not what the report publishes; often last year's copy). */
  hidden?: boolean;
  /** PDFs: the page each row is on (rowPages[r - 1] for row r), a table running over page breaks. */
  rowPages?: number[];
}

/** A PDF's table as a sheet: the page it starts on and its place among the document's tables (第2页 表格3). */
export const pdfSheetName = (page: number, index: number) => `第${page}页 表格${index + 1}`;


export type SourceKind = 'xlsx' | 'csv' | 'text' | 'docx' | 'html' | 'pdf';

/**
 * A paragraph of a document (Word, web page) outside its tables, in reading order: the title, the
 * section headings, the narrative. Rules about the text read these, never the bytes.
 */
export interface Paragraph {
  /** The text as a reader sees it: runs joined, line breaks as \n, white space collapsed, trimmed. */
  text: string;
  /** 1-based place among the document's paragraphs (tables not counted). */
  index: number;
  /** 1-based line of the source where it starts (web pages, text files). */
  line?: number;
  /** The page it starts on (PDFs). */
  page?: number;
}

/** The sheet a document's paragraphs are placed under, a paragraph a row (its index): locations in the narrative name it. */
export const PROSE_SHEET = '正文';

/** How many characters of a paragraph a location names it by. */
const EXCERPT = 16;

/** The place of a paragraph: its index (as the row of the 正文 sheet), first words, line or page. */
export function paragraphLoc(p: Paragraph, anchor?: string): Location {
  const excerpt = p.text.length > EXCERPT ? `${p.text.slice(0, EXCERPT)}…` : p.text;
  return {
    sheet: PROSE_SHEET,
    cell: a1(p.index, 1),
    row: p.index,
    col: 1,
    ...(p.line !== undefined ? { line: p.line } : {}),
    ...(p.page !== undefined ? { page: p.page } : {}),
    paragraph: p.index,
    excerpt,
    ...(anchor !== undefined ? { anchor } : {}),
  };
}

export interface Grid {
  /** The path as given by the user. */
  file: string;
  kind: SourceKind;
  /** Detected text encoding for CSV/text inputs ('utf-8', 'utf-8-bom', 'utf-16le', 'gb18030'). */
  encoding?: string;
  /** Detected delimiter for CSV/text inputs. */
  delimiter?: string;
  /**
   * Documents: each table is a sheet named for its place (表格1, 表格2 … in document order, nested
   * tables counted where they start), cells at their row and column in the table's grid, merges as
   * in a workbook, `line` the source line of a web page's cell.
   */
  sheets: Sheet[];
  /** Documents: the paragraphs outside the tables, in reading order. */
  paragraphs?: Paragraph[];
  /** PDFs: the pages that show an image large enough to be a table (a screenshot pasted in). */
  images?: number[];
}

/** The letters of the columns a report's tables use (A to ZZ), made once: every value's place names one. */
const LETTERS: string[] = [];

/** Column number (1-based) to spreadsheet letters: 1 -> A, 27 -> AA. */
export function columnLetters(col: number): string {
  const known = LETTERS[col];
  if (known !== undefined) return known;
  let s = '';
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  if (col < 703) LETTERS[col] = s;
  return s;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/**
 * The column number of the letters at the start of `ref`, in either case ('AB12' -> 28, 'b3' -> 2);
 * 0 when it starts with none.
 */
export function columnNumber(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const letter = (ref.charCodeAt(i) | 0x20) - 0x60; // 'a' or 'A' -> 1
    if (letter < 1 || letter > 26) break;
    col = col * 26 + letter;
  }
  return col;
}

/**
 * Parse 'B3' or 'A1:C3' into a range; null when it is neither. Read as exceljs reads it: every '$'
 * dropped, the rest upper-cased, then letters and digits, optionally ':' and letters and digits.
 */
export function parseRange(ref: string): Range | null {
  // Upper-casing can change what a non-ASCII letter is (ſ is S); ASCII letters are read in either case.
  let s = /[^\x00-\x7f]/.test(ref) ? ref.toUpperCase() : ref;
  if (s.includes('$')) s = s.replaceAll('$', '');
  const m = /^([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?$/.exec(s);
  if (!m) return null;
  const top = Number(m[2]);
  const left = columnNumber(m[1]!);
  const bottom = m[4] ? Number(m[4]) : top;
  const right = m[3] ? columnNumber(m[3]) : left;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}
