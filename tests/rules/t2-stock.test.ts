// t2-stock: inForce(this) = inForce(last) + issued(this) − repealed(this), 2021 edition.

import { describe, expect, it } from 'vitest';
import { get } from '../helpers/report.js';
import { historyFindings, twoYears } from '../helpers/history.js';

describe('t2-stock', () => {
  it('a consistent stock: no finding', () => {
    const { last, now } = twoYears();
    expect(historyFindings('t2-stock', [last, now])).toEqual([[], []]);
  });

  it('inForce off by one: a warning on this year’s inForce cell with the arithmetic', () => {
    const { last, now } = twoYears();
    get(now, 't2', 'normativeDocuments', 'inForce').value! += 1;
    const [, found] = historyFindings('t2-stock', [last, now]);
    expect(found).toHaveLength(1);
    expect(found![0]).toMatchObject({ severity: 'warning', table: 't2', row: 'normativeDocuments', column: 'inForce', difference: 1 });
    expect(found![0]!.message).toMatch(/last\.xlsx/);
    expect(historyFindings('t2-stock', [last, now], 'en')[1]![0]!.message).toMatch(/issued \d+ − repealed \d+/);
  });

  it('only between two 2021-edition reports', () => {
    const { last, now } = twoYears();
    get(now, 't2', 'regulations', 'inForce').value! += 1;
    last.edition = '2019';
    expect(historyFindings('t2-stock', [last, now])).toEqual([[], []]);
  });
});
