// What the property tests' reader process and its parts say to each other: the test and the child
// process (reader-process.ts, reader-child.ts), the child and its watchdog thread (reader-watchdog.ts).
// Kept apart because those files run on import.

/** What the child sends once it listens for requests. */
export const READY = 'ready';

export interface Request {
  id: number;
  name: string;
  bytes: Uint8Array;
}

export type Reply =
  | {
      id: number;
      kind: 'result';
      /** Wall time of loadReport and checkReport together. */
      ms: number;
      /** report.failure.reason, when the file could not be read. */
      reason: string | null;
      /** The file-unreadable diagnostic, when there is one. */
      unreadable: { messageId: string; message: string } | null;
    }
  | { id: number; kind: 'threw'; ms: number; stack: string };

export interface WatchdogData {
  /** file: URL of the bundled child, whose inline source map leads back to the sources. */
  bundle: string;
  /** How long a read may take before its stack is taken. */
  afterMs: number;
}

export type WatchdogMessage = { id: number; state: 'start' | 'done' };
