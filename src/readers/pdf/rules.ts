// The rules and images a PDF page draws, from pdf.js's operator list: each path the page paints, in
// page space (the transformation matrix followed through save, restore, transform and form
// XObjects), kept when it draws a horizontal or vertical line: a stroked segment or rectangle side,
// or a thin filled rectangle (how Word, WPS and LibreOffice draw many cell borders). Clipping paths,
// curves, diagonals and filled areas (a cell's shading, the page's background) are no rules. Images
// are kept as the boxes they cover: a table pasted as a screenshot is one.

import type { Rule } from './lattice.js';

/** pdf.js's operator list of a page (PDFPageProxy.getOperatorList()). */
export interface OperatorList {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

/** The operator codes this reads (pdf.js's OPS, passed in so that this file needs no pdf.js). */
export interface OperatorCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageMaskXObject: number;
}

/** The box an image covers on the page. */
export interface Box {
  left: number;
  bottom: number;
  right: number;
  top: number;
}

// pdf.js's path commands in a constructPath's data (DrawOPS): each followed by its coordinates.
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_CURVE_TO = 3;
const CLOSE_PATH = 4;

/** A filled rectangle thinner than this (points) in one direction is a rule. */
const THIN = 2;
/** A stroked segment is horizontal or vertical when it leans less than this (points) over its length. */
const STRAIGHT = 0.5;

export type Matrix = [number, number, number, number, number, number];

/** m then n: the matrix that applies m first, then n. */
export const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** The subpaths of a constructPath's data, as points in page space, each with whether it was closed. */
function subpaths(data: ArrayLike<number>, m: Matrix): Array<{ points: Array<[number, number]>; closed: boolean }> {
  const out: Array<{ points: Array<[number, number]>; closed: boolean }> = [];
  let current: { points: Array<[number, number]>; closed: boolean } | null = null;
  const at = (x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
  for (let k = 0; k < data.length; ) {
    const op = data[k++];
    if (op === MOVE_TO) {
      current = { points: [at(data[k]!, data[k + 1]!)], closed: false };
      out.push(current);
      k += 2;
    } else if (op === LINE_TO) {
      const point = at(data[k]!, data[k + 1]!);
      if (current) current.points.push(point);
      else out.push((current = { points: [point], closed: false }));
      k += 2;
    } else if (op === CURVE_TO) {
      current = null; // a curve is no rule, nor is the path it is part of
      k += 6;
    } else if (op === QUADRATIC_CURVE_TO) {
      current = null;
      k += 4;
    } else if (op === CLOSE_PATH) {
      if (current) current.closed = true;
    } else break; // a command this does not know: the rest of the path is not read
  }
  return out;
}

/**
 * The rules and images of a page's operator list, in the space `start` maps user space to (the
 * identity: PDF user space).
 */
export function pageGeometry(list: OperatorList, codes: OperatorCodes, start: Matrix = [1, 0, 0, 1, 0, 0]): { rules: Rule[]; images: Box[] } {
  const strokes = new Set([codes.stroke, codes.closeStroke, codes.fillStroke, codes.eoFillStroke, codes.closeFillStroke, codes.closeEOFillStroke]);
  const fills = new Set([codes.fill, codes.eoFill]);
  const pictures = new Set([codes.paintImageXObject, codes.paintInlineImageXObject, codes.paintImageMaskXObject]);
  const rules: Rule[] = [];
  const images: Box[] = [];
  const stack: Matrix[] = [];
  let m = start;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i]!;
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === codes.save) stack.push(m);
    else if (fn === codes.restore || fn === codes.paintFormXObjectEnd) m = stack.pop() ?? m;
    else if (fn === codes.transform) m = multiply(args as unknown as Matrix, m);
    else if (fn === codes.paintFormXObjectBegin) {
      stack.push(m);
      const matrix = Array.isArray(args) ? (args[0] as ArrayLike<number> | null) : null;
      if (matrix && matrix.length === 6) m = multiply(Array.from(matrix) as Matrix, m);
    } else if (pictures.has(fn)) {
      // An image fills the unit square of its matrix.
      const corners = [[0, 0], [1, 0], [0, 1], [1, 1]].map(([x, y]) => [m[0] * x! + m[2] * y! + m[4], m[1] * x! + m[3] * y! + m[5]] as const);
      const xs = corners.map((c) => c[0]);
      const ys = corners.map((c) => c[1]);
      images.push({ left: Math.min(...xs), right: Math.max(...xs), bottom: Math.min(...ys), top: Math.max(...ys) });
    } else if (fn === codes.constructPath && Array.isArray(args)) {
      const [paint, [data] = []] = args as [number, [ArrayLike<number>?]];
      if (!data || (!strokes.has(paint) && !fills.has(paint))) continue;
      for (const { points, closed } of subpaths(data, m)) {
        if (fills.has(paint)) {
          if (points.length < 3) continue;
          const xs = points.map((p) => p[0]);
          const ys = points.map((p) => p[1]);
          const [left, right, bottom, top] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
          if (top - bottom <= THIN && right - left > THIN) rules.push({ x1: left, y1: (top + bottom) / 2, x2: right, y2: (top + bottom) / 2 });
          else if (right - left <= THIN && top - bottom > THIN) rules.push({ x1: (left + right) / 2, y1: bottom, x2: (left + right) / 2, y2: top });
          continue;
        }
        const ends = closed ? [...points, points[0]!] : points;
        for (let j = 1; j < ends.length; j++) {
          const [x1, y1] = ends[j - 1]!;
          const [x2, y2] = ends[j]!;
          if (Math.abs(y1 - y2) <= STRAIGHT || Math.abs(x1 - x2) <= STRAIGHT) rules.push({ x1, y1, x2, y2 });
        }
      }
    }
  }
  return { rules, images };
}
