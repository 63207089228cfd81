// What a rule is: plain metadata (id, category, severity, bilingual messages and help) and a pure check.

import type { TableId } from '../form/types.js';
import type { ReportHeading, YearFacts } from '../model/facts.js';
import type { Location, Report } from '../model/report.js';

export type Severity = 'error' | 'warning';
export type Lang = 'zh' | 'en';
export type Bilingual = Record<Lang, string>;

export interface RuleMeta {
  /** kebab-case; equals the file name and the id in FORMAT.md. */
  id: string;
  category: 'file' | 'structure' | 'cell' | 'balance' | 'document' | 'history';
  severity: Severity;
  /** One line: what the rule checks. */
  description: Bilingual;
  /** Why it matters. */
  rationale: Bilingual;
  /** What a clerk does about it. */
  fix: Bilingual;
  /** Message templates by message id; `{name}` is replaced by the finding's data. */
  messages: Record<string, Bilingual>;
}

/** A data value: plain, or different per language (place names, labels). */
export type DataValue = string | number | Bilingual;

export interface Finding {
  messageId: string;
  table: TableId | null;
  /** Canonical row key, or the group key for t4-total. */
  row: string | null;
  column: string | null;
  /** The cell the finding points at. */
  loc: Location | null;
  data: Record<string, DataValue>;
  /** For balancing identities: what the identity needs, what the cell says. */
  expected?: number;
  actual?: number;
  /** Every cell taking part in the identity. */
  cells?: Location[];
}

/** What a cross-year rule sees besides the report's own facts: last year's, and same-year twins. */
export interface HistoryContext {
  previous: YearFacts | null;
  /** Other files of the same body and year in the batch (who they are, not their cells). */
  duplicates: ReportHeading[];
}

export interface ReportRule {
  meta: RuleMeta;
  check(report: Report): Iterable<Finding>;
}

/** A rule that needs more than one report: it runs on a batch (or with --previous). */
export interface HistoryRule {
  meta: RuleMeta;
  checkHistory(current: YearFacts, context: HistoryContext): Iterable<Finding>;
}

export type Rule = ReportRule | HistoryRule;

export function defineRule(rule: ReportRule): ReportRule {
  return rule;
}

export function defineHistoryRule(rule: HistoryRule): HistoryRule {
  return rule;
}

export function isHistoryRule(rule: Rule): rule is HistoryRule {
  return 'checkHistory' in rule;
}
