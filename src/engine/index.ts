// Runs the rules over a report: applies severities, renders messages, sorts, counts.

import type { EditionId, TableId } from '../form/types.js';
import type { Report } from '../model/report.js';
import { PUBLISHED_KINDS, withoutCells, type ReportHeading, type YearFacts } from '../model/facts.js';
import type { RosterOutcome } from '../model/roster.js';
import { tableValues, type TableValues } from '../model/values.js';
import { expectedCells } from '../rules/cells.js';
import { RULES } from '../rules/index.js';
import { isHistoryRule, isReportRule, isRosterRule, type Bilingual, type DataValue, type Finding, type HistoryRule, type Lang, type Rule, type RuleContext, type Severity } from '../rules/types.js';
import { messagesOf } from './messages.js';
import { sha256 } from './sha256.js';

export interface Diagnostic {
  rule: string;
  severity: Severity;
  /** The message in the language asked for. */
  message: string;
  /** The message in both languages (CI formats carry both). */
  messages: Bilingual;
  messageId: string;
  table: TableId | null;
  row: string | null;
  column: string | null;
  sheet: string | null;
  cell: string | null;
  line: number | null;
  /** The page, for PDFs. */
  page: number | null;
  /** A finding on the narrative: the paragraph (1-based, tables not counted) and its first words. */
  paragraph: number | null;
  excerpt: string | null;
  /** A finding on the narrative: its section and sentence (Location.anchor), what a baseline matches it by. */
  anchor: string | null;
  expected: number | null;
  actual: number | null;
  /** actual − expected, for balancing identities. */
  difference: number | null;
  /** Worksheet row and column number of `cell` (A = 1). */
  sheetRow: number | null;
  sheetColumn: number | null;
  /** Every cell taking part in the identity (A1), for balancing findings. */
  cells: string[];
  /** Stable across edits that move rows: a hash of rule, file and logical place, never of a row number. */
  fingerprint: string;
}

export interface FileResult {
  file: string;
  /** What the file was read as, and its text encoding for CSV/text. */
  source: { kind: string | null; encoding: string | null };
  edition: EditionId | null;
  agency: string | null;
  year: number | null;
  errorCount: number;
  warningCount: number;
  diagnostics: Diagnostic[];
  /** The files that are this one report in several forms (a web page, its PDF, its Word document), this one first, when there are. */
  sameReport?: Array<{ file: string; kind: string | null }>;
  /** With --baseline: the findings the baseline accepts, left out of `diagnostics` and the counts (SARIF marks them unchanged). */
  baselined?: Diagnostic[];
  /**
   * With `values`: the report's cells by canonical key (the normalized report's tables, every row
   * of its edition), for a formatter that draws the tables (html). JSON leaves it out.
   */
  values?: Record<TableId, TableValues>;
}

export interface EngineOptions {
  lang?: Lang;
  /** Per-rule severity overrides; 'off' disables a rule. */
  severities?: Record<string, Severity | 'off'>;
  rules?: readonly Rule[];
  /** Give each result the report's values (FileResult.values). */
  values?: boolean;
}

const TABLE_ORDER: Record<string, number> = { none: 0, t2: 1, t3: 2, t4: 3 };

function compare(a: Diagnostic, b: Diagnostic): number {
  return (
    TABLE_ORDER[a.table ?? 'none']! - TABLE_ORDER[b.table ?? 'none']! ||
    (a.sheet ?? '').localeCompare(b.sheet ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.sheetRow ?? 0) - (b.sheetRow ?? 0) ||
    (a.sheetColumn ?? 0) - (b.sheetColumn ?? 0) ||
    a.rule.localeCompare(b.rule)
  );
}

function fingerprint(file: string, rule: string, finding: Finding): string {
  const key = [rule, file.replace(/\\/g, '/'), finding.table, finding.row, finding.column, finding.messageId].join('\u0000');
  return sha256(key).slice(0, 32);
}

