// The one error a reader throws: the file cannot be read, with a reason the file-unreadable rule explains.

import type { ReadReason } from '../model/report.js';

export class ReadError extends Error {
  constructor(
    /** Message id of the file-unreadable rule. */
    readonly reason: ReadReason,
    readonly data: Record<string, string | number> = {},
  ) {
    super(reason);
    this.name = 'ReadError';
  }
}

/** A damaged file: the reason (corrupt-xlsx, corrupt-docx) with the first line of why. */
export function corrupt(reason: 'corrupt-xlsx' | 'corrupt-docx', err: unknown): ReadError {
  if (err instanceof ReadError) return err;
  return new ReadError(reason, { detail: err instanceof Error ? err.message.split('\n')[0]!.slice(0, 120) : String(err) });
}

/** A workbook's archive that cannot be read: corrupt-xlsx with the first line of why. */
export const corruptXlsx = (err: unknown): ReadError => corrupt('corrupt-xlsx', err);
