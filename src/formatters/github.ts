// GitHub Actions: workflow-command annotations (worst first, within GitHub's per-step cap) and a step summary.

import type { Diagnostic, FileResult } from '../engine/index.js';
import { RULES_BY_ID } from '../rules/index.js';
import type { Lang } from '../rules/types.js';
import { lineOf, paragraphName, qualifiedCell, reportPath, worstFirst } from './shared.js';
import { baselineLine, rosterLine, RuleCounts, skippedLine, summarize, summaryLine } from './summary.js';
import type { FormatContext, Formatter } from './types.js';

/** GitHub shows this many error and this many warning annotations per step and drops the rest silently. */
export const ANNOTATION_LIMIT = 10;
/** GitHub refuses a step summary larger than 1 MiB. */
export const SUMMARY_LIMIT = 1024 * 1024;

const WORDS = {
  zh: {
    capped: (limit: number) =>
      `GitHub 每一步只显示前 ${limit} 个错误和前 ${limit} 个警告的标注；完整列表见作业日志中的“全部问题”分组，或用 -o 写出报告文件`,
    tool: 'report：',
    stop: '。',
    everything: (n: number) => `全部问题（${n} 个）`,
    error: '错误',
    warning: '警告',
    title: '## report 检查结果',
    fileHead: '| 文件 | 单位 | 年度 | 错误 | 警告 |',
    ruleHead: '| 规则 | 说明 | 次数 | 文件数 |',
    topRules: '### 最常见的问题',
    unlisted: (n: number) => `另有 ${n} 个文件未列出（摘要大小有限），完整结果见作业日志或报告文件。`,
  },
  en: {
    capped: (limit: number) =>
      `GitHub shows only the first ${limit} error and ${limit} warning annotations of a step; the full list is in the job log under "All findings", or write a report file with -o`,
    tool: 'report: ',
    stop: '. ',
    everything: (n: number) => `All findings (${n})`,
    error: 'error',
    warning: 'warning',
    title: '## report results',
    fileHead: '| File | Agency | Year | Errors | Warnings |',
    ruleHead: '| Rule | What it checks | Findings | Files |',
    topRules: '### Most frequent findings',
    unlisted: (n: number) => `${n} more file${n === 1 ? '' : 's'} not listed (the summary has a size limit); see the job log or the report file for all results.`,
  },
} as const;

/** Message text: `%`, CR and LF escaped so a message cannot end the command or start another. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also escape the `:` and `,` that separate properties. */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function where(d: Diagnostic, lang: Lang): string | null {
  if (d.cell === null) return null;
  if (d.paragraph !== null) return paragraphName(d.paragraph, lang);
  return d.line !== null ? d.cell : qualifiedCell(d.sheet, d.cell);
}

function annotation(path: string, d: Diagnostic, lang: Lang): string {
  const line = lineOf(d);
  // For CSV/text the worksheet column is a field number, not a character column.
  const col = d.line === null && d.paragraph === null ? d.sheetColumn : null;
  const place = where(d, lang);
  const props = [
    `file=${escapeProperty(path)}`,
    line !== null ? `line=${line}` : null,
    col !== null ? `col=${col}` : null,
    `title=${escapeProperty(place ? `${d.rule} ${place}` : d.rule)}`,
  ].filter(Boolean);
  return `::${d.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(d.messages[lang])}`;
}

/**
 * A plain log line. It starts with the severity word and has its newlines flattened, so neither a
 * file name nor untrusted cell text can make the runner read it as a workflow command.
 */
function logLine(path: string, d: Diagnostic, lang: Lang): string {
  const line = lineOf(d);
  const place = [path, line !== null ? String(line) : null].filter(Boolean).join(':');
  const sev = d.severity === 'error' ? WORDS[lang].error : WORDS[lang].warning;
  return [sev, place, where(d, lang), d.rule, d.messages[lang]].filter(Boolean).join('  ').replace(/[\r\n]+/g, ' ');
}

