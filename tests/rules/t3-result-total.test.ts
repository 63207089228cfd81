// t3-result-total: （七）总计 = the sum of every leaf result row, in each of the 7 columns of table 3.

import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/engine/index.js';
import { EDITIONS } from '../../src/form/index.js';
import { a1 } from '../../src/model/grid.js';
import type { CellValue, Report, RowData } from '../../src/model/report.js';
import { resultRows } from '../../src/rules/t3-result-total.js';
import { balancedReport, bump, findingsOf, get, type } from '../helpers/report.js';

const ID = 't3-result-total';
const COLUMNS = EDITIONS['2021'].t3.columns.map((c) => c.key);
const SIX_2021 = ['otherHandling.overdueCorrection', 'otherHandling.unpaidFee', 'otherHandling.other'];

const findings = findingsOf(ID);

function leaves(edition: '2021' | '2019'): string[] {
  return EDITIONS[edition].t3.rows.filter((r) => r.result).map((r) => r.key);
}

function leafSum(report: Report, rows: string[], column: string): number {
  return rows.reduce((n, r) => n + get(report, 't3', r, column).value!, 0);
}

/** Replace rows `from` of a report by one row `to` holding their per-column sums (a report printed in the other shape). */
function merge(report: Report, from: string[], to: string): Report {
  const t3 = report.tables.t3!;
  const first = t3.rows[from[0]!]!;
  const cells: RowData['cells'] = {};
  for (const column of COLUMNS) {
    const n = leafSum(report, from, column);
    const loc = first.cells[column]!.loc;
    cells[column] = { text: String(n), value: n, status: 'ok', notes: [], decimals: 0, loc } satisfies CellValue;
  }
  for (const key of from) delete t3.rows[key];
  t3.rows[to] = { key: to, loc: first.loc, cells };
  return report;
}

/** Replace one row by several rows splitting its figures (all into the first, zeros below it). */
function split(report: Report, from: string, to: string[]): Report {
  const t3 = report.tables.t3!;
  const row = t3.rows[from]!;
  delete t3.rows[from];
  to.forEach((key, i) => {
    const cells: RowData['cells'] = {};
    for (const column of COLUMNS) {
      const n = i === 0 ? row.cells[column]!.value! : 0;
      const at = row.cells[column]!.loc!;
      const loc = { ...at, row: at.row + i * 100, cell: a1(at.row + i * 100, at.col) };
      cells[column] = { text: String(n), value: n, status: 'ok', notes: [], decimals: 0, loc };
    }
    t3.rows[key] = { key, loc: row.loc, cells };
  });
  return report;
}

describe('t3-result-total: valid', () => {
  it.each(['2021', '2019'] as const)('a balanced %s report has no finding', (edition) => {
    expect(findings(balancedReport(edition))).toEqual([]);
  });

  it('moving an application between two result rows of one column keeps the total', () => {
    const report = balancedReport('2021');
    bump(report, 't3', 'denied.stateSecret', 'natural', 1);
    bump(report, 't3', 'otherHandling.other', 'natural', -1);
    expect(findings(report)).toEqual([]);
  });
});

describe('t3-result-total: invalid', () => {
  it('a changed result cell gives one finding at （七）总计 of its column, with t3-row-total for its row', () => {
    const report = balancedReport('2021');
    bump(report, 't3', 'granted', 'natural', 2);
    const { diagnostics } = checkReport(report);
    expect(diagnostics.map((d) => `${d.rule}:${d.row}:${d.column}`).sort()).toEqual([`${ID}:resultTotal:natural`, 't3-row-total:granted:total'].sort());
    const resultTotal = get(report, 't3', 'resultTotal', 'natural').value!;
    expect(diagnostics.find((d) => d.rule === ID)).toMatchObject({
      severity: 'error',
      table: 't3',
      row: 'resultTotal',
      column: 'natural',
      sheet: 'test',
      cell: 'D46',
      expected: leafSum(report, leaves('2021'), 'natural'),
      actual: resultTotal,
      difference: -2,
    });
  });

  it('a changed （七）总计 also unbalances t3-balance and the row total of resultTotal', () => {
    const report = balancedReport('2021');
    bump(report, 't3', 'resultTotal', 'research', 3);
    const rules = checkReport(report).diagnostics.map((d) => `${d.rule}:${d.row}:${d.column}`);
    expect(rules.sort()).toEqual([`${ID}:resultTotal:research`, 't3-balance:null:research', 't3-row-total:resultTotal:total'].sort());
    expect(findings(report)[0]).toMatchObject({ cell: 'F46', difference: 3 });
  });

  it('the Chinese message names the total, the sum, the summed range and the difference', () => {
    const report = balancedReport('2021');
    bump(report, 't3', 'granted', 'natural', 2);
    const actual = get(report, 't3', 'resultTotal', 'natural').value!;
    const expected = leafSum(report, leaves('2021'), 'natural');
    expect(findings(report)[0]!.message).toBe(`表三（七）总计·自然人 为 ${actual}，但各办理结果之和为 ${expected}（D25:D45），相差 2`);
  });

  it('the English message names the row and column by their English labels, and the figures', () => {
    const report = balancedReport('2021');
    bump(report, 't3', 'granted', 'natural', 2);
    const actual = get(report, 't3', 'resultTotal', 'natural').value!;
    const expected = leafSum(report, leaves('2021'), 'natural');
    expect(findings(report, 'en')[0]!.message).toBe(`Table 3 (7) total · natural persons is ${actual}, but the result rows add up to ${expected} (D25:D45), off by 2`);
  });

  it.each(COLUMNS)('column %s is checked', (column) => {
    const report = balancedReport('2021');
    bump(report, 't3', 'resultTotal', column, -1);
    const list = findings(report);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ row: 'resultTotal', column, difference: -1 });
  });

  it.each(leaves('2021'))('2021 result row %s is summed', (row) => {
    const report = balancedReport('2021');
    bump(report, 't3', row, 'total', 1);
    expect(findings(report).map((d) => [d.column, d.difference])).toEqual([['total', -1]]);
  });

  it.each(leaves('2019'))('2019 result row %s is summed', (row) => {
    const report = balancedReport('2019');
    bump(report, 't3', row, 'other', 1);
    expect(findings(report).map((d) => [d.column, d.difference])).toEqual([['other', -1]]);
  });

  it('the leaves are exactly the 21 result rows of 2021 and the 19 of 2019', () => {
    expect(resultRows(balancedReport('2021'))).toEqual(leaves('2021'));
    expect(leaves('2021')).toHaveLength(21);
    expect(resultRows(balancedReport('2019'))).toEqual(leaves('2019'));
    expect(leaves('2019')).toHaveLength(19);
    expect(leaves('2019')).toContain('otherHandling');
  });

  it('rows that are not results (received, carriedOver, carriedForward) are not summed', () => {
    const report = balancedReport('2021');
    bump(report, 't3', 'carriedForward', 'natural', 1);
    bump(report, 't3', 'carriedForward', 'total', 1);
    expect(findings(report)).toEqual([]);
  });
});

