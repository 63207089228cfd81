// One summary of a run, the same in every format: how many files, how each fared, how many were
// skipped and of which kinds. Clean means no errors and no warnings; a file with warnings and no
// errors is counted as such (it passes the run's exit code unless --max-warnings says otherwise).

import type { FileResult } from '../engine/index.js';
import type { Lang } from '../rules/types.js';
import type { BaselineSummary, RosterSummary, SkippedFile } from './types.js';

export interface Summary {
  /** Files checked: clean + withErrors + warningsOnly. */
  files: number;
  /** No errors and no warnings. */
  clean: number;
  /** At least one error (the unreadable files among them). */
  withErrors: number;
  /** Warnings and no errors. */
  warningsOnly: number;
  /** Files that could not be read (file-unreadable), counted among withErrors. */
  unreadable: number;
  errors: number;
  warnings: number;
  /** Reports given in several forms that agree (a web page and its PDF …): how many reports, and how many files they are. */
  sameReports: number;
  sameReportFiles: number;
  /** Files in the folders that were not checked, and how many of each kind (`.png`, `lock` …). */
  skipped: number;
  skippedKinds: Record<string, number>;
}

/** How a checked file fared, as the summary counts it. */
export type Outcome = 'clean' | 'errors' | 'warnings';

export function outcomeOf(result: FileResult): Outcome {
  return result.errorCount > 0 ? 'errors' : result.warningCount > 0 ? 'warnings' : 'clean';
}

export const isUnreadable = (result: FileResult) => result.diagnostics.some((d) => d.rule === 'file-unreadable');

/** The roster (--expect) is no report: its findings count, the file does not. */
export const isRoster = (result: FileResult) => result.source.kind === 'roster';

/** A summary made as results go by (a formatter that streams sees each result once). */
export class Tally {
  private readonly counts = { files: 0, clean: 0, withErrors: 0, warningsOnly: 0, unreadable: 0, errors: 0, warnings: 0, sameReports: 0, sameReportFiles: 0 };

  add(result: FileResult): void {
    const c = this.counts;
    if (isRoster(result)) {
      c.errors += result.errorCount;
      c.warnings += result.warningCount;
      return;
    }
    c.files++;
    c.errors += result.errorCount;
    c.warnings += result.warningCount;
    const outcome = outcomeOf(result);
    if (outcome === 'errors') c.withErrors++;
    else if (outcome === 'warnings') c.warningsOnly++;
    else c.clean++;
    if (isUnreadable(result)) c.unreadable++;
    // A report in several forms is counted once, by the form whose name sorts first (each lists itself first).
    const forms = result.sameReport;
    if (forms && forms.every((f) => f.file >= forms[0]!.file)) {
      c.sameReports++;
      c.sameReportFiles += forms.length;
    }
  }

  summary(skipped: readonly SkippedFile[] = []): Summary {
    const skippedKinds: Record<string, number> = {};
    for (const s of skipped) skippedKinds[s.kind] = (skippedKinds[s.kind] ?? 0) + 1;
    return { ...this.counts, skipped: skipped.length, skippedKinds };
  }
}

/** How often each rule fired in a run: its findings and the files they are in. */
export class RuleCounts {
  private readonly counts = new Map<string, { findings: number; files: number }>();

  add(result: FileResult): void {
    const seen = new Set<string>();
    for (const d of result.diagnostics) {
      const c = this.counts.get(d.rule) ?? { findings: 0, files: 0 };
      c.findings++;
      if (!seen.has(d.rule)) c.files++;
      seen.add(d.rule);
      this.counts.set(d.rule, c);
    }
  }

  /** The `n` most frequent rules, by findings (then by id). */
  top(n: number): Array<{ rule: string; findings: number; files: number }> {
    return [...this.counts]
      .sort((a, b) => b[1].findings - a[1].findings || a[0].localeCompare(b[0]))
      .slice(0, n)
      .map(([rule, c]) => ({ rule, ...c }));
  }

  /** Every rule that fired, by id. */
  rules(): string[] {
    return [...this.counts.keys()].sort();
  }
}

/** The summary of results already in hand. */
export function summarize(results: Iterable<FileResult>, skipped?: readonly SkippedFile[]): Summary {
  const tally = new Tally();
  for (const r of results) tally.add(r);
  return tally.summary(skipped);
}

