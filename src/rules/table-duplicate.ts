// table-duplicate: a table printed twice in one file (a pasted second copy, last year's version
// left below this year's). Only one copy is checked; the reader should know which.

import { TABLE_NAMES } from '../form/index.js';
import type { Location } from '../model/report.js';
import { defineRule, type DataValue } from './types.js';

/**
 * A place as the messages show it, under `name`: its line in a CSV or text file (`{nameLine}`),
 * else Sheet!A1 in a workbook (`{name}`), '-' when there is none.
 */
function where(name: string, loc: Location | null): Record<string, DataValue> {
  if (loc?.line !== undefined) return { [`${name}Line`]: loc.line, [name]: '' };
  return { [`${name}Line`]: '', [name]: loc ? `${loc.sheet}!${loc.cell}` : '-' };
}

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
        zh: '{table}出现了两次（[第 {usedLine} 行|{used}] 和 [第 {otherLine} 行|{other}]），两份数字相同；检查的是 [第 {usedLine} 行|{used}] 的那一份',
        en: '{table} appears twice ([line {usedLine}|{used}] and [line {otherLine}|{other}]) with the same figures; the copy at [line {usedLine}|{used}] was checked',
      },
      differs: {
        zh: '{table}出现了两次（[第 {usedLine} 行|{used}] 和 [第 {otherLine} 行|{other}]），两份数字不同（如 [第 {usedCellLine} 行|{usedCell}] 为 [{usedText}|（空）]，另一份的 [第 {otherCellLine} 行|{otherCell}] 为 [{otherText}|（空）]）；检查的是 [第 {usedLine} 行|{used}] 的那一份，请删去错误的一份',
        en: '{table} appears twice ([line {usedLine}|{used}] and [line {otherLine}|{other}]) with different figures ([line {usedCellLine}|{usedCell}] is [{usedText}|(blank)], the other copy’s [line {otherCellLine}|{otherCell}] is [{otherText}|(blank)]); the copy at [line {usedLine}|{used}] was checked: delete the wrong one',
      },
    },
  },
  check(report, { flag }) {
    for (const dup of report.duplicateTables ?? []) {
      const names = TABLE_NAMES[dup.table];
      const differs = dup.differs;
      flag({
        messageId: differs ? 'differs' : 'same',
        table: dup.table,
        row: null,
        column: null,
        loc: dup.other,
        data: {
          table: { zh: names.zh, en: names.en },
          ...where('used', dup.used),
          ...where('other', dup.other),
          ...(differs ? { ...where('usedCell', differs.used.loc), usedText: differs.used.text, ...where('otherCell', differs.other.loc), otherText: differs.other.text } : {}),
        },
        cells: [dup.used, dup.other].flatMap((l) => (l ? [l] : [])),
      });
    }
  },
});
