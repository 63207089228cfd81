// File -> Grid: pick the reader from the file's bytes and name.

import { readFile } from 'node:fs/promises';
import type { Grid } from '../model/grid.js';
import { ReadError } from './errors.js';
import { sniff } from './sniff.js';
import { readDelimited } from './text.js';
import { readXlsx } from './xlsx.js';

export { ReadError } from './errors.js';

/** Read bytes already in memory. Throws ReadError when the file cannot be read as a report. */
export async function readGridFromBytes(file: string, bytes: Uint8Array): Promise<Grid> {
  return sniff(file, bytes) === 'xlsx' ? readXlsx(file, bytes) : readDelimited(file, bytes);
}

/** A file's bytes. Throws ReadError for a missing, unreadable or unsuitable path. */
export async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'ENOENT') throw new ReadError('not-found');
    if (code === 'EISDIR') throw new ReadError('is-directory');
    if (code === 'EACCES' || code === 'EPERM') throw new ReadError('permission');
    throw new ReadError('io', { detail: code });
  }
}

/** Read a file from disk. Throws ReadError for missing, unreadable or unsupported files. */
export async function readGrid(file: string): Promise<Grid> {
  return readGridFromBytes(file, await readBytes(file));
}
