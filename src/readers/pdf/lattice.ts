// Ruled tables on a PDF page ("lattice", as Camelot and pdfplumber call it): the horizontal and
// vertical rules a table is drawn with make its grid; a rule missing between two slots of the grid
// is a merge; each piece of text goes to the cell its middle falls in, and a cell's pieces are read
// in lines, top to bottom, left to right. Pure geometry, in PDF user space (points, y upwards): the
// caller gives a page's rules and text, this file gives its tables and the text outside them.

import type { Chunk } from '../columns.js';
import { joinLines, WIDE } from '../wrap.js';

/** A horizontal (y1 = y2) or vertical (x1 = x2) rule, from its drawing operations. */
export interface Rule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A piece of text as the page shows it: its baseline's left end, its advance width, its font size. */
export interface TextPiece {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A cell of a ruled table: its place in the table's grid (1-based), its span and its text. */
export interface LatticeCell {
  row: number;
  col: number;
  rows: number;
  cols: number;
  text: string;
}

export interface LatticeTable {
  /** The grid's lines: x from left to right, y from top to bottom (descending). */
  xs: number[];
  ys: number[];
  /** Every cell, empty ones too, row by row. */
  cells: LatticeCell[];
}

/** Positions closer than this (points) are one line of the grid. */
const SNAP = 2;
/** A rule reaches a point, or another rule, within this (points): pens and joins are not exact. */
const REACH = 2.5;

/** The positions `values` cluster at, each cluster's mean, ascending. */
function clusters(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let sum = 0;
  let count = 0;
  let last = -Infinity;
  for (const v of sorted) {
    if (count > 0 && v - last > SNAP) {
      out.push(sum / count);
      sum = 0;
      count = 0;
    }
    sum += v;
    count++;
    last = v;
  }
  if (count > 0) out.push(sum / count);
  return out;
}

/** A rule along one axis: where it runs (its fixed coordinate) and the span it covers, low to high. */
interface Stroke {
  at: number;
  span: [number, number];
}

/** Disjoint sets over 0 … n − 1, joined by `union`, each named by `find` (its root). */
function disjointSets(n: number): { find: (i: number) => number; union: (a: number, b: number) => void } {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  return { find, union: (a, b) => void (parent[find(a)] = find(b)) };
}

/** One line of a grid: where it runs (a fixed coordinate) and the spans along it that are drawn. */
interface Line {
  at: number;
  spans: Array<[number, number]>;
}

/** Rules along one axis, joined where they lie on one line and touch or overlap. */
function lines(rules: Stroke[]): Line[] {
  const out: Line[] = [];
  for (const at of clusters(rules.map((r) => r.at))) {
    const spans = rules
      .filter((r) => Math.abs(r.at - at) <= SNAP)
      .map((r) => r.span)
      .sort((a, b) => a[0] - b[0]);
    const joined: Array<[number, number]> = [];
    for (const span of spans) {
      const last = joined[joined.length - 1];
      if (last && span[0] <= last[1] + REACH) last[1] = Math.max(last[1], span[1]);
      else joined.push([...span]);
    }
    out.push({ at, spans: joined });
  }
  return out;
}

/** Whether the line is drawn all the way from `from` to `to`. */
const covers = (line: Line | undefined, from: number, to: number) =>
  line !== undefined && line.spans.some(([a, b]) => a <= Math.min(from, to) + REACH && b >= Math.max(from, to) - REACH);

/** Whether two spans meet (within REACH). */
const meets = (a: [number, number], b: [number, number]) => a[0] <= b[1] + REACH && b[0] <= a[1] + REACH;

/**
 * The tables the rules draw, and the pieces of text outside every table (in the order given). Rules
 * that cross or touch form one table; a group of rules that encloses no slot (an underline, a lone
 * separator) is no table.
 */
export function findTables(rules: readonly Rule[], pieces: readonly TextPiece[]): { tables: LatticeTable[]; outside: TextPiece[] } {
  const horizontal: Stroke[] = [];
  const vertical: Stroke[] = [];
  for (const r of rules) {
    if (Math.abs(r.y1 - r.y2) <= SNAP / 2 && Math.abs(r.x1 - r.x2) > SNAP) horizontal.push({ at: (r.y1 + r.y2) / 2, span: [Math.min(r.x1, r.x2), Math.max(r.x1, r.x2)] });
    else if (Math.abs(r.x1 - r.x2) <= SNAP / 2 && Math.abs(r.y1 - r.y2) > SNAP) vertical.push({ at: (r.x1 + r.x2) / 2, span: [Math.min(r.y1, r.y2), Math.max(r.y1, r.y2)] });
  }
  // Rules that touch are one table: sets over the horizontal rules (0 … h − 1) and the vertical ones (h …).
  const touching = disjointSets(horizontal.length + vertical.length);
  horizontal.forEach((h, i) =>
    vertical.forEach((v, j) => {
      if (meets(h.span, [v.at, v.at]) && meets(v.span, [h.at, h.at])) touching.union(i, horizontal.length + j);
    }),
  );
  const groups = new Map<number, { h: Stroke[]; v: Stroke[] }>();
  const groupOf = (i: number) => {
    const root = touching.find(i);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = { h: [], v: [] }));
    return group;
  };
  horizontal.forEach((h, i) => groupOf(i).h.push(h));
  vertical.forEach((v, j) => groupOf(horizontal.length + j).v.push(v));

  /** Each table, with the cell a point of the page falls in (undefined: not in the table). */
  const found: Array<{ table: LatticeTable; cellAt: (x: number, y: number) => LatticeCell | undefined }> = [];
  for (const { h, v } of groups.values()) {
    const rows = lines(h).reverse(); // top first
    const cols = lines(v);
    if (rows.length < 2 || cols.length < 2) continue;
    const ys = rows.map((l) => l.at);
    const xs = cols.map((l) => l.at);
    const nr = ys.length - 1;
    const nc = xs.length - 1;
    // Slots joined where the rule between them is missing; a cell is its slots' bounding box.
    const slots = disjointSets(nr * nc);
    const root = slots.find;
    for (let r = 0; r < nr; r++) {
      for (let c = 0; c < nc; c++) {
        if (c + 1 < nc && !covers(cols[c + 1], ys[r]!, ys[r + 1]!)) slots.union(r * nc + c, r * nc + c + 1);
        if (r + 1 < nr && !covers(rows[r + 1], xs[c]!, xs[c + 1]!)) slots.union(r * nc + c, (r + 1) * nc + c);
      }
    }
    const cellOf = new Map<number, LatticeCell>();
    const cells: LatticeCell[] = [];
    for (let r = 0; r < nr; r++) {
      for (let c = 0; c < nc; c++) {
        const k = root(r * nc + c);
        const cell = cellOf.get(k);
        if (!cell) {
          const made: LatticeCell = { row: r + 1, col: c + 1, rows: 1, cols: 1, text: '' };
          cellOf.set(k, made);
          cells.push(made);
        } else {
          cell.rows = Math.max(cell.rows, r + 2 - cell.row);
          cell.cols = Math.max(cell.cols, c + 2 - cell.col);
        }
      }
    }
    const cellAt = (x: number, y: number): LatticeCell | undefined => {
      if (x < xs[0]! || x > xs[nc]! || y > ys[0]! || y < ys[nr]!) return undefined;
      const c = Math.min(nc - 1, Math.max(0, xs.findIndex((edge) => x < edge) - 1));
      const r = Math.min(nr - 1, Math.max(0, ys.findIndex((edge) => y > edge) - 1));
      return cellOf.get(root(r * nc + c));
    };
    found.push({ table: { xs, ys, cells }, cellAt });
  }

  // Each piece to the cell its middle falls in (a little above the baseline, inside the glyphs).
  const outside: TextPiece[] = [];
  const inCells = new Map<LatticeCell, TextPiece[]>();
  for (const piece of pieces) {
    const x = piece.x + piece.width / 2;
    const y = piece.y + piece.size * 0.3;
    let cell: LatticeCell | undefined;
    for (const { cellAt } of found) if ((cell = cellAt(x, y))) break;
    if (!cell) outside.push(piece);
    else if (inCells.has(cell)) inCells.get(cell)!.push(piece);
    else inCells.set(cell, [piece]);
  }
  for (const [cell, list] of inCells) cell.text = joinLines(readLines(list).map((l) => l.text));
  return { tables: found.map((f) => f.table), outside };
}