function toDiagnostic(file: string, rule: Rule, severity: Severity, finding: Finding, lang: Lang): Diagnostic {
  const difference = finding.expected !== undefined && finding.actual !== undefined ? Math.round((finding.actual - finding.expected) * 1e6) / 1e6 : null;
  const data: Record<string, DataValue> = {
    ...finding.data,
    ...(finding.expected !== undefined ? { expected: finding.expected } : {}),
    ...(finding.actual !== undefined ? { actual: finding.actual } : {}),
    ...(difference !== null ? { difference: Math.abs(difference) } : {}),
  };
  const messages = messagesOf(rule.meta.id, rule.meta.messages, finding.messageId, data);
  return {
    rule: rule.meta.id,
    severity,
    message: messages[lang],
    messages,
    messageId: finding.messageId,
    table: finding.table,
    row: finding.row,
    column: finding.column,
    sheet: finding.loc?.sheet ?? null,
    cell: finding.loc?.cell ?? null,
    line: finding.loc?.line ?? null,
    page: finding.loc?.page ?? null,
    paragraph: finding.loc?.paragraph ?? null,
    excerpt: finding.loc?.excerpt ?? null,
    anchor: finding.loc?.anchor ?? null,
    expected: finding.expected ?? null,
    actual: finding.actual ?? null,
    difference,
    sheetRow: finding.loc?.row ?? null,
    sheetColumn: finding.loc?.col ?? null,
    cells: (finding.cells ?? []).map((c) => c.cell),
    fingerprint: fingerprint(file, rule.meta.id, finding),
  };
}

/** Each enabled rule with the severity it runs at. */
function enabled(options: EngineOptions): Array<{ rule: Rule; severity: Severity }> {
  return (options.rules ?? RULES).flatMap((rule) => {
    const severity = options.severities?.[rule.meta.id] ?? rule.meta.severity;
    return severity === 'off' ? [] : [{ rule, severity }];
  });
}

function withCounts(result: FileResult, diagnostics: Diagnostic[]): FileResult {
  diagnostics.sort(compare);
  return {
    ...result,
    errorCount: diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: diagnostics.filter((d) => d.severity === 'warning').length,
    diagnostics,
  };
}

export function checkReport(report: Report, options: EngineOptions = {}): FileResult {
  const lang = options.lang ?? 'zh';
  const diagnostics: Diagnostic[] = [];
  // What every rule may look at, made once for all of them.
  const cells = expectedCells(report);
  for (const { rule, severity } of enabled(options)) {
    if (!isReportRule(rule)) continue;
    const flag = (finding: Finding) => diagnostics.push(toDiagnostic(report.file, rule, severity, finding, lang));
    rule.check(report, { cells, flag } satisfies RuleContext);
  }
  const result = {
    file: report.file,
    source: { kind: report.source.kind, encoding: report.source.encoding ?? null },
    edition: report.edition,
    agency: report.agency?.value ?? null,
    year: report.year?.value ?? null,
    errorCount: 0,
    warningCount: 0,
    diagnostics: [],
    ...(options.values && report.edition ? { values: tableValues(report) } : {}),
  };
  return withCounts(result, diagnostics);
}

/** The reports the cross-year checks pair: who and which year each is, and its facts when asked for. */
export interface History {
  headings: readonly ReportHeading[];
  /** The facts of the report at `index` with their cells (asked only of reports that have a pair). */
  facts(index: number): YearFacts;
}

/**
 * The cross-year checks of a batch: reports of the same body (names normalised) in consecutive
 * years are paired, same body and year twins flagged. `previous` pairs every report with one
 * report instead (`--previous`). Returns a function that gives a file's result (by its index) with
 * the new findings merged in: a large batch adds them one file at a time, as it writes them.
 */
