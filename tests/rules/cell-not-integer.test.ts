// cell-not-integer: a count with a fractional part (amounts may have decimals).

import { describe, expect, it } from 'vitest';
import { readValue } from '../../src/extract/values.js';
import { balancedReport, findingsOf, get, type } from '../helpers/report.js';

const ID = 'cell-not-integer';

const findings = findingsOf(ID);

describe('cell-not-integer: valid', () => {
  it.each(['2021', '2019'] as const)('a %s report of whole numbers has no finding', (edition) => {
    expect(findings(balancedReport(edition))).toEqual([]);
  });

  it('amounts may have decimals: 2021 fees.amount and 2019 procurement.amount', () => {
    const report2021 = balancedReport('2021');
    type(report2021, 't2', 'fees', 'amount', '1.2345');
    expect(findings(report2021)).toEqual([]);
    const report2019 = balancedReport('2019');
    type(report2019, 't2', 'procurement', 'amount', '2.5');
    expect(findings(report2019)).toEqual([]);
  });

  it('3.0 is a whole number', () => {
    const report = balancedReport('2021');
    type(report, 't3', 'granted', 'natural', '3.0');
    expect(findings(report)).toEqual([]);
  });
});

describe('cell-not-integer: invalid', () => {
  it('a fractional count in table 3: one error at the cell, with the value in both messages', () => {
    const report = balancedReport('2021');
    type(report, 't3', 'received', 'legal', '2.5');
    const list = findings(report);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ rule: ID, severity: 'error', messageId: 'fraction', table: 't3', row: 'received', column: 'legal', sheet: 'test', cell: 'H23' });
    expect(list[0]!.message).toBe('表三·一、本年新收·法律服务机构 为 2.5，件数应为整数');
    expect(findings(report, 'en')[0]!.message).toBe('Table 3 I. received this year · legal service institutions is 2.5; a count must be a whole number');
  });

  it('a fractional numeric cell (as a workbook stores it) fires too', () => {
    const report = balancedReport('2021');
    const loc = get(report, 't4', 'suitAfterReview', 'upheld').loc!;
    report.tables.t4!.rows.suitAfterReview!.cells.upheld = readValue({ row: loc.row, col: loc.col, kind: 'number', number: 0.3, text: '0.3' }, loc);
    expect(findings(report).map((d) => [d.table, d.row, d.column, d.cell])).toEqual([['t4', 'suitAfterReview', 'upheld', 'K60']]);
  });

  it.each([
    ['2021', 'regulations', 'issued'],
    ['2021', 'licensing', 'decisions'],
    ['2019', 'licensing', 'change'],
    ['2019', 'procurement', 'projects'],
  ] as const)('%s table 2 %s.%s must be whole', (edition, row, column) => {
    const report = balancedReport(edition);
    type(report, 't2', row, column, '1.5');
    expect(findings(report).map((d) => [d.row, d.column])).toEqual([[row, column]]);
  });

  it('one finding per cell', () => {
    const report = balancedReport('2019');
    type(report, 't3', 'otherHandling', 'natural', '0.5');
    type(report, 't3', 'otherHandling', 'total', '1.5');
    expect(findings(report).map((d) => `${d.row}.${d.column}`)).toEqual(['otherHandling.natural', 'otherHandling.total']);
  });
});
