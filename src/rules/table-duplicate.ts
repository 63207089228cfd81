// table-duplicate: a table printed twice in one file (a pasted second copy, last year's version
// left below this year's). Only one copy is checked; the reader should know which.

import { TABLE_NAMES } from '../form/index.js';
import type { Location } from '../model/report.js';
import { defineRule, type Bilingual, type Finding } from './types.js';

/** Sheet!A1 in a workbook; the line in a CSV or text file. */
function where(loc: Location | null): Bilingual {
  if (!loc) return { zh: '-', en: '-' };
  if (loc.line !== undefined) return { zh: `第 ${loc.line} 行`, en: `line ${loc.line}` };
  return { zh: `${loc.sheet}!${loc.cell}`, en: `${loc.sheet}!${loc.cell}` };
}

const shown = (text: string): Bilingual => (text ? { zh: text, en: text } : { zh: '（空）', en: '(blank)' });

export default defineRule({
  meta: {
    id: 'table-duplicate',
    category: 'structure',
    severity: 'warning',
    description: { zh: '同一张表在文件中出现了不止一次', en: 'A table appears more than once in the file' },
    rationale: {
      zh: '只能按其中一份检查；两份不一致时，公开的可能是没有检查过的那一份。',
      en: 'Only one copy can be checked; when the copies differ, the one published may be the one not checked.',
    },
    fix: { zh: '删去多余的一份，只保留正确的表格。', en: 'Delete the extra copy and keep only the correct table.' },
    messages: {
      same: {
        zh: '{table}出现了两次（{used} 和 {other}），两份数字相同；检查的是 {used} 的那一份',
        en: '{table} appears twice ({used} and {other}) with the same figures; the copy at {used} was checked',
      },
      differs: {
        zh: '{table}出现了两次（{used} 和 {other}），两份数字不同（如 {usedCell} 为 {usedText}，另一份的 {otherCell} 为 {otherText}）；检查的是 {used} 的那一份，请删去错误的一份',
        en: '{table} appears twice ({used} and {other}) with different figures ({usedCell} is {usedText}, the other copy’s {otherCell} is {otherText}); the copy at {used} was checked: delete the wrong one',
      },
    },
  },
  *check(report): Generator<Finding> {
    for (const dup of report.duplicateTables ?? []) {
      const names = TABLE_NAMES[dup.table];
      const differs = dup.differs;
      yield {
        messageId: differs ? 'differs' : 'same',
        table: dup.table,
        row: null,
        column: null,
        loc: dup.other,
        data: {
          table: { zh: names.zh, en: names.en },
          used: where(dup.used),
          other: where(dup.other),
          ...(differs
            ? { usedCell: where(differs.used.loc), usedText: shown(differs.used.text), otherCell: where(differs.other.loc), otherText: shown(differs.other.text) }
            : {}),
        },
        cells: [dup.used, dup.other].flatMap((l) => (l ? [l] : [])),
      };
    }
  },
});
