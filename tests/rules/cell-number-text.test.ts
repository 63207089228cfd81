// cell-number-text: numbers read from irregular writing (full-width digits, thousands separators, a unit,
// or text in a workbook) get a warning; plain text digits in a CSV/text file are normal.

import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/engine/index.js';
import { readValue } from '../../src/extract/values.js';
import type { SourceKind } from '../../src/model/grid.js';
import type { Report } from '../../src/model/report.js';
import { RULES_BY_ID } from '../../src/rules/index.js';
import { balancedReport, findingsOf, get, type } from '../helpers/report.js';

const ID = 'cell-number-text';
const SOURCES: SourceKind[] = ['xlsx', 'csv', 'text'];

const findings = findingsOf(ID);

function from(kind: SourceKind, edition: '2021' | '2019' = '2021'): Report {
  const report = balancedReport(edition);
  report.source = { kind };
  return report;
}

describe('cell-number-text: valid', () => {
  it('the rule is a warning by default', () => {
    expect(RULES_BY_ID.get(ID)!.meta.severity).toBe('warning');
  });

  it.each(SOURCES)('numeric cells from a %s source have no finding', (kind) => {
    expect(findings(from(kind))).toEqual([]);
  });

  it.each(['csv', 'text'] as const)('plain digits typed in a %s file are normal: no finding', (kind) => {
    const report = from(kind);
    type(report, 't3', 'granted', 'natural', '12');
    type(report, 't2', 'fees', 'amount', '0.5');
    expect(get(report, 't3', 'granted', 'natural').value).toBe(12);
    expect(findings(report)).toEqual([]);
  });

  it.each(['csv', 'text'] as const)('+5 in the 2019 change column of a %s file is normal: no finding', (kind) => {
    const report = from(kind, '2019');
    type(report, 't2', 'licensing', 'change', '+5');
    expect(findings(report)).toEqual([]);
  });

  it('unreadable text is cell-not-number, not cell-number-text', () => {
    const report = from('xlsx');
    type(report, 't3', 'granted', 'natural', 'abc');
    expect(findings(report)).toEqual([]);
  });
});

