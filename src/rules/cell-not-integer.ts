// cell-not-integer: a count with a fractional part.

import { expectedCells, place } from './describe.js';
import { defineRule, type Finding } from './types.js';

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
  *check(report): Generator<Finding> {
    for (const { table, row, column, value } of expectedCells(report)) {
      if (column.kind === 'amount' || value?.status !== 'ok' || value.value === null || Number.isInteger(value.value)) continue;
      yield { messageId: 'fraction', table, row, column: column.key, loc: value.loc, data: { where: place(table, row, column.key), value: value.value } };
    }
  },
});
