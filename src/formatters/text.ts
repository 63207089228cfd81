// Text for people: grouped by file, one line per finding with its cell and rule, then a summary.

import { Chalk } from 'chalk';
import type { FileResult } from '../engine/index.js';
import type { Lang } from '../rules/types.js';
import { namesSheets, placeOf } from './shared.js';
import { baselineLine, rosterLine, RuleCounts, skippedLine, summarize, summaryLine } from './summary.js';
import type { Formatter } from './types.js';
import { displayWidth } from './width.js';

const WORDS = {
  zh: {
    error: '错误',
    warning: '警告',
    clean: '未发现问题',
    edition: (e: string) => `${e} 版`,
    year: (y: number) => `${y} 年`,
    counts: (e: number, w: number) => `${e} 个错误，${w} 个警告`,
    mostFrequent: '最常见的问题：',
    mostErrors: '错误最多的文件：',
  },
  en: {
    error: 'error',
    warning: 'warning',
    clean: 'no problems found',
    edition: (e: string) => `${e} edition`,
    year: (y: number) => `${y}`,
    counts: (e: number, w: number) => `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`,
    mostFrequent: 'Most frequent rules:',
    mostErrors: 'Files with most errors:',
  },
} as const;

function pad(s: string, to: number): string {
  return s + ' '.repeat(Math.max(0, to - displayWidth(s)));
}

/** For a folder: the most frequent rules and the files with most errors. */
function batchDetails(results: FileResult[], lang: Lang): string[] {
  const w = WORDS[lang];
  const rules = new RuleCounts();
  for (const r of results) rules.add(r);
  const worst = results.filter((r) => r.errorCount > 0).sort((a, b) => b.errorCount - a.errorCount).slice(0, 5);
  return [
    w.mostFrequent,
    ...rules.top(5).map(({ rule, findings }) => `  ${rule.padEnd(18)} ${findings}`),
    ...(worst.length ? [w.mostErrors, ...worst.map((r) => `  ${String(r.errorCount).padStart(4)}  ${r.file}`)] : []),
  ];
}

export const text: Formatter = {
  id: 'text',
  description: 'readable text grouped by file (default)',
  format(results: FileResult[], { lang, color, skipped = [], verbose = false, roster, baseline }) {
    const c = new Chalk({ level: color ? 1 : 0 });
    const w = WORDS[lang];
    const out: string[] = [];
    // Like ESLint: the files with findings; clean ones are a count (listed with --verbose, or when
    // the one file checked is clean).
    const listClean = verbose || results.length === 1;
    for (const r of results) {
      if (r.diagnostics.length === 0 && !listClean) continue;
      const facts = [r.agency, r.year !== null ? w.year(r.year) : null, r.edition ? w.edition(r.edition) : null].filter(Boolean).join(' · ');
      out.push(`${c.underline(r.file)}${facts ? `  ${c.dim(facts)}` : ''}`);
      if (r.diagnostics.length === 0) {
        out.push(`  ${c.green('✔')} ${w.clean}`, '');
        continue;
      }
      const locs = r.diagnostics.map((d) => placeOf(d, lang, namesSheets(r)));
      const locWidth = Math.max(...locs.map((l) => displayWidth(l)));
      const ruleWidth = Math.max(...r.diagnostics.map((d) => d.rule.length));
      r.diagnostics.forEach((d, i) => {
        const sev = d.severity === 'error' ? c.red(pad(w.error, 7)) : c.yellow(pad(w.warning, 7));
        out.push(`  ${pad(locs[i]!, locWidth)}  ${sev} ${c.dim(d.rule.padEnd(ruleWidth))}  ${d.message}`);
      });
      out.push(`  ${r.errorCount ? c.red('✖') : c.yellow('⚠')} ${w.counts(r.errorCount, r.warningCount)}`, '');
    }
    const summary = summarize(results, skipped);
    if (results.length > 1 && (summary.errors || summary.warnings)) out.push(...batchDetails(results, lang), '');
    const line = summaryLine(summary, lang);
    out.push(summary.errors ? c.red.bold(line) : summary.warnings ? c.yellow.bold(line) : c.green.bold(line));
    if (skipped.length > 0) out.push(skippedLine(skipped, summary, lang));
    if (roster) out.push(rosterLine(roster, lang));
    if (baseline) out.push(baselineLine(baseline, lang));
    return `${out.join('\n')}\n`;
  },
};
