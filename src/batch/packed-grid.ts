// A Grid packed for the trip from a reading worker to a checking one, through the main thread:
// three buffers, moved between threads, not copied. Copied as objects (a Map of rows, an object a
// cell), a Grid costs each side about as much as reading it, and every grid passing through the
// main thread as objects makes it grow its young generation to the largest V8 allows.

import { makeCell, type Cell, type CellKind, type Grid, type Paragraph, type Range, type Sheet } from '../model/grid.js';

const KINDS: CellKind[] = ['number', 'text', 'date', 'boolean', 'error', 'formula', 'empty'];
const KIND_CODES = Object.fromEntries(KINDS.map((kind, i) => [kind, i])) as Record<CellKind, number>;
/** Added to a cell's kind code when the cell has a number. */
const HAS_NUMBER = 8;
/** Stands for a cell without a line. */
const NO_LINE = -1;

/** Integers a cell takes in `ints`: row, column, kind, line, where its text starts, its length. */
const CELL_INTS = 6;
/**
 * Texts at least this long are packed once however many cells show them: one shared string in
 * thousands of cells costs a Grid nothing, and written out for each it could exhaust memory.
 */
const SHARED_LENGTH = 16;
const EMPTY = new Uint8Array(0);

export interface PackedGrid {
  file: string;
  kind: Grid['kind'];
  encoding?: string;
  delimiter?: string;
  sheets: Array<{ name: string; hidden?: boolean; rows: number; merges: number; rowPages?: number[] }>;
  /** Per sheet: each row (its number, its cell count, then its cells), then each merge (top, left, bottom, right). */
  ints: Int32Array;
  /** Each cell's number (0 for a cell without one). */
  numbers: Float64Array;
  /** The cells' texts, one after another, in UTF-16 (code units as they are, lone surrogates too). */
  texts: Uint8Array;
  /** A document's paragraphs, as they are (a few dozen; copied with the message). */
  paragraphs?: Paragraph[];
  /** A PDF's pages with a table-sized image. */
  images?: number[];
}

/** The buffers to move with a packed grid (postMessage's transfer list). */
export function transferables(packed: PackedGrid): ArrayBuffer[] {
  return [packed.ints.buffer as ArrayBuffer, packed.numbers.buffer as ArrayBuffer, packed.texts.buffer as ArrayBuffer];
}

/** A string's UTF-16 code units in a buffer of its own (Buffer's small ones share a pool, which cannot be moved). */
function utf16(text: string): Uint8Array {
  const bytes = Buffer.allocUnsafeSlow(2 * text.length);
  bytes.write(text, 'utf16le');
  return bytes;
}

/** Where packing is: the next integer and number to write, and the texts so far. */
class Packing {
  int = 0;
  cell = 0;
  /** Characters of text so far. */
  length = 0;
  readonly texts: string[] = [];
  private readonly placed = new Map<string, number>();

  constructor(readonly packed: PackedGrid) {}

  /** Where `text` starts among the texts: added at the end, or where it already is. */
  place(text: string): number {
    if (text.length >= SHARED_LENGTH) {
      const known = this.placed.get(text);
      if (known !== undefined) return known;
      this.placed.set(text, this.length);
    }
    this.texts.push(text);
    this.length += text.length;
    return this.length - text.length;
  }
}

export function packGrid(grid: Grid): PackedGrid {
  let intCount = 0;
  let cellCount = 0;
  for (const sheet of grid.sheets) {
    sheet.rows.forEach((cells) => {
      intCount += 2 + CELL_INTS * cells.length;
      cellCount += cells.length;
    });
    intCount += 4 * sheet.merges.length;
  }
  const packed: PackedGrid = { file: grid.file, kind: grid.kind, sheets: [], ints: new Int32Array(intCount), numbers: new Float64Array(cellCount), texts: EMPTY };
  if (grid.encoding !== undefined) packed.encoding = grid.encoding;
  if (grid.paragraphs !== undefined) packed.paragraphs = grid.paragraphs;
  if (grid.delimiter !== undefined) packed.delimiter = grid.delimiter;
  if (grid.images !== undefined) packed.images = grid.images;
  const packing = new Packing(packed);
  for (const sheet of grid.sheets) packSheet(sheet, packing);
  packed.texts = utf16(packing.texts.join(''));
  return packed;
}

