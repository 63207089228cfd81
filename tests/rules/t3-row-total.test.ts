// t3-row-total: in every row of table 3, total = natural + commercial + research + nonprofit + legal + other.

import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/engine/index.js';
import { EDITIONS } from '../../src/form/index.js';
import type { Report } from '../../src/model/report.js';
import { balancedReport, bump, findingsOf, get, type } from '../helpers/report.js';

const ID = 't3-row-total';
const PARTS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other'];

const findings = findingsOf(ID);

function partsSum(report: Report, row: string): number {
  return PARTS.reduce((n, c) => n + get(report, 't3', row, c).value!, 0);
}

describe('t3-row-total: valid', () => {
  it.each(['2021', '2019'] as const)('a balanced %s report has no finding', (edition) => {
    expect(findings(balancedReport(edition))).toEqual([]);
  });

  it('moving one application from one applicant column to another in the same row keeps the row total', () => {
    const report = balancedReport('2021');
    bump(report, 't3', 'carriedForward', 'natural', -1);
    bump(report, 't3', 'carriedForward', 'legal', 1);
    expect(findings(report)).toEqual([]);
  });
});

describe('t3-row-total: invalid', () => {
  it('a changed applicant cell gives one finding at the row total, and t3-result-total for its column', () => {
    const report = balancedReport('2021');
    bump(report, 't3', 'granted', 'natural', 2);
    const { diagnostics } = checkReport(report);
    expect(diagnostics.map((d) => `${d.rule}:${d.row}:${d.column}`)).toEqual([`${ID}:granted:total`, 't3-result-total:resultTotal:natural']);
    const total = get(report, 't3', 'granted', 'total').value!;
    expect(diagnostics[0]).toMatchObject({
      rule: ID,
      severity: 'error',
      table: 't3',
      row: 'granted',
      column: 'total',
      sheet: 'test',
      cell: 'J25',
      expected: partsSum(report, 'granted'),
      actual: total,
      difference: -2,
    });
  });

  it('the Chinese message names the row, the total, the sum, the cells summed and the difference', () => {
    const report = balancedReport('2021');
    bump(report, 't3', 'granted', 'natural', 2);
    const total = get(report, 't3', 'granted', 'total').value!;
    expect(findings(report)[0]!.message).toBe(`表三（一）予以公开·总计 为 ${total}，但本行各类申请人之和为 ${partsSum(report, 'granted')}（D25:I25），相差 2`);
  });

  it('the English message names the row and column by their English labels, the figures and the range', () => {
    const report = balancedReport('2021');
    bump(report, 't3', 'granted', 'total', 3);
    const message = findings(report, 'en')[0]!.message;
    expect(message).toBe(
      `Table 3 (1) granted · total is ${get(report, 't3', 'granted', 'total').value}, but the applicant columns of the row add up to ${partsSum(report, 'granted')} (D25:I25), off by 3`,
    );
  });

  it.each(EDITIONS['2021'].t3.rows.map((r) => r.key))('2021 row %s is checked', (row) => {
    const report = balancedReport('2021');
    bump(report, 't3', row, 'total', 1);
    const list = findings(report);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ row, column: 'total', difference: 1, cell: get(report, 't3', row, 'total').loc!.cell });
  });

  it.each(EDITIONS['2019'].t3.rows.map((r) => r.key))('2019 row %s is checked', (row) => {
    const report = balancedReport('2019');
    bump(report, 't3', row, 'research', 1);
    const list = findings(report);
    expect(list.map((d) => d.row)).toEqual([row]);
    expect(list[0]!.difference).toBe(-1);
  });

  it('checks all 25 rows of a 2021 report and all 23 of a 2019 report at once', () => {
    for (const edition of ['2021', '2019'] as const) {
      const report = balancedReport(edition);
      const rows = EDITIONS[edition].t3.rows.map((r) => r.key);
      for (const row of rows) bump(report, 't3', row, 'total', 1);
      expect(findings(report).map((d) => d.row).sort()).toEqual([...rows].sort());
    }
    expect(EDITIONS['2021'].t3.rows).toHaveLength(25);
    expect(EDITIONS['2019'].t3.rows).toHaveLength(23);
  });

  it('one finding per row, however many of its cells are wrong', () => {
    const report = balancedReport('2021');
    bump(report, 't3', 'received', 'natural', 1);
    bump(report, 't3', 'received', 'other', 1);
    expect(findings(report)).toHaveLength(1);
    expect(findings(report)[0]!.difference).toBe(-2);
  });
});

describe('t3-row-total: an identity with a blank or unreadable member is not evaluated', () => {
  it.each([
    ['', 'cell-blank'],
    ['abc', 'cell-not-number'],
  ])('typing %j into granted.natural silences the granted row; %s reports the cell', (text, cellRule) => {
    const report = balancedReport('2021');
    bump(report, 't3', 'granted', 'total', 1);
    expect(findings(report).map((d) => d.row)).toEqual(['granted']);
    type(report, 't3', 'granted', 'natural', text);
    expect(findings(report)).toEqual([]);
    const cells = checkReport(report).diagnostics.filter((d) => d.rule === cellRule);
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({ row: 'granted', column: 'natural', cell: 'D25' });
  });

  it('a blank total is not evaluated', () => {
    const report = balancedReport('2021');
    bump(report, 't3', 'received', 'natural', 1);
    type(report, 't3', 'received', 'total', '');
    expect(findings(report)).toEqual([]);
  });
});
