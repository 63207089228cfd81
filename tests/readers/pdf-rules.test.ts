// The rules of a PDF page from pdf.js's operator list (src/readers/pdf/rules.ts), on operator lists
// written here in pdf.js 5's form: constructPath's [paint, [path data], bounds].

import { describe, expect, it } from 'vitest';
import { pageGeometry, type OperatorCodes } from '../../src/readers/pdf/rules.js';

// pdf.js 5.6's OPS values for these operators.
const OPS: OperatorCodes & { endPath: number } = {
  save: 10, restore: 11, transform: 12, stroke: 20, closeStroke: 21, fill: 22, eoFill: 23, fillStroke: 24, eoFillStroke: 25, closeFillStroke: 26, closeEOFillStroke: 27, endPath: 28,
  paintFormXObjectBegin: 74, paintFormXObjectEnd: 75, paintImageMaskXObject: 83, paintImageXObject: 85, paintInlineImageXObject: 86, constructPath: 91,
};
const [M, L, C, Q, Z] = [0, 1, 2, 3, 4];
const rect = (x: number, y: number, w: number, h: number) => [M, x, y, L, x + w, y, L, x + w, y + h, L, x, y + h, Z];
const path = (paint: number, ...data: number[]) => [OPS.constructPath, [paint, [Float32Array.from(data)], null]] as const;

const geometry = (...ops: Array<readonly [number, unknown]>) => pageGeometry({ fnArray: ops.map((o) => o[0]), argsArray: ops.map((o) => o[1]) }, OPS);

function rules(...ops: Array<readonly [number, unknown]>) {
  return geometry(...ops).rules.map((r) => [r.x1, r.y1, r.x2, r.y2].map((n) => Math.round(n * 10) / 10));
}

describe('pageGeometry', () => {
  it('takes the sides of a stroked rectangle and stroked segments, in page space through save, transform and restore', () => {
    expect(
      rules(
        [OPS.save, null],
        [OPS.transform, [1, 0, 0, 1, 100, 200]],
        path(OPS.stroke, ...rect(0, 0, 50, 20)),
        [OPS.restore, null],
        path(OPS.stroke, M, 0, 0, L, 30, 0),
      ),
    ).toEqual([
      [100, 200, 150, 200],
      [150, 200, 150, 220],
      [150, 220, 100, 220],
      [100, 220, 100, 200],
      [0, 0, 30, 0],
    ]);
  });

  it('takes a thin filled rectangle for a rule along its middle, and leaves shading, clips, curves and diagonals out', () => {
    expect(
      rules(
        path(OPS.fill, ...rect(10, 10, 0.5, 40)), // a vertical border drawn as a filled rectangle
        path(OPS.eoFill, ...rect(10, 60, 80, 0.4)), // a horizontal one
        path(OPS.fill, ...rect(0, 0, 612, 792)), // the page's background
        path(OPS.endPath, ...rect(0, 0, 100, 100)), // a clipping path
        path(OPS.stroke, M, 0, 0, C, 1, 1, 2, 2, 3, 3),
        path(OPS.stroke, M, 0, 0, Q, 1, 1, 2, 2),
        path(OPS.stroke, M, 0, 0, L, 40, 30),
      ),
    ).toEqual([
      [10.3, 10, 10.3, 50],
      [10, 60.2, 90, 60.2],
    ]);
  });

  it('scales with the transformation (a page drawn at another scale)', () => {
    expect(rules([OPS.transform, [0.5, 0, 0, 0.5, 0, 0]], path(OPS.stroke, M, 100, 100, L, 300, 100))).toEqual([[50, 50, 150, 50]]);
  });

  it('follows a form XObject’s matrix until it ends, and gives the box an image covers', () => {
    const { rules: drawn, images } = geometry(
      [OPS.paintFormXObjectBegin, [[2, 0, 0, 2, 10, 10], [0, 0, 100, 100]]],
      path(OPS.stroke, M, 0, 0, L, 10, 0),
      [OPS.paintFormXObjectEnd, null],
      [OPS.save, null],
      [OPS.transform, [200, 0, 0, 100, 50, 300]],
      [OPS.paintImageXObject, ['img_p0_1', 1600, 800]],
      [OPS.restore, null],
      path(OPS.stroke, M, 0, 0, L, 10, 0),
    );
    expect(drawn.map((r) => [r.x1, r.y1, r.x2, r.y2])).toEqual([[10, 10, 30, 10], [0, 0, 10, 0]]);
    expect(images).toEqual([{ left: 50, right: 250, bottom: 300, top: 400 }]);
  });

  it('maps user space into the space it is given (a page rotated for display)', () => {
    const turned = pageGeometry({ fnArray: [OPS.constructPath], argsArray: [[OPS.stroke, [Float32Array.from([M, 0, 0, L, 100, 0])], null]] }, OPS, [0, 1, -1, 0, 0, 0]);
    expect(turned.rules.map((r) => [r.x1, r.y1, r.x2, r.y2].map((n) => Math.round(n)))).toEqual([[0, 0, 0, 100]]);
  });
});
