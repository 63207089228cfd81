// t3-result-total: （七）总计 is the sum of every leaf result row, in every column of table 3.

import { EDITIONS, t3RowKeys } from '../form/index.js';
import type { Report } from '../model/report.js';
import { cell, cellsOf, edition } from './cells.js';
import { totalFinding } from './findings.js';
import { defineRule } from './types.js';

/** Keys of every result row of either edition: what （七）总计 sums. */
const RESULT_KEYS = new Set(Object.values(EDITIONS).flatMap((ed) => ed.t3.rows.filter((r) => r.result).map((r) => r.key)));

/**
 * The result rows to sum: the edition's leaves, except that （六）其他处理 printed in the other
 * edition's shape (one row instead of three, or the reverse) is summed as printed.
 */
export function resultRows(report: Report): string[] | null {
  const ed = edition(report);
  const rows = report.tables.t3?.rows;
  if (!ed || !rows) return null;
  return t3RowKeys(ed, rows).filter((k) => RESULT_KEYS.has(k));
}

export default defineRule({
  meta: {
    id: 't3-result-total',
    category: 'balance',
    severity: 'error',
    description: {
      zh: '表三每一列：（七）总计 = （一）至（六）各项办理结果之和',
      en: 'Table 3, every column: (7) total = the sum of the results (1) to (6)',
    },
    rationale: {
      zh: '（七）总计是本年度各项办理结果之和，漏加或多加某一项都会使总计与明细不符。',
      en: 'The result total is the sum of the result rows; a row left out or counted twice makes them disagree.',
    },
    fix: { zh: '把（一）至（六）各项重新加总，改正（七）总计或录错的明细格子。', en: 'Add the result rows up again and correct the total or the wrong row.' },
    messages: {
      mismatch: {
        zh: '{where} 为 {actual}，但各办理结果之和为 {expected}[（{range}）]，相差 {difference}',
        en: '{where} is {actual}, but the result rows add up to {expected}[ ({range})], off by {difference}',
      },
    },
  },
  check(report, { flag }) {
    const rows = resultRows(report);
    if (!rows) return;
    for (const column of EDITIONS['2021'].t3.columns) {
      const finding = totalFinding({ table: 't3', row: 'resultTotal', column: column.key }, cellsOf(rows, (r) => cell(report, 't3', r, column.key)), cell(report, 't3', 'resultTotal', column.key));
      if (finding) flag(finding);
    }
  },
});
