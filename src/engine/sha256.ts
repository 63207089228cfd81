// SHA-256 in hex, for fingerprints. node:crypto is loaded by the first call, not at start-up: a
// worker that only reads files never needs it, and loading it (with the streams it brings) is a
// large part of loading the bundle.

import type { BinaryLike } from 'node:crypto';

let crypto: typeof import('node:crypto') | undefined;

export function sha256(data: BinaryLike): string {
  crypto ??= process.getBuiltinModule('node:crypto');
  return crypto.createHash('sha256').update(data).digest('hex');
}
