// File -> Grid: pick the reader from the file's bytes and name (sniff.ts), within the limits.

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Grid } from '../model/grid.js';
import { readDocx, readWordXml } from './docx.js';
import { ReadError } from './errors.js';
import { readHtml } from './html.js';
import { formatSize, limitsWith, type Limits } from './limits.js';
import { readMht } from './mht.js';
import { readPdf } from './pdf/index.js';
import { sniff } from './sniff.js';
import { readDelimited } from './text.js';
import { readXlsx } from './xlsx.js';

export { ReadError } from './errors.js';
export { DEFAULT_LIMITS, type Limits } from './limits.js';

/**
 * Read bytes already in memory. Throws ReadError when the file cannot be read as a report. The
 * readers are small and bundled with the rest; what is heavy, the web-page parser (parse5, about
 * 70 ms to load) and pdf.js (about 200 ms), is imported when the first page or PDF is read. (Imported here on first use
 * instead, the document readers split the bundle into chunks that every start would load.)
 */
export async function readGridFromBytes(file: string, bytes: Uint8Array, limits?: Partial<Limits>): Promise<Grid> {
  const bounds = limitsWith(limits);
  if (bytes.length > bounds.maxFileBytes) throw tooLarge(bytes.length, bounds);
  const kind = sniff(file, bytes, bounds);
  switch (kind.reader) {
    case 'xlsx':
      return readXlsx(file, kind.zip, bounds);
    case 'docx':
      return readDocx(file, kind.zip, bounds);
    case 'word-xml':
      return readWordXml(file, bytes, bounds);
    case 'html':
      return readHtml(file, bytes, bounds);
    case 'mht':
      return readMht(file, bytes, bounds);
    case 'pdf':
      return readPdf(file, bytes, bounds);
    case 'delimited':
      return readDelimited(file, bytes, bounds);
  }
}

function tooLarge(size: number, limits: Limits): ReadError {
  return new ReadError('too-large', { size: formatSize(size, limits.maxFileBytes), limit: formatSize(limits.maxFileBytes, size) });
}

function ioError(err: unknown): ReadError {
  const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
  if (code === 'ENOENT') return new ReadError('not-found');
  if (code === 'EISDIR') return new ReadError('is-directory');
  if (code === 'EACCES' || code === 'EPERM') return new ReadError('permission');
  return new ReadError('io', { detail: code });
}

/**
 * A file's bytes, read synchronously (a batch reads thousands of small files; the thread pool's
 * round trips would cost more than the reads). The size is checked before anything is read.
 * Throws ReadError for a missing, unreadable, unsuitable or too large path.
 */
export function readBytes(file: string, limits?: Partial<Limits>): Uint8Array {
  const bounds = limitsWith(limits);
  let fd: number;
  try {
    // Non-blocking, so that a named pipe nobody writes to is refused rather than waited on forever.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw ioError(err);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new ReadError('is-directory');
    if (!stat.isFile()) throw new ReadError('special');
    if (stat.size > bounds.maxFileBytes) throw tooLarge(stat.size, bounds);
    // Read what is there, not what stat said: a file may grow or shrink while it is read.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // The size stat gave, plus a byte to see the end; small steps for devices and pipes (size 0).
      const chunk = Buffer.allocUnsafe(total < stat.size ? stat.size - total + 1 : 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > bounds.maxFileBytes) throw tooLarge(total, bounds);
      chunks.push(chunk.subarray(0, n));
      // All that stat said is there, and the read came back short of the extra byte: the end (a
      // read less a file). A short read before that size (some network file systems) reads on.
      if (n < chunk.length && stat.size > 0 && total >= stat.size) break;
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } catch (err) {
    throw err instanceof ReadError ? err : ioError(err);
  } finally {
    closeSync(fd);
  }
}

/** Read a file from disk. Throws ReadError for missing, unreadable or unsupported files. */
export async function readGrid(file: string, limits?: Partial<Limits>): Promise<Grid> {
  return readGridFromBytes(file, readBytes(file, limits), limits);
}