function packSheet(sheet: Sheet, packing: Packing): void {
  const { ints, numbers } = packing.packed;
  const head: PackedGrid['sheets'][number] = { name: sheet.name, rows: sheet.rows.size, merges: sheet.merges.length };
  if (sheet.hidden !== undefined) head.hidden = sheet.hidden;
  if (sheet.rowPages !== undefined) head.rowPages = sheet.rowPages;
  packing.packed.sheets.push(head);
  let i = packing.int;
  sheet.rows.forEach((cells, row) => {
    ints[i++] = row;
    ints[i++] = cells.length;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c]!;
      ints[i++] = cell.row;
      ints[i++] = cell.col;
      ints[i++] = KIND_CODES[cell.kind] + (cell.number === undefined ? 0 : HAS_NUMBER);
      ints[i++] = cell.line ?? NO_LINE;
      ints[i++] = packing.place(cell.text);
      ints[i++] = cell.text.length;
      numbers[packing.cell++] = cell.number ?? 0;
    }
  });
  for (const m of sheet.merges) {
    ints[i++] = m.top;
    ints[i++] = m.left;
    ints[i++] = m.bottom;
    ints[i++] = m.right;
  }
  packing.int = i;
}

export function unpackGrid(packed: PackedGrid): Grid {
  const texts = Buffer.from(packed.texts.buffer, packed.texts.byteOffset, packed.texts.byteLength).toString('utf16le');
  const sheets: Sheet[] = [];
  const at = { int: 0, cell: 0 };
  for (const head of packed.sheets) sheets.push(unpackSheet(head, packed, texts, at));
  const { file, kind, encoding, delimiter, paragraphs, images } = packed;
  // The shapes the readers give: a text grid says its encoding and delimiter, a workbook neither, a document its paragraphs (a PDF its images).
  if (paragraphs !== undefined) return { file, kind, ...(encoding !== undefined ? { encoding } : {}), sheets, paragraphs, ...(images !== undefined ? { images } : {}) };
  return encoding !== undefined || delimiter !== undefined ? { file, kind, encoding, delimiter, sheets } : { file, kind, sheets };
}

/** One sheet from `packed`, from where `at` says; `at` moves past it. */
function unpackSheet(head: PackedGrid['sheets'][number], packed: PackedGrid, texts: string, at: { int: number; cell: number }): Sheet {
  const { ints, numbers } = packed;
  let i = at.int;
  let n = at.cell;
  const rows = new Map<number, Cell[]>();
  for (let r = 0; r < head.rows; r++) {
    const row = ints[i++]!;
    const count = ints[i++]!;
    const cells: Cell[] = [];
    for (let c = 0; c < count; c++) {
      const cellRow = ints[i++]!;
      const col = ints[i++]!;
      const code = ints[i++]!;
      const line = ints[i++]!;
      const start = ints[i++]!;
      const end = start + ints[i++]!;
      const number = numbers[n++]!;
      cells.push(makeCell(cellRow, col, KINDS[code & (HAS_NUMBER - 1)]!, texts.slice(start, end), code & HAS_NUMBER ? number : undefined, line === NO_LINE ? undefined : line));
    }
    rows.set(row, cells);
  }
  const merges: Range[] = [];
  for (let m = 0; m < head.merges; m++, i += 4) merges.push({ top: ints[i]!, left: ints[i + 1]!, bottom: ints[i + 2]!, right: ints[i + 3]! });
  at.int = i;
  at.cell = n;
  const sheet: Sheet = { name: head.name, rows, merges };
  if (head.hidden !== undefined) sheet.hidden = head.hidden;
  if (head.rowPages !== undefined) sheet.rowPages = head.rowPages;
  return sheet;
}
