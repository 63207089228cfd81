// The rule registry: every rule, in the order docs/format.md lists them.

import carryOver from './carry-over.js';
import cellBlank from './cell-blank.js';
import cellNegative from './cell-negative.js';
import cellNotInteger from './cell-not-integer.js';
import cellNotNumber from './cell-not-number.js';
import cellNumberText from './cell-number-text.js';
import cellPrecision from './cell-precision.js';
import columnMissing from './column-missing.js';
import duplicateReport from './duplicate-report.js';
import editionMismatch from './edition-mismatch.js';
import feeNoteMissing from './fee-note-missing.js';
import feeUnit from './fee-unit.js';
import fileUnreadable from './file-unreadable.js';
import metadataMissing from './metadata-missing.js';
import periodYearMismatch from './period-year-mismatch.js';
import renderingMismatch from './rendering-mismatch.js';
import reportNotSubmitted from './report-not-submitted.js';
import rowMissing from './row-missing.js';
import rulePower from './rule-power.js';
import sectionMissing from './section-missing.js';
import t3Balance from './t3-balance.js';
import t3ResultTotal from './t3-result-total.js';
import t2Stock from './t2-stock.js';
import t3RowTotal from './t3-row-total.js';
import t4Total from './t4-total.js';
import tableDuplicate from './table-duplicate.js';
import tableMissing from './table-missing.js';
import textRepeated from './text-repeated.js';
import textTableMismatch from './text-table-mismatch.js';
import type { Rule } from './types.js';

export type { Rule, RuleMeta, Finding, Severity, Lang, Bilingual } from './types.js';
export { isHistoryRule, isReportRule, isRosterRule } from './types.js';

export const RULES: readonly Rule[] = [
  t3Balance,
  t3RowTotal,
  t3ResultTotal,
  t4Total,
  fileUnreadable,
  tableMissing,
  tableDuplicate,
  rowMissing,
  columnMissing,
  editionMismatch,
  cellBlank,
  cellNotNumber,
  cellNegative,
  cellNotInteger,
  cellPrecision,
  cellNumberText,
  metadataMissing,
  feeUnit,
  rulePower,
  sectionMissing,
  textTableMismatch,
  periodYearMismatch,
  feeNoteMissing,
  carryOver,
  t2Stock,
  duplicateReport,
  renderingMismatch,
  textRepeated,
  reportNotSubmitted,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));
