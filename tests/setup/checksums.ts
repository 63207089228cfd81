// The inputs the test suite reads: every file under fixtures/ and the shared seed and conformance
// inputs, with their SHA-256. A command under test must never change or add an input file.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FOLDERS = [join(ROOT, 'fixtures'), join(ROOT, '..', 'shared', 'seed'), join(ROOT, '..', 'shared', 'conformance')];

function* files(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

export function inputChecksums(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const folder of FOLDERS.filter(existsSync)) {
    for (const file of files(folder)) out[relative(ROOT, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return out;
}
