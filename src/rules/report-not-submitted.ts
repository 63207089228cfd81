// report-not-submitted: a body on the roster (`--expect 名单.csv`) has no report of the year in the
// batch. A finding of the roster file itself, at the body's line.

import { defineRosterRule } from './types.js';

export default defineRosterRule({
  meta: {
    id: 'report-not-submitted',
    category: 'roster',
    severity: 'error',
    description: {
      zh: '名单（--expect）上的单位在本批文件中应有该年度的报告',
      en: 'Every body on the roster (--expect) has a report of the year in the batch',
    },
    rationale: {
      zh: '上级机关要掌握哪些单位还没有报送年度报告；按名单核对比逐个翻找文件可靠。',
      en: 'A supervising office needs to know which bodies have not yet submitted their report; checking against the roster is more reliable than looking through the files.',
    },
    fix: {
      zh: '催报该单位的年度报告；若文件已在文件夹中，检查其标题中的单位名称和年度是否写对（名单只按名称和年度匹配）。',
      en: 'Ask the body for its report; if its file is in the folder, check the body’s name and the year in its title (the roster is matched by name and year only).',
    },
    messages: {
      missing: { zh: '“{body}”没有[ {year} 年度的]报告', en: '“{body}” has no report[ for {year}]' },
    },
  },
  checkRoster(outcome, { flag }) {
    for (const entry of outcome.missing) {
      flag({
        messageId: 'missing',
        table: null,
        row: entry.body,
        column: entry.year === null ? null : String(entry.year),
        loc: { sheet: '', cell: `A${entry.line}`, row: entry.line, col: 1, line: entry.line },
        data: { body: entry.body, year: entry.year ?? '' },
      });
    }
  },
});
