// carry-over: this year's 上年结转 equals last year's 结转下年度继续办理, column by column.

import { EDITIONS } from '../form/index.js';
import { numbers } from './cells.js';
import { place } from './places.js';
import { defineHistoryRule } from './types.js';

export default defineHistoryRule({
  meta: {
    id: 'carry-over',
    category: 'history',
    severity: 'warning',
    description: {
      zh: '本年“二、上年结转”应等于上一年度报告的“四、结转下年度继续办理”（逐列）',
      en: 'This year’s “II. carried over from last year” equals last year’s “IV. carried forward to next year”, column by column',
    },
    rationale: {
      zh: '上一年没办完的申请就是今年的上年结转；两份报告对不上，说明其中一份填错了。',
      en: 'Requests left open last year are this year’s carried-over ones; if the two reports disagree, one of them is wrong.',
    },
    fix: { zh: '对照上一年度报告的结转数，改正本年的上年结转（或更正上一年度报告）。', en: 'Compare with last year’s carried-forward figures and correct this year’s (or last year’s) report.' },
    messages: {
      mismatch: {
        zh: '{where} 为 {actual}，但上一年度报告 {previousFile} 的结转下年度（{previousCell}）为 {expected}，相差 {difference}',
        en: '{where} is {actual}, but last year’s report {previousFile} carried forward {expected} ({previousCell}), off by {difference}',
      },
    },
  },
  checkHistory(current, { previous, flag }) {
    if (!previous?.carriedForward || !current.carriedOver) return;
    for (const column of EDITIONS['2021'].t3.columns) {
      const now = current.carriedOver[column.key];
      const before = previous.carriedForward[column.key];
      const values = numbers([now, before]);
      if (!values || values[0] === values[1]) continue;
      flag({
        messageId: 'mismatch',
        table: 't3',
        row: 'carriedOver',
        column: column.key,
        loc: now!.loc,
        data: { where: place('t3', 'carriedOver', column.key), previousFile: previous.file, previousCell: before!.loc?.cell ?? '-' },
        expected: values[1]!,
        actual: values[0]!,
        cells: [now!.loc, before!.loc].flatMap((l) => (l ? [l] : [])),
      });
    }
  },
});
