// The workspace's shared folder (../shared beside the checkout): the format contract and the
// conformance examples. A clone of the repository alone has no such folder: the tests that read it
// are skipped with a one-line notice, except under CI=true, where its absence fails the run.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED = fileURLToPath(new URL('../../../shared', import.meta.url));

/** Whether a missing shared folder fails the run (CI) rather than skipping what needs it. */
export const SHARED_REQUIRED = process.env.CI === 'true';

/**
 * The path of `relative` inside ../shared, or null when it is not there. Null only outside CI:
 * under CI=true the path is returned anyway, and the test reading it fails, naming it.
 */
export function sharedPath(relative: string): string | null {
  const path = join(SHARED, relative);
  if (existsSync(path) || SHARED_REQUIRED) return path;
  console.warn(`skipped: ../shared/${relative} is not beside this checkout (a fresh clone); CI=true makes this a failure`);
  return null;
}
