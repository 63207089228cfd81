// t3-balance: the identity printed in table 3 itself, checked in every column.

import { EDITIONS } from '../form/index.js';
import { cell, cellsOf, numbers, sum } from './cells.js';
import { place } from './places.js';
import { defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 't3-balance',
    category: 'balance',
    severity: 'error',
    description: {
      zh: '表三每一列：本年新收 + 上年结转 = （七）总计 + 结转下年度继续办理',
      en: 'Table 3, every column: I. received this year + II. carried over from last year = (7) total + IV. carried forward to next year',
    },
    rationale: {
      zh: '这是表三表头印明的勾稽关系。总计列平衡并不能说明各列平衡：真实报告中出现过一列 −1、另一列 +1 的情况。',
      en: 'The table prints this identity in its header. A balanced total column does not prove the other columns balance: real reports have had −1 in one column and +1 in another.',
    },
    fix: {
      zh: '核对该列的本年新收、上年结转、各办理结果和结转下年度数，找出录错的格子。',
      en: 'Recheck the column’s received, carried-over, result and carried-forward figures and correct the wrong cell.',
    },
    messages: {
      unbalanced: {
        zh: '表三「{column}」列不平衡：本年新收 {received} + 上年结转 {carriedOver} = {expected}，但（七）总计 {resultTotal} + 结转下年度 {carriedForward} = {actual}，相差 {difference}',
        en: 'Table 3 column “{column}” does not balance: received this year {received} + carried over {carriedOver} = {expected}, but (7) total {resultTotal} + carried forward {carriedForward} = {actual}, off by {difference}',
      },
    },
  },
  check(report, { flag }) {
    const t3 = report.tables.t3;
    if (!t3) return;
    for (const column of EDITIONS['2021'].t3.columns) {
      const members = cellsOf(['received', 'carriedOver', 'resultTotal', 'carriedForward'], (row) => cell(report, 't3', row, column.key));
      const values = numbers(members);
      if (!values) continue;
      const [received, carriedOver, resultTotal, carriedForward] = values as [number, number, number, number];
      const expected = sum([received, carriedOver]);
      const actual = sum([resultTotal, carriedForward]);
      if (expected === actual) continue;
      flag({
        messageId: 'unbalanced',
        table: 't3',
        row: null,
        column: column.key,
        loc: members[3]!.loc,
        data: { column: { zh: column.short, en: column.en }, received, carriedOver, resultTotal, carriedForward, where: place('t3', 'carriedForward', column.key) },
        expected,
        actual,
        cells: members.flatMap((m) => (m?.loc ? [m.loc] : [])),
      });
    }
  },
});
