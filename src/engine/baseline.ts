// Known findings a supervisor has reviewed and accepted (`--baseline 已知问题.json`, written by
// `--write-baseline`): not reported again. A finding is known by the report it is in (its body and
// year, so a renamed or moved file keeps its baseline; the file's path only for a file without
// them), its rule and message, and its logical place (table, row, column; for a finding on the
// text, its section and the fingerprint of its sentence), never by a file name or a line. Entries no longer found
// are stale, so that the baseline shrinks as reports are mended.

import { agencyKey } from '../model/facts.js';
import type { Diagnostic, FileResult } from './index.js';

/** The baseline file's format: refused when another. */
export const BASELINE_FORMAT = 'nianbao-baseline';
/** 2: findings on the text known by their section and sentence (version 1 knew them by their paragraph's first words). */
export const BASELINE_VERSION = 2;

export interface BaselineEntry {
  /** What the finding is known by (see baselineKey). */
  key: string;
  rule: string;
  /** Who and which year, and the file, for a person reading the baseline (not matched on). */
  agency: string | null;
  year: number | null;
  file: string;
  message: string;
}

/** A finding's identity: the report's body and year (or its file), rule, message id and logical place. */
export function baselineKey(result: FileResult, d: Diagnostic): string {
  const report = result.agency && result.year !== null ? `${agencyKey(result.agency)}@${result.year}` : `file:${result.file}`;
  const place = d.paragraph !== null ? `text:${d.anchor ?? d.excerpt ?? ''}` : `${d.table ?? ''}/${d.row ?? ''}/${d.column ?? ''}`;
  return [report, d.rule, d.messageId, place].join('|');
}

/** The baseline file of a run's findings. */
export function baselineJson(entries: readonly BaselineEntry[]): string {
  return `${JSON.stringify({ format: BASELINE_FORMAT, version: BASELINE_VERSION, findings: entries }, null, 2)}\n`;
}

export function entryOf(result: FileResult, d: Diagnostic): BaselineEntry {
  return { key: baselineKey(result, d), rule: d.rule, agency: result.agency, year: result.year, file: result.file, message: d.message };
}

/** Why a baseline file cannot be used. */
export class BaselineError extends Error {
  constructor(readonly reason: 'not-json' | 'not-baseline' | 'version', readonly found?: unknown) {
    super(reason);
  }
}

/** A baseline file's entries; BaselineError when it is no baseline, or one of another version of the format. */
export function parseBaseline(text: string): BaselineEntry[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new BaselineError('not-json');
  }
  const d = doc as { format?: unknown; version?: unknown; findings?: unknown };
  if (!d || typeof d !== 'object' || d.format !== BASELINE_FORMAT || !Array.isArray(d.findings)) throw new BaselineError('not-baseline');
  if (d.version !== BASELINE_VERSION) throw new BaselineError('version', d.version);
  return d.findings.filter((e): e is BaselineEntry => Boolean(e) && typeof (e as BaselineEntry).key === 'string' && typeof (e as BaselineEntry).rule === 'string');
}

/**
 * The findings of a baseline not yet met, by key (a finding met twice in one report is two entries).
 * `take` removes what a result's findings match; what is left at the end is stale.
 */
export class BaselinePool {
  private readonly left = new Map<string, BaselineEntry[]>();

  constructor(entries: readonly BaselineEntry[]) {
    for (const e of entries) {
      const list = this.left.get(e.key);
      if (list) list.push(e);
      else this.left.set(e.key, [e]);
    }
  }

  /** A result without its known findings (counted again), and those findings. */
  take(result: FileResult): { result: FileResult; known: Diagnostic[] } {
    const known: Diagnostic[] = [];
    const kept: Diagnostic[] = [];
    for (const d of result.diagnostics) {
      const list = this.left.get(baselineKey(result, d));
      if (list && list.length > 0) {
        list.pop();
        known.push(d);
      } else kept.push(d);
    }
    if (known.length === 0) return { result, known };
    const errorCount = kept.filter((d) => d.severity === 'error').length;
    return { result: { ...result, diagnostics: kept, errorCount, warningCount: kept.length - errorCount }, known };
  }

  /** The entries no finding matched. */
  stale(): BaselineEntry[] {
    return [...this.left.values()].flat();
  }
}
