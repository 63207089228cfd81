// t3-balance: received + carriedOver = resultTotal + carriedForward, checked in every column of table 3.

import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/engine/index.js';
import { EDITIONS } from '../../src/form/index.js';
import type { Report } from '../../src/model/report.js';
import { balancedReport, bump, findingsOf, get, type } from '../helpers/report.js';

const ID = 't3-balance';
const COLUMNS = EDITIONS['2021'].t3.columns.map((c) => c.key);

const findings = findingsOf(ID);

/** What the column's two sides add up to, read from the report. */
function sides(report: Report, column: string) {
  const v = (row: string) => get(report, 't3', row, column).value!;
  return {
    received: v('received'),
    carriedOver: v('carriedOver'),
    resultTotal: v('resultTotal'),
    carriedForward: v('carriedForward'),
    expected: v('received') + v('carriedOver'),
    actual: v('resultTotal') + v('carriedForward'),
  };
}

describe('t3-balance: valid', () => {
  it.each(['2021', '2019'] as const)('a balanced %s report has no finding', (edition) => {
    expect(findings(balancedReport(edition))).toEqual([]);
  });

  it('moving one application between two result rows of the same column keeps the column balanced', () => {
    const report = balancedReport('2021');
    bump(report, 't3', 'granted', 'natural', -1);
    bump(report, 't3', 'granted', 'total', -1);
    bump(report, 't3', 'partiallyGranted', 'natural', 1);
    bump(report, 't3', 'partiallyGranted', 'total', 1);
    expect(checkReport(report).diagnostics).toEqual([]);
  });
});

