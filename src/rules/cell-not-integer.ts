// cell-not-integer: a count with a fractional part.

import { cellFinding } from './findings.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'cell-not-integer',
    category: 'cell',
    severity: 'error',
    description: { zh: '件数带有小数', en: 'A count has a fractional part' },
    rationale: { zh: '件数、申请数、决定数都是整数。', en: 'Counts of documents, requests and decisions are whole numbers.' },
    fix: { zh: '改为整数。', en: 'Enter a whole number.' },
    messages: { fraction: { zh: '{where} 为 {value}，件数应为整数', en: '{where} is {value}; a count must be a whole number' } },
  },
  check(_report, { cells, flag }) {
    for (const at of cells) {
      const { value } = at;
      if (at.column.kind === 'amount' || value?.status !== 'ok' || value.value === null || Number.isInteger(value.value)) continue;
      flag(cellFinding('fraction', at, value, { value: value.value }));
    }
  },
});