export function historyChecker(history: History, options: EngineOptions & { previous?: YearFacts } = {}): (result: FileResult, index: number) => FileResult {
  const lang = options.lang ?? 'zh';
  const rules = enabled(options).filter((r): r is { rule: HistoryRule; severity: Severity } => isHistoryRule(r.rule));
  const { headings } = history;
  // Reports by body and year: the pairs and twins of each report are looked up, not searched for.
  const byYear = new Map<string, number[]>();
  const key = (h: ReportHeading, year: number) => `${h.agencyKey}\u0000${year}`;
  headings.forEach((h, i) => {
    if (!h.agencyKey || !h.year) return;
    const group = byYear.get(key(h, h.year));
    if (group) group.push(i);
    else byYear.set(key(h, h.year), [i]);
  });
  const { previous } = options;
  return (result, i) => {
    const heading = headings[i]!;
    const paired = Boolean(heading.agencyKey && heading.year);
    const last = paired ? byYear.get(key(heading, heading.year! - 1))?.[0] : undefined;
    const twins = paired ? byYear.get(key(heading, heading.year!))!.filter((j) => j !== i) : [];
    // Most reports of a batch have no pair: the facts are read only for those that do, and the
    // cells only of those with a year before, or a form of another kind, to compare them with.
    // (The current report's first: its result was just read, and with it its facts.)
    if (!previous && last === undefined && twins.length === 0) return result;
    const { duplicates, forms, mismatched } = sortTwins(heading, twins, headings);
    const current = previous || last !== undefined || mismatched.length > 0 ? history.facts(i) : withoutCells(heading);
    const before = previous ?? (last !== undefined ? history.facts(last) : null);
    const found: Diagnostic[] = [];
    for (const { rule, severity } of rules) {
      const flag = (finding: Finding) => found.push(toDiagnostic(result.file, rule, severity, finding, lang));
      rule.checkHistory(current, { previous: before, duplicates, forms: forms.map((j) => headings[j]!), mismatched: mismatched.map((j) => history.facts(j)), flag });
    }
    const withForms = forms.length > 0 ? { ...result, sameReport: [heading, ...forms.map((j) => headings[j]!)].map((h) => ({ file: h.file, kind: h.kind })) } : result;
    return found.length ? withCounts(withForms, [...result.diagnostics, ...found]) : withForms;
  };
}

/**
 * A report's twins (same body and year) by what they are to it: a file of another kind with the
 * same values is the report in another form; a published form (Word, web page, PDF) beside another
 * with different values is a mismatch; the rest (files of its own kind, a workbook beside a PDF
 * that differs, files without tables to compare) are duplicates.
 */
function sortTwins(heading: ReportHeading, twins: number[], headings: readonly ReportHeading[]): { duplicates: ReportHeading[]; forms: number[]; mismatched: number[] } {
  const duplicates: ReportHeading[] = [];
  const forms: number[] = [];
  const mismatched: number[] = [];
  for (const j of twins) {
    const twin = headings[j]!;
    if (twin.kind === heading.kind || twin.digest === null || heading.digest === null) duplicates.push(twin);
    else if (twin.digest === heading.digest) forms.push(j);
    else if (PUBLISHED_KINDS.has(twin.kind ?? '') && PUBLISHED_KINDS.has(heading.kind ?? '')) mismatched.push(j);
    else duplicates.push(twin);
  }
  return { duplicates, forms, mismatched };
}

/** The results of reports checked together, with the cross-year findings merged in, in the same order. */
export function checkHistory(results: FileResult[], facts: YearFacts[], options: EngineOptions & { previous?: YearFacts } = {}): FileResult[] {
  return results.map(historyChecker({ headings: facts, facts: (i) => facts[i]! }, options));
}

/**
 * The roster file's result (`--expect`): its lines whose body has no report of the year, as the
 * roster rules find them (report-not-submitted), at those lines.
 */
export function checkRoster(file: string, outcome: RosterOutcome, options: EngineOptions = {}): FileResult {
  const lang = options.lang ?? 'zh';
  const diagnostics: Diagnostic[] = [];
  for (const { rule, severity } of enabled(options)) {
    if (!isRosterRule(rule)) continue;
    rule.checkRoster(outcome, { flag: (finding: Finding) => diagnostics.push(toDiagnostic(file, rule, severity, finding, lang)) });
  }
  return withCounts({ file, source: { kind: 'roster', encoding: null }, edition: null, agency: null, year: outcome.year, errorCount: 0, warningCount: 0, diagnostics: [] }, diagnostics);
}
