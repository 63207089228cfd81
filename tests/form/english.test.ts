// The form's English labels: every row, column and group of both editions has one, a translation
// rather than a canonical key, and English messages name places by them (keys stay in JSON fields).

import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/engine/index.js';
import { EDITION_IDS, EDITIONS, type EditionId } from '../../src/form/index.js';
import { columnLabel, place, rowLabel } from '../../src/rules/places.js';
import { balancedReport, type } from '../helpers/report.js';

interface Named {
  key: string;
  short: string;
  en: string;
}

/** Every named thing of an edition, with where it sits, for messages that say which one fails. */
function named(id: EditionId): Array<[string, Named]> {
  const e = EDITIONS[id];
  return [
    ...e.t2.blocks.flatMap((b) => [...b.rows.map((r) => [`${id} t2 row`, r]), ...b.columns.map((c) => [`${id} t2 ${b.caption} column`, c])] as Array<[string, Named]>),
    ...e.t3.rows.map((r): [string, Named] => [`${id} t3 row`, r]),
    ...e.t3.groups.map((g): [string, Named] => [`${id} t3 group`, g]),
    ...e.t3.columns.map((c): [string, Named] => [`${id} t3 column`, c]),
    ...e.t4.groups.map((g): [string, Named] => [`${id} t4 group`, g]),
    ...e.t4.columns.map((c): [string, Named] => [`${id} t4 column`, c]),
  ];
}

describe('English labels', () => {
  it.each(EDITION_IDS)('%s: every row, column and group has a short English label that is not a key', (id) => {
    for (const [where, item] of named(id)) {
      const what = `${where} ${item.key}: ${JSON.stringify(item.en)}`;
      expect(item.en.trim(), what).not.toBe('');
      expect(item.en, what).toBe(item.en.trim());
      expect(item.en, what).not.toMatch(/[\u2e80-\uffff]/);
      // A canonical key looks like camelCase or a dotted path (carriedOver, denied.stateSecret);
      // a key that is a plain English word (total, upheld) may be its own label.
      expect(item.en, what).not.toMatch(/[a-z][A-Z]|\w\.\w/);
      expect(item.en.length, what).toBeLessThanOrEqual(50);
    }
  });

  it.each(EDITION_IDS)('%s: labels within one list are distinct, and numbered where the Chinese is', (id) => {
    const e = EDITIONS[id];
    for (const list of [e.t3.rows, e.t3.groups, e.t3.columns, e.t4.groups, e.t4.columns, ...e.t2.blocks.map((b) => b.columns), e.t2.blocks.flatMap((b) => b.rows)]) {
      const labels = list.map((x) => x.en);
      expect(new Set(labels).size, labels.join(' | ')).toBe(labels.length);
    }
    // 一、 → I.   （三） → (3)   （三）1. → (3) 1.
    const ROMAN: Record<string, string> = { 一: 'I', 二: 'II', 三: 'III', 四: 'IV' };
    const DIGITS: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7' };
    for (const item of [...e.t3.rows, ...e.t3.groups]) {
      const top = /^([一二三四])、/.exec(item.short);
      const group = /^（([一二三四五六七])）(?:(\d+)\.)?/.exec(item.short);
      const numbering = top ? `${ROMAN[top[1]!]}. ` : group ? `(${DIGITS[group[1]!]}) ${group[2] ? `${group[2]}. ` : ''}` : '';
      expect(item.en.startsWith(numbering), `${item.key}: ${item.en}`).toBe(true);
    }
  });

  it('place() names rows and columns by their English labels; the Chinese stays as it was', () => {
    expect(place('t3', 'carriedOver', 'nonprofit')).toEqual({ zh: '表三·二、上年结转·社会公益组织', en: 'Table 3 II. carried over from last year · non-profit organisations' });
    expect(place('t3', 'resultTotal', 'natural')).toEqual({ zh: '表三（七）总计·自然人', en: 'Table 3 (7) total · natural persons' });
    expect(place('t3', 'denied.stateSecret', null)).toEqual({ zh: '表三（三）1.属于国家秘密', en: 'Table 3 (3) 1. state secret' });
    expect(place('t4', 'suitDirect', 'pending')).toEqual({ zh: '表四·行政诉讼·未经复议直接起诉·尚未审结', en: 'Table 4 lawsuit without review · not concluded' });
    expect(place('t2', 'fees', 'amount')).toEqual({ zh: '表二·行政事业性收费·本年收费金额', en: 'Table 2 administrative fees · fees charged this year' });
    // Table 2 columns are named per row: `amount` of 2019's procurement row is its total.
    expect(place('t2', 'procurement', 'amount').en).toBe('Table 2 centralised government procurement · total procurement amount');
    expect(place('t3', null, 'research')).toEqual({ zh: '表三·科研机构', en: 'Table 3 research institutions' });
    expect(place('t4', null, null)).toEqual({ zh: '表四', en: 'Table 4' });
    expect([rowLabel('t3', 'granted', 'en'), columnLabel('t4', 'other', null, 'en')]).toEqual(['(1) granted', 'other result']);
    // A key the form does not know is shown as it is, not dropped.
    expect(place('t3', 'noSuchRow', 'natural').en).toBe('Table 3 noSuchRow · natural persons');
  });

  it('an English message names the English labels, and the finding keeps the keys in its fields', () => {
    const report = balancedReport('2021');
    type(report, 't3', 'carriedOver', 'nonprofit', '');
    const [d] = checkReport(report, { lang: 'en' }).diagnostics.filter((x) => x.rule === 'cell-blank');
    expect(d!.message).toBe('Table 3 II. carried over from last year · non-profit organisations is empty: enter the number, or 0 for none');
    expect(d!.message).not.toMatch(/carriedOver|nonprofit/);
    expect([d!.row, d!.column]).toEqual(['carriedOver', 'nonprofit']);
    expect(d!.messages.zh).toBe('表三·二、上年结转·社会公益组织 为空：请填写数字，没有的填 0');
  });
});
