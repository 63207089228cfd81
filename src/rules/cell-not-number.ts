// cell-not-number: a cell holds text, a date, an error value or an uncalculated formula instead of a number.

import type { CellValue } from '../model/report.js';
import { cellFinding } from './findings.js';
import { defineRule } from './types.js';

const MESSAGE_BY_STATUS: Partial<Record<CellValue['status'], 'text' | 'date' | 'error' | 'formula'>> = { 'not-number': 'text', date: 'date', error: 'error', formula: 'formula' };

export default defineRule({
  meta: {
    id: 'cell-not-number',
    category: 'cell',
    severity: 'error',
    description: { zh: '格子里填的不是数字', en: 'A cell holds something that is not a number' },
    rationale: { zh: '表格只收数字；文字、日期或错误值会使合计无法核对。', en: 'The tables take numbers only; text, dates or error values make the totals uncheckable.' },
    fix: { zh: '改为数字（没有的填 0）；日期格式的格子请把单元格格式改为“常规”或“数值”。', en: 'Enter a number (0 for none); for a date, set the cell format to General or Number.' },
    messages: {
      text: { zh: '{where} 填的是“{text}”，不是数字', en: '{where} holds “{text}”, which is not a number' },
      date: {
        zh: '{where} 是日期格式，显示为 {text}（存的数是 {serial}）：请把单元格格式改为“常规”后填写数字',
        en: '{where} is formatted as a date and shows {text} (the number stored is {serial}): set the cell format to General and enter the number',
      },
      error: { zh: '{where} 是错误值 {text}：请改正公式或直接填写数字', en: '{where} is the error value {text}: fix the formula or enter the number' },
      formula: {
        zh: '{where} 是没有计算结果的公式：请在 Excel/WPS 中打开并保存一次以重新计算',
        en: '{where} is a formula without a cached result: open and save the file in Excel/WPS to recalculate',
      },
    },
  },
  check(_report, { cells, flag }) {
    for (const at of cells) {
      const messageId = at.value && MESSAGE_BY_STATUS[at.value.status];
      if (at.value && messageId) flag(cellFinding(messageId, at, at.value, { text: at.value.text, serial: at.value.serial ?? '' }));
    }
  },
});
