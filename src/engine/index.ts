// Runs the rules over a report: applies severities, renders messages, sorts, counts.

import type { EditionId, TableId } from '../form/types.js';
import type { Report } from '../model/report.js';
import { RULES } from '../rules/index.js';
import type { DataValue, Finding, Lang, Rule, Severity } from '../rules/types.js';

export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  messageId: string;
  table: TableId | null;
  row: string | null;
  column: string | null;
  sheet: string | null;
  cell: string | null;
  line: number | null;
  expected: number | null;
  actual: number | null;
  /** actual − expected, for balancing identities. */
  difference: number | null;
}

export interface FileResult {
  file: string;
  edition: EditionId | null;
  agency: string | null;
  year: number | null;
  errorCount: number;
  warningCount: number;
  diagnostics: Diagnostic[];
}

export interface EngineOptions {
  lang?: Lang;
  /** Per-rule severity overrides; 'off' disables a rule. */
  severities?: Record<string, Severity | 'off'>;
  rules?: readonly Rule[];
}

function render(template: string, data: Record<string, DataValue>, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = data[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? value[lang] : String(value);
  });
}

const TABLE_ORDER: Record<string, number> = { none: 0, t2: 1, t3: 2, t4: 3 };

function compare(a: Diagnostic, b: Diagnostic): number {
  return (
    TABLE_ORDER[a.table ?? 'none']! - TABLE_ORDER[b.table ?? 'none']! ||
    (a.sheet ?? '').localeCompare(b.sheet ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    rowOf(a) - rowOf(b) ||
    colOf(a) - colOf(b) ||
    a.rule.localeCompare(b.rule)
  );
}

function rowOf(d: Diagnostic): number {
  return d.cell ? Number(/\d+$/.exec(d.cell)?.[0] ?? 0) : 0;
}

function colOf(d: Diagnostic): number {
  const letters = d.cell ? (/^[A-Z]+/.exec(d.cell)?.[0] ?? '') : '';
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function toDiagnostic(rule: Rule, severity: Severity, finding: Finding, lang: Lang): Diagnostic {
  const template = rule.meta.messages[finding.messageId] ?? { zh: finding.messageId, en: finding.messageId };
  const difference = finding.expected !== undefined && finding.actual !== undefined ? Math.round((finding.actual - finding.expected) * 1e6) / 1e6 : null;
  const data: Record<string, DataValue> = {
    ...finding.data,
    ...(finding.expected !== undefined ? { expected: finding.expected } : {}),
    ...(finding.actual !== undefined ? { actual: finding.actual } : {}),
    ...(difference !== null ? { difference: Math.abs(difference) } : {}),
  };
  return {
    rule: rule.meta.id,
    severity,
    message: render(template[lang], data, lang),
    messageId: finding.messageId,
    table: finding.table,
    row: finding.row,
    column: finding.column,
    sheet: finding.loc?.sheet ?? null,
    cell: finding.loc?.cell ?? null,
    line: finding.loc?.line ?? null,
    expected: finding.expected ?? null,
    actual: finding.actual ?? null,
    difference,
  };
}

export function checkReport(report: Report, options: EngineOptions = {}): FileResult {
  const lang = options.lang ?? 'zh';
  const diagnostics: Diagnostic[] = [];
  for (const rule of options.rules ?? RULES) {
    const severity = options.severities?.[rule.meta.id] ?? rule.meta.severity;
    if (severity === 'off') continue;
    for (const finding of rule.check(report)) diagnostics.push(toDiagnostic(rule, severity, finding, lang));
  }
  diagnostics.sort(compare);
  return {
    file: report.file,
    edition: report.edition,
    agency: report.agency?.value ?? null,
    year: report.year?.value ?? null,
    errorCount: diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: diagnostics.filter((d) => d.severity === 'warning').length,
    diagnostics,
  };
}
