// What every command shares: the process streams as an interface, exit codes, the version,
// and reading inputs the same way.

import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { EditionId } from '../form/types.js';
import { loadReport } from '../engine/file.js';
import type { Report } from '../model/report.js';
import { readBytes } from '../readers/index.js';
import type { Lang } from '../rules/types.js';
import { sha256 } from '../engine/sha256.js';
import { OutputError } from '../writers/output.js';
import { messages } from './messages.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour). */
  isTTY: boolean;
  /** Whether stderr is a terminal (progress bar). */
  stderrTTY?: boolean;
  /** The terminal's width in columns, when there is a terminal (progress bar, help). */
  columns?: number;
  /** Standard input, for `report check -`. */
  stdin?: () => AsyncIterable<Uint8Array>;
  env: Record<string, string | undefined>;
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** A usage problem the user can fix: printed as one line, exit 2. */
export class UsageError extends Error {}

export interface LoadedInput {
  file: string;
  report: Report;
  sha256: string | null;
}

/**
 * Read every input that exists; a missing path is reported on stderr and counted (exit 2), an
 * unreadable one still yields a report (with file-unreadable).
 */
export async function loadInputs(files: string[], options: { edition?: EditionId; lang: Lang }, io: Io): Promise<{ inputs: LoadedInput[]; missing: number }> {
  const inputs: LoadedInput[] = [];
  let missing = 0;
  for (const file of files) {
    const info = await stat(file).catch(() => null);
    if (!info) {
      io.stderr(`report: ${messages(options.lang).notFound(file)}\n`);
      missing++;
      continue;
    }
    // Read within the limits (a file over the size limit is refused before it is read); one that
    // cannot be read is left to loadReport, which says why.
    let bytes: Uint8Array | undefined;
    try {
      bytes = info.isFile() ? readBytes(file) : undefined;
    } catch {
      bytes = undefined;
    }
    const report = await loadReport(file, options.edition ? { edition: options.edition } : {}, bytes);
    inputs.push({ file, report, sha256: bytes ? sha256(bytes) : null });
  }
  return { inputs, missing };
}

/** The one-line message for an output that cannot be written. */
export function outputMessage(err: OutputError, lang: Lang): string {
  const text = messages(lang);
  return `report: ${text.output[err.reason](err.path, err.detail)}`;
}
