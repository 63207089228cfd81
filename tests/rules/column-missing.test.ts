// column-missing: an expected column of a found table is not there (reported once per table block).

import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/engine/index.js';
import type { Report } from '../../src/model/report.js';
import { balancedReport, findingsOf } from '../helpers/report.js';

const ID = 'column-missing';

const findings = findingsOf(ID);

/** Remove a column from rows of a table, as the extractor leaves out a column it cannot find. */
function dropCells(report: Report, table: 't2' | 't3' | 't4', rows: string[], column: string): Report {
  for (const row of rows) delete report.tables[table]!.rows[row]!.cells[column];
  return report;
}

describe('column-missing: valid', () => {
  it.each(['2021', '2019'] as const)('a complete %s report has no finding', (edition) => {
    expect(findings(balancedReport(edition))).toEqual([]);
  });

  it('no edition: table 2 cannot be compared with a layout, nothing is reported', () => {
    const report = dropCells(balancedReport('2021'), 't2', ['regulations'], 'issued');
    report.edition = null;
    expect(findings(report)).toEqual([]);
  });
});

describe('column-missing: invalid', () => {
  it('a t2 column missing from a block: one error per block, at the first row lacking it', () => {
    const report = dropCells(balancedReport('2021'), 't2', ['regulations', 'normativeDocuments'], 'repealed');
    const list = findings(report);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      rule: ID,
      severity: 'error',
      messageId: 'missing',
      table: 't2',
      row: 'regulations',
      column: 'repealed',
      sheet: 'test',
      cell: 'A7',
    });
    expect(list[0]!.message).toBe('表二·规章·本年废止件数 一列找不到');
    expect(findings(report, 'en')[0]!.message).toBe('Table 2 rules · repealed this year: column not found');
  });

  it('the same column key in two blocks is two instances (2021 licensing and penalties both have decisions)', () => {
    const report = dropCells(balancedReport('2021'), 't2', ['licensing', 'penalties', 'coercion'], 'decisions');
    expect(findings(report).map((d) => [d.row, d.column])).toEqual([
      ['licensing', 'decisions'],
      ['penalties', 'decisions'],
    ]);
  });

  it('a 2019 t2 column is reported by its key', () => {
    const report = dropCells(balancedReport('2019'), 't2', ['procurement'], 'amount');
    expect(findings(report).map((d) => [d.row, d.column, d.message])).toEqual([['procurement', 'amount', '表二·政府集中采购·采购总金额 一列找不到']]);
  });

  it('a t3 column the extractor could not find: one error for the table, and no identity is evaluated on it', () => {
    const report = balancedReport('2021');
    const t3 = report.tables.t3!;
    dropCells(report, 't3', Object.keys(t3.rows), 'research');
    const { diagnostics } = checkReport(report);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ rule: ID, table: 't3', row: null, column: 'research', cell: 'A23' });
    expect(diagnostics[0]!.message).toBe('表三·科研机构 一列找不到');
    expect(findings(report, 'en')[0]!.message).toBe('Table 3 research institutions: column not found');
  });

  it('two missing t3 columns: two errors', () => {
    const report = balancedReport('2019');
    for (const column of ['legal', 'other']) dropCells(report, 't3', Object.keys(report.tables.t3!.rows), column);
    expect(findings(report).map((d) => d.column)).toEqual(['legal', 'other']);
  });

  it('a t4 column the extractor could not find is reported', () => {
    const report = dropCells(balancedReport('2021'), 't4', ['suitAfterReview'], 'total');
    const list = findings(report);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ table: 't4', column: 'total' });
  });
});
