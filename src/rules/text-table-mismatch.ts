// text-table-mismatch: a figure the narrative states (全年共收到政府信息公开申请51件) differs from the
// table cell, or sum of cells, it means (rules/statements.ts), or a share it states (占40%) is not
// the figure's share of the requests handled (nor of those received, nor received and carried over).

import { TABLE_NAMES } from '../form/index.js';
import type { Location } from '../model/report.js';
import { quote, sentenceLoc, sentencesIn } from './narrative.js';
import { place, span } from './places.js';
import { statementsIn, type Stated } from './statements.js';
import { defineRule, type Bilingual } from './types.js';

/** Where the figure the statement means is, in words: one cell's place, or the sum it is. */
function whereOf(stated: Stated): Bilingual {
  const { meaning, statement } = stated;
  if (meaning.length === 1) return place(meaning[0]!.table, meaning[0]!.row, meaning[0]!.column);
  const table = TABLE_NAMES[meaning[0]!.table];
  return { zh: `${table.zh}${statement.what.zh}`, en: `${table.en} ${statement.what.en}` };
}

export default defineRule({
  meta: {
    id: 'text-table-mismatch',
    category: 'document',
    severity: 'warning',
    description: {
      zh: '正文中陈述的数字（如“全年共收到政府信息公开申请N件”）应与表格中对应的格子一致',
      en: 'A figure the narrative states (such as 全年共收到政府信息公开申请N件) equals the table cell it refers to',
    },
    rationale: {
      zh: '读者同时看正文和表格；两处数字不一致，报告就自相矛盾，考核中会被指出。',
      en: 'Readers read the text and the tables together; when the two disagree the report contradicts itself, and assessments count it.',
    },
    fix: {
      zh: '核对该句和对应的格子，改正写错的一处（表格若已平衡，多半是正文写错）。',
      en: 'Compare the sentence with the cell and correct whichever is wrong (when the tables balance, usually the text).',
    },
    messages: {
      count: {
        zh: '正文“{quote}”写 {actual}，但{where}[（{cells}）]为 {expected}，相差 {difference}',
        en: 'the text “{quote}” says {actual}, but {where}[ ({cells})] is {expected}, off by {difference}',
      },
      share: {
        zh: '正文“{quote}”写占 {percent}%，但按表格 {count} 件占办理结果总计的 {expectedPercent}%',
        en: 'the text “{quote}” gives a share of {percent}%, but by the tables {count} is {expectedPercent}% of the requests handled',
      },
    },
  },
  check(report, { flag }) {
    const sentences = sentencesIn(report);
    if (sentences.length === 0) return;
    const stated = statementsIn(report, sentences, report.year?.value ?? null);
    for (const s of stated) {
      const loc = sentenceLoc(s.sentence);
      const cellLocs = s.meaning.map((t) => report.tables[t.table]?.rows[t.row]?.cells[t.column]?.loc ?? null).filter((l): l is Location => l !== null);
      const single = s.meaning.length === 1 ? s.meaning[0]! : null;
      const base = { table: s.meaning[0]!.table, row: single?.row ?? s.statement.id, column: single?.column ?? 'total', loc, cells: cellLocs };
      if (!s.agrees) {
        flag({
          messageId: 'count',
          ...base,
          data: { quote: quote(s.sentence, s.at, s.length), where: whereOf(s), cells: span(cellLocs) },
          expected: s.expected,
          actual: s.value,
        });
      } else if (s.share && !s.share.fits) {
        flag({
          messageId: 'share',
          ...base,
          data: { quote: quote(s.sentence, s.at, s.share.at - s.at + 8), percent: s.share.percent, count: s.value, expectedPercent: s.share.expected },
        });
      }
    }
  },
});