const WORDS = {
  zh: {
    summary: (s: Summary) =>
      s.clean === s.files
        ? `共检查 ${s.files} 个文件，全部无问题`
        : `共检查 ${s.files} 个文件：${s.clean} 个无问题，${s.withErrors} 个有错误${s.unreadable ? `（其中 ${s.unreadable} 个无法读取）` : ''}，${s.warningsOnly} 个只有警告；共 ${s.errors} 个错误，${s.warnings} 个警告`,
    sameReports: (s: Summary) => `其中 ${s.sameReportFiles} 个文件是 ${s.sameReports} 份报告的不同形式（网页、PDF、Word 等），数字一致，不算重复提交`,
    kinds: { lock: 'Office/WPS 临时文件', output: '本工具写出的文件', '(none)': '无扩展名' } as Record<string, string>,
    kind: (kind: string, n: number) => `${kind} ${n} 个`,
    skipped: (n: number, kinds: string, names: string, more: boolean) => `另有 ${n} 个文件不是报告，未检查（${kinds}）：${names}${more ? ' 等' : ''}`,
    baseline: (file: string, known: number, stale: number, names: string, more: boolean) =>
      `基线 ${file}：${known} 个已确认的问题未再列出${stale ? `；${stale} 个条目已不存在，可从基线中删去：${names}${more ? ' 等' : ''}` : ''}`,
    roster: (file: string, bodies: number, submitted: number, missing: number, unmatched: number, names: string, more: boolean) =>
      `名单 ${file}：${bodies} 个单位，${submitted} 个已提交，${missing} 个未提交${unmatched ? `；另有 ${unmatched} 个文件不在名单上：${names}${more ? ' 等' : ''}` : ''}`,
    list: '、',
  },
  en: {
    summary: (s: Summary) =>
      s.clean === s.files
        ? `${s.files} file${s.files === 1 ? '' : 's'} checked, all clean`
        : `${s.files} file${s.files === 1 ? '' : 's'} checked: ${s.clean} clean, ${s.withErrors} with errors${s.unreadable ? ` (${s.unreadable} unreadable)` : ''}, ${s.warningsOnly} with warnings only; ${s.errors} errors, ${s.warnings} warnings in all`,
    sameReports: (s: Summary) =>
      `${s.sameReportFiles} of the files are ${s.sameReports} report${s.sameReports === 1 ? '' : 's'} in several forms (web page, PDF, Word …) that agree, not duplicates`,
    kinds: { lock: 'Office/WPS lock files', output: 'files this tool wrote', '(none)': 'no extension' } as Record<string, string>,
    kind: (kind: string, n: number) => `${kind} ${n}`,
    skipped: (n: number, kinds: string, names: string, more: boolean) =>
      `${n} other file${n === 1 ? ' is' : 's are'} not a report and ${n === 1 ? 'was' : 'were'} not checked (${kinds}): ${names}${more ? ', …' : ''}`,
    baseline: (file: string, known: number, stale: number, names: string, more: boolean) =>
      `baseline ${file}: ${known} accepted finding${known === 1 ? '' : 's'} not shown${stale ? `; ${stale} entr${stale === 1 ? 'y is' : 'ies are'} no longer found and can be taken out: ${names}${more ? ' …' : ''}` : ''}`,
    roster: (file: string, bodies: number, submitted: number, missing: number, unmatched: number, names: string, more: boolean) =>
      `roster ${file}: ${bodies} bodies, ${submitted} submitted, ${missing} not submitted${unmatched ? `; ${unmatched} file${unmatched === 1 ? '' : 's'} on no line of it: ${names}${more ? ' …' : ''}` : ''}`,
    list: ', ',
  },
} as const;

/** The summary as one sentence: `共检查 3000 个文件：2000 个无问题，…`, and the reports given in several forms when there are. */
export function summaryLine(summary: Summary, lang: Lang): string {
  const line = WORDS[lang].summary(summary);
  return summary.sameReports > 0 ? `${line}${lang === 'zh' ? '。' : '. '}${WORDS[lang].sameReports(summary)}` : line;
}

/** Skipped files named in a summary line; JSON and SARIF list them all. */
const SKIPPED_SHOWN = 5;

/** The files not checked: how many of each kind, and the first few by name. */
/** How many names the roster's and the baseline's lines list before they say “…”. */
const NAMES_SHOWN = 10;

/** The roster's line: how many bodies submitted, how many did not (the roster file's findings), the files on no line. */
export function rosterLine(roster: RosterSummary, lang: Lang): string {
  const w = WORDS[lang];
  const names = roster.unmatched.slice(0, NAMES_SHOWN).join(w.list);
  return w.roster(roster.file, roster.matched.length + roster.missing.length, roster.matched.length, roster.missing.length, roster.unmatched.length, names, roster.unmatched.length > NAMES_SHOWN);
}

/** The baseline's line: how many findings it accepted, and its stale entries (to take out of it). */
export function baselineLine(baseline: BaselineSummary, lang: Lang): string {
  const w = WORDS[lang];
  const stale = baseline.stale.slice(0, NAMES_SHOWN).map((e) => `${e.file} ${e.rule}`).join(w.list);
  return w.baseline(baseline.file, baseline.known, baseline.stale.length, stale, baseline.stale.length > NAMES_SHOWN);
}

export function skippedLine(skipped: readonly SkippedFile[], summary: Summary, lang: Lang): string {
  const w = WORDS[lang];
  const kinds = Object.entries(summary.skippedKinds)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([kind, n]) => w.kind(w.kinds[kind] ?? kind, n))
    .join(w.list);
  const names = skipped.slice(0, SKIPPED_SHOWN).map((s) => s.file).join(w.list);
  return w.skipped(skipped.length, kinds, names, skipped.length > SKIPPED_SHOWN);
}
