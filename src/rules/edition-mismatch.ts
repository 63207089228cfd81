// edition-mismatch: the tables are of one edition, the report year calls for the other.

import { editionForYear } from '../form/index.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'edition-mismatch',
    category: 'document',
    severity: 'error',
    description: { zh: '表格版式与报告年度不符（2021 年起用 2021 版格式，2019、2020 年用 2019 版）', en: 'The tables’ edition contradicts the report year (2021 edition from 2021 on; 2019 edition for 2019 and 2020)' },
    rationale: { zh: '每个报告年度只有一种法定格式；用错版式的报告需要重新填报。', en: 'Each report year has one official format; a report in the wrong one has to be redone.' },
    fix: { zh: '换用对应年度的格式模板重新填报（可用 report template 生成）。', en: 'Refill the report in the template for its year.' },
    messages: {
      mismatch: {
        zh: '报告年度为 {year} 年，应使用 {expected} 版格式，但表格是 {actual} 版格式',
        en: 'the report year is {year}, which calls for the {expected} edition, but the tables are the {actual} edition',
      },
    },
  },
  check(report, { flag }) {
    if (report.editionOverridden || !report.markedEdition || !report.year) return;
    const expected = editionForYear(report.year.value);
    if (!expected || expected === report.markedEdition) return;
    flag({
      messageId: 'mismatch',
      table: null,
      row: null,
      column: null,
      loc: report.year.loc,
      data: { year: report.year.value, expected, actual: report.markedEdition },
    });
  },
});
