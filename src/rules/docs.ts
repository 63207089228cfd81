// The rules table in README, generated from the rules' metadata so the two cannot drift.

import { RULES } from './index.js';
import type { Lang } from './types.js';

const HEAD: Record<Lang, string> = {
  zh: '| 规则 | 默认级别 | 检查什么 | 怎么改 |\n| --- | --- | --- | --- |',
  en: '| rule | default | what it checks | how to fix |\n| --- | --- | --- | --- |',
};

const escape = (s: string) => s.replace(/\|/g, '\\|');

export function rulesTable(lang: Lang): string {
  const rows = RULES.map((r) => `| \`${r.meta.id}\` | ${r.meta.severity} | ${escape(r.meta.description[lang])} | ${escape(r.meta.fix[lang])} |`);
  return [HEAD[lang], ...rows].join('\n');
}

/** Replace the text between `<!-- rules:LANG -->` and `<!-- /rules:LANG -->` markers. */
export function withRulesTables(readme: string): string {
  return (['zh', 'en'] as const).reduce(
    (text, lang) => text.replace(new RegExp(`(<!-- rules:${lang} -->\\n)[\\s\\S]*?(\\n<!-- /rules:${lang} -->)`), `$1${rulesTable(lang)}$2`),
    readme,
  );
}
