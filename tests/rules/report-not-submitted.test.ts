// report-not-submitted: each body on the roster without a report of the year, a finding of the roster file at its line.

import { describe, expect, it } from 'vitest';
import { checkRoster } from '../../src/engine/index.js';
import { matchRoster } from '../../src/model/roster.js';

const reports = [{ file: 'a.xlsx', agency: '示例县人民政府', year: 2023 }];

describe('report-not-submitted', () => {
  it('every body submitted: nothing', () => {
    const result = checkRoster('名单.csv', matchRoster([{ body: '示例县人民政府', year: null, line: 2 }], reports));
    expect(result.diagnostics).toEqual([]);
  });

  it('a body without a report of the year: an error at its line, naming body and year, in both languages', () => {
    const outcome = matchRoster(
      [
        { body: '示例县人民政府', year: null, line: 2 },
        { body: '示例县教育局', year: null, line: 3 },
        { body: '示例县人民政府', year: 2022, line: 4 },
      ],
      reports,
    );
    const zh = checkRoster('名单.csv', outcome);
    expect(zh.diagnostics.map((d) => [d.rule, d.severity, d.line, d.message])).toEqual([
      ['report-not-submitted', 'error', 3, '“示例县教育局”没有 2023 年度的报告'],
      ['report-not-submitted', 'error', 4, '“示例县人民政府”没有 2022 年度的报告'],
    ]);
    expect(zh.errorCount).toBe(2);
    expect(checkRoster('名单.csv', outcome, { lang: 'en' }).diagnostics[0]!.message).toBe('“示例县教育局” has no report for 2023');
    expect(checkRoster('名单.csv', outcome, { severities: { 'report-not-submitted': 'off' } }).diagnostics).toEqual([]);
  });
});
