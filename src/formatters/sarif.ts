// SARIF 2.1.0 for GitHub code scanning and SARIF viewers.

import type { Diagnostic, FileResult } from '../engine/index.js';
import { RULES } from '../rules/index.js';
import type { Lang } from '../rules/types.js';
import { lineOf, qualifiedCell, reportPath, worstFirst } from './shared.js';
import { summarize } from './summary.js';
import type { FormatContext, Formatter } from './types.js';

/** GitHub code scanning refuses a run with more results than this. */
export const SARIF_RESULT_LIMIT = 25_000;

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';

/**
 * A relative path as a URI reference: each segment percent-encoded as UTF-8, `/` kept. An absolute
 * path (no cwd to make it relative to) becomes a file: URI instead.
 */
function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
  const encode = (p: string) => p.split('/').map(encodeURIComponent).join('/');
  if (/^[A-Za-z]:\//.test(path)) return { uri: `file:///${path.slice(0, 2)}${encode(path.slice(2))}` };
  if (path.startsWith('/')) return { uri: `file://${encode(path)}` };
  return { uri: encode(path), uriBaseId: SRCROOT };
}

function withoutNulls(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}

function level(severity: string): 'error' | 'warning' {
  return severity === 'error' ? 'error' : 'warning';
}

function driverRules() {
  return RULES.map(({ meta }) => ({
    id: meta.id,
    shortDescription: { text: meta.description.zh },
    fullDescription: { text: `${meta.description.zh}。${meta.rationale.zh}` },
    help: {
      text: `${meta.rationale.zh}\n修改方法：${meta.fix.zh}\n\n${meta.rationale.en}\nHow to fix: ${meta.fix.en}`,
      markdown: [
        `**${meta.description.zh}**`,
        '',
        meta.rationale.zh,
        '',
        `**修改方法：** ${meta.fix.zh}`,
        '',
        '---',
        '',
        `**${meta.description.en}**`,
        '',
        meta.rationale.en,
        '',
        `**How to fix:** ${meta.fix.en}`,
      ].join('\n'),
    },
    defaultConfiguration: { level: level(meta.severity) },
    properties: { category: meta.category, tags: [meta.category], description: meta.description.en },
  }));
}

function sarifResult(result: FileResult, d: Diagnostic, artifactIndex: number, ruleIndex: Map<string, number>, lang: Lang, path: string) {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const region = withoutNulls({
    startLine: lineOf(d) ?? 1,
    // For CSV/text the worksheet column is a field number, not the code-point column SARIF means.
    startColumn: d.line === null && d.paragraph === null ? d.sheetColumn : null,
    properties: d.sheet !== null || d.cell !== null ? withoutNulls({ sheet: d.sheet, cell: d.cell, paragraph: d.paragraph, excerpt: d.excerpt }) : null,
  });
  const index = ruleIndex.get(d.rule);
  return withoutNulls({
    ruleId: d.rule,
    ruleIndex: index ?? null,
    level: level(d.severity),
    message: { text: d.messages[lang], properties: { [other]: d.messages[other] } },
    locations: [
      withoutNulls({
        physicalLocation: { artifactLocation: { ...artifactLocation(path), index: artifactIndex }, region },
        logicalLocations: d.cell !== null && d.paragraph === null ? [{ fullyQualifiedName: qualifiedCell(d.sheet, d.cell), name: d.cell, kind: 'value' }] : null,
      }),
    ],
    partialFingerprints: { 'reportFinding/v1': d.fingerprint },
    properties: withoutNulls({
      messageId: d.messageId,
      table: d.table,
      row: d.row,
      column: d.column,
      expected: d.expected,
      actual: d.actual,
      difference: d.difference,
      edition: result.edition,
      year: result.year,
      cells: d.cells.length > 0 ? d.cells : null,
    }),
  });
}

