// cell-not-number: text, a date, an error value or an uncalculated formula where a number belongs.

import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/engine/index.js';
import { readValue } from '../../src/extract/values.js';
import type { CellKind } from '../../src/model/grid.js';
import type { Report } from '../../src/model/report.js';
import { balancedReport, findingsOf, get, type } from '../helpers/report.js';

const ID = 'cell-not-number';

const findings = findingsOf(ID);

/** Put a workbook cell of the given kind where a number belongs (as the xlsx reader would). */
function put(report: Report, table: 't2' | 't3' | 't4', row: string, column: string, kind: CellKind, text: string): Report {
  const loc = get(report, table, row, column).loc!;
  report.tables[table]!.rows[row]!.cells[column] = readValue({ row: loc.row, col: loc.col, kind, text }, loc);
  return report;
}

describe('cell-not-number: valid', () => {
  it.each(['2021', '2019'] as const)('a %s report of numbers has no finding', (edition) => {
    expect(findings(balancedReport(edition))).toEqual([]);
  });

  it.each(['12', '１２', '1,234', '5件', '251000元', '0.5', ' 7 '])('%j is read as a number', (text) => {
    const report = balancedReport('2021');
    type(report, 't2', 'fees', 'amount', text);
    expect(findings(report)).toEqual([]);
  });

  it('blanks and placeholders are cell-blank, not cell-not-number', () => {
    const report = balancedReport('2021');
    type(report, 't3', 'granted', 'natural', '');
    type(report, 't3', 'granted', 'commercial', '—');
    expect(findings(report)).toEqual([]);
  });
});

describe('cell-not-number: invalid', () => {
  it('text in a t3 cell: one error at the cell, quoting the text in both languages', () => {
    const report = balancedReport('2021');
    type(report, 't3', 'granted', 'natural', 'abc');
    const list = findings(report);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      rule: ID,
      severity: 'error',
      messageId: 'text',
      table: 't3',
      row: 'granted',
      column: 'natural',
      sheet: 'test',
      cell: 'D25',
    });
    expect(list[0]!.message).toBe('表三（一）予以公开·自然人 填的是“abc”，不是数字');
    expect(findings(report, 'en')[0]!.message).toBe('Table 3 (1) granted · natural persons holds “abc”, which is not a number');
  });

  it.each(['见附件', '12件左右', '1.2.3', '十二', '约5'])('%j is not a number', (text) => {
    const report = balancedReport('2021');
    type(report, 't2', 'licensing', 'decisions', text);
    const list = findings(report);
    expect(list.map((d) => [d.table, d.row, d.column, d.messageId])).toEqual([['t2', 'licensing', 'decisions', 'text']]);
    expect(list[0]!.message).toContain(text);
  });

  it('a date cell says to set the cell format to General', () => {
    const report = balancedReport('2021');
    const loc = get(report, 't4', 'review', 'corrected').loc!;
    report.tables.t4!.rows.review!.cells.corrected = readValue({ row: loc.row, col: loc.col, kind: 'date', text: '1900-01-03', number: 3 }, loc);
    const list = findings(report);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ messageId: 'date', table: 't4', row: 'review', column: 'corrected', cell: 'B60' });
    expect(list[0]!.message).toBe('表四·行政复议·结果纠正 是日期格式，显示为 1900-01-03（存的数是 3）：请把单元格格式改为“常规”后填写数字');
    expect(findings(report, 'en')[0]!.message).toContain('set the cell format to General');
  });

  it('an error value is quoted and the clerk is told to fix the formula', () => {
    const report = put(balancedReport('2021'), 't3', 'resultTotal', 'total', 'error', '#REF!');
    const list = findings(report);
    expect(list.map((d) => [d.messageId, d.row, d.column])).toEqual([['error', 'resultTotal', 'total']]);
    expect(list[0]!.message).toContain('#REF!');
    expect(list[0]!.message).toContain('公式');
    expect(findings(report, 'en')[0]!.message).toContain('#REF!');
  });

  it('a formula without a cached result says to open and save the file', () => {
    const report = put(balancedReport('2021'), 't3', 'resultTotal', 'natural', 'formula', '=SUM(D25:D45)');
    const list = findings(report);
    expect(list.map((d) => d.messageId)).toEqual(['formula']);
    expect(list[0]!.message).toContain('保存');
    expect(findings(report, 'en')[0]!.message).toContain('open and save');
  });

  it('a boolean is not a number', () => {
    const report = put(balancedReport('2019'), 't2', 'procurement', 'projects', 'boolean', 'TRUE');
    expect(findings(report).map((d) => [d.row, d.column, d.messageId])).toEqual([['procurement', 'projects', 'text']]);
  });

  it('one finding per cell, and the identities it belongs to are not evaluated', () => {
    const report = balancedReport('2021');
    type(report, 't3', 'received', 'natural', 'abc');
    type(report, 't3', 'received', 'other', 'n/a?');
    const { diagnostics } = checkReport(report);
    expect(diagnostics.map((d) => `${d.rule}:${d.column}`)).toEqual([`${ID}:natural`, `${ID}:other`]);
  });
});
