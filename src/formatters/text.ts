// Text for people: grouped by file, one line per finding with its cell and rule, then a summary.

import { Chalk } from 'chalk';
import type { Diagnostic, FileResult } from '../engine/index.js';
import type { Lang } from '../rules/types.js';
import type { Formatter } from './types.js';

const WORDS = {
  zh: {
    error: '错误',
    warning: '警告',
    clean: '未发现问题',
    edition: (e: string) => `${e} 版`,
    year: (y: number) => `${y} 年`,
    line: (n: number) => `第${n}行`,
    counts: (e: number, w: number) => `${e} 个错误，${w} 个警告`,
    summary: (files: number, clean: number, failed: number, e: number, w: number) =>
      failed === 0 && w === 0
        ? `共检查 ${files} 个文件，全部通过`
        : `共检查 ${files} 个文件：${clean} 个通过，${failed} 个有错误；共 ${e} 个错误，${w} 个警告`,
  },
  en: {
    error: 'error',
    warning: 'warning',
    clean: 'no problems found',
    edition: (e: string) => `${e} edition`,
    year: (y: number) => `${y}`,
    line: (n: number) => `line ${n}`,
    counts: (e: number, w: number) => `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`,
    summary: (files: number, clean: number, failed: number, e: number, w: number) =>
      failed === 0 && w === 0
        ? `${files} file${files === 1 ? '' : 's'} checked, all clean`
        : `${files} file${files === 1 ? '' : 's'} checked: ${clean} clean, ${failed} with errors; ${e} errors, ${w} warnings in all`,
  },
} as const;

function where(d: Diagnostic, lang: Lang): string {
  if (!d.cell) return d.sheet ?? '';
  if (d.line !== null) return `${d.cell} ${WORDS[lang].line(d.line)}`;
  return d.sheet ? `${d.sheet}!${d.cell}` : d.cell;
}

/** Display width, counting CJK characters as two columns, for aligning the location column. */
function width(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

function pad(s: string, to: number): string {
  return s + ' '.repeat(Math.max(0, to - width(s)));
}

/** For a folder: how many files fared how, the most frequent rules, the files with most errors. */
function batchSummary(results: FileResult[], lang: Lang): string[] {
  const zh = lang === 'zh';
  const unreadable = results.filter((r) => r.diagnostics.some((d) => d.rule === 'file-unreadable')).length;
  const withWarnings = results.filter((r) => r.warningCount > 0).length;
  const clean = results.filter((r) => r.errorCount === 0 && r.warningCount === 0).length;
  const failed = results.filter((r) => r.errorCount > 0).length;
  const rules = new Map<string, number>();
  for (const r of results) for (const d of r.diagnostics) rules.set(d.rule, (rules.get(d.rule) ?? 0) + 1);
  const topRules = [...rules].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5);
  const worst = results.filter((r) => r.errorCount > 0).sort((a, b) => b.errorCount - a.errorCount).slice(0, 5);
  return [
    zh
      ? `汇总：${results.length} 个文件，${clean} 个无问题，${failed} 个有错误，${withWarnings} 个有警告，${unreadable} 个无法读取`
      : `Summary: ${results.length} files, ${clean} clean, ${failed} with errors, ${withWarnings} with warnings, ${unreadable} unreadable`,
    zh ? '最常见的问题：' : 'Most frequent rules:',
    ...topRules.map(([rule, n]) => `  ${rule.padEnd(18)} ${n}`),
    ...(worst.length ? [zh ? '错误最多的文件：' : 'Files with most errors:', ...worst.map((r) => `  ${String(r.errorCount).padStart(4)}  ${r.file}`)] : []),
  ];
}

export const text: Formatter = {
  id: 'text',
  description: 'readable text grouped by file (default)',
  format(results: FileResult[], { lang, color }) {
    const c = new Chalk({ level: color ? 1 : 0 });
    const w = WORDS[lang];
    const out: string[] = [];
    for (const r of results) {
      const facts = [r.agency, r.year !== null ? w.year(r.year) : null, r.edition ? w.edition(r.edition) : null].filter(Boolean).join(' · ');
      out.push(`${c.underline(r.file)}${facts ? `  ${c.dim(facts)}` : ''}`);
      if (r.diagnostics.length === 0) {
        out.push(`  ${c.green('✔')} ${w.clean}`, '');
        continue;
      }
      const locs = r.diagnostics.map((d) => where(d, lang));
      const locWidth = Math.max(...locs.map(width));
      const ruleWidth = Math.max(...r.diagnostics.map((d) => d.rule.length));
      r.diagnostics.forEach((d, i) => {
        const sev = d.severity === 'error' ? c.red(pad(w.error, 7)) : c.yellow(pad(w.warning, 7));
        out.push(`  ${pad(locs[i]!, locWidth)}  ${sev} ${c.dim(d.rule.padEnd(ruleWidth))}  ${d.message}`);
      });
      out.push(`  ${r.errorCount ? c.red('✖') : c.yellow('⚠')} ${w.counts(r.errorCount, r.warningCount)}`, '');
    }
    const errors = results.reduce((n, r) => n + r.errorCount, 0);
    const warnings = results.reduce((n, r) => n + r.warningCount, 0);
    const failed = results.filter((r) => r.errorCount > 0).length;
    const clean = results.filter((r) => r.errorCount === 0).length;
    if (results.length > 1 && (errors || warnings)) out.push(...batchSummary(results, lang), '');
    const line = w.summary(results.length, clean, failed, errors, warnings);
    out.push(errors ? c.red.bold(line) : warnings ? c.yellow.bold(line) : c.green.bold(line));
    return `${out.join('\n')}\n`;
  },
};
