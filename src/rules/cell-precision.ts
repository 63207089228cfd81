// cell-precision: a fee amount with more decimals than its label allows (保留4位小数).

import { cellFinding } from './findings.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'cell-precision',
    category: 'cell',
    severity: 'warning',
    description: { zh: '金额的小数位数超过表头规定（如“保留4位小数”）', en: 'An amount has more decimals than its label allows (such as 保留4位小数)' },
    rationale: { zh: '表头规定了小数位数；多出的位数通常是单位换算错误（元与万元）的迹象。', en: 'The label fixes the decimals; extra digits often mean a unit slip (yuan vs ten thousand yuan).' },
    fix: { zh: '确认单位为万元，并按规定位数四舍五入。', en: 'Check the unit is 万元 and round to the allowed decimals.' },
    messages: {
      precision: { zh: '{where} 为 {text}，有 {decimals} 位小数，表头规定保留 {allowed} 位', en: '{where} is {text} with {decimals} decimals; the label allows {allowed}' },
    },
  },
  check(report, { cells, flag }) {
    const allowed = report.tables.t2?.amountDecimals;
    if (allowed === undefined) return;
    for (const at of cells) {
      const { value } = at;
      if (at.table !== 't2' || at.row !== 'fees' || at.column.kind !== 'amount' || value?.status !== 'ok' || value.decimals <= allowed) continue;
      flag(cellFinding('precision', at, value, { text: value.text, decimals: value.decimals, allowed }));
    }
  },
});
