// column-missing: an expected column of a found table is not there.

import { edition, place } from './describe.js';
import { defineRule, type Finding } from './types.js';

export default defineRule({
  meta: {
    id: 'column-missing',
    category: 'structure',
    severity: 'error',
    description: { zh: '表格中缺少规定的列', en: 'An expected column is missing from a table' },
    rationale: { zh: '缺列会使合计无法核对，也不符合统一格式。', en: 'A missing column makes totals uncheckable and breaks the national format.' },
    fix: { zh: '按年度报告格式补上该列（没有数据的填 0）。', en: 'Add the column as the national format prints it (0 where there is nothing).' },
    messages: { missing: { zh: '{where} 一列找不到', en: '{where}: column not found' } },
  },
  *check(report): Generator<Finding> {
    const ed = edition(report);
    if (!ed) return;
    const seen = new Set<string>();
    const t2 = report.tables.t2;
    for (const block of t2 ? ed.t2.blocks : []) {
      for (const row of block.rows) {
        const data = t2!.rows[row.key];
        if (!data) continue;
        for (const column of block.columns) {
          if (data.cells[column.key] || seen.has(`${block.caption}.${column.key}`)) continue;
          seen.add(`${block.caption}.${column.key}`);
          yield { messageId: 'missing', table: 't2', row: row.key, column: column.key, loc: data.loc, data: { where: place('t2', row.key, column.key) } } satisfies Finding;
        }
      }
    }
    const t3 = report.tables.t3;
    for (const column of t3?.missingColumns ?? []) {
      yield { messageId: 'missing', table: 't3', row: null, column, loc: t3!.loc, data: { where: place('t3', null, column) } };
    }
  },
});
