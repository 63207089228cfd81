// metadata-missing: the reporting body or the report year cannot be determined.

import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'metadata-missing',
    category: 'document',
    severity: 'warning',
    description: { zh: '无法确定报告单位或报告年度', en: 'The reporting body or the report year cannot be determined' },
    rationale: { zh: '没有单位和年度，报告无法归档，也无法与上一年度的报告核对结转数。', en: 'Without body and year a report cannot be filed or paired with last year’s for carry-over checks.' },
    fix: {
      zh: '在首行写明标题，如“XX 人民政府 2023 年政府信息公开工作年度报告”，或填写“填报单位”“报告年度”。',
      en: 'Put the title on the first line (“XX人民政府2023年政府信息公开工作年度报告”) or fill in 填报单位 and 报告年度.',
    },
    messages: {
      agency: { zh: '找不到报告单位（标题或“填报单位”）', en: 'no reporting body found (title or 填报单位)' },
      year: { zh: '找不到报告年度（标题、“报告年度”或文件名）', en: 'no report year found (title, 报告年度 or file name)' },
    },
  },
  check(report, { flag }) {
    if (report.failure) return;
    const base = { table: null, row: null, column: null, loc: null, data: {} };
    if (!report.agency) flag({ messageId: 'agency', ...base });
    if (!report.year) flag({ messageId: 'year', ...base });
  },
});
