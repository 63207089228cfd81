// cell-precision: a fee amount with more decimals than its label allows (保留4位小数): a warning.

import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/engine/index.js';
import { readValue } from '../../src/extract/values.js';
import type { Report } from '../../src/model/report.js';
import { RULES_BY_ID } from '../../src/rules/index.js';
import { balancedReport, findingsOf, get, type } from '../helpers/report.js';

const ID = 'cell-precision';

const findings = findingsOf(ID);

/** A 2021 report whose fee label said 保留N位小数 (null: said nothing), with `text` typed as the amount. */
function withAmount(text: string, decimals: number | null = 4): Report {
  const report = balancedReport('2021');
  if (decimals !== null) report.tables.t2!.amountDecimals = decimals;
  return type(report, 't2', 'fees', 'amount', text);
}

describe('cell-precision: valid', () => {
  it('the rule is a warning by default', () => {
    expect(RULES_BY_ID.get(ID)!.meta.severity).toBe('warning');
  });

  it('4 decimals where 4 are allowed: no finding', () => {
    expect(findings(withAmount('1.2345'))).toEqual([]);
  });

  it('fewer decimals than allowed: no finding', () => {
    expect(findings(withAmount('12.5'))).toEqual([]);
    expect(findings(withAmount('3'))).toEqual([]);
  });

  it('without 保留N位小数 in the label (amountDecimals unset) any number of decimals passes', () => {
    const report = withAmount('1.234567', null);
    expect(report.tables.t2!.amountDecimals).toBeUndefined();
    expect(findings(report)).toEqual([]);
  });

  it('only the fee amount is checked: a count with many decimals is cell-not-integer, not cell-precision', () => {
    const report = balancedReport('2021');
    report.tables.t2!.amountDecimals = 4;
    type(report, 't2', 'licensing', 'decisions', '1.23456');
    expect(findings(report)).toEqual([]);
    expect(checkReport(report).diagnostics.some((d) => d.rule === 'cell-not-integer')).toBe(true);
  });
});

describe('cell-precision: invalid', () => {
  it('5 decimals where 4 are allowed: one warning at the fee cell, naming the text, its decimals and the allowance', () => {
    const report = withAmount('1.23456');
    const list = findings(report);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      rule: ID,
      severity: 'warning',
      messageId: 'precision',
      table: 't2',
      row: 'fees',
      column: 'amount',
      sheet: 'test',
      cell: get(report, 't2', 'fees', 'amount').loc!.cell,
    });
    expect(list[0]!.cell).toBe('B18');
    expect(list[0]!.message).toBe('表二·行政事业性收费·本年收费金额 为 1.23456，有 5 位小数，表头规定保留 4 位');
    expect(findings(report, 'en')[0]!.message).toBe('Table 2 administrative fees · fees charged this year is 1.23456 with 5 decimals; the label allows 4');
  });

  it('is a warning, never an error: the report has no error', () => {
    const result = checkReport(withAmount('0.123456'));
    expect(result.diagnostics.filter((d) => d.rule === ID).map((d) => d.severity)).toEqual(['warning']);
    expect(result.errorCount).toBe(0);
  });

  it('a numeric workbook cell with 5 decimals fires too', () => {
    const report = balancedReport('2021');
    report.tables.t2!.amountDecimals = 4;
    const loc = get(report, 't2', 'fees', 'amount').loc!;
    report.tables.t2!.rows.fees!.cells.amount = readValue({ row: loc.row, col: loc.col, kind: 'number', number: 12.34567, text: '12.34567' }, loc);
    const list = findings(report);
    expect(list).toHaveLength(1);
    expect(list[0]!.message).toContain('有 5 位小数');
  });

  it('the allowance comes from the label: 保留2位小数 makes 3 decimals a warning', () => {
    const list = findings(withAmount('1.234', 2));
    expect(list).toHaveLength(1);
    expect(list[0]!.message).toContain('保留 2 位');
  });

  it('its severity can be overridden', () => {
    expect(checkReport(withAmount('1.23456'), { severities: { [ID]: 'error' } }).diagnostics.find((d) => d.rule === ID)!.severity).toBe('error');
    expect(checkReport(withAmount('1.23456'), { severities: { [ID]: 'off' } }).diagnostics.filter((d) => d.rule === ID)).toEqual([]);
  });
});
