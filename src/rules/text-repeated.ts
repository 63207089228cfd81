// text-repeated: section 五 (problems and improvements) is the same, or nearly, as in the same
// body's report of the year before (model/sketch.ts compares fingerprints, not the texts).

import { similarity } from '../model/sketch.js';
import { defineHistoryRule } from './types.js';

/** Estimated Jaccard similarity of the two sections' 4-grams from which a section counts as copied. */
export const COPIED = 0.9;

export default defineHistoryRule({
  meta: {
    id: 'text-repeated',
    category: 'history',
    severity: 'warning',
    description: {
      zh: '第五部分“存在的主要问题及改进情况”不应照抄上一年度报告',
      en: 'Section 5 (main problems and improvements) is not copied from last year’s report',
    },
    rationale: {
      zh: '问题和改进措施年年照抄，说明没有真正查找问题、落实整改；年度考核把它列为扣分项。',
      en: 'Problems and measures copied year after year show that none were really looked for or acted on; annual assessments mark it down.',
    },
    fix: {
      zh: '结合本年度工作重新查找问题，写明上一年度改进措施的落实情况和本年度的新措施。',
      en: 'Look for this year’s problems again, say how last year’s measures were carried out, and state this year’s.',
    },
    messages: {
      copied: {
        zh: '第五部分“存在的主要问题及改进情况”与上一年度报告 {previousFile} 的第五部分相似度为 {percent}%，疑似照抄',
        en: 'section 5 (main problems and improvements) is {percent}% similar to section 5 of last year’s report {previousFile}: likely copied',
      },
    },
  },
  checkHistory(current, { previous, flag }) {
    if (!current.problems || !previous?.problems) return;
    const alike = similarity(current.problems.sketch, previous.problems.sketch);
    if (alike < COPIED) return;
    flag({
      messageId: 'copied',
      table: null,
      row: '5',
      column: null,
      loc: current.problems.loc,
      data: { previousFile: previous.file, percent: Math.floor(alike * 100) },
    });
  },
});
