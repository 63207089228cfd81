// fee-unit (2021 edition): a fee amount too large for the body's level, most often yuan typed into
// the 万元 cell. Bodies of every level, at and around their ceilings: a finding only above it.

import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { RULES_BY_ID } from '../../src/rules/index.js';
import { balancedReport, findingsOf, type } from '../helpers/report.js';

const ID = 'fee-unit';
const findings = findingsOf(ID);

function of(body: string, amount: string): Report {
  const report = balancedReport('2021');
  report.agency = { value: body, from: 'title', loc: null };
  return type(report, 't2', 'fees', 'amount', amount);
}

/** A body of each level, the largest amount it may report without a finding, and what in its name decides. */
const LEVELS: Array<[string, number, string | null]> = [
  ['顿坊店乡人民政府', 999.9999, '顿坊店乡'],
  ['昆山市周市镇人民政府', 999, '周市镇'],
  ['昆山市人民政府', 99_999, '昆山市'],
  ['海淀区市场监督管理局', 99_999.5, '海淀区'],
  ['苏州市财政局', 999_999, '苏州市'],
  ['江苏省财政厅', 9_999_999, null],
  ['国家市场监督管理总局', 9_999_999, null],
  ['示例县人民政府办公室', 9_999_999, null],
];

describe('fee-unit', () => {
  it('is a warning by default', () => {
    expect(RULES_BY_ID.get(ID)!.meta.severity).toBe('warning');
  });

  it('gives nothing at or below each level’s ceiling, nor for the amounts real reports give', () => {
    for (const [body, most] of LEVELS) {
      for (const amount of ['0', '0.0350', '12.3456', String(most)]) expect(findings(of(body, amount)), `${body} ${amount}`).toEqual([]);
    }
  });

  it('flags an amount above the ceiling, with what it is in 万元 if it was yuan', () => {
    for (const [body, most, decidedBy] of LEVELS) {
      const amount = Math.floor(most) + 1;
      const [finding, ...rest] = findings(of(body, String(amount)));
      expect(rest, body).toEqual([]);
      expect([finding!.row, finding!.column, finding!.actual, finding!.expected]).toEqual(['fees', 'amount', amount, amount / 10_000]);
      if (decidedBy) expect(finding!.message).toContain(`名称中的“${decidedBy}”`);
      else expect(finding!.message).toContain('超过 1000 亿元');
    }
  });

  it('says what a township’s 12,000 yuan typed as 万元 is', () => {
    expect(findings(of('顿坊店乡人民政府', '12000'))[0]!.message).toBe('表二·行政事业性收费·本年收费金额 为 12000 万元，对乡镇级机关（名称中的“顿坊店乡”）来说过大；若填的是元，应为 1.2 万元');
  });

  it('gives nothing on the 2019 edition (its fee row has no amount), or when the amount is not a number', () => {
    const report = balancedReport('2019');
    report.agency = { value: '顿坊店乡人民政府', from: 'title', loc: null };
    expect(findings(report)).toEqual([]);
    expect(findings(of('顿坊店乡人民政府', '一万二'))).toEqual([]);
    expect(findings(of('顿坊店乡人民政府', ''))).toEqual([]);
  });
});
