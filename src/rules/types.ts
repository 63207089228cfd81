// What a rule is: plain metadata (id, category, severity, bilingual messages and help) and a pure check.

import type { TableId } from '../form/types.js';
import type { Location, Report } from '../model/report.js';

export type Severity = 'error' | 'warning';
export type Lang = 'zh' | 'en';
export type Bilingual = Record<Lang, string>;

export interface RuleMeta {
  /** kebab-case; equals the file name and the id in FORMAT.md. */
  id: string;
  category: 'file' | 'structure' | 'cell' | 'balance' | 'document';
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

export interface Rule {
  meta: RuleMeta;
  check(report: Report): Iterable<Finding>;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
