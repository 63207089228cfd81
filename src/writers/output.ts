// Writing output files safely: never over an input, never half-written (a temporary file renamed
// into place), parent folders created, and a clear reason when the target cannot be written.

import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

export class OutputError extends Error {
  constructor(
    /** Message id for the CLI: input, directory, unwritable. */
    readonly reason: 'input' | 'directory' | 'unwritable',
    readonly path: string,
    readonly detail = '',
  ) {
    super(`${reason}: ${path}`);
    this.name = 'OutputError';
  }
}

/**
 * mkdir -p, one folder at a time. Node 20's `mkdir(path, { recursive: true })` spins forever on
 * some paths it cannot create (a folder under /proc); creating each missing folder in turn fails
 * with the real reason instead.
 */
async function makeFolders(folder: string): Promise<void> {
  const missing: string[] = [];
  for (let f = folder; !(await stat(f).catch(() => null)); f = dirname(f)) {
    missing.push(f);
    if (dirname(f) === f) break;
  }
  for (const f of missing.reverse()) await mkdir(f).catch((err: NodeJS.ErrnoException) => {
    // Made meanwhile by another run: fine.
    if (err.code !== 'EEXIST') throw err;
  });
}

/**
 * Pieces of text joined into blocks of about 64 KB: fewer writes than pieces, less memory than the
 * whole. Joined once each (a string built up with += is a rope that V8 copies flat again to write).
 */
export function* blocks(pieces: Iterable<string>, size = 1 << 16): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    parts.push(piece);
    length += piece.length;
    if (length >= size) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (length > 0) yield parts.join('');
}

function writePieces(path: string, pieces: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    for (const block of blocks(pieces)) writeSync(fd, block);
  } finally {
    closeSync(fd);
  }
}

/**
 * Write `data` (or text in pieces, written as they come) to `path` atomically. `inputs` are the
 * files this run reads: they are never written.
 */
export async function writeOutput(path: string, data: string | Uint8Array | Iterable<string>, inputs: readonly string[] = []): Promise<void> {
  const target = resolve(path);
  if (inputs.some((i) => resolve(i) === target)) throw new OutputError('input', path);
  const existing = await stat(target).catch(() => null);
  // The same file under another name (a symlink, a path through a symlinked folder) is the same
  // file; only a target that exists can be one.
  if (existing) {
    const real = (p: string) => realpath(p).catch(() => resolve(p));
    const targetReal = await real(target);
    if ((await Promise.all(inputs.map(real))).includes(targetReal)) throw new OutputError('input', path);
  }
  if (existing?.isDirectory()) throw new OutputError('directory', path);
  // /dev/null, /dev/stdout, a named pipe: written into as they are, never replaced by a file.
  if (existing && !existing.isFile()) {
    try {
      if (typeof data === 'string' || data instanceof Uint8Array) await writeFile(target, data);
      else writePieces(target, data);
      return;
    } catch (err) {
      throw unwritable(err, path);
    }
  }
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    await makeFolders(dirname(target));
    if (typeof data === 'string' || data instanceof Uint8Array) await writeFile(temp, data);
    else writePieces(temp, data);
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw unwritable(err, path);
  }
}

/** A file system's refusal becomes a one-line reason; anything else (a bug while making the text) stays what it is. */
function unwritable(err: unknown, path: string): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? new OutputError('unwritable', path, code) : err;
}
