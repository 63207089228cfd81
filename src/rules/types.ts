// What a rule is: plain metadata (id, category, severity, bilingual messages and help) and a pure check.

import type { TableId } from '../form/types.js';
import type { ReportHeading, YearFacts } from '../model/facts.js';
import type { Location, Report } from '../model/report.js';
import type { RosterOutcome } from '../model/roster.js';
import type { ExpectedCell } from './cells.js';

export type Severity = 'error' | 'warning';
export type Lang = 'zh' | 'en';
export type Bilingual = Record<Lang, string>;

export interface RuleMeta<M extends string = string> {
  /** kebab-case; equals the file name and the id in docs/format.md. */
  id: string;
  category: 'file' | 'structure' | 'cell' | 'balance' | 'plausibility' | 'document' | 'history' | 'roster';
  severity: Severity;
  /** One line: what the rule checks. */
  description: Bilingual;
  /** Why it matters. */
  rationale: Bilingual;
  /** What a clerk does about it. */
  fix: Bilingual;
  /**
   * Message templates by message id. `{name}` is replaced by the finding's data of that name;
   * `[…]` is shown only when every placeholder in it has a value other than '' and `[…|…]` shows
   * what follows the bar otherwise. Every placeholder must be given, '' included: the engine
   * refuses a finding that leaves one unfilled.
   */
  messages: Record<M, Bilingual>;
}

/** A data value: plain, different per language (place names, labels), or a list (joined as each language lists). */
export type DataValue = string | number | Bilingual | readonly string[];

/** What a finding's message templates are filled with, by placeholder. */
export type FindingData = Readonly<Record<string, DataValue>>;

export interface Finding<M extends string = string> {
  /** One of the rule's own message ids (the type allows no other). */
  messageId: M;
  table: TableId | null;
  /** Canonical row key, or the group key for t4-total. */
  row: string | null;
  column: string | null;
  /** The cell the finding points at. */
  loc: Location | null;
  data: FindingData;
  /** For balancing identities: what the identity needs, what the cell says. */
  expected?: number;
  actual?: number;
  /** Every cell taking part in the identity. */
  cells?: Location[];
}

/** How a rule hands the engine what it found: one call a finding, with one of the rule's own message ids. */
export interface Flag<M extends string> {
  flag(finding: Finding<M>): void;
}

/** What a rule is given besides the report: the report's expected cells, made once for all rules. */
export interface RuleContext<M extends string = string> extends Flag<M> {
  /** Every cell the report's edition expects in the tables that were found, with its column. */
  cells: readonly ExpectedCell[];
}

/** What a cross-year rule sees besides the report's own facts: last year's, and same-year twins. */
export interface HistoryContext<M extends string = string> extends Flag<M> {
  previous: YearFacts | null;
  /**
   * Other files of the same body and year in the batch (who they are, not their cells), but not
   * the same report in another form: those are `forms` when their values agree, `mismatched` when not.
   */
  duplicates: ReportHeading[];
  /** Files of another kind (web page, PDF, Word …) with the same body, year and values: one report in several forms. */
  forms: ReportHeading[];
  /** Files of another kind with the same body and year whose values differ, with their values. */
  mismatched: YearFacts[];
}

export interface ReportRule<M extends string = string> {
  meta: RuleMeta<M>;
  check(report: Report, context: RuleContext<NoInfer<M>>): undefined;
}

/** A rule that needs more than one report: it runs on a batch (or with --previous). */
export interface HistoryRule<M extends string = string> {
  meta: RuleMeta<M>;
  checkHistory(current: YearFacts, context: HistoryContext<NoInfer<M>>): undefined;
}

/** A rule about a batch against a roster (`--expect`): its findings are the roster file's, at its lines. */
export interface RosterRule<M extends string = string> {
  meta: RuleMeta<M>;
  checkRoster(outcome: RosterOutcome, context: Flag<NoInfer<M>>): undefined;
}

export type Rule = ReportRule | HistoryRule | RosterRule;

/** A rule whose findings may use only the message ids its own meta.messages defines. */
export function defineRule<M extends string>(rule: ReportRule<M>): ReportRule<M> {
  return rule;
}

export function defineHistoryRule<M extends string>(rule: HistoryRule<M>): HistoryRule<M> {
  return rule;
}

export function defineRosterRule<M extends string>(rule: RosterRule<M>): RosterRule<M> {
  return rule;
}

export function isHistoryRule(rule: Rule): rule is HistoryRule {
  return 'checkHistory' in rule;
}

export function isReportRule(rule: Rule): rule is ReportRule {
  return 'check' in rule;
}

export function isRosterRule(rule: Rule): rule is RosterRule {
  return 'checkRoster' in rule;
}
