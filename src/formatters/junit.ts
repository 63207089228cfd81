// JUnit XML (the Ant/Surefire shape) for CI test reports: one suite per file, one case per rule.

import type { Diagnostic, FileResult } from '../engine/index.js';
import { isRosterRule, RULES } from '../rules/index.js';
import type { Lang } from '../rules/types.js';
import { pageToShow, paragraphName, qualifiedCell, reportPath } from './shared.js';
import type { Formatter } from './types.js';

const UNREADABLE = 'file-unreadable';
const MESSAGE_LENGTH = 160;

const WORDS = {
  zh: {
    error: '错误',
    warning: '警告',
    findings: (n: number, first: string) => (n === 1 ? first : `${n} 处问题：${first}`),
    line: (n: number) => `第${n}行`,
    page: (n: number) => `第${n}页`,
    values: (e: number | null, a: number | null, d: number | null) => [e !== null ? `应为 ${e}` : '', a !== null ? `实为 ${a}` : '', d !== null ? `相差 ${d}` : ''].filter(Boolean).join('，'),
    cells: (cells: string[]) => `单元格 ${cells.join('、')}`,
    notChecked: '文件无法读取，未检查',
  },
  en: {
    error: 'error',
    warning: 'warning',
    findings: (n: number, first: string) => (n === 1 ? first : `${n} findings: ${first}`),
    line: (n: number) => `line ${n}`,
    page: (n: number) => `page ${n}`,
    values: (e: number | null, a: number | null, d: number | null) => [e !== null ? `expected ${e}` : '', a !== null ? `actual ${a}` : '', d !== null ? `difference ${d}` : ''].filter(Boolean).join(', '),
    cells: (cells: string[]) => `cells ${cells.join(', ')}`,
    notChecked: 'the file could not be read, so this rule was not checked',
  },
} as const;

// Characters XML 1.0 does not allow at all, not even escaped (lone surrogates included).
const INVALID_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Escaped for an attribute value: tabs and newlines too, which parsers would otherwise turn into spaces. */
function attr(s: string | number): string {
  return String(s).replace(INVALID_XML, '').replace(/[&<>"'\t\n\r]/g, (c) => ENTITIES[c]!);
}

function body(s: string): string {
  return s.replace(INVALID_XML, '').replace(/[&<>"'\r]/g, (c) => ENTITIES[c]!);
}

function short(s: string): string {
  const chars = [...s.replace(INVALID_XML, '').replace(/\s+/g, ' ')];
  return chars.length > MESSAGE_LENGTH ? `${chars.slice(0, MESSAGE_LENGTH - 1).join('')}…` : chars.join('');
}

function findingLine(d: Diagnostic, lang: Lang): string {
  const w = WORDS[lang];
  const page = pageToShow(d);
  const cell = d.paragraph !== null ? paragraphName(d.paragraph, lang) : d.cell;
  const where =
    cell === null ? '' : d.line !== null ? `${cell} ${w.line(d.line)}` : `${d.paragraph !== null ? cell : qualifiedCell(d.sheet, cell)}${page !== null ? ` ${w.page(page)}` : ''}`;
  const details = [w.values(d.expected, d.actual, d.difference), d.cells.length > 0 ? w.cells(d.cells) : ''].filter(Boolean).join('; ');
  return [d.severity === 'error' ? w.error : w.warning, where, d.messages[lang], details ? `(${details})` : ''].filter(Boolean).join('  ');
}

interface Suite {
  xml: string;
  tests: number;
  failures: number;
  errors: number;
}

function suite(result: FileResult, ruleIds: string[], lang: Lang, path: string): Suite {
  const byRule = new Map<string, Diagnostic[]>();
  for (const d of result.diagnostics) {
    const list = byRule.get(d.rule);
    if (list) list.push(d);
    else byRule.set(d.rule, [d]);
  }
  const unreadable = byRule.has(UNREADABLE);
  const ids = [...ruleIds, ...[...byRule.keys()].filter((id) => !ruleIds.includes(id))];
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  const cases = ids.map((id) => {
    const open = `    <testcase name="${attr(id)}" classname="${attr(path)}" time="0" file="${attr(path)}"`;
    const found = byRule.get(id);
    if (!found) {
      if (!unreadable) return `${open}/>`;
      skipped++;
      return `${open}>\n      <skipped message="${attr(WORDS[lang].notChecked)}"/>\n    </testcase>`;
    }
    const element = id === UNREADABLE ? 'error' : 'failure';
    if (element === 'error') errors++;
    else failures++;
    const message = short(WORDS[lang].findings(found.length, found[0]!.messages[lang]));
    const text = found.map((d) => findingLine(d, lang)).join('\n');
    return `${open}>\n      <${element} message="${attr(message)}" type="${attr(id)}">${body(text)}</${element}>\n    </testcase>`;
  });
  const head = `  <testsuite name="${attr(path)}" tests="${ids.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="0">`;
  return { xml: [head, ...cases, '  </testsuite>'].join('\n'), tests: ids.length, failures, errors };
}

export const junit: Formatter = {
  id: 'junit',
  description: 'JUnit XML: a suite per file, a test case per rule (GitLab, Jenkins, Azure)',
  format(results, context) {
    // A report's suite has a case per rule about reports; the roster's (--expect), one per roster rule.
    const reportRules = RULES.filter((r) => !isRosterRule(r)).map((r) => r.meta.id);
    const rosterRules = RULES.filter(isRosterRule).map((r) => r.meta.id);
    const suites = results.map((r) => suite(r, r.source.kind === 'roster' ? rosterRules : reportRules, context.lang, reportPath(r.file, context)));
    const total = (key: 'tests' | 'failures' | 'errors') => suites.reduce((n, s) => n + s[key], 0);
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites name="report" tests="${total('tests')}" failures="${total('failures')}" errors="${total('errors')}" time="0">`,
      ...suites.map((s) => s.xml),
      '</testsuites>',
      '',
    ].join('\n');
  },
};
