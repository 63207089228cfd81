// period-year-mismatch: the statistical period the text states (统计期限自2023年1月1日起至2023年12月
// 31日止) ends in a year other than the report year its title names. A period shorter than the
// year (a body created mid-year) is no finding; a title that names no year leaves nothing to compare.

import { statedPeriod } from '../extract/period.js';
import { quote, sentenceLoc, sentencesIn } from './narrative.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'period-year-mismatch',
    category: 'document',
    severity: 'error',
    description: {
      zh: '正文中的统计期限应在标题所写的报告年度内',
      en: 'The statistical period the text states lies in the report year the title names',
    },
    rationale: {
      zh: '统计期限写成别的年度，多是沿用上一年报告时漏改，读者无法判断表中数据属于哪一年。',
      en: 'A period naming another year is usually left over from last year’s report; readers cannot tell which year the figures are for.',
    },
    fix: {
      zh: '把统计期限改为报告年度（如“自2023年1月1日起至2023年12月31日止”），并核对表格数据确属该年度。',
      en: 'Set the period to the report year (自2023年1月1日起至2023年12月31日止) and check the tables are that year’s.',
    },
    messages: {
      mismatch: {
        zh: '统计期限“{quote}”截至 {periodYear} 年，但标题中的报告年度为 {year} 年',
        en: 'the statistical period “{quote}” ends in {periodYear}, but the title’s report year is {year}',
      },
    },
  },
  check(report, { flag }) {
    if (report.year?.from !== 'title') return;
    const year = report.year.value;
    for (const sentence of sentencesIn(report)) {
      const period = statedPeriod(sentence.text);
      if (!period) continue;
      if (period.year !== year) {
        flag({
          messageId: 'mismatch',
          table: null,
          row: null,
          column: null,
          loc: sentenceLoc(sentence),
          data: { quote: quote(sentence, period.at, period.length), periodYear: period.year, year },
        });
      }
      // The first period stated is the report's; a second is a quotation or a repetition.
      return;
    }
  },
});
