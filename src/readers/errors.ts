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
