// t3-row-total: in every row of table 3, 总计 is the sum of the six applicant columns.

import { EDITIONS } from '../form/index.js';
import { cellsOf } from './cells.js';
import { totalFinding } from './findings.js';
import { defineRule } from './types.js';

const PARTS = EDITIONS['2021'].t3.columns.filter((c) => c.key !== 'total').map((c) => c.key);

export default defineRule({
  meta: {
    id: 't3-row-total',
    category: 'balance',
    severity: 'error',
    description: {
      zh: '表三每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他',
      en: 'Table 3, every row: total = natural + commercial + research + nonprofit + legal + other',
    },
    rationale: {
      zh: '总计列是本行各类申请人之和，不相等说明某个格子或总计录错了。',
      en: 'The total column is the sum of the applicant columns; a difference means a cell or the total was entered wrongly.',
    },
    fix: { zh: '重新加总本行六类申请人的数量，改正总计或录错的格子。', en: 'Add up the six applicant columns of the row again and correct the total or the wrong cell.' },
    messages: {
      mismatch: {
        zh: '{where} 为 {actual}，但本行各类申请人之和为 {expected}[（{range}）]，相差 {difference}',
        en: '{where} is {actual}, but the applicant columns of the row add up to {expected}[ ({range})], off by {difference}',
      },
    },
  },
  check(report, { flag }) {
    const t3 = report.tables.t3;
    if (!t3) return;
    for (const row of Object.values(t3.rows)) {
      const finding = totalFinding({ table: 't3', row: row.key, column: 'total' }, cellsOf(PARTS, (k) => row.cells[k]), row.cells.total);
      if (finding) flag(finding);
    }
  },
});
