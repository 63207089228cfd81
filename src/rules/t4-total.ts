// t4-total: in each group of table 4, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.

import { EDITIONS } from '../form/index.js';
import { cellsOf } from './cells.js';
import { totalFinding } from './findings.js';
import { defineRule } from './types.js';

const PARTS = ['upheld', 'corrected', 'other', 'pending'];

export default defineRule({
  meta: {
    id: 't4-total',
    category: 'balance',
    severity: 'error',
    description: {
      zh: '表四每组（行政复议、未经复议直接起诉、复议后起诉）：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
      en: 'Table 4, each group (administrative review, lawsuit without review, lawsuit after review): total = upheld + corrected + other result + not concluded',
    },
    rationale: { zh: '每组的总计是四种结果之和。', en: 'Each group’s total is the sum of its four outcomes.' },
    fix: { zh: '重新加总该组四种结果，改正总计或录错的格子。', en: 'Add the group’s four outcomes again and correct the total or the wrong cell.' },
    messages: {
      mismatch: {
        zh: '{where} 为 {actual}，但结果维持、结果纠正、其他结果、尚未审结之和为 {expected}[（{range}）]，相差 {difference}',
        en: '{where} is {actual}, but upheld + corrected + other result + not concluded = {expected}[ ({range})], off by {difference}',
      },
    },
  },
  check(report, { flag }) {
    const t4 = report.tables.t4;
    if (!t4) return;
    for (const group of EDITIONS['2021'].t4.groups) {
      const row = t4.rows[group.key];
      if (!row) continue;
      const finding = totalFinding({ table: 't4', row: group.key, column: 'total' }, cellsOf(PARTS, (k) => row.cells[k]), row.cells.total);
      if (finding) flag(finding);
    }
  },
});
