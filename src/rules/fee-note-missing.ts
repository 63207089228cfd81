// fee-note-missing (2021 edition): section 六 says nothing about the 信息处理费 the body collected (the
// 2021 format asks every body to state it there, under the 信息处理费 measures).

import { paragraphLoc } from '../model/grid.js';
import { narrativeParagraphs, sectionNumbered, sectionParagraphs } from './narrative.js';
import { defineRule } from './types.js';

/** A statement about the fee, whatever it says (收取/未收取/无): 信息处理费, 处理费, 收费, 费用. */
const FEE = /信息处理费|处理费|收费|收取[^。；]{0,8}费|费用/;
/** The fee named as such. */
const PROCESSING_FEE = /处理费/;

export default defineRule({
  meta: {
    id: 'fee-note-missing',
    category: 'document',
    severity: 'warning',
    description: {
      zh: '2021版：第六部分“其他需要报告的事项”应说明信息处理费的收取情况',
      en: '2021 edition: section 6 (other matters) states what information processing fees were collected',
    },
    rationale: {
      zh: '2021年版格式要求各机关在第六部分报告依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，未收取的也要写明。',
      en: 'The 2021 format asks every body to report in section 6 the fees collected under the information processing fee measures, including that none were.',
    },
    fix: {
      zh: '在第六部分写明本年度信息处理费的收取情况，如“本年度未收取信息处理费”。',
      en: 'State the year’s information processing fees in section 6, for example 本年度未收取信息处理费.',
    },
    messages: {
      missing: {
        zh: '第六部分“其他需要报告的事项”未说明信息处理费的收取情况',
        en: 'section 6 (other matters) does not say what information processing fees were collected',
      },
    },
  },
  check(report, { flag }) {
    if (report.edition !== '2021') return;
    const paragraphs = narrativeParagraphs(report);
    if (paragraphs.length === 0) return;
    const six = sectionNumbered(report, 6);
    if (six && sectionParagraphs(report, six).some((p) => FEE.test(p.text))) return;
    // Said elsewhere in the text: the note is there, if not where the format puts it. (Elsewhere,
    // 收费 and 费用 are other fees: 行政事业性收费 is table 2's.)
    if (paragraphs.some((p) => PROCESSING_FEE.test(p.text))) return;
    const at = six ? paragraphs.find((p) => p.index === six.heading)! : paragraphs.at(-1)!;
    flag({ messageId: 'missing', table: null, row: null, column: null, loc: paragraphLoc(at, '§6'), data: {} });
  },
});