describe('t3-result-total: （六）其他处理 printed in the other edition’s shape', () => {
  function oneRow2021(): Report {
    const report = merge(balancedReport('2021'), SIX_2021, 'otherHandling');
    report.missingRows.push({ table: 't3', key: 'otherHandling' });
    return report;
  }

  it('a 2021 report with one otherHandling row still sums that row (no finding when it adds up)', () => {
    const report = oneRow2021();
    expect(resultRows(report)).toContain('otherHandling');
    expect(resultRows(report)).not.toContain('otherHandling.other');
    expect(findings(report)).toEqual([]);
  });

  it('a 2021 report with one otherHandling row: a change in that row is caught', () => {
    const report = oneRow2021();
    bump(report, 't3', 'otherHandling', 'natural', 5);
    const list = findings(report);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ row: 'resultTotal', column: 'natural', difference: -5 });
    expect(list[0]!.expected).toBe(get(report, 't3', 'resultTotal', 'natural').value! + 5);
  });

  it('a 2021 report with one otherHandling row gets exactly one row-missing, and nothing else', () => {
    const report = oneRow2021();
    const { diagnostics } = checkReport(report);
    expect(diagnostics.map((d) => d.rule)).toEqual(['row-missing']);
    expect(diagnostics[0]).toMatchObject({ table: 't3', row: 'otherHandling', messageId: 'sixAsOne' });
  });

  it('a 2019 report with the three 2021 （六） rows sums all three', () => {
    const report = split(balancedReport('2019'), 'otherHandling', SIX_2021);
    report.missingRows.push({ table: 't3', key: 'otherHandling' });
    expect(findings(report)).toEqual([]);
    bump(report, 't3', 'otherHandling.unpaidFee', 'commercial', 2);
    expect(findings(report).map((d) => [d.column, d.difference])).toEqual([['commercial', -2]]);
  });

  it('a 2021 report with only some of the three （六） rows is not evaluated (a member is missing)', () => {
    const report = balancedReport('2021');
    bump(report, 't3', 'otherHandling.other', 'natural', 3);
    delete report.tables.t3!.rows['otherHandling.unpaidFee'];
    expect(findings(report)).toEqual([]);
  });
});

describe('t3-result-total: an identity with a blank or unreadable member is not evaluated', () => {
  it.each([
    ['', 'cell-blank'],
    ['abc', 'cell-not-number'],
  ])('typing %j into a leaf silences its column only; %s reports the cell', (text, cellRule) => {
    const report = balancedReport('2021');
    bump(report, 't3', 'resultTotal', 'natural', 1);
    bump(report, 't3', 'resultTotal', 'total', 1);
    expect(findings(report).map((d) => d.column)).toEqual(['natural', 'total']);
    type(report, 't3', 'granted', 'natural', text);
    expect(findings(report).map((d) => d.column)).toEqual(['total']);
    const cells = checkReport(report).diagnostics.filter((d) => d.rule === cellRule);
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({ row: 'granted', column: 'natural', cell: 'D25' });
  });

  it('a blank （七）总计 is not evaluated', () => {
    const report = balancedReport('2021');
    bump(report, 't3', 'granted', 'natural', 1);
    type(report, 't3', 'resultTotal', 'natural', '无');
    expect(findings(report)).toEqual([]);
  });

  it('no table 3 or no edition: nothing to check', () => {
    const noTable = balancedReport('2021');
    noTable.tables.t3 = null;
    expect(findings(noTable)).toEqual([]);
    const noEdition = balancedReport('2021');
    bump(noEdition, 't3', 'granted', 'natural', 1);
    noEdition.edition = null;
    expect(findings(noEdition)).toEqual([]);
  });
});
