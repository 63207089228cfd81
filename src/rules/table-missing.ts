// table-missing: table 2, 3 or 4 could not be found.

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
    messages: { missing: { zh: '找不到{table}（{title}）', en: '{table} ({title}) was not found' } },
  },
  check(report, { flag }) {
    if (report.failure) return;
    for (const id of ['t2', 't3', 't4'] as TableId[]) {
      if (report.tables[id]) continue;
      const names = TABLE_NAMES[id];
      flag({ messageId: 'missing', table: id, row: null, column: null, loc: null, data: { table: { zh: names.zh, en: names.en }, title: names.title } });
    }
  },
});
