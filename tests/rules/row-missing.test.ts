// row-missing: an expected row of a found table is not there; （六）其他处理 in the other edition's shape is
// reported once, and still summed by t3-result-total.

import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/engine/index.js';
import type { TableId } from '../../src/form/types.js';
import type { Report, RowData } from '../../src/model/report.js';
import { balancedReport, findingsOf, get } from '../helpers/report.js';

const ID = 'row-missing';
const SIX_2021 = ['otherHandling.overdueCorrection', 'otherHandling.unpaidFee', 'otherHandling.other'];

const findings = findingsOf(ID);

/** Remove a row as the extractor would when it cannot find it. */
function drop(report: Report, table: TableId, key: string): Report {
  delete report.tables[table]!.rows[key];
  report.missingRows.push({ table, key });
  return report;
}

function locate(report: Report, table: TableId, cell: string, row: number, col: number): Report {
  report.tables[table]!.loc = { sheet: 'test', cell, row, col };
  return report;
}

describe('row-missing: valid', () => {
  it.each(['2021', '2019'] as const)('a complete %s report has no finding', (edition) => {
    expect(findings(balancedReport(edition))).toEqual([]);
  });
});

describe('row-missing: invalid', () => {
  it('a missing t3 row: one error at the table, naming the row in both languages', () => {
    const report = locate(drop(balancedReport('2021'), 't3', 'denied.stateSecret'), 't3', 'A20', 20, 1);
    const list = findings(report);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      rule: ID,
      severity: 'error',
      messageId: 'missing',
      table: 't3',
      row: 'denied.stateSecret',
      column: null,
      sheet: 'test',
      cell: 'A20',
    });
    expect(list[0]!.message).toBe('表三缺少“（三）1.属于国家秘密”一行');
    expect(findings(report, 'en')[0]!.message).toBe('Table 3 has no row (3) 1. state secret');
  });

  it('a missing t2 row is named by its label', () => {
    const report = drop(balancedReport('2021'), 't2', 'licensing');
    const list = findings(report);
    expect(list.map((d) => [d.table, d.row])).toEqual([['t2', 'licensing']]);
    expect(list[0]!.message).toBe('表二缺少“行政许可”一行');
  });

  it('a missing t4 group is reported', () => {
    const report = drop(balancedReport('2021'), 't4', 'suitAfterReview');
    expect(findings(report).map((d) => [d.table, d.row, d.message])).toEqual([['t4', 'suitAfterReview', '表四缺少“行政诉讼·复议后起诉”一行']]);
  });

  it('one finding per missing row', () => {
    const report = balancedReport('2019');
    drop(report, 't3', 'granted');
    drop(report, 't3', 'carriedForward');
    drop(report, 't2', 'procurement');
    expect(findings(report).map((d) => `${d.table}:${d.row}`).sort()).toEqual(['t2:procurement', 't3:carriedForward', 't3:granted']);
  });

  it('a 2021 report printing （六）其他处理 as one row: exactly one finding, at that row, saying it is still summed', () => {
    const report = balancedReport('2021');
    const t3 = report.tables.t3!;
    const first = t3.rows[SIX_2021[0]!]!;
    const cells: RowData['cells'] = {};
    for (const [column, v] of Object.entries(first.cells)) {
      const n = SIX_2021.reduce((sum, key) => sum + get(report, 't3', key, column).value!, 0);
      cells[column] = { ...v, text: String(n), value: n };
    }
    for (const key of SIX_2021) delete t3.rows[key];
    t3.rows.otherHandling = { key: 'otherHandling', loc: first.loc, cells };
    report.missingRows.push({ table: 't3', key: 'otherHandling' });

    const { diagnostics } = checkReport(report);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ rule: ID, severity: 'error', messageId: 'sixAsOne', table: 't3', row: 'otherHandling', column: null, cell: first.loc!.cell });
    expect(diagnostics[0]!.message).toContain('（六）其他处理 只有一行');
    expect(diagnostics[0]!.message).toContain('2021 版');
    expect(diagnostics[0]!.message).toContain('三行');
    expect(diagnostics[0]!.message).toContain('仍计入总计核对');
    const en = findings(report, 'en')[0]!.message;
    expect(en).toContain('2021 edition');
    expect(en).toContain('“1. not corrected in time”, “2. fee not paid in time” and “3. other”');
    expect(en).toContain('still summed');
  });

  it('a 2019 report printing （六）其他处理 as three rows: exactly one finding, at the first of them', () => {
    const report = balancedReport('2019');
    const t3 = report.tables.t3!;
    const one = t3.rows.otherHandling!;
    delete t3.rows.otherHandling;
    SIX_2021.forEach((key, i) => {
      const cells: RowData['cells'] = {};
      for (const [column, v] of Object.entries(one.cells)) cells[column] = { ...v, text: i ? '0' : v.text, value: i ? 0 : v.value };
      t3.rows[key] = { key, loc: { sheet: 'test', cell: `A${90 + i}`, row: 90 + i, col: 1 }, cells };
    });
    report.missingRows.push({ table: 't3', key: 'otherHandling' });
    const { diagnostics } = checkReport(report);
    expect(diagnostics.map((d) => [d.rule, d.messageId, d.row, d.cell])).toEqual([[ID, 'sixAsThree', 'otherHandling', 'A90']]);
    expect(diagnostics[0]!.message).toContain('2019 版格式只有一行');
    expect(checkReport(report, { lang: 'en' }).diagnostics[0]!.message).toContain('2019 edition has one row');
  });
});
