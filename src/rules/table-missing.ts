// table-missing: table 2, 3 or 4 could not be found (in a PDF with a table-sized picture, most
// likely because the table is that picture).

import { TABLE_NAMES } from '../form/index.js';
import type { TableId } from '../form/types.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'table-missing',
    category: 'structure',
    severity: 'error',
    description: { zh: '找不到表二、表三或表四', en: 'Table 2, 3 or 4 was not found' },
    rationale: { zh: '年度报告格式要求三张表都要填报。', en: 'The national format requires all three tables.' },
    fix: {
      zh: '按年度报告格式补上缺少的表格，并保留表格的标题或表头（如“三、收到和处理政府信息公开申请情况”）。',
      en: 'Add the missing table in the official layout, keeping its title or header (such as “三、收到和处理政府信息公开申请情况”).',
    },
    messages: {
      missing: { zh: '找不到{table}（{title}）', en: '{table} ({title}) was not found' },
      image: {
        zh: '找不到{table}（{title}）：第 {pages} 页有表格大小的图片，表格可能是贴进去的截图，读不出其中的数字：请在原文件中用文字表格填报后重新导出 PDF',
        en: '{table} ({title}) was not found: page {pages} shows a table-sized picture, likely a screenshot of the table, whose numbers cannot be read: fill the table in as text in the original and export the PDF again',
      },
    },
  },
  check(report, { flag }) {
    if (report.failure) return;
    for (const id of ['t2', 't3', 't4'] as TableId[]) {
      if (report.tables[id]) continue;
      const names = TABLE_NAMES[id];
      const data = { table: { zh: names.zh, en: names.en }, title: names.title };
      // A PDF with a picture the size of a table: the table is most likely that picture.
      if (report.images?.length) flag({ messageId: 'image', table: id, row: null, column: null, loc: null, data: { ...data, pages: report.images.map(String) } });
      else flag({ messageId: 'missing', table: id, row: null, column: null, loc: null, data });
    }
  },
});
