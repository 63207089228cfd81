// cell-negative: a count or amount below zero; the 2019 edition's 本年增/减 (change) may be negative.

import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/engine/index.js';
import { balancedReport, bump, findingsOf, get, type } from '../helpers/report.js';

const ID = 'cell-negative';

const findings = findingsOf(ID);

describe('cell-negative: valid', () => {
  it.each(['2021', '2019'] as const)('a %s report without negatives has no finding', (edition) => {
    expect(findings(balancedReport(edition))).toEqual([]);
  });

  it('the 2019 change column may be negative (the helper already holds −1 there)', () => {
    const report = balancedReport('2019');
    expect(get(report, 't2', 'licensing', 'change').value).toBe(-1);
    for (const row of ['licensing', 'otherServices', 'penalties', 'coercion', 'fees']) type(report, 't2', row, 'change', '-7');
    expect(findings(report)).toEqual([]);
  });

  it('+5 in the change column is a positive change', () => {
    const report = balancedReport('2019');
    type(report, 't2', 'penalties', 'change', '+5');
    expect(get(report, 't2', 'penalties', 'change').value).toBe(5);
    expect(findings(report)).toEqual([]);
  });

  it('zero is not negative', () => {
    const report = balancedReport('2021');
    type(report, 't3', 'received', 'natural', '0');
    type(report, 't2', 'fees', 'amount', '0');
    expect(findings(report)).toEqual([]);
  });
});

describe('cell-negative: invalid', () => {
  it('a negative count in table 3: one error at the cell, with the value in both messages', () => {
    const report = balancedReport('2021');
    type(report, 't3', 'carriedOver', 'commercial', '-3');
    const list = findings(report);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      rule: ID,
      severity: 'error',
      messageId: 'negative',
      table: 't3',
      row: 'carriedOver',
      column: 'commercial',
      sheet: 'test',
      cell: 'E24',
    });
    expect(list[0]!.message).toBe('表三·二、上年结转·商业企业 为 -3，不能是负数');
    expect(findings(report, 'en')[0]!.message).toBe('Table 3 II. carried over from last year · commercial enterprises is -3; it cannot be negative');
  });

  it('a negative numeric cell (not typed text) fires too, beside the identity it breaks', () => {
    const report = balancedReport('2021');
    expect(get(report, 't4', 'review', 'pending').value).toBe(0);
    bump(report, 't4', 'review', 'pending', -1);
    bump(report, 't4', 'review', 'total', -1);
    expect(checkReport(report).diagnostics.map((d) => [d.rule, d.table, d.row, d.column, d.cell])).toEqual([[ID, 't4', 'review', 'pending', 'D60']]);
  });

  it.each([
    ['2019', 'licensing', 'previousItems'],
    ['2019', 'licensing', 'decisions'],
    ['2019', 'procurement', 'projects'],
    ['2019', 'procurement', 'amount'],
    ['2019', 'regulations', 'made'],
    ['2021', 'regulations', 'inForce'],
    ['2021', 'fees', 'amount'],
  ] as const)('%s table 2 %s.%s may not be negative', (edition, row, column) => {
    const report = balancedReport(edition);
    type(report, 't2', row, column, '-2');
    expect(findings(report).map((d) => [d.table, d.row, d.column])).toEqual([['t2', row, column]]);
  });

  it('one finding per negative cell', () => {
    const report = balancedReport('2019');
    type(report, 't3', 'granted', 'natural', '-1');
    type(report, 't3', 'granted', 'total', '-1');
    type(report, 't2', 'fees', 'change', '-1');
    expect(findings(report).map((d) => `${d.row}.${d.column}`)).toEqual(['granted.natural', 'granted.total']);
  });
});
