// duplicate-report: two files in one batch for the same body and year.

import { defineHistoryRule } from './types.js';

export default defineHistoryRule({
  meta: {
    id: 'duplicate-report',
    category: 'history',
    severity: 'warning',
    description: { zh: '同一批文件中，同一单位同一年度有两份以上报告', en: 'Two or more files in one batch for the same body and year' },
    rationale: {
      zh: '重复提交时不知道哪一份是准的，跨年度核对也无法确定用哪一份。',
      en: 'With two submissions it is unclear which one counts, and cross-year checks cannot tell which to use.',
    },
    fix: { zh: '保留最终的一份，删除或改名其他的。', en: 'Keep the final one and remove or rename the others.' },
    messages: {
      duplicate: { zh: '{agency} {year} 年的报告共有 {count} 份，另见：{others}[ 等 {othersInAll} 份]', en: 'there are {count} {year} reports of {agency}; see also: {others}[ and {more} more]' },
    },
  },
  checkHistory(current, { duplicates, flag }) {
    if (duplicates.length === 0 || !current.agency || !current.year) return;
    const shown = duplicates.slice(0, 3).map((d) => d.file);
    const more = duplicates.length - shown.length;
    flag({
      messageId: 'duplicate',
      table: null,
      row: null,
      column: null,
      loc: null,
      // A few names are enough to find the others; all of them would grow with the square of the batch.
      data: {
        agency: current.agency,
        year: current.year,
        count: duplicates.length + 1,
        others: shown,
        // Only when some are not named: in Chinese, how many there are in all; in English, how many more.
        othersInAll: more ? duplicates.length : '',
        more: more || '',
      },
    });
  },
});
