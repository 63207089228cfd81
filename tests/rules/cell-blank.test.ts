// cell-blank: a required cell that is empty or holds only a placeholder (-, —, /, 无): the format wants 0.

import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/engine/index.js';
import { balancedReport, findingsOf, get, type } from '../helpers/report.js';

const ID = 'cell-blank';

const findings = findingsOf(ID);

describe('cell-blank: valid', () => {
  it.each(['2021', '2019'] as const)('a filled-in %s report has no finding', (edition) => {
    expect(findings(balancedReport(edition))).toEqual([]);
  });

  it('0 is the right way to say none', () => {
    const report = balancedReport('2021');
    type(report, 't3', 'received', 'natural', '0');
    type(report, 't2', 'fees', 'amount', '0');
    expect(findings(report)).toEqual([]);
  });

  it('a number or non-number text is not a blank (other rules handle it)', () => {
    const report = balancedReport('2021');
    type(report, 't4', 'review', 'upheld', 'abc');
    expect(findings(report)).toEqual([]);
  });

  it('a cell of a column that was not found at all is column-missing, not cell-blank', () => {
    const report = balancedReport('2021');
    delete report.tables.t2!.rows.licensing!.cells.decisions;
    expect(findings(report)).toEqual([]);
  });
});

describe('cell-blank: invalid', () => {
  it('an empty t3 cell: one error pointing at the cell; the Chinese and English messages say to enter 0', () => {
    const report = balancedReport('2021');
    type(report, 't3', 'denied.stateSecret', 'research', '');
    const list = findings(report);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      rule: ID,
      severity: 'error',
      messageId: 'blank',
      table: 't3',
      row: 'denied.stateSecret',
      column: 'research',
      sheet: 'test',
      cell: get(report, 't3', 'denied.stateSecret', 'research').loc!.cell,
      expected: null,
      actual: null,
      difference: null,
    });
    expect(list[0]!.cell).toBe('F27');
    expect(list[0]!.message).toBe('表三（三）1.属于国家秘密·科研机构 为空：请填写数字，没有的填 0');
    expect(findings(report, 'en')[0]!.message).toBe('Table 3 (3) 1. state secret · research institutions is empty: enter the number, or 0 for none');
  });

  it.each(['-', '—', '/', '无', '－', '／', ' - '])('the placeholder %j is reported, quoting what the cell holds', (text) => {
    const report = balancedReport('2021');
    type(report, 't4', 'suitDirect', 'pending', text);
    const list = findings(report);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ messageId: 'placeholder', table: 't4', row: 'suitDirect', column: 'pending', cell: 'I60' });
    expect(list[0]!.message).toBe(`表四·行政诉讼·未经复议直接起诉·尚未审结 填的是“${text}”：格式要求没有的填 0`);
    const en = findings(report, 'en')[0]!.message;
    expect(en).toContain(`“${text}”`);
    expect(en).toContain('the format wants 0');
  });

  it('table 2 cells are checked, in both editions', () => {
    const report2021 = balancedReport('2021');
    type(report2021, 't2', 'fees', 'amount', '');
    expect(findings(report2021).map((d) => [d.table, d.row, d.column, d.cell])).toEqual([['t2', 'fees', 'amount', 'B18']]);
    expect(findings(report2021)[0]!.message).toContain('表二·行政事业性收费·本年收费金额');
    const report2019 = balancedReport('2019');
    type(report2019, 't2', 'procurement', 'amount', '—');
    expect(findings(report2019).map((d) => [d.table, d.row, d.column])).toEqual([['t2', 'procurement', 'amount']]);
  });

  it('one finding per blank cell', () => {
    const report = balancedReport('2021');
    type(report, 't3', 'received', 'natural', '');
    type(report, 't3', 'received', 'commercial', '-');
    type(report, 't2', 'regulations', 'issued', '无');
    const list = findings(report);
    expect(list.map((d) => `${d.table}:${d.row}:${d.column}:${d.messageId}`)).toEqual([
      't2:regulations:issued:placeholder',
      't3:received:natural:blank',
      't3:received:commercial:placeholder',
    ]);
  });

  it('a blank cell silences the identities it belongs to: the blank is the only finding', () => {
    const report = balancedReport('2021');
    type(report, 't3', 'received', 'natural', '');
    expect(checkReport(report).diagnostics.map((d) => d.rule)).toEqual([ID]);
  });
});
