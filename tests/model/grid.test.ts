import { describe, expect, it } from 'vitest';
import { a1, columnLetters, parseRange } from '../../src/model/grid.js';

describe('parseRange', () => {
  it.each([
    ['B3', { top: 3, left: 2, bottom: 3, right: 2 }],
    ['A1:C3', { top: 1, left: 1, bottom: 3, right: 3 }],
    ['$A$1:$O$2', { top: 1, left: 1, bottom: 2, right: 15 }],
    ['c3:a1', { top: 1, left: 1, bottom: 3, right: 3 }],
    ['XFD1048576', { top: 1048576, left: 16384, bottom: 1048576, right: 16384 }],
    ['AA10:AB12', { top: 10, left: 27, bottom: 12, right: 28 }],
  ])('reads %s', (ref, range) => {
    expect(parseRange(ref)).toEqual(range);
  });

  it.each(['', 'B', '3', 'A1:', 'A1:B', ':A1', 'A1 ', 'A1:B2:C3', 'EInfinity', 'A-1', 'A1B2', '表1'])('refuses %j', (ref) => {
    expect(parseRange(ref)).toBeNull();
  });

  it('reads a reference of absurd size as a number past the sheet, not as something else', () => {
    const range = parseRange('A99999999999999999999')!;
    expect(range.top).toBeGreaterThan(1_048_576);
  });

  it('agrees with a1 and columnLetters', () => {
    for (const [row, col] of [[1, 1], [7, 26], [12, 27], [400, 702], [5, 703], [1048576, 16384]] as const) {
      expect(columnLetters(col).length).toBeGreaterThan(0);
      expect(parseRange(a1(row, col))).toEqual({ top: row, left: col, bottom: row, right: col });
    }
  });
});