/** With --baseline: each accepted finding as an unchanged result, each stale entry as an absent one. */
function baselineResults(
  results: readonly FileResult[],
  pathOf: Map<FileResult, string>,
  artifactIndex: Map<string, number>,
  ruleIndex: Map<string, number>,
  context: FormatContext,
): Array<Record<string, unknown>> {
  const unchanged = results.flatMap((result) =>
    (result.baselined ?? []).map((d) => {
      const path = pathOf.get(result)!;
      return { ...sarifResult(result, d, artifactIndex.get(path)!, ruleIndex, context.lang, path), baselineState: 'unchanged' };
    }),
  );
  const absent = context.baseline!.stale.map((e) =>
    withoutNulls({
      ruleId: e.rule,
      ruleIndex: ruleIndex.get(e.rule) ?? null,
      level: 'none',
      message: { text: e.message },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(reportPath(e.file, context)) } }],
      baselineState: 'absent',
    }),
  );
  return [...unchanged, ...absent];
}

export const sarif: Formatter = {
  id: 'sarif',
  description: 'SARIF 2.1.0 (GitHub code scanning, SARIF viewers)',
  format(results, context) {
    const paths = results.map((r) => reportPath(r.file, context));
    const artifactIndex = new Map<string, number>();
    const artifacts: Array<Record<string, unknown>> = [];
    results.forEach((r, i) => {
      const path = paths[i]!;
      if (artifactIndex.has(path)) return;
      artifactIndex.set(path, artifacts.length);
      artifacts.push(withoutNulls({ location: artifactLocation(path), encoding: r.source.encoding, properties: withoutNulls({ kind: r.source.kind, edition: r.edition, agency: r.agency, year: r.year }) }));
    });
    const ruleIndex = new Map(RULES.map((r, i) => [r.meta.id, i]));
    const pathOf = new Map(results.map((r, i) => [r, paths[i]!]));
    const ranked = worstFirst(results);
    const kept = ranked.slice(0, SARIF_RESULT_LIMIT);
    const run = withoutNulls({
      tool: { driver: { name: 'report', version: context.toolVersion ?? '0.0.0', rules: driverRules() } },
      automationDetails: context.automationId ? { id: context.automationId } : null,
      originalUriBaseIds: { [SRCROOT]: { description: { text: 'The folder report check ran in; result paths are relative to it.' } } },
      artifacts,
      columnKind: 'unicodeCodePoints',
      results: [
        ...kept.map(({ result, diagnostic }) => {
          const path = pathOf.get(result)!;
          const found = sarifResult(result, diagnostic, artifactIndex.get(path)!, ruleIndex, context.lang, path);
          return context.baseline ? { ...found, baselineState: 'new' } : found;
        }),
        // With a baseline: the findings it accepted (unchanged), and its entries no longer found (absent).
        ...(context.baseline ? baselineResults(results, pathOf, artifactIndex, ruleIndex, context) : []),
      ],
      // Files a folder run did not check are named as notes of the run, not as results (no rule failed).
      invocations: [
        {
          executionSuccessful: true,
          toolExecutionNotifications: (context.skipped ?? []).map((s) => ({
            level: 'note',
            descriptor: { id: 'file-skipped' },
            message: { text: s.kind.startsWith('.') || s.kind === '(none)' ? `not checked: not a report file (${s.kind})` : `not checked: ${s.kind === 'lock' ? 'an Office/WPS lock file' : 'a file this tool wrote'}` },
            locations: [{ physicalLocation: { artifactLocation: artifactLocation(reportPath(s.file, context)) } }],
            properties: { kind: s.kind },
          })),
        },
      ],
      properties: { resultCount: ranked.length, droppedResults: ranked.length - kept.length, resultLimit: SARIF_RESULT_LIMIT, summary: summarize(results, context.skipped) },
    });
    return `${JSON.stringify({ $schema: SCHEMA, version: '2.1.0', runs: [run] }, null, 2)}\n`;
  },
};