describe('cell-number-text: invalid', () => {
  it.each(SOURCES)('full-width １２ warns in a %s source and says it was read as 12', (kind) => {
    const report = from(kind);
    type(report, 't3', 'granted', 'natural', '１２');
    const list = findings(report);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      rule: ID,
      severity: 'warning',
      messageId: 'full-width',
      table: 't3',
      row: 'granted',
      column: 'natural',
      sheet: 'test',
      cell: 'D25',
      expected: null,
      actual: null,
      difference: null,
    });
    expect(list[0]!.message).toBe('表三（一）予以公开·自然人 的“１２”用了全角数字，已按 12 读取');
    expect(findings(report, 'en')[0]!.message).toBe('Table 3 (1) granted · natural persons: “１２” uses full-width digits; read as 12');
  });

  it.each(SOURCES)('1,234 warns in a %s source and says it was read as 1234', (kind) => {
    const report = from(kind);
    type(report, 't3', 'received', 'total', '1,234');
    const list = findings(report);
    expect(list.map((d) => [d.messageId, d.severity, d.row, d.column, d.cell])).toEqual([['thousands', 'warning', 'received', 'total', 'J23']]);
    expect(list[0]!.message).toBe('表三·一、本年新收·总计 的“1,234”带千位分隔符，已按 1234 读取');
    expect(findings(report, 'en')[0]!.message).toContain('read as 1234');
  });

  it.each(SOURCES)('5件 warns in a %s source and says it was read as 5', (kind) => {
    const report = from(kind);
    type(report, 't4', 'review', 'corrected', '5件');
    const list = findings(report);
    expect(list.map((d) => [d.messageId, d.severity, d.table, d.row, d.column, d.cell])).toEqual([['unit', 'warning', 't4', 'review', 'corrected', 'B60']]);
    expect(list[0]!.message).toBe('表四·行政复议·结果纠正 的“5件”带有单位，已按 5 读取');
    expect(findings(report, 'en')[0]!.message).toBe('Table 4 administrative review · corrected: “5件” carries a unit; read as 5');
  });

  it('251000元 in the 2019 procurement amount is a unit warning', () => {
    const report = from('csv', '2019');
    type(report, 't2', 'procurement', 'amount', '251000元');
    expect(findings(report).map((d) => [d.messageId, d.row, d.column])).toEqual([['unit', 'procurement', 'amount']]);
    expect(findings(report)[0]!.message).toContain('251000');
  });

  it('a plain 12 typed as text fires only in a workbook (xlsx): one warning for the table, pointing at the cell', () => {
    const report = from('xlsx');
    type(report, 't3', 'granted', 'natural', '12');
    const list = findings(report);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ messageId: 'stored-as-text', severity: 'warning', table: 't3', row: null, column: null, sheet: 'test', cell: 'D25' });
    expect(list[0]!.message).toContain('表三');
    expect(list[0]!.message).toContain('1 个数字存成了文本');
    expect(list[0]!.message).toContain('D25');
    const en = findings(report, 'en')[0]!.message;
    expect(en).toContain('Table 3');
    expect(en).toContain('stored as text');
    expect(en).toContain('D25');
  });

  it('numbers stored as text in a workbook are reported once per table, listing the cells', () => {
    const report = from('xlsx');
    type(report, 't3', 'granted', 'natural', '12');
    type(report, 't3', 'granted', 'commercial', '0');
    type(report, 't4', 'review', 'pending', '0');
    const list = findings(report);
    expect(list.map((d) => [d.messageId, d.table, d.cell])).toEqual([
      ['stored-as-text', 't3', 'D25'],
      ['stored-as-text', 't4', 'D60'],
    ]);
    expect(list[0]!.message).toContain('2 个数字');
    expect(list[0]!.message).toContain('D25');
    expect(list[0]!.message).toContain('E25');
  });

  it('+5 typed as text in a workbook is stored as text', () => {
    const report = from('xlsx', '2019');
    type(report, 't2', 'licensing', 'change', '+5');
    expect(findings(report).map((d) => [d.messageId, d.table, d.cell])).toEqual([['stored-as-text', 't2', get(report, 't2', 'licensing', 'change').loc!.cell]]);
  });

  it('a cell written irregularly is reported for that, not again as stored as text', () => {
    const report = from('xlsx');
    type(report, 't3', 'granted', 'natural', '１２');
    expect(findings(report).map((d) => d.messageId)).toEqual(['full-width']);
  });

  it('one warning per cell, even when it is written irregularly in more than one way', () => {
    const report = from('xlsx');
    type(report, 't3', 'granted', 'natural', '１２件');
    type(report, 't3', 'granted', 'commercial', '1,000件');
    const list = findings(report);
    expect(list.map((d) => d.column)).toEqual(['natural', 'commercial']);
    expect(list.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('a numeric workbook cell is not text: no finding', () => {
    const report = from('xlsx');
    const loc = get(report, 't3', 'granted', 'natural').loc!;
    report.tables.t3!.rows.granted!.cells.natural = readValue({ row: loc.row, col: loc.col, kind: 'number', number: 12, text: '12' }, loc);
    expect(findings(report)).toEqual([]);
  });

  it('warnings do not count as errors', () => {
    const report = from('csv');
    type(report, 't3', 'granted', 'natural', '１２');
    type(report, 't3', 'granted', 'commercial', '1件');
    const result = checkReport(report);
    // The typed figures differ from the helper's, so the identities fire too; only ours are warnings.
    expect(result.warningCount).toBe(2);
    expect(result.diagnostics.filter((d) => d.severity === 'warning').every((d) => d.rule === ID)).toBe(true);
  });
});
