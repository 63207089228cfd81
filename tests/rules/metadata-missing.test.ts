// metadata-missing: the reporting body or the report year cannot be determined (a warning each).

import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/engine/index.js';
import { ReadError, unreadableReport } from '../../src/index.js';
import { balancedReport, findingsOf } from '../helpers/report.js';

const ID = 'metadata-missing';

const findings = findingsOf(ID);

describe('metadata-missing: valid', () => {
  it.each(['2021', '2019'] as const)('a %s report with body and year has no finding', (edition) => {
    expect(findings(balancedReport(edition))).toEqual([]);
  });

  it('a year from the file name and a body from a cell are enough', () => {
    const report = balancedReport('2021');
    report.year = { value: 2022, from: 'filename', loc: null };
    report.agency = { value: '某某局', from: 'cell', loc: { sheet: 'test', cell: 'B2', row: 2, col: 2 } };
    expect(findings(report)).toEqual([]);
  });

  it('an unreadable file gets file-unreadable only, not metadata-missing', () => {
    const report = unreadableReport('x.xlsx', new ReadError('encrypted'));
    expect(report.agency).toBeNull();
    expect(report.year).toBeNull();
    expect(findings(report)).toEqual([]);
  });
});

describe('metadata-missing: invalid', () => {
  it('no agency: one warning saying where the body is looked for', () => {
    const report = balancedReport('2021');
    report.agency = null;
    const result = checkReport(report);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      rule: ID,
      severity: 'warning',
      messageId: 'agency',
      table: null,
      row: null,
      column: null,
      sheet: null,
      cell: null,
    });
    expect(result.diagnostics[0]!.message).toBe('找不到报告单位（标题或“填报单位”）');
    expect(findings(report, 'en')[0]!.message).toBe('no reporting body found (title or 填报单位)');
    expect([result.errorCount, result.warningCount]).toEqual([0, 1]);
  });

  it('no year: one warning saying where the year is looked for', () => {
    const report = balancedReport('2019');
    report.year = null;
    const list = findings(report);
    expect(list.map((d) => [d.messageId, d.severity])).toEqual([['year', 'warning']]);
    expect(list[0]!.message).toBe('找不到报告年度（标题、“报告年度”或文件名）');
    expect(findings(report, 'en')[0]!.message).toBe('no report year found (title, 报告年度 or file name)');
  });

  it('neither: one warning each', () => {
    const report = balancedReport('2021');
    report.agency = null;
    report.year = null;
    expect(findings(report).map((d) => d.messageId).sort()).toEqual(['agency', 'year']);
  });
});