describe('t3-balance: invalid', () => {
  it('a −1/+1 pair across two columns with a balanced 总计 column gives exactly two findings, none for total', () => {
    const report = balancedReport('2021');
    bump(report, 't3', 'carriedForward', 'natural', -1);
    bump(report, 't3', 'carriedForward', 'commercial', 1);
    const result = checkReport(report);
    // The carriedForward row still adds up (−1 + 1 = 0): only the two columns are out.
    expect(result.diagnostics.map((d) => [d.rule, d.column])).toEqual([
      [ID, 'natural'],
      [ID, 'commercial'],
    ]);
    expect(result.errorCount).toBe(2);
    const natural = sides(report, 'natural');
    const commercial = sides(report, 'commercial');
    expect(result.diagnostics[0]).toMatchObject({
      rule: ID,
      severity: 'error',
      table: 't3',
      row: null,
      column: 'natural',
      sheet: 'test',
      cell: get(report, 't3', 'carriedForward', 'natural').loc!.cell,
      expected: natural.expected,
      actual: natural.actual,
      difference: -1,
    });
    expect(result.diagnostics[1]).toMatchObject({
      rule: ID,
      severity: 'error',
      table: 't3',
      row: null,
      column: 'commercial',
      cell: get(report, 't3', 'carriedForward', 'commercial').loc!.cell,
      expected: commercial.expected,
      actual: commercial.actual,
      difference: 1,
    });
    expect(result.diagnostics.some((d) => d.column === 'total')).toBe(false);
  });

  it('points at the carriedForward cell of the column (D47 / E47 in the helper layout)', () => {
    const report = balancedReport('2021');
    bump(report, 't3', 'carriedForward', 'natural', -1);
    bump(report, 't3', 'carriedForward', 'commercial', 1);
    expect(findings(report).map((d) => d.cell)).toEqual(['D47', 'E47']);
  });

  it('a change in the total column alone is reported for column total', () => {
    const report = balancedReport('2021');
    bump(report, 't3', 'carriedForward', 'total', 1);
    const { diagnostics } = checkReport(report);
    expect(diagnostics.map((d) => [d.rule, d.row, d.column]).sort()).toEqual(
      [
        [ID, null, 'total'],
        ['t3-row-total', 'carriedForward', 'total'],
      ].sort(),
    );
    const total = sides(report, 'total');
    expect(diagnostics.find((d) => d.rule === ID)).toMatchObject({ column: 'total', expected: total.expected, actual: total.actual, difference: 1 });
  });

  it.each(COLUMNS)('column %s is checked: a change to its received cell gives exactly one finding for it', (column) => {
    const report = balancedReport('2021');
    bump(report, 't3', 'received', column, 2);
    const list = findings(report);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ column, difference: -2, cell: get(report, 't3', 'carriedForward', column).loc!.cell });
  });

  it.each(COLUMNS)('column %s is checked in the 2019 edition too', (column) => {
    const report = balancedReport('2019');
    bump(report, 't3', 'carriedOver', column, -3);
    const list = findings(report);
    expect(list.map((d) => d.column)).toEqual([column]);
    expect(list[0]!.difference).toBe(3);
  });

  it('a change to resultTotal is caught by the identity as well as by t3-result-total', () => {
    const report = balancedReport('2021');
    bump(report, 't3', 'resultTotal', 'legal', 4);
    const rules = checkReport(report).diagnostics.map((d) => `${d.rule}:${d.row}:${d.column}`);
    expect(rules.sort()).toEqual([`${ID}:null:legal`, 't3-result-total:resultTotal:legal', 't3-row-total:resultTotal:total'].sort());
    expect(findings(report)[0]).toMatchObject({ difference: 4 });
  });

  it('the Chinese message names the column and every figure of the identity', () => {
    const report = balancedReport('2021');
    bump(report, 't3', 'carriedForward', 'natural', -1);
    bump(report, 't3', 'carriedForward', 'commercial', 1);
    const s = sides(report, 'natural');
    const [natural] = findings(report);
    expect(natural!.message).toBe(
      `表三「自然人」列不平衡：本年新收 ${s.received} + 上年结转 ${s.carriedOver} = ${s.expected}，但（七）总计 ${s.resultTotal} + 结转下年度 ${s.carriedForward} = ${s.actual}，相差 1`,
    );
  });

  it('the English message names the column and every figure of the identity', () => {
    const report = balancedReport('2021');
    bump(report, 't3', 'carriedForward', 'commercial', 1);
    bump(report, 't3', 'carriedForward', 'natural', -1);
    const s = sides(report, 'commercial');
    const commercial = findings(report, 'en').find((d) => d.column === 'commercial')!;
    expect(commercial.message).toContain('commercial');
    for (const n of [s.received, s.carriedOver, s.expected, s.resultTotal, s.carriedForward, s.actual]) expect(commercial.message).toContain(String(n));
    expect(commercial.message).toMatch(/off by 1$/);
    expect(commercial.message).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('t3-balance: an identity with a blank or unreadable member is not evaluated', () => {
  it.each([
    ['', 'cell-blank'],
    ['abc', 'cell-not-number'],
    ['-', 'cell-blank'],
  ])('typing %j into received.natural suppresses the natural column only; %s reports the cell', (text, cellRule) => {
    const report = balancedReport('2021');
    // Unbalance natural and total; the blank member must silence natural but not total.
    bump(report, 't3', 'carriedForward', 'natural', 1);
    bump(report, 't3', 'carriedForward', 'total', 1);
    expect(findings(report).map((d) => d.column)).toEqual(['natural', 'total']);
    type(report, 't3', 'received', 'natural', text);
    expect(findings(report).map((d) => d.column)).toEqual(['total']);
    const cellFindings = checkReport(report).diagnostics.filter((d) => d.rule === cellRule);
    expect(cellFindings).toHaveLength(1);
    expect(cellFindings[0]).toMatchObject({ table: 't3', row: 'received', column: 'natural', cell: 'D23' });
  });

  it('a missing member row is not evaluated either', () => {
    const report = balancedReport('2021');
    bump(report, 't3', 'carriedOver', 'natural', 5);
    delete report.tables.t3!.rows.carriedOver;
    expect(findings(report)).toEqual([]);
  });

  it('no table 3, no finding', () => {
    const report = balancedReport('2021');
    report.tables.t3 = null;
    expect(findings(report)).toEqual([]);
  });
});
