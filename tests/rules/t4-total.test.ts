// t4-total: in each group of table 4, total = upheld + corrected + other + pending; and severity overrides.

import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/engine/index.js';
import type { Report } from '../../src/model/report.js';
import { balancedReport, bump, findingsOf, get, type } from '../helpers/report.js';

const ID = 't4-total';
const GROUPS = [
  { key: 'review', zh: '表四·行政复议·总计', en: 'Table 4 administrative review · total', range: 'A60:D60', cell: 'E60' },
  { key: 'suitDirect', zh: '表四·行政诉讼·未经复议直接起诉·总计', en: 'Table 4 lawsuit without review · total', range: 'F60:I60', cell: 'J60' },
  { key: 'suitAfterReview', zh: '表四·行政诉讼·复议后起诉·总计', en: 'Table 4 lawsuit after review · total', range: 'K60:N60', cell: 'O60' },
] as const;
const PARTS = ['upheld', 'corrected', 'other', 'pending'];

const findings = findingsOf(ID);

function partsSum(report: Report, group: string): number {
  return PARTS.reduce((n, c) => n + get(report, 't4', group, c).value!, 0);
}

describe('t4-total: valid', () => {
  it.each(['2021', '2019'] as const)('a balanced %s report has no finding', (edition) => {
    expect(findings(balancedReport(edition))).toEqual([]);
  });

  it('moving a case between two outcomes of one group keeps the total', () => {
    const report = balancedReport('2021');
    bump(report, 't4', 'review', 'upheld', -1);
    bump(report, 't4', 'review', 'pending', 1);
    expect(checkReport(report).diagnostics).toEqual([]);
  });
});

describe('t4-total: invalid', () => {
  it.each(GROUPS)('group $key: a wrong total gives exactly one finding whose row is the group key', ({ key, zh, en, range, cell }) => {
    const report = balancedReport('2021');
    bump(report, 't4', key, 'total', 2);
    const { diagnostics } = checkReport(report);
    expect(diagnostics).toHaveLength(1);
    const total = get(report, 't4', key, 'total').value!;
    const expected = partsSum(report, key);
    expect(diagnostics[0]).toMatchObject({
      rule: ID,
      severity: 'error',
      messageId: 'mismatch',
      table: 't4',
      row: key,
      column: 'total',
      sheet: 'test',
      cell,
      expected,
      actual: total,
      difference: 2,
    });
    expect(diagnostics[0]!.message).toBe(`${zh} 为 ${total}，但结果维持、结果纠正、其他结果、尚未审结之和为 ${expected}（${range}），相差 2`);
    expect(findings(report, 'en')[0]!.message).toBe(`${en} is ${total}, but upheld + corrected + other result + not concluded = ${expected} (${range}), off by 2`);
  });

  it.each(GROUPS.flatMap((g) => PARTS.map((p) => [g.key, p] as const)))('group %s: a change to %s is caught for that group only', (group, part) => {
    const report = balancedReport('2019');
    bump(report, 't4', group, part, 1);
    expect(findings(report).map((d) => [d.row, d.difference])).toEqual([[group, -1]]);
  });

  it('one finding per violated group: all three wrong gives three', () => {
    const report = balancedReport('2021');
    for (const g of GROUPS) bump(report, 't4', g.key, 'total', -1);
    expect(findings(report).map((d) => d.row)).toEqual(['review', 'suitDirect', 'suitAfterReview']);
  });
});

describe('t4-total: an identity with a blank or unreadable member is not evaluated', () => {
  it.each([
    ['', 'cell-blank'],
    ['abc', 'cell-not-number'],
    ['/', 'cell-blank'],
  ])('typing %j into review.upheld silences review only; %s reports the cell', (text, cellRule) => {
    const report = balancedReport('2021');
    bump(report, 't4', 'review', 'total', 1);
    bump(report, 't4', 'suitDirect', 'total', 1);
    type(report, 't4', 'review', 'upheld', text);
    expect(findings(report).map((d) => d.row)).toEqual(['suitDirect']);
    const cells = checkReport(report).diagnostics.filter((d) => d.rule === cellRule);
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({ table: 't4', row: 'review', column: 'upheld', cell: 'A60' });
  });

  it('a missing group row or a missing table 4 is not evaluated', () => {
    const report = balancedReport('2021');
    bump(report, 't4', 'review', 'total', 1);
    delete report.tables.t4!.rows.review;
    expect(findings(report)).toEqual([]);
    report.tables.t4 = null;
    expect(findings(report)).toEqual([]);
  });
});

describe('severity overrides (engine)', () => {
  function unbalanced(): Report {
    const report = balancedReport('2021');
    bump(report, 't4', 'suitDirect', 'total', 1);
    return report;
  }

  it('the default severity is error', () => {
    const result = checkReport(unbalanced());
    expect(result.diagnostics.map((d) => [d.rule, d.severity])).toEqual([[ID, 'error']]);
    expect([result.errorCount, result.warningCount]).toEqual([1, 0]);
  });

  it("'off' disables the rule", () => {
    const result = checkReport(unbalanced(), { severities: { [ID]: 'off' } });
    expect(result.diagnostics).toEqual([]);
    expect([result.errorCount, result.warningCount]).toEqual([0, 0]);
  });

  it("'warning' changes its severity and the counts", () => {
    const result = checkReport(unbalanced(), { severities: { [ID]: 'warning' } });
    expect(result.diagnostics.map((d) => [d.rule, d.severity])).toEqual([[ID, 'warning']]);
    expect([result.errorCount, result.warningCount]).toEqual([0, 1]);
  });

  it('an override of one rule leaves the others alone', () => {
    const report = unbalanced();
    bump(report, 't3', 'granted', 'total', 1);
    const result = checkReport(report, { severities: { [ID]: 'off' } });
    expect(result.diagnostics.map((d) => [d.rule, d.severity]).sort()).toEqual(
      [
        ['t3-result-total', 'error'],
        ['t3-row-total', 'error'],
      ].sort(),
    );
  });
});
