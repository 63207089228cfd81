// The format's lookups: which shape a report printed （六）其他处理 in, and table 3's rows in print
// order with （六） as printed.

import { describe, expect, it } from 'vitest';
import { EDITIONS, sixShape, t3RowKeys } from '../../src/form/index.js';

const SIX_2021 = ['otherHandling.overdueCorrection', 'otherHandling.unpaidFee', 'otherHandling.other'];
const rowsOf = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, {}]));

describe('sixShape', () => {
  it.each([
    ['the one row of 2019', ['granted', 'otherHandling'], '2019'],
    ['the three rows of 2021', ['granted', ...SIX_2021], '2021'],
    ['some of the three rows', ['otherHandling.unpaidFee'], '2021'],
    ['a heading with a subtotal over the three rows', ['otherHandling', ...SIX_2021], '2021'],
    ['no （六） at all', ['granted', 'resultTotal'], null],
  ])('%s', (_what, keys, shape) => {
    expect(sixShape(rowsOf(keys as string[]))).toBe(shape);
  });
});

describe('t3RowKeys', () => {
  it('gives the edition’s rows when （六） is printed its way, or not at all', () => {
    for (const edition of Object.values(EDITIONS)) {
      const own = edition.t3.rows.map((r) => r.key);
      expect(t3RowKeys(edition)).toEqual(own);
      expect(t3RowKeys(edition, rowsOf(own))).toEqual(own);
    }
  });

  it('puts （六） in the printed shape where the edition has its own, keeping the rows around it', () => {
    const keys2019 = t3RowKeys(EDITIONS['2019'], rowsOf(SIX_2021));
    expect(keys2019.filter((k) => k.startsWith('otherHandling'))).toEqual(SIX_2021);
    expect(keys2019.indexOf(SIX_2021[0]!)).toBe(EDITIONS['2019'].t3.rows.findIndex((r) => r.key === 'otherHandling'));
    expect(keys2019.at(-1)).toBe('carriedForward');
    const keys2021 = t3RowKeys(EDITIONS['2021'], rowsOf(['otherHandling']));
    expect(keys2021.filter((k) => k.startsWith('otherHandling'))).toEqual(['otherHandling']);
    expect(keys2021).toHaveLength(EDITIONS['2021'].t3.rows.length - 2);
  });
});
