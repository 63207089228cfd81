// Tables that run over a page break, joined back into one: the table a page ends with continues as
// the table the next page starts with when no text stands between them (page headers and footers
// aside, which the caller leaves out) and both span the same width. Where they join:
// - a header row repeated on the new page (Word's "repeat as header row") is read once;
// - a row broken by the page (its label's last lines on the new page, its numbers on the old) is
//   one row again: the new page's first row fills fewer cells than the old page's last, all of
//   them cells the old row fills too, and none starts a new item (1. （一） 二、);
// - a merged cell that runs on (三、本年度办理结果 down the side of table 3) is one cell again.
// Columns are matched by their x positions, so a page whose rows leave out a column line still
// lines up. Pure geometry, like lattice.ts.

import { ITEM, joinLines } from '../wrap.js';
import type { LatticeTable } from './lattice.js';

/** The tables of one page, top to bottom, and whether text of the body stands above the first or below the last. */
export interface PageTables {
  page: number;
  tables: LatticeTable[];
  textAbove: boolean;
  textBelow: boolean;
}

/** A cell of a joined table: its row (1-based) and rows spanned, its left and right x, its text. */
interface Piece {
  row: number;
  rows: number;
  left: number;
  right: number;
  text: string;
}

/** A table as the document has it: every page's part, in rows numbered from its first. */
export interface JoinedTable {
  /** The page it starts on, and where on it (y up). */
  page: number;
  top: number;
  cells: Array<{ row: number; col: number; rows: number; cols: number; text: string }>;
  /** The page of each row (rowPages[r - 1] for row r). */
  rowPages: number[];
}

/** Column lines closer than this (points) are one; outer edges further apart than this are different tables. */
const EDGE = 3;

/** The cells of a page's table as pieces. */
function piecesOf(table: LatticeTable): Piece[] {
  return table.cells.map((c) => ({ row: c.row, rows: c.rows, left: table.xs[c.col - 1]!, right: table.xs[c.col - 1 + c.cols]!, text: c.text }));
}

const near = (a: number, b: number) => Math.abs(a - b) <= EDGE;
const sameColumns = (a: Piece, b: Piece) => near(a.left, b.left) && near(a.right, b.right);

/** The texts of a row's cells, left to right: a row's identity when comparing header rows. */
function rowText(pieces: Piece[], row: number): string {
  return pieces
    .filter((p) => p.row === row)
    .sort((a, b) => a.left - b.left)
    .map((p) => p.text)
    .join('\t');
}

class Joined {
  readonly pieces: Piece[];
  readonly rowPages: number[];
  left: number;
  right: number;
  readonly top: number;

  constructor(
    readonly page: number,
    table: LatticeTable,
  ) {
    this.top = table.ys[0]!;
    this.pieces = piecesOf(table);
    this.rowPages = Array.from({ length: table.ys.length - 1 }, () => page);
    this.left = table.xs[0]!;
    this.right = table.xs.at(-1)!;
  }

  get rows(): number {
    return this.rowPages.length;
  }

  /** Whether a page's first table can continue this one: the same outer edges. */
  fits(table: LatticeTable): boolean {
    return near(this.left, table.xs[0]!) && near(this.right, table.xs.at(-1)!);
  }

  /** Add the next page's part. */
  add(page: number, table: LatticeTable): void {
    let next = piecesOf(table);
    let count = table.ys.length - 1;
    // A header repeated: the part's first rows as the table's first rows, each with text.
    let repeated = 0;
    while (repeated < count - 1 && rowText(next, repeated + 1).replace(/\t/g, '') !== '' && rowText(next, repeated + 1) === rowText(this.pieces, repeated + 1)) repeated++;
    if (repeated > 0) {
      next = next.filter((p) => p.row > repeated).map((p) => ({ ...p, row: p.row - repeated }));
      count -= repeated;
    }
    const last = this.rows;
    const bottom = this.pieces.filter((p) => p.row + p.rows - 1 === last);
    const first = next.filter((p) => p.row === 1);
    const above = (p: Piece) => bottom.find((b) => sameColumns(b, p));
    const filled = (ps: Piece[]) => ps.filter((p) => p.text !== '');
    const broken =
      first.every((p) => above(p) !== undefined) &&
      filled(first).length > 0 &&
      filled(first).length < filled(bottom).length &&
      filled(first).every((p) => above(p)!.text !== '' && !ITEM.test(p.text));
    // The part's rows follow the table's; a broken row's first row is the table's last.
    const offset = broken ? last - 1 : last;
    for (const p of next) {
      const host = p.row === 1 ? above(p) : undefined;
      if (host && (broken || (p.text === '' && host.rows > 1))) {
        host.text = joinLines([host.text, p.text].filter((t) => t !== ''));
        host.rows += p.rows - (broken ? 1 : 0);
      } else this.pieces.push({ ...p, row: p.row + offset });
    }
    for (let r = broken ? 2 : 1; r <= count; r++) this.rowPages.push(page);
  }

  done(): JoinedTable {
    const edges = [...this.pieces.flatMap((p) => [p.left, p.right])].sort((a, b) => a - b);
    const xs: number[] = [];
    for (const x of edges) if (xs.length === 0 || x - xs[xs.length - 1]! > EDGE) xs.push(x);
    const column = (x: number) => xs.findLastIndex((edge) => edge <= x + EDGE);
    const cells = this.pieces
      .map((p) => ({ row: p.row, col: column(p.left) + 1, rows: p.rows, cols: column(p.right) - column(p.left), text: p.text }))
      .sort((a, b) => a.row - b.row || a.col - b.col);
    return { page: this.page, top: this.top, cells, rowPages: this.rowPages };
  }
}

/** The document's tables, each page's parts joined where a table runs over a page break. */
export function joinTables(pages: readonly PageTables[]): JoinedTable[] {
  const out: Joined[] = [];
  let open: Joined | null = null;
  for (const { page, tables, textAbove, textBelow } of pages) {
    tables.forEach((table, i) => {
      if (i === 0 && open && !textAbove && open.fits(table)) open.add(page, table);
      else out.push((open = new Joined(page, table)));
    });
    if (tables.length === 0 || textBelow) open = null;
  }
  return out.map((t) => t.done());
}