export const github: Formatter = {
  id: 'github',
  description: 'GitHub Actions annotations (worst 10 errors and 10 warnings, then a notice with the totals)',
  format(results, context) {
    const w = WORDS[context.lang];
    const paths = new Map(results.map((r) => [r, reportPath(r.file, context)]));
    const ranked = worstFirst(results);
    const shown = { error: 0, warning: 0 };
    const out: string[] = [];
    for (const { result, diagnostic } of ranked) {
      const sev = diagnostic.severity === 'error' ? 'error' : 'warning';
      if (shown[sev] >= ANNOTATION_LIMIT) continue;
      shown[sev]++;
      out.push(annotation(paths.get(result)!, diagnostic, context.lang));
    }
    const dropped = ranked.length > shown.error + shown.warning;
    if (dropped) {
      out.push(`::group::${escapeData(w.everything(ranked.length))}`);
      for (const r of results) for (const d of r.diagnostics) out.push(logLine(paths.get(r)!, d, context.lang));
      out.push('::endgroup::');
    }
    const summary = summarize(results, context.skipped);
    const sentences = [
      summaryLine(summary, context.lang),
      ...(context.skipped?.length ? [skippedLine(context.skipped, summary, context.lang)] : []),
      ...(dropped ? [w.capped(ANNOTATION_LIMIT)] : []),
    ];
    out.push(`::notice::${escapeData(`${w.tool}${sentences.join(w.stop)}${w.stop.trim()}`)}`);
    return `${out.join('\n')}\n`;
  },
};

/** Text for a Markdown table cell: no line breaks, no pipes, no markup. */
function cell(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]<>()#+!|~]/g, '\\$&');
}

/**
 * The Markdown the CLI writes to $GITHUB_STEP_SUMMARY: a table of the files (those with errors
 * first) and the most frequent rules, cut short to stay under GitHub's 1 MiB limit.
 */
export function githubSummary(results: FileResult[], context: FormatContext): string {
  const w = WORDS[context.lang];
  const summary = summarize(results, context.skipped);
  const overview = [
    summaryLine(summary, context.lang),
    ...(context.skipped?.length ? [skippedLine(context.skipped, summary, context.lang)] : []),
    ...(context.roster ? [rosterLine(context.roster, context.lang)] : []),
    ...(context.baseline ? [baselineLine(context.baseline, context.lang)] : []),
  ];

  const counts = new RuleCounts();
  for (const r of results) counts.add(r);
  const top = counts.top(10);
  const ruleTable = top.length
    ? ['', w.topRules, '', w.ruleHead, '| --- | --- | ---: | ---: |', ...top.map((c) => `| ${cell(c.rule)} | ${cell(RULES_BY_ID.get(c.rule)?.meta.description[context.lang] ?? '')} | ${c.findings} | ${c.files} |`)]
    : [];

  // Each line a paragraph of its own (Markdown joins lines that touch).
  const head = [w.title, '', ...overview.flatMap((line, i) => (i ? ['', cell(line)] : [cell(line)])), '', w.fileHead, '| --- | --- | ---: | ---: | ---: |'];
  const ordered = [...results.filter((r) => r.errorCount > 0), ...results.filter((r) => r.errorCount === 0 && r.warningCount > 0), ...results.filter((r) => r.errorCount === 0 && r.warningCount === 0)];
  const bytes = (lines: string[]) => lines.reduce((n, l) => n + Buffer.byteLength(l, 'utf8') + 1, 0);
  // Room for the head, the rule table and the "not listed" line, with a margin for the last one's number.
  let budget = SUMMARY_LIMIT - bytes(head) - bytes(ruleTable) - bytes(['', w.unlisted(results.length)]) - 64;
  const rows: string[] = [];
  for (const r of ordered) {
    const row = `| ${cell(reportPath(r.file, context))} | ${cell(r.agency ?? '')} | ${r.year ?? ''} | ${r.errorCount} | ${r.warningCount} |`;
    const size = Buffer.byteLength(row, 'utf8') + 1;
    if (size > budget) break;
    budget -= size;
    rows.push(row);
  }
  const unlisted = ordered.length - rows.length;
  return `${[...head, ...rows, ...(unlisted > 0 ? ['', w.unlisted(unlisted)] : []), ...ruleTable].join('\n')}\n`;
}
