// A Grid packed for the trip from a reading worker to a checking one, through the main thread:
// three buffers, moved between threads, not copied. Copying a Grid as objects (a Map of rows, an
// object a cell) cost each side about as much as reading it did, and each grid passing through the
// main thread as objects made it grow its young generation to the largest V8 allows.

import { makeCell, type Cell, type CellKind, type Grid, type Range, type Sheet } from '../model/grid.js';

const KINDS: CellKind[] = ['number', 'text', 'date', 'boolean', 'error', 'formula', 'empty'];
const KIND_CODES = Object.fromEntries(KINDS.map((kind, i) => [kind, i])) as Record<CellKind, number>;
/** Added to a cell's kind code when the cell has a number. */
const HAS_NUMBER = 8;
/** Stands for a cell without a line. */
const NO_LINE = -1;

/** Integers a cell takes in `ints`: row, column, kind, line, text length. */
const CELL_INTS = 5;
const EMPTY = new Uint8Array(0);

export interface PackedGrid {
  file: string;
  kind: Grid['kind'];
  encoding?: string;
  delimiter?: string;
  sheets: Array<{ name: string; hidden?: boolean; rows: number; merges: number }>;
  /** Per sheet: each row (its number, its cell count, then its cells), then each merge (top, left, bottom, right). */
  ints: Int32Array;
  /** Each cell's number (0 for a cell without one). */
  numbers: Float64Array;
  /** Every cell's text, one after another, in UTF-16 (code units as they are, lone surrogates too). */
  texts: Uint8Array;
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
  if (grid.delimiter !== undefined) packed.delimiter = grid.delimiter;
  const texts: string[] = [];
  let at = 0;
  for (const sheet of grid.sheets) at = packSheet(sheet, packed, texts, at);
  packed.texts = utf16(texts.join(''));
  return packed;
}

/** One sheet into `packed` from `ints[at]` (its cells' texts onto `texts`); where the next one starts. */
function packSheet(sheet: Sheet, packed: PackedGrid, texts: string[], at: number): number {
  const { ints, numbers } = packed;
  let i = at;
  let n = texts.length;
  const head: PackedGrid['sheets'][number] = { name: sheet.name, rows: sheet.rows.size, merges: sheet.merges.length };
  if (sheet.hidden !== undefined) head.hidden = sheet.hidden;
  packed.sheets.push(head);
  sheet.rows.forEach((cells, row) => {
    ints[i++] = row;
    ints[i++] = cells.length;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c]!;
      ints[i++] = cell.row;
      ints[i++] = cell.col;
      ints[i++] = KIND_CODES[cell.kind] + (cell.number === undefined ? 0 : HAS_NUMBER);
      ints[i++] = cell.line ?? NO_LINE;
      ints[i++] = cell.text.length;
      numbers[n++] = cell.number ?? 0;
      texts.push(cell.text);
    }
  });
  for (const m of sheet.merges) {
    ints[i++] = m.top;
    ints[i++] = m.left;
    ints[i++] = m.bottom;
    ints[i++] = m.right;
  }
  return i;
}

export function unpackGrid(packed: PackedGrid): Grid {
  const texts = Buffer.from(packed.texts.buffer, packed.texts.byteOffset, packed.texts.byteLength).toString('utf16le');
  const sheets: Sheet[] = [];
  const at = { int: 0, cell: 0, text: 0 };
  for (const head of packed.sheets) sheets.push(unpackSheet(head, packed, texts, at));
  const { file, kind, encoding, delimiter } = packed;
  // The shapes the readers give: a text grid says its encoding and delimiter, a workbook neither.
  return encoding !== undefined || delimiter !== undefined ? { file, kind, encoding, delimiter, sheets } : { file, kind, sheets };
}

/** One sheet from `packed`, from where `at` says; `at` moves past it. */
function unpackSheet(head: PackedGrid['sheets'][number], packed: PackedGrid, texts: string, at: { int: number; cell: number; text: number }): Sheet {
  const { ints, numbers } = packed;
  let { int: i, cell: n, text: t } = at;
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
      const end = t + ints[i++]!;
      const number = numbers[n++]!;
      cells.push(makeCell(cellRow, col, KINDS[code & (HAS_NUMBER - 1)]!, texts.slice(t, end), code & HAS_NUMBER ? number : undefined, line === NO_LINE ? undefined : line));
      t = end;
    }
    rows.set(row, cells);
  }
  const merges: Range[] = [];
  for (let m = 0; m < head.merges; m++, i += 4) merges.push({ top: ints[i]!, left: ints[i + 1]!, bottom: ints[i + 2]!, right: ints[i + 3]! });
  at.int = i;
  at.cell = n;
  at.text = t;
  const sheet: Sheet = { name: head.name, rows, merges };
  if (head.hidden !== undefined) sheet.hidden = head.hidden;
  return sheet;
}
