// row-missing: an expected row of a found table is not there.

import { place, rowLabel } from './places.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'row-missing',
    category: 'structure',
    severity: 'error',
    description: { zh: '表格中缺少规定的行', en: 'An expected row is missing from a table' },
    rationale: { zh: '缺行会使合计无法核对，也不符合统一格式。', en: 'A missing row makes totals uncheckable and breaks the national format.' },
    fix: { zh: '按年度报告格式补上该行（没有数据的填 0）。', en: 'Add the row as the national format prints it (0 where there is nothing).' },
    messages: {
      missing: { zh: '{table}缺少“{label}”一行', en: '{table} has no row {label}' },
      sixAsOne: {
        zh: '（六）其他处理 只有一行：{edition} 版格式要求分为“1.申请人无正当理由逾期不补正…”“2.申请人逾期未按收费通知要求缴纳费用…”“3.其他”三行（本行仍计入总计核对）',
        en: '(6) other handling is printed as one row: the {edition} edition splits it into three rows, “1. not corrected in time”, “2. fee not paid in time” and “3. other”; the one row is still summed into the total',
      },
      sixAsThree: {
        zh: '（六）其他处理 分成了三行：{edition} 版格式只有一行“（六）其他处理”（三行仍计入总计核对）',
        en: '(6) other handling is split into three rows: the {edition} edition has one row, “(6) other handling”; the three rows are still summed into the total',
      },
    },
  },
  check(report, { flag }) {
    for (const { table, key } of report.missingRows) {
      const loc = report.tables[table]?.loc ?? null;
      if (table === 't3' && key === 'otherHandling') {
        const split = report.edition === '2021';
        const at = report.tables.t3?.rows[split ? 'otherHandling' : 'otherHandling.overdueCorrection']?.loc ?? loc;
        flag({ messageId: split ? 'sixAsOne' : 'sixAsThree', table, row: key, column: null, loc: at, data: { edition: report.edition ?? '' } });
      } else flag({ messageId: 'missing', table, row: key, column: null, loc, data: { table: place(table, null, null), label: { zh: rowLabel(table, key), en: rowLabel(table, key, 'en') } } });
    }
  },
});