/**
 * A line of text: its baseline, where its first glyph starts and its last ends, its largest font
 * size, and its chunks: runs of text a gap of a character or more apart (the cells of a table
 * drawn without rules, for columns.ts).
 */
export interface TextLine {
  text: string;
  y: number;
  x: number;
  end: number;
  size: number;
  chunks: Chunk[];
}

/** A gap this many font sizes wide splits a line into chunks. */
const CHUNK_GAP = 1;

/**
 * Pieces of text read as lines: grouped by baseline (within a third of the font size), top to
 * bottom. Within a line, characters are placed by x, each piece's width shared among its characters
 * (a wide character taking twice a narrow one's): a mark drawn on its own over a piece's blank (a
 * quotation mark pdf.js gives apart from "及 三安") falls where it is seen. A space is kept between
 * two narrow characters (words, numbers in a sentence), where the piece has one or the gap is a
 * quarter of the font size; never next to a wide character (Chinese text has none), and digits
 * split into several pieces are one number.
 */
export function readLines(pieces: readonly TextPiece[]): TextLine[] {
  const sorted = pieces.filter((p) => p.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<{ y: number; pieces: TextPiece[] }> = [];
  for (const piece of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - piece.y) <= Math.max(line.pieces[0]!.size, piece.size) / 3) line.pieces.push(piece);
    else lines.push({ y: piece.y, pieces: [piece] });
  }
  return lines.map((line) => {
    const glyphs: Array<{ char: string; x: number; end: number; size: number }> = [];
    for (const piece of line.pieces) {
      const chars = [...piece.text];
      const units = chars.reduce((n, c) => n + (WIDE.test(c) ? 2 : 1), 0);
      let x = piece.x;
      for (const char of chars) {
        const w = (piece.width * (WIDE.test(char) ? 2 : 1)) / units;
        glyphs.push({ char, x, end: x + w, size: piece.size });
        x += w;
      }
    }
    glyphs.sort((a, b) => a.x - b.x);
    let text = '';
    let start = NaN;
    let end = -Infinity;
    let blank = false;
    const chunks: Chunk[] = [];
    for (const g of glyphs) {
      if (/\s/.test(g.char)) {
        blank = true;
        continue;
      }
      const before = text.at(-1);
      if (before === undefined) start = g.x;
      else if (!WIDE.test(before) && !WIDE.test(g.char) && (blank || g.x - end >= g.size / 4)) text += ' ';
      const chunk = chunks.at(-1);
      if (chunk && g.x - end < g.size * CHUNK_GAP) chunk.text = text.endsWith(' ') ? `${chunk.text} ${g.char}` : chunk.text + g.char;
      else chunks.push({ x0: g.x, x1: g.end, text: g.char });
      chunks.at(-1)!.x1 = g.end;
      text += g.char;
      end = g.end;
      blank = false;
    }
    return { text, y: line.y, x: start, end, size: Math.max(...line.pieces.map((p) => p.size)), chunks };
  });
}
