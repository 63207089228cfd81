// rendering-mismatch: two forms of one report (its web page and its PDF, its Word document) give
// different numbers in some cells: what the public reads depends on which one it opens.

import { valueKeys } from '../model/facts.js';
import { place } from './places.js';
import { defineHistoryRule, type Bilingual } from './types.js';

/** Cells named in the message; the count says how many differ in all. */
const SHOWN = 5;

/** Names of the kinds a file is read as, for the message. */
const KINDS: Record<string, Bilingual> = {
  xlsx: { zh: '工作簿', en: 'workbook' },
  csv: { zh: 'CSV', en: 'CSV' },
  text: { zh: '文本', en: 'text' },
  docx: { zh: 'Word 文档', en: 'Word document' },
  html: { zh: '网页', en: 'web page' },
  pdf: { zh: 'PDF', en: 'PDF' },
  json: { zh: 'JSON', en: 'JSON' },
};

export default defineHistoryRule({
  meta: {
    id: 'rendering-mismatch',
    category: 'history',
    severity: 'error',
    description: { zh: '同一份报告的不同形式（网页、PDF、Word）数字不一致', en: 'Two forms of one report (web page, PDF, Word) give different numbers' },
    rationale: {
      zh: '公众看到的数字取决于打开的是哪一份，至少有一份公开的内容是错的。',
      en: 'What the public reads depends on which form it opens: at least one published form is wrong.',
    },
    fix: { zh: '以核对无误的一份为准，重新生成并发布其他形式。', en: 'Take the form that checks out as the source and publish the others again from it.' },
    messages: {
      cells: {
        zh: '与{kind}“{other}”是同一份报告，但有 {count} 个格子的数字不同：{cells}[{more}]',
        en: 'the same report as the {kind} “{other}”, but {count} cells differ: {cells}[{more}]',
      },
      edition: {
        zh: '与{kind}“{other}”是同一单位同一年度的报告，但按不同版式读出（{edition} 版与 {otherEdition} 版）',
        en: 'the same body and year as the {kind} “{other}”, but read as another edition ({edition} and {otherEdition})',
      },
    },
  },
  checkHistory(current, { mismatched, flag }) {
    for (const other of mismatched) {
      const kind = KINDS[other.kind ?? ''] ?? { zh: other.kind ?? '', en: other.kind ?? '' };
      const base = { table: null, row: null, column: null, loc: null } as const;
      if (!current.edition || !other.edition || current.edition !== other.edition || current.values === null || other.values === null) {
        flag({ ...base, messageId: 'edition', data: { kind, other: other.file, edition: current.edition ?? '?', otherEdition: other.edition ?? '?' } });
        continue;
      }
      const mine = current.values.split(',');
      const theirs = other.values.split(',');
      const keys = valueKeys(current.edition);
      const differ = keys.flatMap((key, i) => (mine[i] !== theirs[i] ? [{ key, mine: mine[i], theirs: theirs[i] }] : []));
      const said = (v: string | undefined, lang: 'zh' | 'en') => (v === undefined || v === '~' ? (lang === 'zh' ? '无' : 'none') : v === '' ? (lang === 'zh' ? '空白' : 'blank') : v);
      const shown = (lang: 'zh' | 'en') =>
        differ
          .slice(0, SHOWN)
          .map((d) => `${place(...d.key)[lang]} ${said(d.mine, lang)}${lang === 'zh' ? ' 与 ' : ' vs '}${said(d.theirs, lang)}`)
          .join(lang === 'zh' ? '；' : '; ');
      const [table, row, column] = differ[0]?.key ?? [null, null, null];
      flag({
        messageId: 'cells',
        table,
        row,
        column,
        loc: null,
        data: { kind, other: other.file, count: differ.length, cells: { zh: shown('zh'), en: shown('en') }, more: differ.length > SHOWN ? { zh: ' 等', en: ' and more' } : '' },
      });
    }
  },
});
