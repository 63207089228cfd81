// cell-negative: a count or amount below zero (the 2019 edition's 本年增/减 may be negative).

import { cellFinding } from './findings.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'cell-negative',
    category: 'cell',
    severity: 'error',
    description: { zh: '件数或金额为负数（2019 版“本年增/减”除外）', en: 'A count or amount is below zero (the 2019 edition’s change column excepted)' },
    rationale: { zh: '件数和金额不可能小于 0。', en: 'Counts and amounts cannot be below zero.' },
    fix: { zh: '改为实际数字。', en: 'Enter the actual figure.' },
    messages: { negative: { zh: '{where} 为 {value}，不能是负数', en: '{where} is {value}; it cannot be negative' } },
  },
  check(_report, { cells, flag }) {
    for (const at of cells) {
      const { value } = at;
      if (at.column.kind === 'signed' || value?.status !== 'ok' || value.value === null || value.value >= 0) continue;
      flag(cellFinding('negative', at, value, { value: value.value }));
    }
  },
});
