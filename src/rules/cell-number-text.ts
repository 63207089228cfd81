// cell-number-text: a number written in a way that was read but that other tools may not read:
// full-width digits, thousands separators, a unit, or (in a workbook) a number stored as text.

import type { TableId } from '../form/types.js';
import type { Location } from '../model/report.js';
import { cellFinding } from './findings.js';
import { place } from './places.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'cell-number-text',
    category: 'cell',
    severity: 'warning',
    description: {
      zh: '数字的写法不规范（全角数字、千位分隔符、带单位，或在工作簿中存成了文本）：已按数字读取',
      en: 'A number is written irregularly (full-width digits, thousands separators, a unit, or stored as text in a workbook); it was read as a number',
    },
    rationale: {
      zh: '这样的格子本工具能读，但 Excel 的求和和其他系统可能把它当成文字而漏算。',
      en: 'This tool reads such cells, but Excel’s SUM and other systems may treat them as text and leave them out.',
    },
    fix: { zh: '只填阿拉伯数字，单元格格式设为“常规”或“数值”。', en: 'Enter plain digits and set the cell format to General or Number.' },
    messages: {
      'stored-as-text': {
        zh: '{table}有 {count} 个数字存成了文本（{cells}[ 等另 {more} 个]），已按数字读取；Excel 求和时会漏掉它们',
        en: '{table}: {count} number(s) stored as text ({cells}[ and {more} more]); read as numbers, but Excel’s SUM leaves them out',
      },
      'full-width': { zh: '{where} 的“{text}”用了全角数字，已按 {value} 读取', en: '{where}: “{text}” uses full-width digits; read as {value}' },
      thousands: { zh: '{where} 的“{text}”带千位分隔符，已按 {value} 读取', en: '{where}: “{text}” has thousands separators; read as {value}' },
      unit: { zh: '{where} 的“{text}”带有单位，已按 {value} 读取', en: '{where}: “{text}” carries a unit; read as {value}' },
    },
  },
  check(report, { cells, flag }) {
    // Numbers stored as text in a workbook come by the hundred (a whole exported table): one finding per table.
    const asText = new Map<TableId, Location[]>();
    for (const at of cells) {
      const { table, value } = at;
      if (value?.status !== 'ok') continue;
      const note = value.notes.find((n) => n !== 'plus-sign' && n !== 'stored-as-text');
      if (!note) {
        if (report.source.kind === 'xlsx' && value.notes.includes('stored-as-text') && value.loc) {
          const locs = asText.get(table);
          if (locs) locs.push(value.loc);
          else asText.set(table, [value.loc]);
        }
        continue;
      }
      flag(cellFinding(note, at, value, { text: value.text, value: value.value ?? '' }));
    }
    for (const [table, locs] of asText) {
      // A few cells are enough to find the others.
      const cells = locs.slice(0, 3).map((l) => l.cell);
      flag({
        messageId: 'stored-as-text',
        table,
        row: null,
        column: null,
        loc: locs[0]!,
        data: { table: place(table, null, null), count: locs.length, cells, more: locs.length - cells.length || '' },
      });
    }
  },
});
