// A formatter is a pure function from results to the text written out.

import type { FileResult } from '../engine/index.js';
import type { Lang } from '../rules/types.js';

export interface FormatContext {
  lang: Lang;
  /** Whether to use colour (text formatter only). */
  color: boolean;
  /** The tool's version, for formats that name the tool (SARIF). */
  toolVersion?: string;
  /** The working folder: absolute paths inside it are shown relative to it. */
  cwd?: string;
  /** A CI matrix shard's own id, so shards do not close each other's alerts (SARIF). */
  automationId?: string;
  /** Files in the folders checked that were not report files, named in the summary. */
  skipped?: readonly SkippedFile[];
  /** List clean files too (text): by default they are only counted. */
  verbose?: boolean;
  /**
   * The roster (`--expect`) matched with the batch: set once every result has gone by (a streaming
   * formatter reads it after the results). Its missing bodies are the roster file's findings.
   */
  roster?: RosterSummary;
  /** With --baseline: how many findings it accepted, and its entries no finding matched (stale), set once every result has gone by. */
  baseline?: BaselineSummary;
}

export interface BaselineSummary {
  file: string;
  /** Findings the baseline accepted, left out of the results. */
  known: number;
  /** Entries no finding of this run matched: mended since, to take out of the baseline. */
  stale: Array<{ rule: string; agency: string | null; year: number | null; file: string; message: string }>;
}

/** A roster matched with a batch's reports: what each line matched, and the files no line matched. */
export interface RosterSummary {
  file: string;
  /** The year expected of lines that name none. */
  year: number | null;
  matched: Array<{ body: string; year: number; line: number; files: string[] }>;
  missing: Array<{ body: string; year: number | null; line: number }>;
  unmatched: string[];
}

/** A file a folder run did not check: its path as shown, and its kind (`.png`; `lock`, `output`). */
export interface SkippedFile {
  file: string;
  kind: string;
}

export interface Formatter {
  id: string;
  description: string;
  format(results: FileResult[], context: FormatContext): string;
  /** The same text in pieces, for formats that can be written as they are made (a batch of 20,000 files). */
  stream?(results: Iterable<FileResult>, context: FormatContext): Iterable<string>;
}
