// What a batch keeps of each file until the end: its result, to be written, its facts, for the
// cross-year checks, which need every file's heading (body and year) at once but the cells only of
// the files they pair, and its report when asked to (--annotate). A worker sends them serialized
// (v8.serialize; the buffer is moved between threads, not copied) with the heading beside them;
// the main thread keeps the bytes one file after another in large blocks, outside the JS heap and
// without an object a file, and reads them back only where they are needed. (Kept as objects, the
// results of a large batch, and the young generation V8 grows for what survives, would be most of
// its peak memory.)

import { deserialize, serialize } from 'node:v8';
import type { FileResult } from '../engine/index.js';
import type { ReportHeading, YearFacts } from '../model/facts.js';
import type { Report } from '../model/report.js';
import { unpackFacts, type PackedFacts } from './packed-facts.js';
import type { TaskOutput } from './task.js';

/** What the heading says of a result, kept once (the file's path is the batch's own). */
type HeadingPart = 'file' | 'agency' | 'year' | 'edition';

/** What is read back from the bytes: the rest of the result, the facts' packed cells, the report when it was kept. */
interface Kept extends Pick<PackedFacts, 'cells' | 'sheets'> {
  result: Omit<FileResult, HeadingPart>;
  report?: Report;
}

/** A file's output on its way to the main thread: its bytes, and the heading that pairing looks at. */
export interface KeptOutput {
  bytes: Uint8Array;
  heading: Omit<ReportHeading, 'file'>;
}

export function keep({ result, facts, report }: TaskOutput): KeptOutput {
  const { cells, sheets, file: _, ...heading } = facts;
  const { file: __, agency: ___, year: ____, edition: _____, ...rest } = result;
  const bytes = serialize({ result: rest, cells, sheets, ...(report ? { report } : {}) } satisfies Kept);
  // Moved between threads by its buffer: the bytes must be the whole of it (they are, in Node 20).
  return { bytes: bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes), heading };
}

/** Bytes a block holds (a larger output gets a block of its own). */
const BLOCK_BYTES = 1 << 20;

/** Every file's kept output, by the file's index. */
export class KeptBatch {
  /** Each file's heading, as values: pairing looks at all of them. */
  readonly headings: ReportHeading[];
  private readonly blocks: Uint8Array[] = [];
  private used = BLOCK_BYTES;
  private readonly blockOf: Int32Array;
  private readonly startOf: Int32Array;
  private readonly lengthOf: Int32Array;
  private lastIndex = -1;
  private last: Kept | undefined;

  /** `files`: the batch's files, whose outputs are set by their index. */
  constructor(private readonly files: readonly string[]) {
    this.headings = new Array(files.length);
    this.blockOf = new Int32Array(files.length);
    this.startOf = new Int32Array(files.length);
    this.lengthOf = new Int32Array(files.length);
  }

  set(index: number, { bytes, heading }: KeptOutput): void {
    let block = this.blocks[this.blocks.length - 1];
    if (!block || this.used + bytes.length > block.length) {
      block = new Uint8Array(Math.max(BLOCK_BYTES, bytes.length));
      this.blocks.push(block);
      this.used = 0;
    }
    block.set(bytes, this.used);
    this.blockOf[index] = this.blocks.length - 1;
    this.startOf[index] = this.used;
    this.lengthOf[index] = bytes.length;
    this.used += bytes.length;
    this.headings[index] = { file: this.files[index]!, ...heading };
  }

  result(index: number): FileResult {
    const { file, agency, year, edition } = this.headings[index]!;
    return { file, agency, year, edition, ...this.read(index).result };
  }

  /** A file's facts with their cells unpacked. */
  facts(index: number): YearFacts {
    const { cells, sheets } = this.read(index);
    return unpackFacts({ ...this.headings[index]!, cells, sheets });
  }

  /** A file's report, when the batch kept reports. */
  report(index: number): Report | undefined {
    return this.read(index).report;
  }

  /**
   * A file's kept output; the last one read is read once for its result and its facts (the same
   * objects: read a file's result once, or do not change it).
   */
  private read(index: number): Kept {
    if (index !== this.lastIndex) {
      const start = this.startOf[index]!;
      this.last = deserialize(this.blocks[this.blockOf[index]!]!.subarray(start, start + this.lengthOf[index]!)) as Kept;
      this.lastIndex = index;
    }
    return this.last!;
  }
}
