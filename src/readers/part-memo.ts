// What parts of a workbook gave, by the parts' stored bytes. The workbook, its relationships and
// the styles of a template everybody fills in are the same, byte for byte, from file to file of a
// batch: recognised, they are neither inflated nor read again. Their inflated size still counts
// against the file's budget, as it did when they were read.

import type { ZipArchive } from './zip.js';

type Stored = ReturnType<ZipArchive['stored']>;

interface Seen<T> {
  parts: Stored[];
  inflated: number;
  value: T;
}

const same = (a: Stored, b: Stored) => (a && b ? a.method === b.method && Buffer.compare(a.bytes, b.bytes) === 0 : a === b);

export class PartMemo<T> {
  /** The last few distinct sets of parts, newest first. */
  private readonly seen: Array<Seen<T>> = [];

  constructor(private readonly size = 4) {}

  /** The value of the parts `names` of `zip`: remembered, or made by `read` (which may throw; nothing is remembered then). */
  value(zip: ZipArchive, names: string[], read: () => T): T {
    let parts: Stored[];
    try {
      parts = names.map((name) => zip.stored(name));
    } catch {
      // A damaged part: read as if nothing were remembered, so that the error is the one reading gives.
      return read();
    }
    for (const seen of this.seen) {
      if (seen.parts.every((part, i) => same(part, parts[i]))) {
        zip.charge(seen.inflated);
        return seen.value;
      }
    }
    const before = zip.inflated;
    const value = read();
    // Copies: the file's bytes are not kept for the sake of a few of them.
    this.seen.unshift({ parts: parts.map((p) => p && { ...p, bytes: p.bytes.slice() }), inflated: zip.inflated - before, value });
    if (this.seen.length > this.size) this.seen.pop();
    return value;
  }
}
