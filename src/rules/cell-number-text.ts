// cell-number-text: a number written in a way that was read but that other tools may not read:
// full-width digits, thousands separators, a unit, or (in a workbook) a number stored as text.

import { expectedCells, place } from './describe.js';
import { defineRule, type Finding } from './types.js';

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
      'stored-as-text': { zh: '{where} 的 {text} 存成了文本，已按数字读取', en: '{where}: {text} is stored as text; read as a number' },
      'full-width': { zh: '{where} 的“{text}”用了全角数字，已按 {value} 读取', en: '{where}: “{text}” uses full-width digits; read as {value}' },
      thousands: { zh: '{where} 的“{text}”带千位分隔符，已按 {value} 读取', en: '{where}: “{text}” has thousands separators; read as {value}' },
      unit: { zh: '{where} 的“{text}”带有单位，已按 {value} 读取', en: '{where}: “{text}” carries a unit; read as {value}' },
    },
  },
  *check(report): Generator<Finding> {
    const workbook = report.source.kind === 'xlsx';
    for (const { table, row, column, value } of expectedCells(report)) {
      if (value?.status !== 'ok') continue;
      const note = value.notes.find((n) => n !== 'plus-sign' && (n !== 'stored-as-text' || workbook));
      if (!note) continue;
      yield {
        messageId: note,
        table,
        row,
        column: column.key,
        loc: value.loc,
        data: { where: place(table, row, column.key), text: value.text, value: value.value ?? '' },
      };
    }
  },
});
