// carry-over: this year's 上年结转 equals last year's 结转下年度, per column.

import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/engine/index.js';
import { get } from '../helpers/report.js';
import { historyFindings, twoYears } from '../helpers/history.js';

describe('carry-over', () => {
  it('consecutive years that agree: no finding, and each report on its own balances', () => {
    const { last, now } = twoYears();
    expect(checkReport(now).diagnostics).toEqual([]);
    expect(historyFindings('carry-over', [last, now])).toEqual([[], []]);
  });

  it('a broken carry-over: one warning per column, on this year’s cell, naming both files and cells', () => {
    const { last, now } = twoYears();
    get(now, 't3', 'carriedOver', 'natural').value! += 2;
    get(now, 't3', 'received', 'natural').value! -= 2;
    const [, found] = historyFindings('carry-over', [last, now]);
    expect(found).toHaveLength(1);
    expect(found![0]).toMatchObject({ severity: 'warning', table: 't3', row: 'carriedOver', column: 'natural', cell: 'D24', difference: 2 });
    expect(found![0]!.message).toContain('last.xlsx');
    expect(found![0]!.message).toContain('D47');
    expect(found![0]!.cells).toEqual(['D24', 'D47']);
  });

  it('pairs by the body’s name, not the file name; years must be consecutive', () => {
    const { last, now } = twoYears();
    get(now, 't3', 'carriedOver', 'legal').value! += 1;
    get(now, 't3', 'received', 'legal').value! -= 1;
    expect(historyFindings('carry-over', [now, last])[0]).toHaveLength(1);
    last.agency = { value: '别的单位', from: 'title', loc: null };
    expect(historyFindings('carry-over', [last, now])).toEqual([[], []]);
    last.agency = { value: '测试县 人民政府', from: 'title', loc: null };
    expect(historyFindings('carry-over', [last, now])[1]).toHaveLength(1);
    last.year = { value: 2020, from: 'title', loc: null };
    expect(historyFindings('carry-over', [last, now])).toEqual([[], []]);
  });

  it('a blank member is not evaluated', () => {
    const { last, now } = twoYears();
    get(now, 't3', 'carriedOver', 'natural').value! += 2;
    const forward = get(last, 't3', 'carriedForward', 'natural');
    forward.status = 'blank';
    forward.value = null;
    expect(historyFindings('carry-over', [last, now])[1]).toEqual([]);
  });
});
