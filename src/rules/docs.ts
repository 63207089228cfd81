// The generated parts of the project's documents: README's rules tables and the tables of
// docs/format.md (editions, rows, columns, canonical keys, rule ids), made from src/form and the rule
// registry so that the documents cannot drift from the code. `npm run docs` writes them; a
// meta-test checks that they are up to date.

import { EDITION_IDS, EDITIONS, t2Rows } from '../form/index.js';
import type { ColumnDef, EditionId } from '../form/types.js';
import { RULES } from './index.js';
import type { Lang } from './types.js';

const escape = (s: string) => s.replace(/\|/g, '\\|');

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(escape).join(' | ')} |`)].join('\n');
}

const RULES_HEAD: Record<Lang, string[]> = {
  zh: ['规则', '默认级别', '检查什么', '怎么改'],
  en: ['rule', 'default', 'what it checks', 'how to fix'],
};

/** README's rules table in one language. */
export function rulesTable(lang: Lang): string {
  return table(
    RULES_HEAD[lang],
    RULES.map((r) => [`\`${r.meta.id}\``, r.meta.severity, r.meta.description[lang], r.meta.fix[lang]]),
  );
}

const columns = (list: ColumnDef[]) => list.map((c) => `${c.label} \`${c.key}\` (${c.kind})`).join('; ');

function editionsTable(): string {
  return table(
    ['edition', 'issued by', 'report years'],
    EDITION_IDS.map((id) => {
      const { source, years } = EDITIONS[id];
      return [`\`${id}\``, source, years.to === null ? `${years.from} and later` : `${years.from}–${years.to}`];
    }),
  );
}

function t2Table(id: EditionId): string {
  return table(
    ['block', 'row label', 'row key', 'columns: label `key` (kind)'],
    t2Rows(EDITIONS[id]).map(({ row, block }) => [block.caption, row.label, `\`${row.key}\``, columns(block.columns)]),
  );
}

function t3Rows(id: EditionId): string {
  const { rows, groups } = EDITIONS[id].t3;
  const groupLabel = (key: string | undefined) => groups.find((g) => g.key === key)?.short ?? '';
  return table(
    ['level', 'group', 'label', 'short name', 'key', 'summed into resultTotal'],
    rows.map((r) => [String(r.level), groupLabel(r.group), r.label, r.short, `\`${r.key}\``, r.result ? 'yes' : '']),
  );
}

function t3Columns(): string {
  return table(['label', 'key', 'kind'], EDITIONS['2021'].t3.columns.map((c) => [c.label, `\`${c.key}\``, c.kind]));
}

function t4Table(): string {
  const { groups, columns: cols } = EDITIONS['2021'].t4;
  return [table(['group', 'key'], groups.map((g) => [g.short, `\`${g.key}\``])), '', table(['column', 'key', 'kind'], cols.map((c) => [c.label, `\`${c.key}\``, c.kind]))].join('\n');
}

function ruleIds(): string {
  return table(
    ['id', 'category', 'default', 'what it checks'],
    RULES.map((r) => [`\`${r.meta.id}\``, r.meta.category, r.meta.severity, r.meta.description.en]),
  );
}

/** Every generated block, by the name its markers give it. */
export const GENERATED: Readonly<Record<string, () => string>> = {
  'rules-zh': () => rulesTable('zh'),
  'rules-en': () => rulesTable('en'),
  editions: editionsTable,
  't2-2021': () => t2Table('2021'),
  't2-2019': () => t2Table('2019'),
  't3-columns': t3Columns,
  't3-rows-2021': () => t3Rows('2021'),
  't3-rows-2019': () => t3Rows('2019'),
  t4: t4Table,
  'rule-ids': ruleIds,
};

/**
 * The document with the text between each `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`
 * made anew. Throws on a marker that names no block, so that a typo cannot leave a stale table.
 */
export function withGeneratedBlocks(document: string): string {
  return document.replace(/(<!-- generated:([a-z0-9-]+) -->\n)[\s\S]*?(\n<!-- \/generated:\2 -->)/g, (_whole, open: string, name: string, close: string) => {
    const make = GENERATED[name];
    if (!make) throw new Error(`no generated block named ${name}`);
    return `${open}${make()}${close}`;
  });
}
