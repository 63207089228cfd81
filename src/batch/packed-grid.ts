// A Grid packed for the trip from a reading worker to a checking one, through the main thread:
// three buffers, moved between threads, not copied. Copying a Grid as objects (a Map of rows, an
// object a cell) cost each side about as much as reading it did, and each grid passing through the
// main thread as objects made it grow its young generation to the largest V8 allows.

import { makeCell, type Cell, type CellKind, type Grid, type Range, type Sheet } from '../model/grid.js';

const KINDS: CellKind[] = ['number', 'text', 'date', 'boolean', 'error', 'formula', 'empty'];
const KIND_CODES = new Map(KINDS.map((kind, i) => [kind, i]));
/** Added to a cell's kind code when the cell has a number. */
const HAS_NUMBER = 8;
/** Stands for a cell without a line. */
const NO_LINE = -1;

/** Integers a cell takes in `ints`: row, column, kind, line, text length. */
const CELL_INTS = 5;

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
    for (const cells of sheet.rows.values()) {
      intCount += 2 + CELL_INTS * cells.length;
      cellCount += cells.length;
    }
    intCount += 4 * sheet.merges.length;
  }
  const ints = new Int32Array(intCount);
  const numbers = new Float64Array(cellCount);
  const texts: string[] = [];
  const sheets: PackedGrid['sheets'] = [];
  let i = 0;
  let n = 0;
  for (const sheet of grid.sheets) {
    sheets.push({ name: sheet.name, ...(sheet.hidden !== undefined ? { hidden: sheet.hidden } : {}), rows: sheet.rows.size, merges: sheet.merges.length });
    for (const [row, cells] of sheet.rows) {
      ints[i++] = row;
      ints[i++] = cells.length;
      for (const cell of cells) {
        ints[i++] = cell.row;
        ints[i++] = cell.col;
        ints[i++] = KIND_CODES.get(cell.kind)! + (cell.number === undefined ? 0 : HAS_NUMBER);
        ints[i++] = cell.line ?? NO_LINE;
        ints[i++] = cell.text.length;
        numbers[n++] = cell.number ?? 0;
        texts.push(cell.text);
      }
    }
    for (const m of sheet.merges) {
      ints[i++] = m.top;
      ints[i++] = m.left;
      ints[i++] = m.bottom;
      ints[i++] = m.right;
    }
  }
  return {
    file: grid.file,
    kind: grid.kind,
    ...(grid.encoding !== undefined ? { encoding: grid.encoding } : {}),
    ...(grid.delimiter !== undefined ? { delimiter: grid.delimiter } : {}),
    sheets,
    ints,
    numbers,
    texts: utf16(texts.join('')),
  };
}

export function unpackGrid(packed: PackedGrid): Grid {
  const { ints, numbers } = packed;
  const texts = Buffer.from(packed.texts.buffer, packed.texts.byteOffset, packed.texts.byteLength).toString('utf16le');
  let i = 0;
  let n = 0;
  let at = 0;
  const sheets: Sheet[] = [];
  for (const s of packed.sheets) {
    const rows = new Map<number, Cell[]>();
    for (let r = 0; r < s.rows; r++) {
      const row = ints[i++]!;
      const count = ints[i++]!;
      const cells: Cell[] = [];
      for (let c = 0; c < count; c++) {
        const cellRow = ints[i++]!;
        const col = ints[i++]!;
        const code = ints[i++]!;
        const line = ints[i++]!;
        const end = at + ints[i++]!;
        const number = numbers[n++]!;
        cells.push(makeCell(cellRow, col, KINDS[code & (HAS_NUMBER - 1)]!, texts.slice(at, end), code & HAS_NUMBER ? number : undefined, line === NO_LINE ? undefined : line));
        at = end;
      }
      rows.set(row, cells);
    }
    const merges: Range[] = [];
    for (let m = 0; m < s.merges; m++) {
      merges.push({ top: ints[i]!, left: ints[i + 1]!, bottom: ints[i + 2]!, right: ints[i + 3]! });
      i += 4;
    }
    sheets.push({ name: s.name, rows, merges, ...(s.hidden !== undefined ? { hidden: s.hidden } : {}) });
  }
  return {
    file: packed.file,
    kind: packed.kind,
    ...(packed.encoding !== undefined ? { encoding: packed.encoding } : {}),
    ...(packed.delimiter !== undefined ? { delimiter: packed.delimiter } : {}),
    sheets,
  };
}
