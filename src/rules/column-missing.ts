// column-missing: an expected column of a found table is not there.

import { EDITIONS, t2Rows } from '../form/index.js';
import { place } from './places.js';
import { defineRule } from './types.js';

/** Table-2 rows by key -> their block caption, so a column missing from a block is reported once. */
const BLOCK_OF = new Map<string, string>(Object.values(EDITIONS).flatMap((ed) => t2Rows(ed).map(({ row, block }) => [`${ed.id}.${row.key}`, block.caption] as const)));

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
  check(report, { cells, flag }) {
    // One finding per column: per block in table 2, per table in table 3, per group in table 4.
    const seen = new Set<string>();
    for (const { table, row, column, value } of cells) {
      if (value) continue;
      const scope = table === 't2' ? BLOCK_OF.get(`${report.edition}.${row}`) : table === 't4' ? row : '';
      const key = `${table}.${scope}.${column.key}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const shownRow = table === 't3' ? null : row;
      flag({
        messageId: 'missing',
        table,
        row: shownRow,
        column: column.key,
        loc: report.tables[table]?.rows[row]?.loc ?? null,
        data: { where: place(table, shownRow, column.key) },
      });
    }
  },
});
