// t2-stock: 现行有效件数 this year = last year's + 本年制发 − 本年废止 (2021 edition, per row).

import { numbers, sum } from './cells.js';
import { place } from './places.js';
import { defineHistoryRule } from './types.js';

export default defineHistoryRule({
  meta: {
    id: 't2-stock',
    category: 'history',
    severity: 'warning',
    description: {
      zh: '表二现行有效件数 = 上一年度现行有效件数 + 本年制发件数 − 本年废止件数（2021 版，规章和行政规范性文件各一行）',
      en: 'Table 2 in force = last year’s in force + issued this year − repealed this year (2021 edition, per row)',
    },
    rationale: {
      zh: '现行有效的文件只会因本年制发而增加、因本年废止而减少。',
      en: 'Documents in force grow only by those issued and shrink only by those repealed.',
    },
    fix: { zh: '核对现行有效件数、本年制发和废止件数，以及上一年度报告的现行有效件数。', en: 'Recheck inForce, issued and repealed, and last year’s inForce.' },
    messages: {
      mismatch: {
        zh: '{where} 为 {actual}，但上一年度报告 {previousFile} 的现行有效件数 {before}（{previousCell}）+ 本年制发 {issued} − 本年废止 {repealed} = {expected}，相差 {difference}',
        en: '{where} is {actual}, but last year’s {before} in {previousFile} ({previousCell}) + issued {issued} − repealed {repealed} = {expected}, off by {difference}',
      },
    },
  },
  checkHistory(current, { previous, flag }) {
    if (!previous || current.edition !== '2021' || previous.edition !== '2021') return;
    for (const row of ['regulations', 'normativeDocuments']) {
      const now = current.stock[row];
      const last = previous.stock[row]?.inForce;
      if (!now) continue;
      const values = numbers([last, now.issued, now.repealed, now.inForce]);
      if (!values) continue;
      const [before, issued, repealed, inForce] = values as [number, number, number, number];
      const expected = sum([before, issued, -repealed]);
      if (expected === inForce) continue;
      flag({
        messageId: 'mismatch',
        table: 't2',
        row,
        column: 'inForce',
        loc: now.inForce!.loc,
        data: { where: place('t2', row, 'inForce'), previousFile: previous.file, previousCell: last!.loc?.cell ?? '-', before, issued, repealed },
        expected,
        actual: inForce,
        cells: [last!.loc, now.issued!.loc, now.repealed!.loc, now.inForce!.loc].flatMap((l) => (l ? [l] : [])),
      });
    }
  },
});
