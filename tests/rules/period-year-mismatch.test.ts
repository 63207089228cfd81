// period-year-mismatch: the statistical period ends in a year other than the title's report year.

import { describe, expect, it } from 'vitest';
import type { EditionId } from '../../src/form/types.js';
import { balancedReport, findingsOf } from '../helpers/report.js';
import { narrativeReport, SECTIONS } from '../helpers/narrative.js';

const ID = 'period-year-mismatch';
const findings = findingsOf(ID);

/** The report's texts with a period sentence first, for a report of `year`. */
const withPeriod = (sentence: string, edition: EditionId, year: number) => narrativeReport([sentence, ...SECTIONS], edition, year);

describe.each([
  ['2021', 2023],
  ['2019', 2020],
] as const)('period-year-mismatch, %s edition (report year %i)', (edition, year) => {
  it.each([
    `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
    `统计期限为${year}年1月1日至12月31日。`,
    `本报告所列数据统计期间：${year}年1月1日—${year}年12月31日。`,
    // A body created mid-year reports part of the year.
    `本报告中所列数据的统计期限自${year}年6月18日起至${year}年12月31日止。`,
    // No period at all.
    '本报告由本机关编制，电子版可在门户网站下载。',
  ])('“%s”: nothing', (sentence) => {
    expect(findings(withPeriod(sentence, edition, year))).toEqual([]);
  });

  it.each([
    [`本报告中所列数据的统计期限自${year - 1}年1月1日起至${year - 1}年12月31日止。`, year - 1],
    [`统计期限为${year - 1}年1月1日至12月31日。`, year - 1],
    [`本报告中所列数据的统计期限自${year}年1月1日起至${year + 1}年12月31日止。`, year + 1],
    [`统计期限自二〇${String(year - 1).slice(2).replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)]!)}年1月1日起至12月31日止。`, year - 1],
  ])('“%s”: an error naming both years', (sentence, periodYear) => {
    const report = withPeriod(sentence, edition, year);
    const list = findings(report);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ severity: 'error', paragraph: 2 });
    expect(list[0]!.message).toContain(`截至 ${periodYear} 年`);
    expect(list[0]!.message).toContain(`报告年度为 ${year} 年`);
  });
});

describe('period-year-mismatch: when there is nothing to compare', () => {
  it('a year that came from the period itself (no title names one)', () => {
    const report = withPeriod('统计期限自2022年1月1日起至2022年12月31日止。', '2021', 2023);
    report.year = { value: 2022, from: 'period', loc: null };
    expect(findings(report)).toEqual([]);
  });

  it('a workbook', () => {
    expect(findings(balancedReport('2021'))).toEqual([]);
  });
});
