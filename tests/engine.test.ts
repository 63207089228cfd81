// The engine: severities, both languages, sorting, fingerprints that survive moved rows, and how
// rule messages are made from their templates.

import { describe, expect, it } from 'vitest';
import { checkReport } from '../src/engine/index.js';
import { defineRule, type Finding } from '../src/rules/types.js';
import { balancedReport, bump } from './helpers/report.js';

describe('checkReport', () => {
  it('carries the message in both languages and the cells taking part', () => {
    const [d] = checkReport(bump(balancedReport('2021'), 't4', 'review', 'total', 1)).diagnostics;
    expect(d!.messages.zh).toContain('表四');
    expect(d!.messages.en).toContain('Table 4');
    expect(d!.message).toBe(d!.messages.zh);
    expect(d!.cells).toHaveLength(5);
    expect([d!.sheetRow, d!.sheetColumn]).toEqual([60, 5]);
  });

  it('fingerprints name the finding, not its row: moving the table keeps them', () => {
    const a = bump(balancedReport('2021'), 't4', 'review', 'total', 1);
    const b = bump(balancedReport('2021'), 't4', 'review', 'total', 3);
    for (const row of Object.values(b.tables.t4!.rows)) for (const v of Object.values(row.cells)) v.loc = { ...v.loc!, row: v.loc!.row + 7, cell: v.loc!.cell.replace(/\d+$/, (n) => String(Number(n) + 7)) };
    const fa = checkReport(a).diagnostics[0]!.fingerprint;
    const fb = checkReport(b).diagnostics[0]!.fingerprint;
    expect(fa).toBe(fb);
    expect(fa).toMatch(/^[0-9a-f]{32}$/);
    const other = bump(balancedReport('2021'), 't4', 'suitDirect', 'total', 1);
    expect(checkReport(other).diagnostics[0]!.fingerprint).not.toBe(fa);
  });
});

describe('rule messages', () => {
  const meta = {
    id: 'test-rule',
    category: 'cell' as const,
    severity: 'error' as const,
    description: { zh: '测试规则', en: 'a test rule' },
    rationale: { zh: '测试用', en: 'for tests' },
    fix: { zh: '无须修改', en: 'nothing' },
    messages: {
      plain: { zh: '{where} 为 {n}', en: '{where} is {n}' },
      optional: { zh: '共 {n} 个[（{range}）]，[第 {line} 行|{cell}]', en: '{n} in all[ ({range})], [line {line}|{cell}]' },
      list: { zh: '另见：{others}', en: 'see also: {others}' },
    },
  };
  const at = { table: null, row: null, column: null, loc: null };
  const run = (finding: object) => {
    const rule = defineRule({ meta, check: (_report, { flag }) => void flag(finding as Finding<keyof typeof meta.messages>) });
    return checkReport(balancedReport('2021'), { rules: [rule] }).diagnostics[0]!.messages;
  };

  it('fills placeholders, in both languages', () => {
    expect(run({ ...at, messageId: 'plain', data: { where: { zh: '表三', en: 'Table 3' }, n: 5 } })).toEqual({ zh: '表三 为 5', en: 'Table 3 is 5' });
  });

  it('shows an optional part only when its placeholders have values, and the alternative otherwise', () => {
    expect(run({ ...at, messageId: 'optional', data: { n: 2, range: 'D3:D9', line: 7, cell: '' } })).toEqual({ zh: '共 2 个（D3:D9），第 7 行', en: '2 in all (D3:D9), line 7' });
    expect(run({ ...at, messageId: 'optional', data: { n: 2, range: '', line: '', cell: 'S!A1' } })).toEqual({ zh: '共 2 个，S!A1', en: '2 in all, S!A1' });
  });

  it('joins a list as each language lists', () => {
    expect(run({ ...at, messageId: 'list', data: { others: ['a.xlsx', 'b.csv'] } })).toEqual({ zh: '另见：a.xlsx、b.csv', en: 'see also: a.xlsx, b.csv' });
  });

  it('refuses a message id the rule does not have, and a placeholder left without a value (a bug in the rule)', () => {
    expect(() => run({ ...at, messageId: 'nope', data: {} })).toThrow(/test-rule has no message nope/);
    expect(() => run({ ...at, messageId: 'plain', data: { where: 'x' } })).toThrow(/no value for \{n\}/);
    expect(() => run({ ...at, messageId: 'optional', data: { n: 1, line: 1, cell: '' } })).toThrow(/no value for \{range\}/);
  });

  it('types a finding’s message id from the rule’s own messages (a typo does not compile), and takes no generator', () => {
    const rule = defineRule({
      meta,
      check(_report, { flag }) {
        // @ts-expect-error: 'plian' is not one of meta.messages
        flag({ ...at, messageId: 'plian', data: {} });
      },
    });
    expect(rule.meta.id).toBe('test-rule');
    // A rule written as a generator would find nothing: its check must return nothing.
    // @ts-expect-error: a generator is not a check
    defineRule({ meta, *check() {} });
  });
});
