// cell-blank: a required cell is empty or holds only a placeholder (-, —, /, 无): the format wants 0.

import { cellFinding } from './findings.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'cell-blank',
    category: 'cell',
    severity: 'error',
    description: { zh: '必填格子为空，或只填了“-”“—”“/”“无”等占位符（格式要求填 0）', en: 'A required cell is empty or holds a placeholder such as -, —, /, 无 (the format wants 0)' },
    rationale: { zh: '空格无法核对，读者也分不清是“没有”还是“漏填”。', en: 'An empty cell cannot be checked, and readers cannot tell “none” from “forgotten”.' },
    fix: { zh: '填写数字；没有发生的填 0。', en: 'Enter the number; enter 0 where there was none.' },
    messages: {
      blank: { zh: '{where} 为空：请填写数字，没有的填 0', en: '{where} is empty: enter the number, or 0 for none' },
      placeholder: { zh: '{where} 填的是“{text}”：格式要求没有的填 0', en: '{where} holds “{text}”: the format wants 0 for none' },
    },
  },
  check(_report, { cells, flag }) {
    for (const at of cells) {
      const { value } = at;
      if (value?.status === 'blank' || value?.status === 'placeholder') flag(cellFinding(value.status, at, value, { text: value.text }));
    }
  },
});
